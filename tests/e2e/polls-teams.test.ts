import { storedStateAt, storedTextAt } from '../support/stored-text.js';
import { DateTime } from 'luxon';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createFixedClock } from '../../src/clock.js';
import { postMessages } from '../support/bot-framework.js';
import { useBotAndConnector } from '../support/bot-and-connector.js';
import { acceptFile, consentOf } from '../support/teams-files.js';
import {
  cardBodyText,
  cardOf,
  channelData,
  conversations,
  mentioning,
  teamsActivity,
  type CardAction,
  type CardContent,
  type InvokeAnswer,
} from '../support/teams-activities.js';

const jens = { id: '29:jens', name: 'Jens Hansen', aadObjectId: 'aad-jens' };
const karen = { id: '29:karen', name: 'Karen Nielsen', aadObjectId: 'aad-karen' };

const textOf = cardBodyText;

/** "@klikbot <text>" written in the channel. */
function mentionedInChannel(connectorUrl: string, text: string): Record<string, unknown> {
  return teamsActivity(connectorUrl, { ...mentioning(text), conversation: conversations.channel, channelData });
}

/** A press of `button` on a card in the channel, by `who` (else the harness's default person); `messageId` names the card's message, as Teams does. */
function pressing(
  connectorUrl: string,
  who: typeof jens | undefined,
  button: CardAction | undefined,
  messageId?: string,
): Record<string, unknown> {
  return teamsActivity(connectorUrl, {
    ...(who ? { from: who } : {}),
    conversation: conversations.channel,
    channelData,
    type: 'invoke',
    name: 'adaptiveCard/action',
    ...(messageId !== undefined ? { replyToId: messageId } : {}),
    value: { action: { type: 'Action.Execute', verb: button?.verb, data: button?.data } },
  });
}

describe('a poll in a Teams channel', () => {
  const clock = createFixedClock(DateTime.fromISO('2018-09-14T10:15:00+02:00'));
  // each test on a fresh state, with a poll of its own
  const h = useBotAndConnector({ KLIKBOT_REMINDER_TICK_SECONDS: '0' }, { clock, each: true });
  let actions: CardAction[] = [];

  /** The anonymous, hidden poll asked for in the channel; returns its posted card. */
  async function createPoll(): Promise<CardContent> {
    const response = await postMessages(
      h.bot.url,
      mentionedInChannel(
        h.connector.url,
        'afstemning: Hvilken strategi for Organisation vælger I? | A Integration | B STS ORG GUI | C Interim',
      ),
    );
    expect(response.status).toBe(200);
    const [posted] = await h.connector.waitFor(1);
    const card = cardOf(posted!);
    actions = card.actions ?? [];
    return card;
  }

  /** Jens votes A, then changes to C; Karen votes C. */
  async function twoVotesForC(): Promise<void> {
    for (const [who, title] of [
      [jens, 'A Integration'],
      [jens, 'C Interim'],
      [karen, 'C Interim'],
    ] as const)
      expect((await press(who, title)).statusCode).toBe(200);
  }

  async function press(who: typeof jens | undefined, title: string): Promise<InvokeAnswer> {
    const action = actions.find((candidate) => candidate.title === title);
    if (!action) throw new Error(`no button ${title} among ${actions.map((a) => a.title).join(' | ')}`);
    const response = await postMessages(h.bot.url, pressing(h.connector.url, who, action));
    expect(response.status).toBe(200);
    return (await response.json()) as InvokeAnswer;
  }

  it('is created in a sentence, anonymous and hidden until closed, with a button per option', async () => {
    const card = await createPoll();
    expect(textOf(card)).toContain('Hvilken strategi for Organisation vælger I?');
    expect(textOf(card)).toMatch(/Anonym · resultatet vises, når afstemningen lukkes · 0 stemmer/);
    expect(actions.map((a) => a.title)).toEqual(['A Integration', 'B STS ORG GUI', 'C Interim', 'Luk afstemning']);
  });

  it('takes one vote per person, changeable, and shows only how many voted while hidden', async () => {
    await createPoll();
    let answer = await press(jens, 'A Integration');
    expect(answer.statusCode).toBe(200);
    expect(textOf(answer.value)).toMatch(/1 stemme\b/);
    answer = await press(jens, 'C Interim');
    expect(textOf(answer.value)).toMatch(/1 stemme\b/);
    answer = await press(karen, 'C Interim');
    expect(textOf(answer.value)).toMatch(/2 stemmer/);
    // hidden: no count per option before the poll closes
    expect(textOf(answer.value)).not.toMatch(/\d+\s*%/);
  });

  it('keeps no voter identity in the state file for an anonymous poll', async () => {
    await createPoll();
    await twoVotesForC();
    const state = await storedTextAt(h.bot.statePath);
    const parsed = (await storedStateAt(h.bot.statePath)) as {
      votes: { voter: string; name?: string; choices: string[] }[];
    };
    expect(parsed.votes).toHaveLength(2);
    for (const secret of ['aad-jens', '29:jens', 'Jens Hansen', 'aad-karen', '29:karen', 'Karen Nielsen'])
      expect(state).not.toContain(secret);
    expect(parsed.votes.map((vote) => vote.choices)).toEqual([['c'], ['c']]);
  });

  it('cannot be closed by someone who did not create it; the creator closes it and sees the result', async () => {
    await createPoll();
    await twoVotesForC();
    const refused = await press(jens, 'Luk afstemning');
    expect(refused.statusCode).not.toBe(200);
    const closed = await press(undefined, 'Luk afstemning');
    expect(closed.statusCode).toBe(200);
    const text = textOf(closed.value);
    expect(text).toMatch(/Lukket · 2 stemmer/);
    expect(text).toContain('C Interim: ██████████████ 2 (100 %)');
    expect(text).toContain('A Integration: ░░░░░░░░░░░░░░ 0 (0 %)');
    // and as a chart, where Teams draws one; clients that cannot drop it and keep the bars above
    const chart = closed.value.body?.find((element) => element.type === 'Chart.HorizontalBar') as
      { data?: unknown; fallback?: unknown } | undefined;
    expect(chart?.data).toEqual([
      { x: 'A Integration', y: 0 },
      { x: 'B STS ORG GUI', y: 0 },
      { x: 'C Interim', y: 2 },
    ]);
    expect(chart?.fallback).toBe('drop');
    // after close, a vote is refused and changes nothing
    const late = await press(karen, 'A Integration');
    expect(late.statusCode).not.toBe(200);
  });
});

