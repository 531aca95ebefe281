import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { createFixedClock, ZONE } from '../../src/clock.js';
import type { SlackCall } from '../support/slack-fake.js';
import { blockText, buttonLabelled, useSlackBot } from '../support/slack-harness.js';
import { blockAction, slashCommand } from '../support/slack-requests.js';

const CHANNEL = 'C0AARHUS';

describe('reminders in a Slack channel', () => {
  const clock = createFixedClock(DateTime.fromISO('2018-10-01T10:00:00+02:00'));
  // Mette administers klikbot here, so she may link the channel (who else may is tested with membership)
  const h = useSlackBot({ KLIKBOT_REMINDER_TICK_SECONDS: '0', KLIKBOT_ADMINS: 'slack:U0METTE' }, { clock });

  /** The answer to a command: privately through its response_url, or for everyone as klikbot's post in the channel. */
  async function command(text: string): Promise<SlackCall> {
    const id = `cmd-${Math.random().toString(36).slice(2)}`;
    const seen = new Set(h.fake.calls());
    expect(
      (await h.post(slashCommand({ text, channelId: CHANNEL, userId: 'U0METTE', responseUrl: h.fake.responseUrl(id) })))
        .status,
    ).toBe(200);
    const [answer] = await h.fake.waitFor(
      (call) =>
        !seen.has(call) &&
        ((call.method === 'response_url' && call.responseId === id) ||
          (call.method === 'chat.postMessage' && call.args.channel === CHANNEL)),
    );
    return answer!;
  }

  /** Ticks each hour up to `until`; returns what was posted, with the local time it went out. */
  async function runUntil(until: string): Promise<{ at: string; call: SlackCall }[]> {
    const posted: { at: string; call: SlackCall }[] = [];
    let at = clock.now().startOf('hour');
    while (at < DateTime.fromISO(until)) {
      at = at.plus({ hours: 1 });
      clock.set(at);
      const before = h.fake.calls('chat.postMessage').length;
      await h.bot.reminders.tick();
      for (const call of h.fake.calls('chat.postMessage').slice(before))
        posted.push({ at: at.setZone(ZONE).toFormat('yyyy-MM-dd HH:mm'), call });
    }
    return posted;
  }

  it('posts the reminders a channel linked to Aarhus asked for, and "Mind mig i morgen" brings one back the next working day', async () => {
    expect(JSON.stringify((await command('kanal Aarhus')).args)).toContain('Aarhus Kommune');
    expect(JSON.stringify((await command('påmind til')).args)).toMatch(/påmind/i);
    const october = await runUntil('2018-10-18T12:00:00+02:00');
    const fk = october.filter((p) => blockText(p.call.args.blocks).includes('Udpeg FK-ADM og FK-ANSV'));
    expect(fk.map((p) => p.at)).toEqual(['2018-10-02 09:00', '2018-10-18 09:00']);
    const reminder = fk.at(-1)!.call;
    expect(reminder.args.channel).toBe(CHANNEL);
    expect(blockText(reminder.args.blocks)).toContain('Om 14 dage');
    expect(blockText(reminder.args.blocks)).toContain('Status for Aarhus Kommune');

    const snooze = buttonLabelled(reminder.args.blocks, /Mind mig i morgen/);
    const response = await h.post(
      blockAction({
        actionId: snooze.action_id,
        value: snooze.value,
        user: 'U0JENS',
        channel: CHANNEL,
        messageTs: '1540000000.000100',
      }),
    );
    expect(response.status).toBe(200);
    // Thursday 18 October: "i morgen" is Friday 19 October at 9.00
    const answer = await h.fake.waitFor((call) => /fredag 19\. oktober 2018/.test(JSON.stringify(call.args)));
    expect(answer).toHaveLength(1);
    const next = await runUntil('2018-10-20T00:00:00+02:00');
    expect(
      next.map((p) => [p.at, blockText(p.call.args.blocks).includes('Om 13 dage: Udpeg FK-ADM og FK-ANSV')]),
    ).toEqual([['2018-10-19 09:00', true]]);
  });
});
