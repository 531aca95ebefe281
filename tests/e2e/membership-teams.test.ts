import { storedStateAt } from '../support/stored-text.js';
import { generateKeyPairSync } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
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

interface StoredState {
  memberships: { userId: string; municipalityId: string; state: string; basis?: string; emailDomain?: string }[];
  statusUpdates: { municipalityId: string; by: { userId: string; basis?: string } }[];
}

const admin = { id: '29:admin', name: 'Admin', aadObjectId: 'aad-admin' };
const eve = { id: '29:eve', name: 'Eve', aadObjectId: 'aad-eve' };
const lise = { id: '29:lise', name: 'Lise', aadObjectId: 'aad-lise' };
const adminChat = { id: 'a:personal-admin', conversationType: 'personal', tenantId: TENANT };
const liseChat = { id: 'a:personal-lise', conversationType: 'personal', tenantId: TENANT };

function shown(request: ConnectorRequest): string {
  return [request.body.text ?? '', cardBodyText(cardOf(request))].join('\n');
}

describe('membership in Teams, with signed Bot Framework tokens (no local trust)', () => {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  let keys: Awaited<ReturnType<typeof startKeyServer>>;
  let connector: FakeConnector;
  let bot: Awaited<ReturnType<typeof startTestBot>>;

  beforeAll(async () => {
    keys = await startKeyServer(publicKey);
  });
  afterAll(() => {
    keys.server.close();
  });
  // a bot on a fresh state file and a connector that has seen nothing, for each test: each tells its own story from the start
  beforeEach(async () => {
    connector = await startFakeConnector();
    bot = await startTestBot(
      {
        MicrosoftAppId: APP_ID,
        MicrosoftAppPassword: 'unused',
        MicrosoftAppType: 'MultiTenant',
        KLIKBOT_ADMINS: `teams:${admin.aadObjectId}`,
        KLIKBOT_NOW: '2018-10-01T10:00:00+02:00',
        KLIKBOT_DATA: knowledgeWithDomains({ koege: ['koege.example.org'] }),
      },
      { teamsEndpoints: signedEndpoints(keys.url) },
    );
  });
  afterEach(async () => {
    await bot.close();
    await connector.close();
  });

  const state = async () => (await storedStateAt(bot.statePath)) as StoredState;

  async function post(activity: Record<string, unknown>): Promise<Response> {
    return fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${channelToken(privateKey, { serviceurl: connector.url })}`,
      },
      body: JSON.stringify(activity),
    });
  }

  /** Sends a message and waits for `count` more connector requests, returning them. */
  async function say(overrides: Record<string, unknown>, count = 1): Promise<ConnectorRequest[]> {
    const before = connector.requests.length;
    expect((await post(teamsActivity(connector.url, overrides))).status).toBe(200);
    return (await connector.waitFor(before + count)).slice(before);
  }

  const inChannel = (text: string) => ({
    ...mentioning(text),
    from: eve,
    conversation: conversations.channel,
    channelData,
  });

  /** The administrator opens a 1:1 chat with klikbot, where approval cards reach them. */
  async function adminHasChat(): Promise<void> {
    await say({ text: 'hjælp', from: admin, conversation: adminChat });
  }

  /** Eve claims Vejle in the channel: the member lookup, her answer and the administrator's card. */
  async function eveClaimsVejle(): Promise<ConnectorRequest[]> {
    return say(inChannel('vi er Vejle Kommune'), 3);
  }

  it('refuses the outsider sequence: a claim waits, a status change is refused, the card reaches the administrator', async () => {
    await adminHasChat();
    const requests = await eveClaimsVejle();
    const lookup = requests.find((request) => request.method === 'GET');
    expect(lookup?.url).toContain('/members/');
    const card = requests.find((request) => request.url.includes(encodeURIComponent(adminChat.id)));
    expect(cardBodyText(cardOf(card!))).toContain('Eve (teams:aad-eve) siger, at de hører til Vejle Kommune.');
    const answer = requests.find((request) => request.method === 'POST' && request !== card)!;
    expect(shown(answer)).toContain('Du har bedt om at høre til Vejle Kommune.');

    const [refused] = await say(inChannel('BBR trin 4 er fuldført'));
    expect(shown(refused!)).toMatch(/Din tilknytning til Vejle Kommune venter på godkendelse.*Intet er ændret\./s);
    expect((await state()).statusUpdates).toEqual([]);
    expect((await state()).memberships).toMatchObject([
      { userId: 'aad-eve', municipalityId: 'vejle', state: 'pending' },
    ]);
  });

  it('is approved by the administrator with one press on the card; the claimant is told in the channel and can report', async () => {
    await adminHasChat();
    await eveClaimsVejle();
    const card = connector.requests.find(
      (request) =>
        request.url.includes(encodeURIComponent(adminChat.id)) &&
        cardBodyText(cardOf(request)).includes('Vejle Kommune'),
    )!;
    const approve = cardOf(card).actions?.find((action) => action.title === 'Godkend');
    expect(approve?.type).toBe('Action.Execute');
    // Eve pressing it herself changes nothing
    const own = await post(
      teamsActivity(connector.url, {
        from: eve,
        conversation: adminChat,
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb: approve!.verb, data: approve!.data } },
      }),
    );
    expect(((await own.json()) as { statusCode: number }).statusCode).not.toBe(200);
    expect((await state()).memberships[0]?.state).toBe('pending');

    const before = connector.requests.length;
    const pressed = await post(
      teamsActivity(connector.url, {
        from: admin,
        conversation: adminChat,
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb: approve!.verb, data: approve!.data } },
      }),
    );
    const answer = (await pressed.json()) as { statusCode: number; value: { body?: { text?: string }[] } };
    expect(answer.statusCode).toBe(200);
    expect((answer.value.body ?? []).map((element) => element.text ?? '').join('\n')).toContain(
      'Godkendt: Eve hører nu til Vejle Kommune.',
    );
    const [told] = (await connector.waitFor(before + 1)).slice(before);
    expect(told!.url).toContain(encodeURIComponent('19:programledere@thread.tacv2'));
    expect(shown(told!)).toContain('Din tilknytning til Vejle Kommune er godkendt af Admin.');
    expect((await state()).memberships).toMatchObject([{ userId: 'aad-eve', state: 'verified', basis: 'approval' }]);

    const [reported] = await say(inChannel('BBR trin 4 er fuldført'));
    expect(shown(reported!)).toContain('er nu fuldført for Vejle Kommune');
    expect((await state()).statusUpdates).toMatchObject([
      { municipalityId: 'vejle', by: { userId: 'aad-eve', basis: 'approval' } },
    ]);
  });

  it('is declined by the administrator with one press; the claim is gone and the claimant told in their chat', async () => {
    const per = { id: '29:per', name: 'Per', aadObjectId: 'aad-per' };
    const perChat = { id: 'a:personal-per', conversationType: 'personal', tenantId: TENANT };
    await adminHasChat();
    const requests = await say({ text: 'kommune Aarhus', from: per, conversation: perChat }, 3);
    const card = requests.find((request) => request.url.includes(encodeURIComponent(adminChat.id)))!;
    const decline = cardOf(card).actions?.find((action) => action.title === 'Afvis');
    const before = connector.requests.length;
    const pressed = await post(
      teamsActivity(connector.url, {
        from: admin,
        conversation: adminChat,
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb: decline!.verb, data: decline!.data } },
      }),
    );
    expect(((await pressed.json()) as { statusCode: number }).statusCode).toBe(200);
    const [told] = (await connector.waitFor(before + 1)).slice(before);
    expect(told!.url).toContain(encodeURIComponent(perChat.id));
    expect(shown(told!)).toContain('Din tilknytning til Aarhus Kommune blev afvist af Admin.');
    expect((await state()).memberships.find((m) => m.userId === 'aad-per')).toBeUndefined();
  });

  it('imports a roster the administrator pastes in chat; a listed person is verified when they claim', async () => {
    const [imported] = await say({
      text: 'medlemsliste\nperson,kommune\nteams:aad-ole,Odense',
      from: admin,
      conversation: adminChat,
    });
    expect(shown(imported!)).toContain('Medlemslisten er indlæst: 1 linjer; 1 medlemskaber er bekræftet.');
    const ole = { id: '29:ole', name: 'Ole', aadObjectId: 'aad-ole' };
    const requests = await say(
      {
        text: 'kommune Odense',
        from: ole,
        conversation: { id: 'a:personal-ole', conversationType: 'personal', tenantId: TENANT },
      },
      2,
    );
    expect(shown(requests.at(-1)!)).toContain('Du hører allerede til Odense Kommune.');
    expect((await state()).memberships.find((m) => m.userId === 'aad-ole')).toMatchObject({
      state: 'verified',
      basis: 'roster',
    });
  });

  it("verifies a claim by the email address in the Teams roster when it is in the municipality's domain", async () => {
    // the unverified claim's card goes to the administrator's chat
    await adminHasChat();
    // a mail attribute the tenant could set to anything is not read: the UPN is
    connector.plan.push({
      status: 200,
      body: {
        id: eve.id,
        name: eve.name,
        aadObjectId: 'aad-mallory',
        email: 'mallory@koege.example.org',
        userPrincipalName: 'mallory@evil.example',
      },
    });
    const spoofed = await say(
      {
        text: 'kommune Køge',
        from: { id: '29:mallory', name: 'Mallory', aadObjectId: 'aad-mallory' },
        conversation: { id: 'a:personal-mallory', conversationType: 'personal', tenantId: TENANT },
      },
      3,
    );
    expect(
      shown(spoofed.find((request) => request.method === 'POST' && request.url.includes('personal-mallory'))!),
    ).toContain('Du har bedt om at høre til Køge Kommune');
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
    const requests = await say({ text: 'kommune Køge', from: lise, conversation: liseChat }, 2);
    expect(requests[0]?.method).toBe('GET');
    expect(shown(requests[1]!)).toContain(
      'Du hører nu til Køge Kommune (bekræftet af din mailadresse hos koege.example.org).',
    );
    expect((await state()).memberships.find((m) => m.userId === 'aad-lise')).toMatchObject({
      state: 'verified',
      basis: 'email-domain',
      emailDomain: 'koege.example.org',
    });
  });
});
