import { storedStateAt } from '../support/stored-text.js';
import { DateTime } from 'luxon';
import { describe, expect, it, vi } from 'vitest';
import { createFixedClock } from '../../src/clock.js';
import type { SlackCall } from '../support/slack-fake.js';
import { blockText, buttonLabelled, useSlackBot } from '../support/slack-harness.js';
import { appMention, blockAction, slashCommand } from '../support/slack-requests.js';

const CHANNEL = 'C0MEETING';

describe('a named poll with live results in a Slack channel', () => {
  const clock = createFixedClock(DateTime.fromISO('2018-09-14T10:15:00+02:00'));
  // each test on a fresh state, with a poll of its own
  const h = useSlackBot({ KLIKBOT_REMINDER_TICK_SECONDS: '0' }, { clock, each: true });
  let poll: SlackCall | undefined;

  /** The host asks for the named poll with live results in the channel; returns klikbot's message. */
  async function postPoll(): Promise<SlackCall> {
    const text = 'afstemning (navngiven, vis resultat): Hvornår passer næste møde? | Mandag | Tirsdag';
    expect(
      (
        await h.post(
          slashCommand({ text, channelId: CHANNEL, userId: 'U0HOST', responseUrl: h.fake.responseUrl('create-poll') }),
        )
      ).status,
    ).toBe(200);
    const [posted] = await h.fake.waitFor(
      (call) => call.method === 'chat.postMessage' && call.args.channel === CHANNEL,
    );
    poll = posted;
    return posted!;
  }

  const latest = () => blockText(h.calls('chat.update').at(-1)!.args.blocks);

  async function click(user: string, label: RegExp): Promise<void> {
    const button = buttonLabelled(poll!.args.blocks, label);
    const response = await h.post(
      blockAction({
        actionId: button.action_id,
        value: button.value,
        user,
        channel: CHANNEL,
        messageTs: '1536913000.000100',
        messageBlocks: poll!.args.blocks as unknown[],
      }),
    );
    expect(response.status).toBe(200);
  }

  it('is posted in the channel for everyone, not only to the host', async () => {
    // klikbot's own message, not the command's answer, so that it can be rewritten when the poll closes
    const posted = await postPoll();
    expect(blockText(posted.args.blocks)).toContain('Hvornår passer næste møde?');
  });

  it("is posted as the command's answer to everyone where klikbot may not post its own message", async () => {
    h.fake.plan('chat.postMessage', { body: { ok: false, error: 'not_in_channel' } });
    const id = 'private-poll';
    await h.post(
      slashCommand({
        text: 'afstemning: Frokost? | Ja | Nej',
        channelId: 'C0PRIVAT',
        userId: 'U0HOST',
        responseUrl: h.fake.responseUrl(id),
      }),
    );
    const [answered] = await h.fake.waitFor((call) => call.method === 'response_url' && call.responseId === id);
    expect(answered!.args.response_type).toBe('in_channel');
    expect(blockText(answered!.args.blocks)).toContain('Frokost?');
  });

  it('updates the message in place with each vote, names shown as the poll is named', async () => {
    await postPoll();
    await click('U0JENS', /^Mandag/);
    const [first] = await h.waitFor('chat.update');
    expect(first!.args).toMatchObject({ channel: CHANNEL, ts: '1536913000.000100' });
    expect(blockText(first!.args.blocks)).toMatch(/1 stemme\b/);
    await click('U0KAREN', /^Tirsdag/);
    await click('U0JENS', /^Tirsdag/);
    // votes close together are shown together: the newest count, at most one rewrite a second
    await vi.waitFor(() => expect(latest()).toMatch(/Tirsdag: █+ 2 \(100 %\)/), { timeout: 5_000, interval: 50 });
    expect(latest()).toMatch(/2 stemmer/);
    const state = (await storedStateAt(h.bot.statePath)) as { votes: { voter: string }[] };
    expect(state.votes.map((vote) => vote.voter).sort()).toEqual(['slack:U0JENS', 'slack:U0KAREN']);
  });

  it('tells the voter alone what they voted, in an ephemeral message; the message in the channel marks no one', async () => {
    await postPoll();
    const button = buttonLabelled(poll!.args.blocks, /^Tirsdag/);
    const pressed = (responseId: string) =>
      blockAction({
        actionId: button.action_id,
        value: button.value,
        user: 'U0JENS',
        channel: CHANNEL,
        messageTs: '1536913000.000100',
        messageBlocks: poll!.args.blocks as unknown[],
        responseUrl: h.fake.responseUrl(responseId),
      });
    expect((await h.post(pressed('jens-votes'))).status).toBe(200);
    const [told] = await h.waitFor((call: SlackCall) => call.responseId === 'jens-votes');
    expect(told!.args).toMatchObject({
      response_type: 'ephemeral',
      replace_original: false,
      text: '✓ Din stemme: Tirsdag',
    });
    await vi.waitFor(() => expect(latest()).toMatch(/1 stemme\b/), { timeout: 5_000, interval: 50 });
    for (const update of h.calls('chat.update')) expect(blockText(update.args.blocks)).not.toMatch(/✓|Din stemme/);
  });

  it('refuses to let a voter close it, and closes for its creator', async () => {
    await postPoll();
    // Jens and Karen vote, and the card shows both votes: no rewrite for a vote is left to come
    await click('U0JENS', /^Tirsdag/);
    await click('U0KAREN', /^Tirsdag/);
    await h.bot.idle();
    await vi.waitFor(() => expect(latest()).toMatch(/Tirsdag: █+ 2 \(100 %\)/), { timeout: 5_000, interval: 50 });
    const before = h.calls('chat.update').length;
    await click('U0JENS', /Luk afstemning/);
    await h.settle();
    expect(h.calls('chat.update')).toHaveLength(before);
    await click('U0HOST', /Luk afstemning/);
    const updates = await h.waitFor('chat.update', before + 1);
    expect(blockText(updates.at(-1)!.args.blocks)).toMatch(/Lukket · 2 stemmer/);
  });
});

