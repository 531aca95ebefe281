import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot } from '../support/bot-framework.js';
import { startFakeConnector, type FakeConnector } from '../support/connector-fake.js';
import { teamsActivity } from '../support/teams-activities.js';

const APP_ID = '6f1b9c2e-3d4a-4b5c-9e8f-0a1b2c3d4e5f';

const BOT_FRAMEWORK_ISSUER = 'https://api.botframework.com';

/** An unsigned JWT: well-formed, but from nobody the Bot Framework trusts. */
function unsignedToken(
  issuer: string,
  header: object = { alg: 'RS256', typ: 'JWT', kid: 'unknown-key' },
  lifetime = 3600,
): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  return `${part(header)}.${part({ iss: issuer, aud: APP_ID, nbf: now - 60 - Math.max(0, -lifetime), exp: now + lifetime })}.c2lnbmF0dXJl`;
}

/** A token claiming the Bot Framework's issuer and this bot, signed as given. */
function forged(header: object, lifetime = 3600): string {
  return unsignedToken(BOT_FRAMEWORK_ISSUER, header, lifetime);
}

describe('/api/messages with Teams credentials configured', () => {
  let bot: Awaited<ReturnType<typeof startTestBot>>;
  let connector: FakeConnector;

  beforeAll(async () => {
    connector = await startFakeConnector();
    bot = await startTestBot({
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'not-a-real-secret',
      MicrosoftAppType: 'MultiTenant',
    });
  });
  afterAll(async () => {
    await bot.close();
    await connector.close();
  });

  const cases: [string, Record<string, string>][] = [
    ['no Authorization header', {}],
    ['a token that is not a JWT', { authorization: 'Bearer not-a-jwt' }],
    ['a token from an unknown issuer', { authorization: `Bearer ${unsignedToken('https://issuer.example.org/')}` }],
    ['a forged token with alg none', { authorization: `Bearer ${forged({ alg: 'none', typ: 'JWT' })}` }],
    ['a forged token signed HS256', { authorization: `Bearer ${forged({ alg: 'HS256', typ: 'JWT' })}` }],
    [
      'an expired token',
      { authorization: `Bearer ${forged({ alg: 'RS256', typ: 'JWT', kid: 'unknown-key' }, -3600)}` },
    ],
  ];

  it.each(cases)('refuses %s with 401 and sends no reply', async (_label, headers) => {
    const response = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(teamsActivity(connector.url, { text: 'hvornår er deadline for FK-ansvarlig?' })),
    });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
    // a turn ends before its request is answered, and anything still in hand is waited for: a wrongly started turn would have written by now
    await bot.idle();
    expect(connector.requests).toHaveLength(0);
  });

  it('answers 503 without internals when the Bot Framework keys for a token are out of reach, and runs nothing', async () => {
    // this machine cannot reach login.botframework.com: a well-formed RS256 token cannot be checked
    const response = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${forged({ alg: 'RS256', typ: 'JWT', kid: 'unknown-key' })}`,
      },
      body: JSON.stringify(teamsActivity(connector.url, { text: 'hvornår er deadline for FK-ansvarlig?' })),
    });
    expect(response.status).toBe(503);
    const body = await response.text();
    expect(body).not.toMatch(/botframework\.com|getaddrinfo|ENOTFOUND|at .*\.js|openid/i);
    // a turn ends before its request is answered, and anything still in hand is waited for: a wrongly started turn would have written by now
    await bot.idle();
    expect(connector.requests).toHaveLength(0);
  });

  it('does not serve the unauthenticated web chat', async () => {
    const response = await fetch(`${bot.url}/`);
    expect(response.status).toBe(404);
  });
});
