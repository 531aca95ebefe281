import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot } from '../support/bot-framework.js';
import { startFakeConnector, type FakeConnector } from '../support/connector-fake.js';
import { knowledgeWithDomains } from '../support/domains.js';
import { teamsActivity, TENANT } from '../support/teams-activities.js';
import { APP_ID, channelToken, signedEndpoints, startKeyServer } from '../support/teams-signing.js';

const TEAMS_WEB = '5e3ce6c0-2b1f-4285-8d4b-75ee78787346';
const TENANT_ID = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const PUBLIC_URL = 'https://klikbot.example.org';

/** A token as Entra issues it to Teams for the tab (v2), signed with `key`; `claims` change or remove (undefined) any part. */
function tabToken(key: KeyObject, claims: Record<string, unknown> = {}, header: Record<string, unknown> = {}): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const payload = {
    iss: `https://login.microsoftonline.com/${TENANT_ID}/v2.0`,
    aud: APP_ID,
    tid: TENANT_ID,
    oid: 'aad-admin',
    azp: TEAMS_WEB,
    scp: 'access_as_user',
    name: 'Admin',
    iat: now,
    nbf: now - 60,
    exp: now + 3600,
    ...claims,
  };
  const unsigned = `${part({ alg: 'RS256', typ: 'JWT', kid: 'klikbot-test-key', ...header })}.${part(JSON.parse(JSON.stringify(payload)) as object)}`;
  return `${unsigned}.${sign('sha256', Buffer.from(unsigned), key).toString('base64url')}`;
}