describe("the day's agenda in a Teams channel", () => {
  const clock = createFixedClock(DateTime.fromISO('2018-09-06T09:55:00+02:00'));
  const h = useBotAndConnector({ KLIKBOT_REMINDER_TICK_SECONDS: '0' }, { clock });

  it("at 09:55 on 6 September 2018 shows that day's agenda with 10.00 as the first item", async () => {
    await postMessages(h.bot.url, mentionedInChannel(h.connector.url, 'dagens program'));
    const [answer] = await h.connector.waitFor(1);
    const text = [answer!.body.text ?? '', textOf(cardOf(answer!))].join('\n');
    expect(text).toContain('Programledermøde september 2018');
    const items = text.split('\n').filter((line) => /^\W*Punkt \d+: \d{2}\.\d{2}–\d{2}\.\d{2}/.test(line));
    expect(items[0]).toMatch(/Punkt 1: 10\.00–10\.05 Velkomst, dagens program og det praktiske/);
  });
});

describe('a poll card in a Teams channel, as everyone else sees it', () => {
  const clock = createFixedClock(DateTime.fromISO('2018-09-14T10:15:00+02:00'));
  const h = useBotAndConnector({ KLIKBOT_REMINDER_TICK_SECONDS: '0' }, { clock });

  it('is rewritten in place with the newest count, a few times rather than once per vote', async () => {
    await postMessages(h.bot.url, mentionedInChannel(h.connector.url, 'afstemning: Er I klar til SAPA? | Ja | Nej'));
    const [posted] = await h.connector.waitFor(1);
    // the fake connector gives the n-th message it receives the id sent-n
    const messageId = 'sent-1';
    const ja = cardOf(posted!).actions?.find((action) => action.title === 'Ja');
    const votes = Array.from({ length: 30 }, (_, voter) =>
      postMessages(
        h.bot.url,
        pressing(
          h.connector.url,
          { id: `29:deltager-${voter}`, name: `Deltager ${voter}`, aadObjectId: `aad-deltager-${voter}` },
          ja,
          messageId,
        ),
      ),
    );
    for (const response of await Promise.all(votes)) expect(response.status).toBe(200);

    const rewrites = () => h.connector.requests.filter((request) => request.method === 'PUT');
    await vi.waitFor(() => expect(textOf(cardOf(rewrites().at(-1)!))).toMatch(/30 stemmer/), {
      timeout: 10_000,
      interval: 50,
    });
    const last = rewrites().at(-1)!;
    expect(last.url).toBe(`/v3/conversations/${encodeURIComponent(conversations.channel.id)}/activities/${messageId}`);
    // throttled: one write at once, then at most one a second
    expect(rewrites().length).toBeLessThanOrEqual(4);
  });
});

