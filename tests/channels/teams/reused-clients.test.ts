import { ConfigurationBotFrameworkAuthentication, type Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { ReusingBotFrameworkAuthentication } from '../../../src/channels/teams/reused-clients.js';

/** Local mode: no app id, so botbuilder checks no token and the clients carry none. */
const local = () => new ReusingBotFrameworkAuthentication(new ConfigurationBotFrameworkAuthentication({}));

function activityFrom(serviceUrl: string): Activity {
  return {
    type: 'message',
    channelId: 'msteams',
    serviceUrl,
    conversation: { id: '19:a@thread.tacv2' },
    from: { id: '29:x' },
    recipient: { id: '28:bot' },
  } as Activity;
}

describe('ReusingBotFrameworkAuthentication', () => {
  it('gives every turn from one service URL the same ConnectorClient, and another URL its own', async () => {
    const auth = local();
    const clientFor = async (serviceUrl: string) => {
      const result = await auth.authenticateRequest(activityFrom(serviceUrl), '');
      return result.connectorFactory!.create(serviceUrl, result.audience);
    };
    const first = await clientFor('https://smba.trafficmanager.net/emea/');
    const second = await clientFor('https://smba.trafficmanager.net/emea/');
    const elsewhere = await clientFor('https://smba.trafficmanager.net/amer/');
    expect(second).toBe(first);
    expect(elsewhere).not.toBe(first);
  });

  it('still authenticates every request: a token is checked when an app id is set', async () => {
    const auth = new ReusingBotFrameworkAuthentication(
      new ConfigurationBotFrameworkAuthentication({
        MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
        MicrosoftAppPassword: 'secret',
      }),
    );
    await expect(auth.authenticateRequest(activityFrom('https://smba.trafficmanager.net/emea/'), '')).rejects.toThrow();
  });

  it('makes one UserTokenClient per app', async () => {
    const auth = local();
    const { claimsIdentity } = await auth.authenticateRequest(
      activityFrom('https://smba.trafficmanager.net/emea/'),
      '',
    );
    expect(await auth.createUserTokenClient(claimsIdentity)).toBe(await auth.createUserTokenClient(claimsIdentity));
  });
});
