import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { createFixedClock } from '../../src/clock.js';
import { postMessages } from '../support/bot-framework.js';
import { postAndCollect, useBotAndConnector } from '../support/bot-and-connector.js';
import type { ConnectorRequest } from '../support/connector-fake.js';
import { channelData, conversations, mentioning, teamsActivity } from '../support/teams-activities.js';

const inChannel = { conversation: conversations.channel, channelData };
// the channel, whichever of its threads a post goes to
const channelPath = `/v3/conversations/${encodeURIComponent(channelData.channel.id)}`;
const personalPath = `/v3/conversations/${encodeURIComponent(conversations.personal.id)}/activities`;
const at = (time: string) => DateTime.fromISO(`2018-09-06T${time}+02:00`);

function textOf(request: ConnectorRequest | undefined): string {
  const card = request?.body.attachments?.[0]?.content;
  return [request?.body.text ?? '', ...(card?.body ?? []).map((element) => element.text ?? '')].join('\n');
}

// the meeting is run in the channel by Mette, who has also written to klikbot privately before
describe('a meeting run by the clock in a Teams channel', () => {
  const clock = createFixedClock(at('10:25:00'));
  const h = useBotAndConnector({ KLIKBOT_REMINDER_TICK_SECONDS: '0' }, { clock });

  const say = (text: string, where: Record<string, unknown> = inChannel): Promise<ConnectorRequest[]> =>
    postAndCollect(h, teamsActivity(h.connector.url, { ...where, ...mentioning(text) }));

  async function tickAt(time: string): Promise<ConnectorRequest[]> {
    const before = h.connector.requests.length;
    clock.set(at(time));
    await h.bot.reminders.tick();
    return h.connector.requests.slice(before);
  }

  it('calls people back in the channel at the minute the break ends, and tells only the host when an item runs over', async () => {
    // Mette's 1:1 chat with klikbot is known: that is where a word for her alone goes
    await say('hjælp', { conversation: conversations.personal });
    await say('start møde');
    expect(await tickAt('10:29:00')).toEqual([]);

    // the item 10.05–10.30 runs on past 10.30: a quiet word to Mette, nothing in the channel
    const nudged = await tickAt('10:30:30');
    expect(nudged.map((request) => request.url)).toEqual([personalPath]);
    expect(textOf(nudged[0])).toContain('er over sin tid (til kl. 10.30; 10.05–10.30 i programmet)');
    expect(await tickAt('10:31:00')).toEqual([]);

    // at 10.40.40 "pause 10": back at 10.50, the agenda's pause, then the item at 10.50
    await say('næste punkt');
    clock.set(at('10:40:40'));
    const [pause] = await say('pause 10');
    expect(pause?.url.startsWith(channelPath)).toBe(true);
    expect(textOf(pause)).toContain('Pause — vi er tilbage kl. 10.50.');
    expect(textOf(pause)).toContain('Derefter: 10.50–11.10 Annoncering af deadline');
    expect(await tickAt('10:49:50')).toEqual([]);

    const back = await tickAt('10:50:05');
    expect(back).toHaveLength(1);
    expect(back[0]?.method).toBe('POST');
    expect(back[0]?.url.startsWith(channelPath)).toBe(true);
    expect(back[0]?.body.text).toBe(
      '☕ Pausen er slut — velkommen tilbage. Vi fortsætter med: **Annoncering af deadline for SKI 02.19 leverandørers integration til Adgangsstyring**.',
    );
    expect(await tickAt('10:51:00')).toEqual([]);
  });
});

// the channel asked to be reminded: 09.45, 09.50 and 09.55 before the 10.00 start, each once
describe('reminders before a meeting in a Teams channel', () => {
  const clock = createFixedClock(at('09:30:00'));
  const h = useBotAndConnector({ KLIKBOT_REMINDER_TICK_SECONDS: '0' }, { clock });

  async function tickAt(time: string): Promise<ConnectorRequest[]> {
    const before = h.connector.requests.length;
    clock.set(at(time));
    await h.bot.reminders.tick();
    return h.connector.requests.slice(before);
  }

  it('posts them in the channel at the minute, once each', async () => {
    const before = h.connector.requests.length;
    const asked = teamsActivity(h.connector.url, { ...inChannel, ...mentioning('mind os om mødet') });
    expect((await postMessages(h.bot.url, asked)).status).toBe(200);
    await h.connector.waitFor(before + 1);
    expect(await tickAt('09:44:00')).toEqual([]);
    for (const [time, line] of [
      ['09:45:00', 'starter kl. 10.00 på Skype (om 15 minutter). Lyden testes kl. 09.50 og 09.55.'],
      ['09:50:00', '🔊 Lydtest nu (kl. 09.50)'],
      ['09:55:00', '🔊 Lydtest nu (kl. 09.55)'],
    ] as const) {
      const posted = await tickAt(time);
      expect(posted.map((request) => request.url.startsWith(channelPath))).toEqual([true]);
      expect(textOf(posted[0])).toContain(line);
      expect(await tickAt(time.replace(':00', ':30'))).toEqual([]);
    }
  });
});
