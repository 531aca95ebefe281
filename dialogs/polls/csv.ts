import { z } from 'zod';
import type { Reply } from '../../src/core/types.js';
import { fileNamePart, spreadsheetCsv } from '../../src/lib/csv.js';
import type { Ballot, PollResults } from '../../src/polls/results.js';
import { isOpen } from '../../src/polls/results.js';
import type { DeepReadonly, Poll } from '../../src/state/schema.js';
import { municipalityNameOf } from '../membership/acting-for.js';
import { POLL_DIALOGS } from '../names.js';
import type { ActionDialog, ActionServices, DialogContext } from '../types.js';
import { mayManage, namedPoll, pollsOf, pollsUnavailable, quoted } from './access.js';
import { runsMeetingHere } from '../meetings/host.js';
import { resultSentence, shownPoll, shownResults, votesText } from './card.js';
import { exportFile } from '../shared/export-file.js';
import { notice } from '../shared/replies.js';
import { say } from '../shared/say.js';

const argsSchema = z.object({ pollId: z.uuid() });

/** One row per option: its label, its votes and their share of the voters. */
function resultRows(context: DialogContext, results: PollResults): string[][] {
  return [
    [say(context, 'Svarmulighed', 'Option'), say(context, 'Stemmer', 'Votes'), say(context, 'Procent', 'Percent')],
    ...results.options.map((option) => [option.label, String(option.votes), String(option.percent)]),
  ];
}

/** The municipality a voter speaks for (their verified membership now, as the roll call counts), or empty. */
function municipalityOfVoter(context: DialogContext, services: ActionServices, voter: string): string {
  const colon = voter.indexOf(':');
  const membership = colon > 0 ? services.memberships.get(voter.slice(0, colon), voter.slice(colon + 1)) : undefined;
  return membership?.state === 'verified' ? municipalityNameOf(context.knowledge, membership.municipalityId) : '';
}

/**
 * One row per voter of a named poll: name and what they chose, and for the one who runs the
 * poll (its creator, the meeting's host or a co-host, an administrator) each voter's
 * municipality, as only they see the roll call by municipality.
 */
function ballotRows(
  context: DialogContext,
  services: ActionServices,
  ballots: readonly Ballot[],
  withMunicipality: boolean,
): string[][] {
  const name = say(context, 'Navn', 'Name');
  const choices = say(context, 'Valg', 'Choices');
  if (!withMunicipality) return [[name, choices], ...ballots.map((ballot) => [ballot.name, ballot.choices.join(', ')])];
  return [
    [name, say(context, 'Kommune', 'Municipality'), choices],
    ...ballots.map((ballot) => [
      ballot.name,
      municipalityOfVoter(context, services, ballot.voter),
      ballot.choices.join(', '),
    ]),
  ];
}

/** The file: an anonymous poll's counts per option, a named poll's voters (the counts are in the message). */
function pollFile(
  context: DialogContext,
  services: ActionServices,
  poll: DeepReadonly<Poll>,
  results: PollResults,
  withMunicipality: boolean,
) {
  const ballots = poll.anonymous ? [] : (pollsOf(services)?.ballots(poll.id) ?? []);
  const rows = poll.anonymous ? resultRows(context, results) : ballotRows(context, services, ballots, withMunicipality);
  const day = poll.createdAt.slice(0, 10);
  return {
    name: `${say(context, 'afstemning', 'poll')}-${fileNamePart(poll.question)}-${day}.csv`,
    content: spreadsheetCsv(rows),
  };
}

/**
 * "Hent CSV": the poll's results as a CSV file for a spreadsheet, for the one who pressed
 * only (their 1:1 chat). An anonymous poll's file has the counts only; a named one's lists
 * who chose what, with their municipality. A poll whose results are hidden until it closes
 * gives no file before then.
 */
export const pollCsvDialog: ActionDialog = async (context, args, services) => {
  const polls = pollsOf(services);
  if (!polls) return pollsUnavailable(context);
  const parsed = argsSchema.safeParse(args);
  if (!parsed.success) return notice(say(context, 'Den afstemning kender jeg ikke.', "I don't know that poll."));
  const found = namedPoll(context, polls, parsed.data.pollId);
  if (!found.ok) return found.replies;
  const { poll } = found;
  if (poll.deletedAt !== undefined)
    return notice(say(context, 'Afstemningen er slettet.', 'The poll has been deleted.'));
  if (!poll.live && isOpen(poll, context.turn.now)) {
    return notice(
      say(
        context,
        'Resultatet vises, når afstemningen lukkes; CSV-filen kan hentes derefter.',
        'The results are shown when the poll closes; the CSV file can be downloaded then.',
      ),
    );
  }
  const results = polls.results(poll.id);
  if (!results) return notice(say(context, 'Den afstemning kender jeg ikke.', "I don't know that poll."));
  const shown = shownPoll(poll);
  const runsIt = mayManage(context.turn, poll, services) || runsMeetingHere(context, services);
  const withWhom = runsIt ? say(context, ', med kommune,', ', with municipality,') : '';
  const counts = `${votesText(context, results.voters)}: ${resultSentence(context, shownResults(results))}`;
  const text = poll.anonymous
    ? say(
        context,
        `Resultatet af ${quoted(context, shown.question)} som CSV-fil (${counts}).`,
        `The results of ${quoted(context, shown.question)} as a CSV file (${counts}).`,
      )
    : say(
        context,
        `Hvem der stemte hvad i ${quoted(context, shown.question)}${withWhom} som CSV-fil (${counts}).`,
        `Who voted for what in ${quoted(context, shown.question)}${withWhom} as a CSV file (${counts}).`,
      );
  const reply: Reply = exportFile(context, text, {
    ...pollFile(context, services, poll, results, runsIt),
    again: { dialog: POLL_DIALOGS.csv, args: { pollId: poll.id } },
  });
  return [reply];
};
