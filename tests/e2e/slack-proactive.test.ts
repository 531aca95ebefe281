import { describe, expect, it } from 'vitest';
import { appMention } from '../support/slack-requests.js';
import { blockText, storedSlack, useSlackBot } from '../support/slack-harness.js';

const reminder = [{ text: 'Påmindelse: fristen for at udpege FK-ADM og FK-ANSV er torsdag 1. november 2018.' }];

describe('proactive messages to Slack channels', () => {
  const h = useSlackBot();
  const to = (conversationId: string) => ({ channel: 'slack', conversationId });

  /** Mentions the bot in a channel and waits for the answer: the channel is then stored. */
  async function mentionIn(channel: string): Promise<void> {
    await h.event(appMention({ text: 'hjælp', channel }));
    await h.waitFor((call) => call.method === 'chat.postMessage' && call.args.channel === channel);
  }

  /** Whether the state file no longer holds the conversation, once the bot has handled what it answered (the removal runs after the 200). */
  async function forgotten(conversationId: string): Promise<boolean> {
    await h.bot.idle();
    return !(await storedSlack(h.bot.statePath)).some((c) => c.conversationId === conversationId);
  }

  it('keeps a channel it was mentioned in and posts a reminder there, reporting the message ts', async () => {
    expect((await h.bot.notifier.send(to('C0PROGRAM'), reminder)).status).toBe('unknown');
    expect(h.calls()).toEqual([]);
    await mentionIn('C0PROGRAM');
    const stored = (await storedSlack(h.bot.statePath)).find((c) => c.conversationId === 'C0PROGRAM');
    expect(stored?.reference).toEqual({ channel: 'C0PROGRAM', teamId: 'T0KOMBIT' });

    h.fake.plan('chat.postMessage', { body: { ok: true, channel: 'C0PROGRAM', ts: '1540800000.000200' } });
    const delivery = await h.bot.notifier.send(to('C0PROGRAM'), reminder);
    expect(delivery).toEqual({
      channel: 'slack',
      conversationId: 'C0PROGRAM',
      status: 'sent',
      messageIds: ['1540800000.000200'],
    });
    const sent = h.calls('chat.postMessage').at(-1)!;
    expect(sent.token).toBe('xoxb-test');
    expect(sent.args).toMatchObject({ channel: 'C0PROGRAM', text: reminder[0]!.text });
    expect(sent.args.thread_ts).toBeUndefined(); // a reminder starts its own thread, not under the last question
    expect(blockText(sent.args.blocks)).toContain('1. november 2018');
  });

  it('rewrites a posted message in place for a reply that replaces it; a deleted message is reported as such, and the channel stays alive', async () => {
    await mentionIn('C0POLL');
    const card = {
      text: '📊 Pause nu? (lukket, 1 stemme)',
      replaces: { conversationId: 'C0POLL', messageId: '1536913000.000100' },
    };
    const rewritten = await h.bot.notifier.send(to('C0POLL'), [card]);
    expect(rewritten).toMatchObject({ status: 'sent', messageIds: ['1536913000.000100'] });
    expect(h.calls('chat.update').at(-1)?.args).toMatchObject({
      channel: 'C0POLL',
      ts: '1536913000.000100',
      // what a phone's notification shows: a plain sentence
      text: '📊 Pause nu? (lukket, 1 stemme).',
    });

    h.fake.plan('chat.update', { body: { ok: false, error: 'message_not_found' } });
    expect(await h.bot.notifier.send(to('C0POLL'), [card])).toMatchObject({
      status: 'failed',
      reason: 'message_not_found',
      cannotRewrite: true,
    });
    expect((await h.bot.notifier.send(to('C0POLL'), reminder)).status).toBe('sent');
  });

  it('posts one message per reply, in order', async () => {
    await mentionIn('C0TWO');
    const delivery = await h.bot.notifier.send(to('C0TWO'), [{ text: 'Første besked.' }, { text: 'Anden besked.' }]);
    expect(delivery.status).toBe('sent');
    const posted = h.calls('chat.postMessage').slice(1);
    expect(posted.map((call) => call.args.text)).toEqual(['Første besked.', 'Anden besked.']);
    expect(delivery).toMatchObject({ messageIds: [expect.any(String), expect.any(String)] as unknown[] });
  });

  for (const error of ['not_in_channel', 'channel_not_found']) {
    it(`marks a channel dead when Slack answers ${error}, and does not try it again`, async () => {
      const channel = `C0${error.toUpperCase().replaceAll('_', '')}`;
      await mentionIn(channel);
      h.fake.plan('chat.postMessage', { body: { ok: false, error } });
      const delivery = await h.bot.notifier.send(to(channel), reminder);
      expect(delivery).toMatchObject({ status: 'gone', reason: error });
      expect(h.calls('chat.postMessage')).toHaveLength(2); // the answer to the mention, then the refused reminder
      const stored = (await storedSlack(h.bot.statePath)).find((c) => c.conversationId === channel);
      expect(stored?.dead?.reason).toContain(error);
      expect((await h.bot.notifier.send(to(channel), reminder)).status).toBe('dead');
      expect(h.calls('chat.postMessage')).toHaveLength(2);
    });
  }

  it('reports a refusal that might heal as failed, and keeps the channel', async () => {
    await mentionIn('C0HICCUP');
    h.fake.plan('chat.postMessage', { body: { ok: false, error: 'internal_error' } });
    expect(await h.bot.notifier.send(to('C0HICCUP'), reminder)).toMatchObject({
      status: 'failed',
      reason: 'internal_error',
    });
    expect((await h.bot.notifier.send(to('C0HICCUP'), reminder)).status).toBe('sent');
  });

  it('waits out a 429 for its Retry-After and then delivers', async () => {
    await mentionIn('C0BUSY');
    h.fake.plan('chat.postMessage', {
      status: 429,
      headers: { 'retry-after': '1' },
      body: { ok: false, error: 'ratelimited' },
    });
    const delivery = await h.bot.notifier.send(to('C0BUSY'), reminder);
    expect(delivery.status).toBe('sent');
    const [, throttled, retried] = h.calls('chat.postMessage');
    expect(retried?.args.text).toBe(reminder[0]!.text);
    expect(retried!.at - throttled!.at).toBeGreaterThanOrEqual(1_000);
  });

  it('forgets a public channel it is removed from (channel_left), and a private one (group_left)', async () => {
    await mentionIn('C0LEAVING');
    await mentionIn('G0PRIVATE');
    await h.event({ type: 'channel_left', channel: 'C0LEAVING', actor_id: 'U0METTE', event_ts: '1536220900.000100' });
    await h.event({ type: 'group_left', channel: 'G0PRIVATE', actor_id: 'U0METTE', event_ts: '1536220900.000200' });
    expect(await forgotten('C0LEAVING')).toBe(true);
    expect(await forgotten('G0PRIVATE')).toBe(true);
    const deliveries = await h.bot.notifier.sendToMany([to('C0LEAVING'), to('G0PRIVATE')], reminder);
    expect(deliveries.map((delivery) => delivery.status)).toEqual(['unknown', 'unknown']);
    expect(h.calls('chat.postMessage')).toHaveLength(2); // the two answers to the mentions only
  });

  it('takes a channel it was marked dead in back when mentioned there again', async () => {
    await mentionIn('C0BACK');
    h.fake.plan('chat.postMessage', { body: { ok: false, error: 'not_in_channel' } });
    expect((await h.bot.notifier.send(to('C0BACK'), reminder)).status).toBe('gone');
    await h.event(appMention({ text: 'hjælp', channel: 'C0BACK' }));
    await h.waitFor((call) => call.method === 'chat.postMessage' && call.args.channel === 'C0BACK', 3);
    expect((await h.bot.notifier.send(to('C0BACK'), reminder)).status).toBe('sent');
  });
});
