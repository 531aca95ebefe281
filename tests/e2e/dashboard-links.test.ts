import { generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { browserSkipReason, hasChromium, launchBrowser } from '../support/browser.js';
import { openEvents } from '../support/dashboard.js';
import { startTestBot } from '../support/bot-framework.js';
import { startFakeConnector, type ConnectorRequest, type FakeConnector } from '../support/connector-fake.js';
import { knowledgeWithDomains } from '../support/domains.js';
import {
  cardBodyText,
  cardOf,
  channelData,
  conversations,
  mentioning,
  teamsActivity,
  TENANT,
} from '../support/teams-activities.js';
import { APP_ID, channelToken, signedEndpoints, startKeyServer } from '../support/teams-signing.js';

const admin = { id: '29:admin', name: 'Admin', aadObjectId: 'aad-admin' };
const lise = { id: '29:lise', name: 'Lise', aadObjectId: 'aad-lise' };
const eve = { id: '29:eve', name: 'Eve', aadObjectId: 'aad-eve' };
const chatOf = (who: { aadObjectId: string }) => ({
  id: `a:personal-${who.aadObjectId}`,
  conversationType: 'personal',
  tenantId: TENANT,
});

/** A port free now, so that the bot's public address can be named before it starts. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function shown(request: ConnectorRequest): string {
  return [request.body.text ?? '', cardBodyText(cardOf(request))].join('\n');
}

/** The link in a reply: "[Åbn overblikket](http://…/dashboard?k=…)". */
function linkIn(request: ConnectorRequest): string {
  const match = /\((http:\/\/[^)\s]+\/dashboard\?k=[A-Za-z0-9_-]+[^)\s]*)\)/.exec(shown(request));
  expect(match, shown(request)).not.toBeNull();
  return match![1]!;
}

