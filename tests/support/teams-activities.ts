import { randomUUID } from 'node:crypto';

/** The bot's own account in the test activities. */
export const BOT = { id: '28:klikbot-app', name: 'klikbot' };
export const TENANT = 'tenant-koege';

/** A Teams conversation of each kind, as Teams describes it. */
export const conversations = {
  personal: { id: 'a:personal-mette', conversationType: 'personal', tenantId: TENANT },
  group: { id: '19:group-chat@thread.v2', conversationType: 'groupChat', isGroup: true, tenantId: TENANT },
  channel: {
    id: '19:programledere@thread.tacv2;messageid=1700000000000',
    conversationType: 'channel',
    isGroup: true,
    tenantId: TENANT,
  },
} as const;

/** channelData as Teams sends it in a team's channel. */
export const channelData = {
  tenant: { id: TENANT },
  team: { id: '19:team-koege@thread.tacv2', name: 'Køge Kommune' },
  channel: { id: '19:programledere@thread.tacv2', name: 'Programledere' },
};

/** A Teams activity from Mette to klikbot, delivered through the connector at `serviceUrl`. */
export function teamsActivity(serviceUrl: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'message',
    id: `activity-${randomUUID()}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl,
    from: { id: '29:mette', name: 'Mette Programleder', aadObjectId: 'aad-mette' },
    recipient: BOT,
    conversation: conversations.personal,
    channelData: { tenant: { id: TENANT } },
    locale: 'da-DK',
    ...overrides,
  };
}

/** A message that @mentions the bot the way Teams writes it. */
export function mentioning(question: string): Record<string, unknown> {
  return {
    text: `<at>${BOT.name}</at> ${question}`,
    entities: [{ type: 'mention', text: `<at>${BOT.name}</at>`, mentioned: BOT }],
  };
}

/** A conversation book that keeps nothing, for tests about turns rather than storage. */
export const keepNoConversations = {
  remember: async (): Promise<boolean> => false,
  remove: async (): Promise<boolean> => false,
  removeTeam: async (): Promise<number> => 0,
};

/** A button on an Adaptive Card as klikbot draws it. */
export interface CardAction {
  type: string;
  title: string;
  verb?: string;
  data?: unknown;
}

/** The parts of an Adaptive Card the tests read. */
export interface CardContent {
  body?: { type: string; text?: string }[];
  actions?: CardAction[];
}

/** The card a request to the connector carries (empty when it carries none). */
export function cardOf(request: { body: { attachments?: { content: unknown }[] } }): CardContent {
  return request.body.attachments?.[0]?.content ?? {};
}

/** The text blocks of a card, a line each. */
export function cardBodyText(card: CardContent): string {
  return (card.body ?? []).map((element) => element.text ?? '').join('\n');
}

/** What an Action.Execute is answered with: a card, a message under it, or an error with its message. */
export interface InvokeAnswer {
  statusCode: number;
  type?: string;
  value: CardContent & { message?: string };
}