describe('a poll that closes at its set time in a Teams channel', () => {
  const START = DateTime.fromISO('2018-09-14T10:15:00+02:00');
  const clock = createFixedClock(START);
  // each test moves the clock on its own poll: the clock is set back before each one's fresh bot starts
  beforeEach(() => clock.set(START));
  const h = useBotAndConnector({ KLIKBOT_REMINDER_TICK_SECONDS: '0' }, { clock, each: true });

  it('rewrites its posted card with the result, buttons gone, and says so in the channel', async () => {
    await postMessages(
      h.bot.url,
      mentionedInChannel(h.connector.url, 'afstemning lukker om 10 min: Pause nu? | Ja | Nej'),
    );
    const [posted] = await h.connector.waitFor(1);
    const ja = cardOf(posted!).actions?.find((action) => action.title === 'Ja');
    const vote = await postMessages(h.bot.url, pressing(h.connector.url, jens, ja, 'sent-1'));
    expect(vote.status).toBe(200);
    // the vote's own rewrite for everyone
    await h.connector.waitFor(2);

    clock.set(DateTime.fromISO('2018-09-14T10:25:30+02:00'));
    await h.bot.reminders.tick();
    const [rewrite, notice] = h.connector.requests.slice(2);
    expect(rewrite?.method).toBe('PUT');
    expect(rewrite?.url).toBe(`/v3/conversations/${encodeURIComponent(conversations.channel.id)}/activities/sent-1`);
    expect(textOf(cardOf(rewrite!))).toMatch(/Lukket · 1 stemme/);
    expect(cardOf(rewrite!).actions?.map((action) => action.title)).toEqual(['Hent CSV']);
    expect(notice?.method).toBe('POST');
    expect(notice?.body.text).toBe(
      '📊 Afstemningen »Pause nu?« er lukket (1 stemme): Ja 1 stemme, 100 %; Nej 0 stemmer, 0 %.',
    );

    await h.bot.reminders.tick();
    expect(h.connector.requests).toHaveLength(4);

    // "Hent CSV" on the closed card: the file goes to the presser's 1:1 chat, the channel sees nothing
    const csv = cardOf(rewrite!).actions?.find((action) => action.title === 'Hent CSV');
    const pressed = await postMessages(h.bot.url, pressing(h.connector.url, jens, csv, 'sent-1'));
    // a message under the card, not an error, and the card stays as it was
    expect(await pressed.json()).toEqual({
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: 'Filen er sendt til din private chat med klikbot.',
    });
    const [created, sent, ...more] = h.connector.requests.slice(4);
    expect(more).toEqual([]);
    expect([created?.method, created?.url]).toEqual(['POST', '/v3/conversations']);
    expect(created?.body).toMatchObject({ isGroup: false, members: [{ id: jens.id }] });
    expect(sent?.url).not.toContain(encodeURIComponent(conversations.channel.id));
    expect(sent?.body.text).toMatch(/^Resultatet af »Pause nu\?« som CSV-fil \(1 stemme: Ja 1 stemme, 100 %; Nej/);
    const consent = consentOf(sent);
    expect(consent.name).toBe('afstemning-pause-nu-2018-09-14.csv');

    // Jens accepts in his 1:1 chat: the file is uploaded where Teams said, then shown as a file card
    const { upload, shown } = await acceptFile(h, consent, { from: jens });
    expect(upload?.raw).toBe('\uFEFFSvarmulighed;Stemmer;Procent\r\nJa;1;100\r\nNej;0;0\r\n');
    expect(shown?.body.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.teams.card.file.info');
  });

  it('keeps the result on the card when a vote just before the close was still waiting to be shown', async () => {
    clock.set(DateTime.fromISO('2018-09-14T11:00:00+02:00'));
    const before = h.connector.requests.length;
    await postMessages(
      h.bot.url,
      mentionedInChannel(h.connector.url, 'afstemning lukker om 5 min: Frokost nu? | Ja | Nej'),
    );
    const [posted] = (await h.connector.waitFor(before + 1)).slice(before);
    const messageId = `sent-${before + 1}`;
    const nej = cardOf(posted!).actions?.find((action) => action.title === 'Nej');
    for (const voter of [jens, karen]) {
      const vote = pressing(h.connector.url, voter, nej, messageId);
      expect((await postMessages(h.bot.url, vote)).status).toBe(200);
    }
    // Jens's vote is shown at once; Karen's waits for the next second, and the poll closes meanwhile
    clock.set(DateTime.fromISO('2018-09-14T11:05:01+02:00'));
    await h.bot.reminders.tick();
    const rewritesOfCard = () =>
      h.connector.requests.filter(
        (request) => request.method === 'PUT' && request.url.endsWith(`/activities/${messageId}`),
      );
    const since = () => h.connector.requests.slice(before);
    const noticeAt = () =>
      since().findIndex((request) => request.method === 'POST' && /er lukket/.test(request.body.text ?? ''));
    // the vote that was waiting is written after the close, and it shows the result, not the open poll
    await vi.waitFor(
      () =>
        expect(
          since().findIndex((request, index) => index > noticeAt() && noticeAt() !== -1 && request.method === 'PUT'),
        ).toBeGreaterThan(-1),
      { timeout: 5_000, interval: 50 },
    );
    const last = cardOf(rewritesOfCard().at(-1)!);
    expect(textOf(last)).toMatch(/Lukket · 2 stemmer/);
    expect(last.actions?.map((action) => action.title)).toEqual(['Hent CSV']);
  });
});

describe('a poll with ten options in a Teams channel', () => {
  const clock = createFixedClock(DateTime.fromISO('2018-09-14T10:15:00+02:00'));
  const h = useBotAndConnector({ KLIKBOT_REMINDER_TICK_SECONDS: '0' }, { clock });

  it('shows every option as a button Teams draws, and the last one counts a vote', async () => {
    const options = [
      'Aarhus',
      'Aalborg',
      'Odense',
      'Esbjerg',
      'Vejle',
      'Randers',
      'Viborg',
      'Kolding',
      'Horsens',
      'Silkeborg',
    ];
    await postMessages(
      h.bot.url,
      mentionedInChannel(h.connector.url, `afstemning: Hvor holder vi næste møde? | ${options.join(' | ')}`),
    );
    const [posted] = await h.connector.waitFor(1);
    const card = cardOf(posted!);
    const rows = ((card.body ?? []) as { type: string; actions?: CardAction[] }[]).filter(
      (element) => element.type === 'ActionSet',
    );
    // Teams draws at most six of a card's own actions: eleven buttons go in rows of at most five
    expect((card.actions ?? []).length).toBeLessThanOrEqual(6);
    expect(rows.every((row) => (row.actions ?? []).length <= 5)).toBe(true);
    const buttons = [...(card.actions ?? []), ...rows.flatMap((row) => row.actions ?? [])];
    expect(buttons.map((button) => button.title)).toEqual([...options, 'Luk afstemning']);
    const last = buttons.find((button) => button.title === 'Silkeborg');
    const response = await postMessages(h.bot.url, pressing(h.connector.url, jens, last));
    const answer = (await response.json()) as InvokeAnswer;
    expect(answer.statusCode).toBe(200);
    expect(textOf(answer.value)).toMatch(/1 stemme\b/);
  });
});

describe('text typed into a poll, as others see it in Teams', () => {
  const h = useBotAndConnector({ KLIKBOT_REMINDER_TICK_SECONDS: '0' });

  it('shows a Markdown link, a bare address and "www." as text: no live link in the card or the summary', async () => {
    const text = 'afstemning: Stem på [klik](https://evil.example) | Se https://evil.example/a | www.evil.example';
    expect((await postMessages(h.bot.url, mentionedInChannel(h.connector.url, text))).status).toBe(200);
    const [posted] = await h.connector.waitFor(1);
    const everything = JSON.stringify(posted);
    expect(everything).toContain('klik');
    expect(everything).toContain('evil.example');
    expect(everything).not.toMatch(/\]\(https?:|[^\u200b]:\/\/evil|(?<!\u200b)\.evil\.example|www\.evil/);
  });
});
