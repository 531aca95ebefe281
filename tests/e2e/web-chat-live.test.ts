import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask, startTestBot, visibleText, type ReplyActivity } from '../support/bot-framework.js';
import { openWebChatStream } from '../support/web-chat-stream.js';

type Bot = Awaited<ReturnType<typeof startTestBot>>;

function moveClock(bot: Pick<Bot, 'url'>, body: unknown): Promise<Response> {
  return fetch(`${bot.url}/api/webchat/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** A clock move naming another host, as a page on a rebound name would send it (fetch will not set Host). */
function moveClockAs(bot: Bot, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const sent = request(`${bot.url}/api/webchat/clock`, {
      method: 'POST',
      headers: { host, 'content-type': 'application/json' },
    });
    sent.on('response', (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    sent.on('error', reject);
    sent.end('{"days":1}');
  });
}

function asPage(page: string, suffix = ''): Record<string, unknown> {
  return { conversation: { id: `webchat-${page}${suffix}` }, from: { id: `web-${page}`, name: 'Mette' } };
}

describe('the local web chat gets what klikbot writes unprompted, and moves the replayed clock', () => {
  let bot: Bot;
  beforeAll(async () => {
    bot = await startTestBot({ KLIKBOT_NOW: '2018-10-30T10:00:00+01:00', KLIKBOT_REMINDER_TICK_SECONDS: '0' });
  });
  afterAll(async () => {
    await bot.close();
  });

  it("delivers the 1 November reminders down the page's stream when the clock moves to the next day", async () => {
    const page = randomUUID();
    const stream = await openWebChatStream(`${bot.url}/api/webchat/events?page=${page}`);
    const subscribed = await ask(bot.url, 'mind os om deadlines', asPage(page));
    expect(visibleText(subscribed[0]!)).toContain('Jeg minder dig om alle deadlines her');

    const moved = await moveClock(bot, { days: 1 });
    expect(moved.status).toBe(200);
    const clock = (await moved.json()) as { now: string; movable: boolean };
    expect(clock.now).toMatch(/^2018-10-31T09:00/);
    expect(clock.movable).toBe(true);
    const pushed = [await stream.next('activities'), await stream.next('activities')] as {
      conversationId: string;
      activities: ReplyActivity[];
    }[];
    expect(pushed.map((event) => event.conversationId)).toEqual([`webchat-${page}`, `webchat-${page}`]);
    const headings = pushed.flatMap((event) =>
      event.activities.map((activity) => visibleText(activity).split('\n')[0]),
    );
    expect(headings.toSorted()).toEqual([
      '🔔 I morgen: BBR kun via Adgangsstyring',
      '🔔 I morgen: Udpeg FK-ADM og FK-ANSV',
    ]);
    stream.close();
    const health = (await (await fetch(`${bot.url}/healthz`)).json()) as { now: string };
    expect(health.now).toMatch(/^2018-10-31T09:00/);
  });

  it('still refuses reminders in a web chat conversation no open page shows: nothing could reach it', async () => {
    const replies = await ask(bot.url, 'mind os om deadlines', asPage(randomUUID()));
    expect(visibleText(replies[0]!)).toContain('Jeg kan ikke skrive her af mig selv');
    expect(visibleText(replies[0]!)).toContain('Intet er gemt');
  });

  it('moves the clock only forward, a whole number of days up to 31, from JSON, for this machine', async () => {
    const before = (await (await fetch(`${bot.url}/api/webchat/clock`)).json()) as { now: string };
    for (const body of [
      { days: 0 },
      { days: -1 },
      { days: 1.5 },
      { days: 32 },
      { days: '1' },
      {},
      { days: 1, to: 'x' },
    ]) {
      const response = await moveClock(bot, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      await expect(response.json()).resolves.toMatchObject({ error: { code: 'bad_request' } });
    }
    const asForm = await fetch(`${bot.url}/api/webchat/clock`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{"days":1}',
    });
    expect(asForm.status).toBe(400);
    await expect(moveClockAs(bot, 'klikbot.evil.example')).resolves.toBe(403);
    await expect(moveClockAs(bot, 'klikbot.evil.example:3978')).resolves.toBe(403);
    const after = (await (await fetch(`${bot.url}/api/webchat/clock`)).json()) as { now: string };
    expect(after.now.slice(0, 13)).toBe(before.now.slice(0, 13));
    const stream = await fetch(`${bot.url}/api/webchat/events?page=not-a-page`);
    expect(stream.status).toBe(400);
  });
});

describe('the live routes where they must not be', () => {
  it('answers 409 and keeps the time when the clock follows the real time (no KLIKBOT_NOW)', async () => {
    const bot = await startTestBot({ KLIKBOT_REMINDER_TICK_SECONDS: '0' });
    try {
      const response = await moveClock(bot, { days: 1 });
      expect(response.status).toBe(409);
      const { error } = (await response.json()) as { error: { code: string; message: string } };
      expect(error.code).toBe('clock_not_replayed');
      expect(error.message).toContain('KLIKBOT_NOW');
      await expect(fetch(`${bot.url}/api/webchat/clock`).then((r) => r.json())).resolves.toMatchObject({
        movable: false,
      });
    } finally {
      await bot.close();
    }
  });

  it('has no stream and no clock on an address other machines can reach', async () => {
    const bot = await startTestBot({
      HOST: '0.0.0.0',
      KLIKBOT_ALLOW_UNAUTHENTICATED: 'true',
      KLIKBOT_NOW: '2018-10-30T10:00:00+01:00',
    });
    try {
      const url = `http://127.0.0.1:${bot.port}`;
      expect((await moveClock({ ...bot, url }, { days: 1 })).status).toBe(404);
      expect((await fetch(`${url}/api/webchat/events?page=${randomUUID()}`)).status).toBe(404);
    } finally {
      await bot.close();
    }
  });
});