describe('dashboard links: nothing without one, a national view for an administrator, one municipality for a member', () => {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  let keys: Awaited<ReturnType<typeof startKeyServer>>;
  let connector: FakeConnector;
  let bot: Awaited<ReturnType<typeof startTestBot>>;

  async function say(overrides: Record<string, unknown>, count = 1): Promise<ConnectorRequest[]> {
    const before = connector.requests.length;
    const response = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${channelToken(privateKey, { serviceurl: connector.url })}`,
      },
      body: JSON.stringify(teamsActivity(connector.url, overrides)),
    });
    expect(response.status).toBe(200);
    return (await connector.waitFor(before + count)).slice(before);
  }

  /** Opens a link as a browser would without following the redirect: the cookie it sets. */
  async function cookieFrom(link: string): Promise<string> {
    const response = await fetch(link, { redirect: 'manual' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).not.toContain('k=');
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/Path=\/dashboard/);
    return cookie.split(';')[0]!;
  }

  const get = (path: string, cookie?: string) =>
    fetch(`${bot.url}${path}`, { headers: cookie ? { cookie } : {}, redirect: 'manual' });

  async function liseJoinsKoege(): Promise<void> {
    connector.plan.push({
      status: 200,
      body: {
        id: lise.id,
        name: lise.name,
        aadObjectId: lise.aadObjectId,
        email: 'lise@koege.example.org',
        userPrincipalName: 'lise@koege.example.org',
      },
    });
    const requests = await say({ text: 'kommune Køge', from: lise, conversation: chatOf(lise) }, 2);
    expect(shown(requests[1]!)).toContain('Du hører nu til Køge Kommune');
  }

  beforeAll(async () => {
    keys = await startKeyServer(publicKey);
    connector = await startFakeConnector();
    const port = await freePort();
    bot = await startTestBot(
      {
        PORT: String(port),
        KLIKBOT_PUBLIC_URL: `http://127.0.0.1:${port}`,
        MicrosoftAppId: APP_ID,
        MicrosoftAppPassword: 'unused',
        MicrosoftAppType: 'MultiTenant',
        KLIKBOT_ADMINS: `teams:${admin.aadObjectId}`,
        KLIKBOT_NOW: '2018-10-01T10:00:00+02:00',
        KLIKBOT_REMINDER_TICK_SECONDS: '0',
        KLIKBOT_DATA: knowledgeWithDomains({ koege: ['koege.example.org'] }),
      },
      { teamsEndpoints: signedEndpoints(keys.url) },
    );
    await liseJoinsKoege();
  });
  afterAll(async () => {
    await bot?.close();
    await connector?.close();
    keys?.server.close();
  });

  it('answers every page, the stream and the CSV with 401 and no data without a link, or with a made-up one', async () => {
    for (const path of [
      '/dashboard',
      '/dashboard/fremdrift',
      '/dashboard/frister?format=csv',
      '/dashboard/moeder',
      '/dashboard/kommune/koege',
      '/dashboard/events',
      '/dashboard?format=csv',
    ]) {
      const response = await get(path);
      expect(response.status, path).toBe(401);
      const body = await response.text();
      expect(body, path).not.toMatch(/Køge|Aarhus|KLIK-udtræk|;/);
    }
    const guessed = await get(`/dashboard?k=${'A'.repeat(43)}`);
    expect(guessed.status).toBe(401);
    expect(await get('/dashboard', `klikbot_dashboard=${'B'.repeat(43)}`).then((r) => r.status)).toBe(401);
  });

  it('gives an administrator a link to the whole country in their private chat, and none in a channel', async () => {
    const [inChannel] = await say({
      ...mentioning('dashboard'),
      from: admin,
      conversation: conversations.channel,
      channelData,
    });
    expect(shown(inChannel!)).toContain('Linket til overblikket er personligt');
    expect(shown(inChannel!)).not.toContain('k=');

    const [reply] = await say({ text: 'dashboard', from: admin, conversation: chatOf(admin) });
    expect(shown(reply!)).toContain('hele landet');
    const cookie = await cookieFrom(linkIn(reply!));
    const board = await get('/dashboard', cookie);
    expect(board.status).toBe(200);
    expect((await board.text()).match(/<tr data-municipality=/g)).toHaveLength(98);
    expect((await get('/dashboard/kommune/aarhus', cookie)).status).toBe(200);
  });

  it('gives a verified member a link to their own municipality and the national figures only', async () => {
    const [reply] = await say({ text: 'dashboard', from: lise, conversation: chatOf(lise) });
    expect(shown(reply!)).toContain('Køge Kommune');
    const cookie = await cookieFrom(linkIn(reply!));
    const board = await (await get('/dashboard', cookie)).text();
    expect(board.match(/<tr data-municipality="([^"]+)"/g)).toEqual(['<tr data-municipality="koege"']);
    expect((await get('/dashboard/kommune/koege', cookie)).status).toBe(200);
    const other = await get('/dashboard/kommune/aarhus', cookie);
    expect(other.status).toBe(403);
    expect(await other.text()).not.toContain('Historik');
    const csv = await (await get('/dashboard?format=csv', cookie)).text();
    const municipalities = new Set(
      csv
        .trim()
        .split('\r\n')
        .slice(1)
        .map((line) => line.split(';')[0]),
    );
    expect([...municipalities]).toEqual(['koege']);
    // the national figures: the progress page counts every municipality
    expect(await (await get('/dashboard/fremdrift', cookie)).text()).toContain('KLIK-udtræk 4. september 2018');
  });

  it("streams only the member's own municipality, sends what changed since the page was drawn, and ends once the link is closed", async () => {
    const [reply] = await say({ text: 'dashboard', from: lise, conversation: chatOf(lise) });
    const cookie = await cookieFrom(linkIn(reply!));
    await say({ text: 'BBR trin 1 er påbegyndt', from: lise, conversation: chatOf(lise) });
    const page = await (await get('/dashboard', cookie)).text();
    const live = /data-live="([^"]+)"/.exec(page)![1]!.replace(/&amp;/g, '&');
    const drawnAt = Number(/since=(\d+)$/.exec(live)?.[1]);
    expect(drawnAt).toBeGreaterThan(0);
    // reported after the page was drawn, before its stream opened: the stream starts with every
    // cell the member may see as it stands (the page applies only what differs)
    await say({ text: 'BBR trin 2 er fuldført', from: lise, conversation: chatOf(lise) });
    await say({ text: 'BBR trin 2 er fuldført for Aarhus', from: admin, conversation: chatOf(admin) });
    const stream = await openEvents(`${bot.url}${live}`, { cookie });
    const first = await stream.next();
    expect(first.cells.map((cell) => [cell.id, cell.status])).toEqual([
      ['c-koege-bbr-adgangsstyring-1', 'started'],
      ['c-koege-bbr-adgangsstyring-2', 'done'],
    ]);
    expect(Number(first.id)).toBeGreaterThan(drawnAt);
    // a browser coming back names the last event it had: nothing since, so only what is new
    const again = await openEvents(`${bot.url}/dashboard/events`, { cookie, 'last-event-id': first.id! });
    await say({ text: 'BBR trin 4 er påbegyndt', from: lise, conversation: chatOf(lise) });
    expect((await again.next()).cells.map((cell) => cell.id)).toEqual(['c-koege-bbr-adgangsstyring-4']);
    expect((await stream.next()).cells.map((cell) => cell.id)).toEqual(['c-koege-bbr-adgangsstyring-4']);
    again.close();

    await say({ text: 'dashboard luk', from: lise, conversation: chatOf(lise) });
    // the next change is not sent to a closed link: the stream ends instead
    await say({ text: 'BBR trin 5 er påbegyndt', from: lise, conversation: chatOf(lise) });
    await expect(stream.next()).rejects.toThrow('the stream ended before a cells event');
    expect((await get('/dashboard/events', cookie)).status).toBe(401);
  });

  it('refuses a link to someone whose claim is not verified', async () => {
    const [, answer] = await say({ text: 'kommune Vejle', from: eve, conversation: chatOf(eve) }, 2);
    expect(answer).toBeDefined();
    const [reply] = await say({ text: 'dashboard', from: eve, conversation: chatOf(eve) });
    expect(shown(reply!)).toContain('kræver, at dit medlemskab af kommunen er bekræftet');
    expect(shown(reply!)).not.toContain('k=');
  });

  it('closes links: "dashboard luk" one’s own, "dashboard luk alle" by an administrator everyone’s, and leaving the municipality its member’s', async () => {
    const liseCookie = await cookieFrom(
      linkIn((await say({ text: 'dashboard', from: lise, conversation: chatOf(lise) }))[0]!),
    );
    const adminCookie = await cookieFrom(
      linkIn((await say({ text: 'dashboard', from: admin, conversation: chatOf(admin) }))[0]!),
    );
    const [how] = await say({
      text: 'hvordan lukker jeg alle dashboard-links?',
      from: admin,
      conversation: chatOf(admin),
    });
    expect(shown(how!)).toContain('Skriv »dashboard luk«');
    expect((await get('/dashboard', adminCookie)).status).toBe(200);
    const [closed] = await say({ text: 'dashboard luk', from: lise, conversation: chatOf(lise) });
    expect(shown(closed!)).toMatch(/Lukket: \d+ links? til overblikket virker ikke længere/);
    expect((await get('/dashboard', liseCookie)).status).toBe(401);
    expect((await get('/dashboard', adminCookie)).status).toBe(200);

    const [refused] = await say({ text: 'dashboard luk alle', from: lise, conversation: chatOf(lise) });
    expect(shown(refused!)).toContain('Kun administratorer kan lukke alle links');
    const [all] = await say({ text: 'dashboard luk alle', from: admin, conversation: chatOf(admin) });
    expect(shown(all!)).toMatch(/Lukket: \d+ links?/);
    expect((await get('/dashboard', adminCookie)).status).toBe(401);

    const fresh = await cookieFrom(
      linkIn((await say({ text: 'dashboard', from: lise, conversation: chatOf(lise) }))[0]!),
    );
    expect((await get('/dashboard', fresh)).status).toBe(200);
    await say({ text: 'forlad kommune', from: lise, conversation: chatOf(lise) });
    expect((await get('/dashboard', fresh)).status).toBe(401);
    await liseJoinsKoege();
  });

  describe('in a browser', () => {
    let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
    beforeAll(async () => {
      if (hasChromium) browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
    });
    beforeEach((ctx) => {
      ctx.skip(!hasChromium, browserSkipReason);
    });

    it("opens a member's link, keeps it out of the address bar, and shows no other municipality's rows", async () => {
      const [reply] = await say({ text: 'dashboard', from: lise, conversation: chatOf(lise) });
      const page = await browser!.context.newPage();
      await page.goto(linkIn(reply!));
      expect(page.url()).toBe(`${bot.url}/dashboard`);
      expect(await page.locator('tbody tr').count()).toBe(1);
      expect(await page.locator('tbody th').textContent()).toBe('Køge Kommune');
      await page.getByRole('link', { name: 'Frister' }).click();
      await page.waitForURL(/\/dashboard\/frister$/);
      expect(await page.locator('select[name=kommune]').count()).toBe(0);
      expect(await page.locator('main').textContent()).toContain('ikke meldt fuldført');
      await page.close();
    });
  });
});
