import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { createFixedClock } from '../../src/clock.js';
import { postMessages } from '../support/bot-framework.js';
import { useBotAndConnector } from '../support/bot-and-connector.js';
import { plainSentenceProblems } from '../support/plain-sentence.js';
import {
  cardBodyText,
  channelData,
  conversations,
  mentioning,
  teamsActivity,
  type CardAction,
  type CardContent,
} from '../support/teams-activities.js';

const CARD = 'application/vnd.microsoft.card.adaptive';

type Block = { type: string; text?: string; style?: string; actions?: CardAction[] };

/** A card as Teams got it: posted or rewritten (with the activity's summary), or answered to a press (no summary). */
interface SeenCard {
  how: string;
  summary?: string;
  card: Omit<CardContent, 'body'> & { speak?: string; body?: Block[] };
}

const people = {
  jens: { from: { id: '29:jens', name: 'Jens Jensen', aadObjectId: 'aad-jens' } },
  karen: { from: { id: '29:karen', name: 'Karen Nielsen', aadObjectId: 'aad-karen' } },
};
const inChannel = { conversation: conversations.channel, channelData };

function headingOf(seen: SeenCard): string {
  const blocks = seen.card.body ?? [];
  return blocks.find((block) => block.style === 'heading')?.text ?? blocks[0]?.text ?? '';
}

function titles(seen: SeenCard | undefined): string[] {
  const inBody = (seen?.card.body ?? []).flatMap((block) => block.actions?.map((action) => action.title) ?? []);
  return [...(seen?.card.actions ?? []).map((action) => action.title), ...inBody];
}

/**
 * Every kind of card klikbot sends in Teams, walked through the running bot: a meeting run from
 * its practicalities to the evaluation's results, polls open and closed, the status cards,
 * the reminders pushed by the clock, and answers in a personal chat.
 */