describe('a poll asked for in an @mention that closes at its set time, in a Slack channel', () => {
  const clock = createFixedClock(DateTime.fromISO('2018-09-14T10:15:00+02:00'));
  const h = useSlackBot({ KLIKBOT_REMINDER_TICK_SECONDS: '0' }, { clock });

  it('has its posted card rewritten with the result, and one line in the thread about it', async () => {
    await h.event(appMention({ text: 'afstemning lukker om 10 min: Pause nu? | Ja | Nej', channel: CHANNEL }));
    const [posted] = await h.waitFor(
      (call) => call.method === 'chat.postMessage' && blockText(call.args.blocks).includes('Pause nu?'),
    );
    expect(posted).toBeDefined();
    clock.set(DateTime.fromISO('2018-09-14T10:25:30+02:00'));
    await h.bot.reminders.tick();
    const rewrite = h.calls('chat.update').at(-1);
    expect(rewrite?.args.channel).toBe(CHANNEL);
    expect(rewrite?.args.ts).toMatch(/^\d+\.\d+$/);
    expect(blockText(rewrite?.args.blocks)).toMatch(/Lukket · 0 stemmer/);
    expect(h.calls('chat.postMessage').at(-1)?.args.text).toBe(
      '📊 Afstemningen »Pause nu?« er lukket (0 stemmer): Ja 0 stemmer, 0 %; Nej 0 stemmer, 0 %.',
    );
  });
});

describe('text typed into a poll, as others see it in Slack', () => {
  const h = useSlackBot({ KLIKBOT_REMINDER_TICK_SECONDS: '0' });

  it('shows a Markdown link, a bare address and "www." as text: no live link in the blocks or the text', async () => {
    const text = 'afstemning: Stem på [klik](https://evil.example) | Se https://evil.example/a | www.evil.example';
    await h.post(
      slashCommand({ text, channelId: 'C0LINKS', userId: 'U0HOST', responseUrl: h.fake.responseUrl('links') }),
    );
    const [posted] = await h.fake.waitFor(
      (call) => call.method === 'chat.postMessage' && call.args.channel === 'C0LINKS',
    );
    const everything = JSON.stringify(posted!.args);
    expect(everything).toContain('klik');
    expect(everything).toContain('evil.example');
    expect(everything).not.toMatch(/<https?:\/\/evil|\|klik>|<www/);
    expect(String(posted!.args.text)).not.toMatch(/<https?:/);
  });
});
