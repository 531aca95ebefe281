import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { DateTime } from 'luxon';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdapter } from '../../src/channels/teams/adapter.js';
import { registerMessagesRoute } from '../../src/channels/teams/messages-route.js';
import { createFixedClock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import { createCore } from '../../src/core/core.js';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { createHttpServer, listen } from '../../src/server/http-server.js';
import { startFakeConnector, type FakeConnector } from '../support/connector-fake.js';
import { teamsActivity, keepNoConversations } from '../support/teams-activities.js';

const APP_ID = '0d6c2b1a-5f4e-4d3c-8b2a-1f0e9d8c7b6a';
const ISSUER = 'https://api.botframework.com';
const KEY_ID = 'klikbot-test-key';

/** A loopback OpenID provider: the metadata document and the JWKS with the test's public key. */
async function startKeyServer(publicKey: KeyObject): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    const documents: Record<string, unknown> = {
      '/openid': { issuer: ISSUER, jwks_uri: `${base}/keys` },
      '/keys': { keys: [{ ...publicKey.export({ format: 'jwk' }), kid: KEY_ID, use: 'sig', alg: 'RS256' }] },
    };
    const document = documents[request.url ?? ''];
    response.writeHead(document ? 200 : 404, { 'content-type': 'application/json' });
    response.end(JSON.stringify(document ?? {}));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, server };
}

/** A channel token as the Bot Connector signs it: RS256, our app as audience, the serviceUrl as claim. */
function channelToken(privateKey: KeyObject, claims: Record<string, unknown>): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const unsigned = `${part({ alg: 'RS256', typ: 'JWT', kid: KEY_ID })}.${part({ iss: ISSUER, aud: APP_ID, nbf: now - 60, exp: now + 3600, ...claims })}`;
  return `${unsigned}.${sign('sha256', Buffer.from(unsigned), privateKey).toString('base64url')}`;
}

describe('a request with a valid Bot Framework token', () => {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  let keys: Awaited<ReturnType<typeof startKeyServer>>;
  let connector: FakeConnector;
  let url = '';
  const logger = pino({ level: 'silent' });
  const clock = createFixedClock(DateTime.fromISO('2018-09-06T10:00:00+02:00'));
  const server = createHttpServer({ clock, logger, localMode: false });

  beforeAll(async () => {
    keys = await startKeyServer(publicKey);
    connector = await startFakeConnector();
    const teams = loadConfig({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'unused', MicrosoftAppType: 'MultiTenant' }).teams;
    const adapter = createAdapter(teams, logger, {
      settings: {
        ToBotFromChannelOpenIdMetadataUrl: `${keys.url}/openid`,
        ToBotFromEmulatorOpenIdMetadataUrl: `${keys.url}/openid`,
        ToBotFromChannelTokenIssuer: ISSUER,
        ToChannelFromBotLoginUrl: `${keys.url}/login`,
        ToChannelFromBotOAuthScope: ISSUER,
        OAuthUrl: `${keys.url}/oauth`,
        CallerId: 'urn:botframework:azure',
      },
      // outbound tokens would come from Entra, which cannot be reached here: a fixed one stands in
      credentialsFactory: {
        isValidAppId: async (appId = '') => appId === APP_ID,
        isAuthenticationDisabled: async () => false,
        createCredentials: async () => ({ signRequest: async (request: { headers: { set(name: string, value: string): void } }) => { request.headers.set('authorization', 'Bearer outbound-test-token'); return request; } }) as never,
      },
    });
    const core = createCore({ knowledge: await loadKnowledge(path.resolve('data/knowledge')) });
    registerMessagesRoute(server, { adapter, core, clock, logger, conversations: keepNoConversations, localMode: false });
    url = `http://127.0.0.1:${await listen(server, 0, '127.0.0.1')}`;
  });
  afterAll(async () => {
    server.close();
    keys.server.close();
    await connector.close();
  });

  async function post(token: string): Promise<Response> {
    return fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(teamsActivity(connector.url, { text: 'hvornår er deadline for at udpege FK-ansvarlig?' })),
    });
  }

  it('is answered', async () => {
    const response = await post(channelToken(privateKey, { serviceurl: connector.url }));
    expect(response.status).toBe(200);
    const [reply] = await connector.waitFor(1);
    expect(reply!.body.summary).toContain('1. november 2018');
    expect(reply!.authorization).toBe('Bearer outbound-test-token');
  });

  it('is refused when it was issued for another serviceUrl or another bot, or signed by another key', async () => {
    connector.requests.length = 0;
    expect((await post(channelToken(privateKey, { serviceurl: 'https://smba.trafficmanager.net/emea/' }))).status).toBe(401);
    expect((await post(channelToken(privateKey, { serviceurl: connector.url, aud: 'another-bot' }))).status).toBe(401);
    const { privateKey: strangerKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    expect((await post(channelToken(strangerKey, { serviceurl: connector.url }))).status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(connector.requests).toHaveLength(0);
  });
});