describe('what Teams shows in notifications and reads to screen readers', () => {
  const clock = createFixedClock(DateTime.fromISO('2018-09-06T09:58:00+02:00'));
  const h = useBotAndConnector({ KLIKBOT_REMINDER_TICK_SECONDS: '0' }, { clock, each: true });
  const seen: SeenCard[] = [];
  let read = 0;

  /** The cards the connector got since the last look: posts and rewrites. */
  function collect(): void {
    for (const request of h.connector.requests.slice(read)) {
      const attachment = request.body.attachments?.find((candidate) => candidate.contentType === CARD);
      if (attachment)
        seen.push({
          how: `${request.method} ${decodeURIComponent(request.url)}`,
          summary: request.body.summary,
          card: attachment.content as SeenCard['card'],
        });
    }
    read = h.connector.requests.length;
  }

  async function post(activity: Record<string, unknown>): Promise<void> {
    const response = await postMessages(h.bot.url, teamsActivity(h.connector.url, activity));
    expect(response.status).toBe(200);
    await h.bot.idle();
    collect();
  }

  const say = (text: string) => post({ ...inChannel, ...mentioning(text) });

  /** Presses a button as `who` (Mette when none), as Teams sends an Action.Execute; the card answered joins the rest. */
  async function press(button: CardAction | undefined, who: Record<string, unknown> = {}, fields = {}): Promise<void> {
    expect(button, 'the button to press').toBeDefined();
    const data = { ...(button!.data as object), ...fields };
    const activity = teamsActivity(h.connector.url, {
      ...inChannel,
      ...who,
      type: 'invoke',
      name: 'adaptiveCard/action',
      replyToId: 'posted-card',
      value: { action: { type: 'Action.Execute', verb: button!.verb, data } },
    });
    const answer = (await (await postMessages(h.bot.url, activity)).json()) as {
      statusCode: number;
      type?: string;
      value: SeenCard['card'];
    };
    await h.bot.idle();
    if (answer.statusCode === 200 && answer.type === CARD) seen.push({ how: 'pressed', card: answer.value });
    collect();
  }

  const button = (title: string): CardAction | undefined =>
    seen
      .flatMap((card) => [...(card.card.actions ?? []), ...(card.card.body ?? []).flatMap((b) => b.actions ?? [])])
      .findLast((action) => action.title === title);

  async function runMeeting(): Promise<void> {
    await say('kanal Aarhus');
    await say('start møde');
    await say('dagens program');
    await say('pause 10');
    for (let step = 0; step < 8; step += 1) await say('næste punkt');
    const answer = button('Svar på evalueringen');
    await press(answer, people.jens);
    await press(button('Send svar'), people.jens, { rating: '4', worked: 'Oplægget om **Organisation**', improve: '' });
    await press(answer, people.karen);
    await press(button('Send svar'), people.karen, { rating: '5', worked: '', improve: 'Færre pauser' });
    await press(button('Luk og vis resultatet'));
    await say('afslut møde');
  }

  async function runPolls(): Promise<void> {
    await say(
      'afstemning live: Hvilken strategi for Organisation vælger I? | A Integration | B STS ORG GUI | C Interim',
    );
    await press(button('A Integration'), people.jens);
    await press(button('C Interim'), people.karen);
    await press(button('Luk afstemning'));
    await say('afstemning lukker om 10 min: Pause nu? | Ja | Nej');
    clock.set(clock.now().plus({ minutes: 11 }));
    await h.bot.reminders.tick();
    collect();
  }

  async function runStatusAndReminders(): Promise<void> {
    for (const text of ['status', 'status BBR', 'hvordan går det med BBR i hele landet?', 'opdater']) await say(text);
    await say('mind os om deadlines');
    await say('påmindelser');
    clock.set(DateTime.fromISO('2018-10-25T09:00:30+02:00'));
    await h.bot.reminders.tick();
    collect();
    for (const text of ['hjælp', 'hvornår er deadline for at udpege FK-ansvarlig?', 'roller', 'hvem er pilotkommuner?'])
      await post({ text });
  }

  it('gets plain sentences for every card: answers, a meeting, its evaluation, polls, status and reminders', async () => {
    await runMeeting();
    await runPolls();
    await runStatusAndReminders();
    const kinds: [string, (card: SeenCard) => boolean][] = [
      ['the practicalities', (card) => headingOf(card) === '📌 Det praktiske'],
      ['an agenda item', (card) => /^Punkt \d af 9$/.test(headingOf(card))],
      ['the agenda', (card) => headingOf(card) === 'Dagens program'],
      ['a pause', (card) => headingOf(card) === '☕ Pause'],
      ['the evaluation', (card) => titles(card).includes('Svar på evalueringen')],
      ['the evaluation form', (card) => titles(card).includes('Send svar')],
      ["the evaluation's results", (card) => headingOf(card).startsWith('Resultat af evalueringen')],
      ["the meeting's end", (card) => headingOf(card) === 'Tak for i dag'],
      ['an open poll', (card) => headingOf(card).startsWith('📊') && titles(card).includes('Luk afstemning')],
      ['a closed poll', (card) => headingOf(card).startsWith('📊') && titles(card).includes('Hent CSV')],
      ['a poll closed by the clock', (card) => card.how.startsWith('PUT') && titles(card).includes('Hent CSV')],
      ['the national status', (card) => cardBodyText(card.card).includes('98 kommuner')],
      ['the status form', (card) => titles(card).includes('Gem')],
      ['a reminder', (card) => (card.summary ?? '').startsWith('🔔')],
      ['an answer', (card) => cardBodyText(card.card).includes('1. november 2018')],
    ];
    for (const c of seen) console.log(`${c.how} | ${headingOf(c)}\n  S: ${c.summary}\n  K: ${c.card.speak}`);
    expect(kinds.filter(([, found]) => !seen.some(found)).map(([kind]) => kind)).toEqual([]);

    const problems = seen.flatMap((card) => [
      ...(card.how === 'pressed'
        ? []
        : plainSentenceProblems(card.summary).map((p) => `summary ${p}: ${card.summary}`)),
      ...plainSentenceProblems(card.card.speak).map((p) => `speak ${p}: ${card.card.speak}`),
    ]);
    expect(problems).toEqual([]);

    // the bars in words, and the agenda's notification one sentence rather than the whole agenda
    const closed = seen.find((card) => headingOf(card).startsWith('📊') && titles(card).includes('Hent CSV'));
    expect(closed?.card.speak).toContain(
      'A Integration 1 stemme, 50 %; B STS ORG GUI 0 stemmer, 0 %; C Interim 1 stemme, 50 %.',
    );
    const agenda = seen.find((card) => headingOf(card) === 'Dagens program');
    expect(agenda?.summary).toMatch(
      /^Program for Programledermøde september 2018 i dag kl\. 10\.00–\d\d\.\d\d: nu [^.]+\.$/,
    );
  });
});
