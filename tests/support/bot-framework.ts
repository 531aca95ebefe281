import { randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Clock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import { startKlikbot, type RunningKlikbot } from '../../src/main.js';
import type { BotFrameworkEndpoints } from '../../src/channels/teams/adapter.js';

/** A reply activity as the Bot Framework returns it. */
export interface ReplyActivity {
  type: string;
  text?: string;
  summary?: string;
  attachments?: {
    contentType: string;
    content: { body?: { type: string; text?: string }[]; actions?: { title: string; data: unknown }[] };
  }[];
}

/** Starts the real bot on a free loopback port with a fresh state file. */
export async function startTestBot(
  env: Record<string, string> = {},
  options: { clock?: Clock; statePath?: string; teamsEndpoints?: BotFrameworkEndpoints; entraKeysUrl?: string } = {},
): Promise<RunningKlikbot & { statePath: string }> {
  const statePath = options.statePath ?? path.join(await mkdtemp(path.join(tmpdir(), 'klikbot-e2e-')), 'state.json');
  const config = loadConfig({ PORT: '0', LOG_LEVEL: 'silent', KLIKBOT_DB: statePath, ...env });
  const bot = await startKlikbot(config, {
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.teamsEndpoints ? { teamsEndpoints: options.teamsEndpoints } : {}),
    ...(options.entraKeysUrl ? { entraKeysUrl: options.entraKeysUrl } : {}),
  });
  return { ...bot, statePath };
}

/** A message activity from a person in the web chat, asking for the replies in the response. */
export function messageActivity(text: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'message',
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    channelId: 'webchat',
    serviceUrl: 'http://127.0.0.1:9',
    from: { id: 'user-1', name: 'Programleder' },
    recipient: { id: 'klikbot', name: 'klikbot' },
    conversation: { id: 'conversation-1' },
    locale: 'da-DK',
    text,
    deliveryMode: 'expectReplies',
    ...overrides,
  };
}

/** Posts a JSON body to `/api/messages`. */
export async function postMessages(baseUrl: string, body: unknown): Promise<Response> {
  return fetch(`${baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** Asks one question with expectReplies and returns the reply activities. */
export async function ask(
  baseUrl: string,
  text: string,
  overrides: Record<string, unknown> = {},
): Promise<ReplyActivity[]> {
  const response = await postMessages(baseUrl, messageActivity(text, overrides));
  if (response.status !== 200) throw new Error(`expected 200, got ${response.status}: ${await response.text()}`);
  const body = (await response.json()) as { activities: ReplyActivity[] };
  return body.activities;
}

/** Everything a person would read in a reply: the text, or the card's text blocks and facts. */
export function visibleText(activity: ReplyActivity): string {
  const parts = [activity.text ?? ''];
  for (const attachment of activity.attachments ?? []) {
    for (const element of attachment.content.body ?? []) {
      if (element.text) parts.push(element.text);
      const facts = (element as { facts?: { title: string; value: string }[] }).facts ?? [];
      for (const fact of facts) parts.push(`${fact.title}: ${fact.value}`);
    }
  }
  return parts.filter(Boolean).join('\n');
}