describe('the Teams tab: single sign-on checked as strictly as the bot, then the overview of what the person may see', () => {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  let keys: Awaited<ReturnType<typeof startKeyServer>>;
  let connector: FakeConnector;
  let bot: Awaited<ReturnType<typeof startTestBot>>;

  const session = (token: string | undefined) =>
    fetch(`${bot.url}/dashboard/teams/session`, {
      method: 'POST',
      headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
    });
  const board = (cookie: string) => fetch(`${bot.url}/dashboard`, { headers: { cookie } });

  async function cookieOf(token: string): Promise<string> {
    const response = await session(token);
    expect(response.status).toBe(200);
    const cookie = response.headers.get('set-cookie') ?? '';
    // inside Teams' frame a browser keeps only a cookie marked for it
    expect(cookie).toMatch(/HttpOnly; SameSite=None; Secure; Partitioned/);
    return cookie.split(';')[0]!;
  }

  beforeAll(async () => {
    keys = await startKeyServer(publicKey);
    connector = await startFakeConnector();
    bot = await startTestBot(
      {
        KLIKBOT_PUBLIC_URL: PUBLIC_URL,
        MicrosoftAppId: APP_ID,
        MicrosoftAppPassword: 'unused',
        MicrosoftAppType: 'MultiTenant',
        KLIKBOT_ADMINS: 'teams:aad-admin',
        KLIKBOT_NOW: '2018-10-01T10:00:00+02:00',
        KLIKBOT_REMINDER_TICK_SECONDS: '0',
        KLIKBOT_DATA: knowledgeWithDomains({ koege: ['koege.example.org'] }),
      },
      { teamsEndpoints: signedEndpoints(keys.url), entraKeysUrl: `${keys.url}/keys` },
    );
    // Lise joins Køge in the chat, verified by her address
    connector.plan.push({
      status: 200,
      body: { id: '29:lise', name: 'Lise', aadObjectId: 'aad-lise', userPrincipalName: 'lise@koege.example.org' },
    });
    const response = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${channelToken(privateKey, { serviceurl: connector.url })}`,
      },
      body: JSON.stringify(
        teamsActivity(connector.url, {
          text: 'kommune Køge',
          from: { id: '29:lise', name: 'Lise', aadObjectId: 'aad-lise' },
          conversation: { id: 'a:personal-lise', conversationType: 'personal', tenantId: TENANT },
        }),
      ),
    });
    expect(response.status).toBe(200);
    await connector.waitFor(2);
  });
  afterAll(async () => {
    await bot?.close();
    await connector?.close();
    keys?.server.close();
  });

  it('serves the tab page with the Teams library from klikbot itself, and no data in it', async () => {
    const page = await (await fetch(`${bot.url}/dashboard/teams`)).text();
    expect(page).toContain('/dashboard/assets/teams.min.js');
    expect(page).not.toMatch(/Køge|Aarhus/);
    const library = await fetch(`${bot.url}/dashboard/assets/teams.min.js`);
    expect(library.status).toBe(200);
    expect(await library.text()).toContain('getAuthToken');
  });

  it("gives an administrator the whole country, and a verified member their own municipality's row", async () => {
    const admin = await cookieOf(tabToken(privateKey));
    expect((await (await board(admin)).text()).match(/<tr data-municipality=/g)).toHaveLength(98);
    const lise = await cookieOf(tabToken(privateKey, { oid: 'aad-lise', name: 'Lise' }));
    expect((await (await board(lise)).text()).match(/<tr data-municipality="[^"]+"/g)).toEqual([
      '<tr data-municipality="koege"',
    ]);
    // the v1 form of the same token: the Application ID URI as audience, the tenant's STS as issuer, appid as client
    const v1 = tabToken(privateKey, {
      aud: `api://klikbot.example.org/${APP_ID}`,
      iss: `https://sts.windows.net/${TENANT_ID}/`,
      azp: undefined,
      appid: '1fec8e78-bce4-4aaf-ab1b-5451cc387264',
    });
    expect((await session(v1)).status).toBe(200);
  });

  it('refuses every token that does not hold, and a person who may not look', async () => {
    const now = Math.floor(Date.now() / 1000);
    const refused: [string, string | undefined][] = [
      ['no token', undefined],
      ['another app', tabToken(privateKey, { aud: '11111111-2222-3333-4444-555555555555' })],
      ["another tenant's issuer", tabToken(privateKey, { iss: 'https://login.microsoftonline.com/other-tenant/v2.0' })],
      ['not asked for by Teams', tabToken(privateKey, { azp: '00000000-0000-0000-0000-000000000001' })],
      ['without the scope', tabToken(privateKey, { scp: 'User.Read' })],
      ['expired', tabToken(privateKey, { exp: now - 600, nbf: now - 7200, iat: now - 7200 })],
      ['signed by another key', tabToken(stranger)],
      ['without a signature', tabToken(privateKey).replace(/\.[^.]+$/, '.')],
      ['without a tenant', tabToken(privateKey, { tid: undefined })],
    ];
    for (const [what, token] of refused) expect((await session(token)).status, what).toBe(401);
    expect((await session(tabToken(privateKey, { oid: 'aad-nobody' }))).status).toBe(403);
  });

  it("answers 503, not 401, while Entra's keys cannot be fetched: nothing listens, or an error page answers", async () => {
    const broken = createServer((_request, response) => {
      response.writeHead(500, { 'content-type': 'text/html' });
      response.end('<h1>Service unavailable</h1>');
    });
    await new Promise<void>((resolve) => broken.listen(0, '127.0.0.1', resolve));
    const errorPage = `http://127.0.0.1:${(broken.address() as { port: number }).port}/keys`;
    // nothing listens on the discard port
    for (const keysUrl of ['http://127.0.0.1:9/keys', errorPage]) {
      const unreachable = await startTestBot(
        {
          KLIKBOT_PUBLIC_URL: PUBLIC_URL,
          MicrosoftAppId: APP_ID,
          MicrosoftAppPassword: 'unused',
          MicrosoftAppType: 'MultiTenant',
          KLIKBOT_REMINDER_TICK_SECONDS: '0',
        },
        { teamsEndpoints: signedEndpoints(keys.url), entraKeysUrl: keysUrl },
      );
      try {
        const response = await fetch(`${unreachable.url}/dashboard/teams/session`, {
          method: 'POST',
          headers: { authorization: `Bearer ${tabToken(privateKey)}` },
        });
        expect(response.status, keysUrl).toBe(503);
        expect(response.headers.get('retry-after')).toBe('30');
      } finally {
        await unreachable.close();
      }
    }
    broken.close();
  });

  it('lets no one in with a session cookie that was changed or made up', async () => {
    const admin = await cookieOf(tabToken(privateKey));
    const [name, value] = admin.split('=') as [string, string];
    const [body, mac] = value.split('.') as [string, string];
    const forged = Buffer.from(JSON.stringify({ u: 'aad-admin', e: Date.now() + 10 ** 9 })).toString('base64url');
    expect((await board(`${name}=${forged}.${mac}`)).status).toBe(401);
    expect((await board(`${name}=${body}.${mac.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'))}`)).status).toBe(401);
    expect((await board(admin)).status).toBe(200);
  });
});
