import { z } from 'zod';
import { pollCsv } from '../../src/polls/csv.js';
import { isOpen } from '../../src/polls/results.js';
import type { ActionDialog } from '../types.js';
import { namedPoll, pollsOf, pollsUnavailable, quoted } from './access.js';
import { shownPoll, votesText } from './card.js';
import { privately, notice } from '../shared/replies.js';
import { say } from '../shared/say.js';

const argsSchema = z.object({ pollId: z.uuid() });

/**
 * "Hent CSV": the poll's results as CSV in a code block, for the person who pressed only
 * (a notice). An anonymous poll's CSV has the counts only; a named one's lists who chose what.
 * A poll whose results are hidden until it closes gives no CSV before then.
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
        'The results are shown when the poll closes; the CSV can be downloaded then.',
      ),
    );
  }
  const results = polls.results(poll.id);
  if (!results) return notice(say(context, 'Den afstemning kender jeg ikke.', "I don't know that poll."));
  // backticks in a voter's name would end the code block early
  const csv = pollCsv(results, polls.ballots(poll.id)).replace(/`/g, "'");
  const intro = say(
    context,
    `CSV for ${quoted(context, shownPoll(poll).question)} (${votesText(context, results.voters)}):`,
    `CSV for ${quoted(context, shownPoll(poll).question)} (${votesText(context, results.voters)}):`,
  );
  return notice(`${intro}\n\`\`\`\n${csv}\`\`\``, { private: privately(context) });
};
