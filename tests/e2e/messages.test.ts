import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask, messageActivity, postMessages, startTestBot, visibleText } from '../support/bot-framework.js';

describe('POST /api/messages in local mode (expectReplies)', () => {
  let bot: Awaited<ReturnType<typeof startTestBot>>;

  beforeAll(async () => {
    bot = await startTestBot({ KLIKBOT_NOW: '2018-09-06T10:00:00+02:00' });
  });
  afterAll(async () => {
    await bot.close();
  });

  it('answers the FK-ansvarlig deadline with 1. november 2018 and the days left', async () => {
    const replies = await ask(bot.url, 'hvornår er deadline for at udpege FK-ansvarlig?');
    expect(replies).toHaveLength(1);
    const text = visibleText(replies[0]!);
    expect(text).toContain('1. november 2018');
    expect(text).toContain('om 56 dage');
    expect(replies[0]!.summary).toContain('1. november 2018');
  });

  it('lists upcoming deadlines with 20 September first', async () => {
    const replies = await ask(bot.url, 'hvilke deadlines kommer nu?');
    const text = visibleText(replies[0]!);
    const first = text.indexOf('20. september 2018');
    expect(first).toBeGreaterThan(-1);
    expect(text.indexOf('1. november 2018')).toBeGreaterThan(first);
  });

  it('answers the deadlines of a month: December gives both FK tasks on 12 December and nothing from November', async () => {
    const replies = await ask(bot.url, 'Hvilke deadlines har vi i december?', {
      conversation: { id: 'december-question' },
    });
    const text = visibleText(replies[0]!);
    expect(text).toContain('12. december 2018');
    expect(text).toContain('Godkend initiale fordelingsregler');
    expect(text).toContain('Etabler arbejdsgang for drift');
    expect(text).not.toContain('november');
  });

  it('keeps the topic of a conversation for a follow-up', async () => {
    const conversation = { conversation: { id: 'follow-up' } };
    await ask(bot.url, 'hvad er trinene i BBR på Adgangsstyring?', conversation);
    const replies = await ask(bot.url, 'og trin 4?', conversation);
    expect(visibleText(replies[0]!)).toContain('Få BBR brugerne til at logge ind i BBR via central adgangsstyring');
  });

  it('runs the dialog a card button names', async () => {
    const [reply] = await ask(bot.url, 'hvornår er deadline for at udpege FK-ansvarlig?');
    const actions = reply!.attachments?.[0]?.content.actions ?? [];
    const upcomingButton = actions.find((action) => action.title === 'Kommende deadlines');
    expect(upcomingButton).toBeDefined();
    const replies = await ask(bot.url, '', { value: upcomingButton!.data });
    expect(visibleText(replies[0]!)).toContain('20. september 2018');
  });

  it('answers in English when asked in English', async () => {
    const replies = await ask(bot.url, 'what are the steps for BBR on Adgangsstyring?');
    const text = visibleText(replies[0]!);
    expect(text).toContain('5 steps');
    expect(text).toContain('Klargør TAC');
  });

  it('says it does not know, and where to ask, for questions outside its knowledge', async () => {
    const replies = await ask(bot.url, 'hvad koster en licens til SAPA?');
    expect(visibleText(replies[0]!)).toContain('mbprogrammet@kombit.dk');
  });

  it('refuses a button payload it cannot read with a clear answer', async () => {
    const replies = await ask(bot.url, '', { value: { something: 'else' } });
    expect(visibleText(replies[0]!)).toContain('Den knap kender jeg ikke');
  });

  it('refuses a body that is not sent as JSON (what a web page could post cross-origin)', async () => {
    const response = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify(messageActivity('hej')),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain(
      'Content-Type must be application/json',
    );
  });

  it('joins a municipality when told "kommune <navn>", and then offers the status form', async () => {
    const joined = await ask(bot.url, 'kommune Aarhus', { from: { id: 'web-user-aarhus', name: 'Mette' } });
    expect(visibleText(joined[0]!)).toContain('Aarhus Kommune');
    const form = await ask(bot.url, 'opdater status', { from: { id: 'web-user-aarhus', name: 'Mette' } });
    expect(visibleText(form[0]!)).toContain('Opdater status for Aarhus Kommune');
  });

  it('answers a card-replacing button in the response when there is no connector to update the card through', async () => {
    const value = { klikbot: { dialog: 'role-list', args: { category: 'technical' }, replacesCard: true } };
    const replies = await ask(bot.url, '', { value, replyToId: 'card-1' });
    expect(visibleText(replies[0]!)).toMatch(/tekniske roller/);
  });

  it('in local mode, sends replies only to this machine or in the response', async () => {
    // a name that merely starts like a loopback address is somewhere else
    for (const serviceUrl of [
      'http://10.0.0.5/',
      'http://127.attacker.example/',
      'http://localhost.attacker.example/',
    ]) {
      const response = await postMessages(bot.url, messageActivity('hej', { deliveryMode: undefined, serviceUrl }));
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { message: string } }).error.message).toContain(
        'In local mode replies go only to',
      );
    }
  });

  it('refuses malformed mention entities with 400 rather than failing mid-turn', async () => {
    for (const entities of [
      'x',
      [null],
      [{ type: 'mention', text: '<at>klikbot</at>' }],
      [{ type: 'mention', mentioned: {} }],
    ]) {
      expect((await postMessages(bot.url, messageActivity('hej', { entities }))).status).toBe(400);
    }
  });

  it('refuses a body nested deeper than any activity before a turn runs: nothing it asked for is saved', async () => {
    const deep = '['.repeat(10_000) + ']'.repeat(10_000);
    const from = { id: 'web-user-deep', name: 'Dyb' };
    for (const field of ['from', 'recipient', 'conversation']) {
      const activity = JSON.stringify(messageActivity('kommune Vejle', { from, conversation: { id: 'deep-body' } }));
      const body = activity.replace(`"${field}":{`, `"${field}":{"nested":${deep},`);
      const response = await postMessages(bot.url, body);
      expect(response.status, field).toBe(400);
      expect(((await response.json()) as { error: { message: string } }).error.message).toContain('nests deeper than');
    }
    const status = await ask(bot.url, 'opdater status', { from, conversation: { id: 'deep-body' } });
    expect(visibleText(status[0]!)).not.toContain('Vejle');
  });

  it('answers malformed JSON with 400 and stays alive', async () => {
    const response = await postMessages(bot.url, '{"type": "message", ');
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('bad_request');
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
  });

  it('answers a body that is not an activity with 400 naming the missing fields', async () => {
    for (const body of [
      { hello: 'world' },
      [1, 2, 3],
      'null',
      { ...messageActivity('hej'), conversation: undefined },
    ]) {
      const response = await postMessages(bot.url, body);
      expect(response.status).toBe(400);
    }
    const response = await postMessages(bot.url, { hello: 'world' });
    const { error } = (await response.json()) as { error: { message: string } };
    expect(error.message).toContain('serviceUrl');
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
  });
});

describe('with Teams credentials set', () => {
  let bot: Awaited<ReturnType<typeof startTestBot>>;

  beforeAll(async () => {
    bot = await startTestBot({
      MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
      MicrosoftAppPassword: 'not-a-real-secret',
    });
  });
  afterAll(async () => {
    await bot.close();
  });

  it('refuses an activity without a Bot Framework token', async () => {
    const response = await postMessages(bot.url, messageActivity('hvilke deadlines kommer nu?'));
    expect(response.status).toBe(401);
    expect(await response.text()).not.toContain('20. september');
  });

  it('does not serve the unauthenticated web chat', async () => {
    expect((await fetch(`${bot.url}/`)).status).toBe(404);
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
  });
});
