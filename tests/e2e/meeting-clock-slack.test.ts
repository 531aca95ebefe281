import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { createFixedClock } from '../../src/clock.js';
import { useSlackBot } from '../support/slack-harness.js';
import { appMention, directMessage, SLACK_IDS } from '../support/slack-requests.js';

const CHANNEL = 'C0MEETING';
const at = (time: string) => DateTime.fromISO(`2018-09-06T${time}+02:00`);

// the host runs the meeting in a Slack channel and has written to klikbot in a DM before
describe('a meeting run by the clock in a Slack channel', () => {
  const clock = createFixedClock(at('10:25:00'));
  const h = useSlackBot({ KLIKBOT_REMINDER_TICK_SECONDS: '0' }, { clock });

  async function tickAt(time: string): Promise<number> {
    const before = h.calls('chat.postMessage').length;
    clock.set(at(time));
    await h.bot.reminders.tick();
    return before;
  }

  it('calls people back in the channel when the break ends, and tells the host alone in the DM when an item runs over', async () => {
    await h.event(directMessage({ text: 'hjælp' }));
    await h.waitFor((call) => call.method === 'chat.postMessage' && call.args.channel === SLACK_IDS.dmChannelId);
    await h.event(appMention({ text: 'start møde', channel: CHANNEL }));
    await h.waitFor((call) => call.method === 'chat.postMessage' && call.args.channel === CHANNEL, 2);
    await h.settle();

    const beforeNudge = await tickAt('10:30:30');
    const nudges = h.calls('chat.postMessage').slice(beforeNudge);
    expect(nudges.map((call) => call.args.channel)).toEqual([SLACK_IDS.dmChannelId]);
    expect(String(nudges[0]?.args.text)).toContain('er over sin tid (til kl. 10.30; 10.05–10.30 i programmet)');

    await h.event(appMention({ text: 'næste punkt', channel: CHANNEL }));
    await h.settle();
    clock.set(at('10:40:40'));
    await h.event(appMention({ text: 'pause 10', channel: CHANNEL }));
    const pauses = await h.waitFor(
      (call) => call.method === 'chat.postMessage' && JSON.stringify(call.args).includes('vi er tilbage kl. 10.50'),
    );
    expect(pauses[0]?.args.channel).toBe(CHANNEL);
    await h.settle();

    const beforeEnd = await tickAt('10:49:50');
    expect(h.calls('chat.postMessage').slice(beforeEnd)).toEqual([]);
    const beforeBack = await tickAt('10:50:05');
    const back = h.calls('chat.postMessage').slice(beforeBack);
    expect(back.map((call) => call.args.channel)).toEqual([CHANNEL]);
    expect(String(back[0]?.args.text)).toContain('Pausen er slut — velkommen tilbage. Vi fortsætter med:');
    expect(String(back[0]?.args.text)).toContain('Annoncering af deadline for SKI 02.19');
    const beforeAgain = await tickAt('10:51:00');
    expect(h.calls('chat.postMessage').slice(beforeAgain)).toEqual([]);
  });
});
