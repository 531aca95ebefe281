import { DateTime } from 'luxon';
import { beforeEach, describe, expect, it } from 'vitest';
import { createFixedClock, ZONE } from '../../src/clock.js';
import { postMessages } from '../support/bot-framework.js';
import { useBotAndConnector } from '../support/bot-and-connector.js';
import type { ConnectorRequest } from '../support/connector-fake.js';
import {
  cardBodyText,
  cardOf,
  channelData,
  conversations,
  mentioning,
  teamsActivity,
  type CardContent,
} from '../support/teams-activities.js';

const card = cardOf;

function shown(request: ConnectorRequest): string {
  return [request.body.summary ?? request.body.text ?? '', cardBodyText(card(request))].join('\n');
}

const CHANNEL = '19:programledere@thread.tacv2';

describe('reminders in a Teams channel, autumn 2018', () => {
  const START = DateTime.fromISO('2018-09-06T10:00:00+02:00');
  const clock = createFixedClock(START);
  // what arrived unprompted, with the local time the clock showed
  const pushed: { at: string; request: ConnectorRequest }[] = [];
  // each test runs its autumn from the start, on a fresh bot: the clock is set back before it starts
  beforeEach(() => {
    clock.set(START);
    pushed.length = 0;
  });
  const h = useBotAndConnector({ KLIKBOT_REMINDER_TICK_SECONDS: '0' }, { clock, each: true });

  async function say(text: string): Promise<ConnectorRequest> {
    const before = h.connector.requests.length;
    const response = await postMessages(
      h.bot.url,
      teamsActivity(h.connector.url, { ...mentioning(text), conversation: conversations.channel, channelData }),
    );
    expect(response.status).toBe(200);
    return (await h.connector.waitFor(before + 1))[before]!;
  }

  async function runUntil(until: string): Promise<void> {
    const end = DateTime.fromISO(until);
    let at = clock.now().startOf('hour');
    while (at < end) {
      at = at.plus({ hours: 1 });
      clock.set(at);
      const before = h.connector.requests.length;
      await h.bot.reminders.tick();
      for (const request of h.connector.requests.slice(before))
        pushed.push({ at: at.setZone(ZONE).toFormat('yyyy-MM-dd HH:mm ZZ'), request });
    }
  }

  const about = (title: string) => pushed.filter((p) => shown(p.request).includes(title));

  /** The channel links itself to Aarhus and asks for reminders. */
  async function subscribeAarhus(): Promise<void> {
    await say('kanal Aarhus');
    await say('mind os om deadlines');
    h.connector.requests.length = 0;
  }

  it('subscribes the channel linked to Aarhus, and brings each reminder at 09:00 local time into the channel itself', async () => {
    expect(shown(await say('kanal Aarhus'))).toContain('Denne kanal hører nu til Aarhus Kommune');
    expect(shown(await say('mind os om deadlines'))).toMatch(/påmind/i);
    h.connector.requests.length = 0;
    await runUntil('2018-10-26T00:00:00+02:00');
    expect(about('Udpeg FK-ADM og FK-ANSV').map((p) => p.at)).toEqual([
      '2018-10-02 09:00 +02:00',
      '2018-10-18 09:00 +02:00',
      '2018-10-25 09:00 +02:00',
    ]);
    const reminder = about('Udpeg FK-ADM og FK-ANSV').at(-1)!.request;
    // a new post in the channel, not a reply in the thread the subscription was made in
    expect(decodeURIComponent(reminder.url)).toBe(`/v3/conversations/${CHANNEL}/activities`);
    expect(shown(reminder)).toContain('🔔 Om 7 dage: Udpeg FK-ADM og FK-ANSV');
    expect(shown(reminder)).toContain('Status for Aarhus Kommune: **ikke påbegyndt**');
    expect(card(reminder).actions?.map((a) => a.title)).toEqual([
      'Påbegyndt',
      'Fuldført',
      'Mind mig i morgen',
      'Stop påmindelser for denne opgave',
    ]);
  });

  it('"Fuldført" on the reminder records Aarhus done and the task\'s reminders stop; the others go on', async () => {
    await subscribeAarhus();
    await runUntil('2018-10-26T00:00:00+02:00');
    const reminder = about('Udpeg FK-ADM og FK-ANSV').at(-1)!.request;
    const done = card(reminder).actions?.find((a) => a.title === 'Fuldført');
    const jens = { from: { id: '29:jens', name: 'Jens', aadObjectId: 'aad-jens' } };
    const response = await postMessages(
      h.bot.url,
      teamsActivity(h.connector.url, {
        ...jens,
        conversation: { ...conversations.channel, id: CHANNEL },
        channelData,
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb: done!.verb, data: done!.data } },
      }),
    );
    const answer = (await response.json()) as { statusCode: number; value: CardContent };
    expect(answer.statusCode).toBe(200);
    expect((answer.value.body ?? []).map((element) => element.text ?? '').join('\n')).toContain('Fuldført ✓ af Jens');
    await runUntil('2018-11-03T00:00:00+01:00');
    expect(about('Udpeg FK-ADM og FK-ANSV').map((p) => p.at)).toEqual([
      '2018-10-02 09:00 +02:00',
      '2018-10-18 09:00 +02:00',
      '2018-10-25 09:00 +02:00',
    ]);
    // BBR's 1 November is not done: its reminders keep coming, the last after the date
    expect(about('BBR kun via Adgangsstyring').map((p) => p.at)).toEqual([
      '2018-10-02 09:00 +02:00',
      '2018-10-18 09:00 +02:00',
      '2018-10-25 09:00 +02:00',
      '2018-10-31 09:00 +01:00',
      '2018-11-02 09:00 +01:00',
    ]);
  });

  it('lists what the channel will get, and stops when told', async () => {
    // early November, with the 12 November reminders still to come
    clock.set(DateTime.fromISO('2018-11-03T00:00:00+01:00'));
    await subscribeAarhus();
    expect(shown(await say('påmindelser'))).toContain('Godkend initiale fordelingsregler');
    expect(shown(await say('påmind fra'))).toMatch(/stop|ikke flere/i);
    const before = pushed.length;
    await runUntil('2018-11-13T00:00:00+01:00');
    expect(pushed.slice(before)).toEqual([]);
  });
});
