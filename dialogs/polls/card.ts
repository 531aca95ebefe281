import { DateTime } from 'luxon';
import { ZONE } from '../../src/clock.js';
import type { Language, Reply, ReplyButton, ReplyChart } from '../../src/core/types.js';
import { isOpen, type OptionResult, type PollResults } from '../../src/polls/results.js';
import type { PollRepository } from '../../src/state/polls.js';
import type { DeepReadonly, Poll } from '../../src/state/schema.js';
import { inert, textBar } from '../shared/text.js';
import { POLL_DIALOGS } from '../names.js';
import { say } from '../shared/say.js';
import { dialogButton } from '../shared/buttons.js';

/** The width of the results' bars, as in the example card. */
const BAR_WIDTH = 14;

type Lang = { language: Language };
type ReadPoll = DeepReadonly<Poll>;

/** "1 stemme" / "41 stemmer" (en: 1 vote / 41 votes). */
export function votesText(context: Lang, count: number): string {
  return count === 1 ? say(context, '1 stemme', '1 vote') : say(context, `${count} stemmer`, `${count} votes`);
}

function percentText(context: Lang, percent: number): string {
  return say(context, `${percent} %`, `${percent}%`);
}

function closingText(context: Lang, closesAt: string, now: DateTime): string {
  const at = DateTime.fromISO(closesAt).setZone(ZONE);
  const sameDay = at.hasSame(now.setZone(ZONE), 'day');
  const time = say(context, at.toFormat('HH.mm'), at.toFormat('HH:mm'));
  const day = sameDay ? '' : say(context, `${at.toFormat('d/M')} `, `${at.toFormat('d/M')} `);
  return say(context, `lukker ${day}kl. ${time}`, `closes ${day}at ${time}`);
}

function statusLine(context: Lang, poll: ReadPoll, voters: number, now: DateTime): string {
  const parts = [poll.anonymous ? say(context, 'Anonym', 'Anonymous') : say(context, 'Navngiven', 'Named')];
  if (poll.multiple)
    parts.push(
      say(context, 'flere valg (tryk igen for at fjerne et valg)', 'multiple choice (press again to remove a choice)'),
    );
  parts.push(
    poll.live
      ? say(context, 'resultatet vises løbende', 'results shown as votes come in')
      : say(context, 'resultatet vises, når afstemningen lukkes', 'results shown when the poll closes'),
  );
  if (poll.closesAt !== undefined) parts.push(closingText(context, poll.closesAt, now));
  parts.push(votesText(context, voters));
  // who may close it: in Slack the card is klikbot's own post, with no name above it
  if (poll.createdBy.name)
    parts.push(say(context, `oprettet af ${poll.createdBy.name}`, `created by ${poll.createdBy.name}`));
  return parts.join(' · ');
}

function maxVotes(options: OptionResult[]): number {
  return Math.max(0, ...options.map((option) => option.votes));
}

/**
 * The results as one run of words, for the text that notifications and screen readers get:
 * "Ja 3 stemmer, 75 %; Nej 1 stemme, 25 %". Bars read aloud are only noise.
 */
export function resultSentence(context: Lang, results: PollResults): string {
  return results.options
    .map((option) => `${option.label} ${votesText(context, option.votes)}, ${percentText(context, option.percent)}`)
    .join('; ');
}

/** The results as list lines, for cards: "A Integration: ██████░░░░░░░░ 11 (27 %)". */
function resultList(context: Lang, results: PollResults): string[] {
  const top = maxVotes(results.options);
  return results.options.map(
    (option) =>
      `${option.label}: ${textBar(option.votes, top, BAR_WIDTH)} ${option.votes} (${percentText(context, option.percent)})`,
  );
}

/** The counts as a chart, for the channels that draw one. */
function resultChart(context: Lang, results: PollResults): ReplyChart {
  return {
    title: say(context, 'Stemmer', 'Votes'),
    bars: results.options.map((option) => ({ label: option.label, value: option.votes })),
  };
}

function voteButtons(context: Lang, poll: ReadPoll): ReplyButton[] {
  const options: ReplyButton[] = poll.options.map((option) => ({
    ...dialogButton(option.label, POLL_DIALOGS.vote, { pollId: poll.id, option: option.id }),
    replacesCard: true,
  }));
  const close: ReplyButton = {
    ...dialogButton(say(context, 'Luk afstemning', 'Close poll'), POLL_DIALOGS.close, { pollId: poll.id }),
    replacesCard: true,
  };
  return [...options, close];
}

