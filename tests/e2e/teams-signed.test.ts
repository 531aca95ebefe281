import { createActionSeal } from '../../src/core/sealed-action.js';
import { generateKeyPairSync } from 'node:crypto';
import path from 'node:path';
import { DateTime } from 'luxon';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdapter } from '../../src/channels/teams/adapter.js';
import { registerMessagesRoute } from '../../src/channels/teams/messages-route.js';
import { createFixedClock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { createHttpServer, listen } from '../../src/server/http-server.js';
import { startFakeConnector, type FakeConnector } from '../support/connector-fake.js';
import { teamsActivity, keepNoConversations } from '../support/teams-activities.js';
import { APP_ID, channelToken, signedEndpoints, startKeyServer } from '../support/teams-signing.js';
import { createCore } from '../../src/klikbot-core.js';

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
    const teams = loadConfig({
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'unused',
      MicrosoftAppType: 'MultiTenant',
    }).teams;
    const adapter = createAdapter(teams, logger, signedEndpoints(keys.url));
    const core = createCore({ knowledge: await loadKnowledge(path.resolve('data/knowledge')) });
    registerMessagesRoute(server, {
      adapter,
      core,
      clock,
      logger,
      conversations: keepNoConversations,
      localMode: false,
      seal: createActionSeal(Buffer.alloc(32, 7)),
    });
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
    expect((await post(channelToken(privateKey, { serviceurl: 'https://smba.trafficmanager.net/emea/' }))).status).toBe(
      401,
    );
    expect((await post(channelToken(privateKey, { serviceurl: connector.url, aud: 'another-bot' }))).status).toBe(401);
    const { privateKey: strangerKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    expect((await post(channelToken(strangerKey, { serviceurl: connector.url }))).status).toBe(401);
    // a good request after them is answered: its reply is then the one thing the connector got
    expect((await post(channelToken(privateKey, { serviceurl: connector.url }))).status).toBe(200);
    const [reply] = await connector.waitFor(1);
    expect(connector.requests).toHaveLength(1);
    expect(reply!.body.summary).toContain('1. november 2018');
  });
});