function openCard(context: Lang, poll: ReadPoll, results: PollResults, now: DateTime): Reply {
  const status = statusLine(context, poll, results.voters, now);
  // a hidden poll shows how many have voted and nothing more until it closes
  const shown = poll.live && results.voters > 0;
  return {
    heading: `📊 ${poll.question}`,
    text: [`📊 **${poll.question}**`, status, ...(shown ? [`${resultSentence(context, results)}.`] : [])].join('\n'),
    intro: status,
    ...(shown ? { list: resultList(context, results), chart: resultChart(context, results) } : {}),
    buttons: voteButtons(context, poll),
  };
}

function closedCard(context: Lang, poll: ReadPoll, results: PollResults): Reply {
  const counted = votesText(context, results.voters);
  const multiple = poll.multiple
    ? say(context, ' · flere valg: procent af dem, der stemte', ' · multiple choice: percent of those who voted')
    : '';
  return {
    heading: `📊 ${poll.question}`,
    text: [
      `📊 **${poll.question}** ${say(context, `(lukket, ${counted})`, `(closed, ${counted})`)}`,
      `${resultSentence(context, results)}.`,
    ].join('\n'),
    intro: `${say(context, `Lukket · ${counted}`, `Closed · ${counted}`)}${multiple}`,
    list: resultList(context, results),
    chart: resultChart(context, results),
    buttons: [dialogButton(say(context, 'Hent CSV', 'Download CSV'), POLL_DIALOGS.csv, { pollId: poll.id })],
  };
}

/** What stands in a deleted poll's place. */
export function deletedCard(context: Lang, poll: ReadPoll): Reply {
  return {
    text: say(
      context,
      `📊 Afstemningen »${poll.question}« er slettet.`,
      `📊 The poll "${poll.question}" has been deleted.`,
    ),
  };
}

/**
 * The poll's card as it stands at `now`: open (a button per option, "Luk afstemning", and
 * the counts only when the poll is live), closed (bars, counts, percentages and "Hent CSV"),
 * or deleted.
 */
export function pollCard(context: Lang, poll: ReadPoll, results: PollResults, now: DateTime): Reply {
  const [shown, counted] = [shownPoll(poll), shownResults(results)];
  if (poll.deletedAt !== undefined) return { ...deletedCard(context, shown), broadcast: true };
  return {
    ...(isOpen(poll, now) ? openCard(context, shown, counted, now) : closedCard(context, shown, counted)),
    broadcast: true,
  };
}

/** The poll as others see it: what its creator typed (question, options, name) shown as inert text. */
export function shownPoll(poll: ReadPoll): ReadPoll {
  const createdBy =
    poll.createdBy.name === undefined ? poll.createdBy : { ...poll.createdBy, name: inert(poll.createdBy.name) };
  return {
    ...poll,
    question: inert(poll.question),
    options: poll.options.map((option) => ({ ...option, label: inert(option.label) })),
    createdBy,
  };
}

/** The results with the options' labels as inert text. */
export function shownResults(results: PollResults): PollResults {
  return { ...results, options: results.options.map((option) => ({ ...option, label: inert(option.label) })) };
}

/** The id of the poll a card is for (read from its buttons), to keep the posted message's reference with setMessage. */
export function pollIdOf(reply: Reply): string | undefined {
  const dialogs: string[] = [POLL_DIALOGS.vote, POLL_DIALOGS.close, POLL_DIALOGS.csv];
  return reply.buttons?.find((button) => dialogs.includes(button.action.dialog))?.action.args.pollId;
}

/**
 * The card `reply` shows, rendered again from the poll as it stands at `now`, in the poll's
 * language (or the card's: its buttons carry it); undefined when the reply is no poll's card.
 */
export function currentPollCard(polls: PollRepository, reply: Reply, now: DateTime): Reply | undefined {
  const pollId = pollIdOf(reply);
  const poll = pollId === undefined ? undefined : polls.get(pollId);
  const results = pollId === undefined ? undefined : polls.results(pollId);
  if (!poll || !results) return undefined;
  const language: Language =
    poll.language ?? (reply.buttons?.some((button) => button.action.args.lang === 'en') ? 'en' : 'da');
  const card = pollCard({ language }, poll, results, now);
  // the buttons carry the language, as the core adds it to every answer
  return {
    ...card,
    buttons: card.buttons?.map((button) => ({
      ...button,
      action: { ...button.action, args: { ...button.action.args, lang: language } },
    })),
  };
}
