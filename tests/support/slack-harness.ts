import { storedStateAt } from './stored-text.js';
import type { Clock } from '../../src/clock.js';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { startTestBot } from './bot-framework.js';
import { startFakeSlack, type FakeSlack, type SlackCall } from './slack-fake.js';
import {
  blockAction,
  eventCallback,
  postToSlack,
  type BlockActionInput,
  type PostOptions,
  type SlackRequest,
} from './slack-requests.js';

/** The signing secret the test bots are started with (and the requests are signed with). */
export const SLACK_SECRET = 'klikbot-e2e-signing-secret';

/** The bot's settings for Slack over HTTP against a fake Web API, on 6 September 2018. */
export function slackEnv(apiUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    KLIKBOT_NOW: '2018-09-06T10:00:00+02:00',
    SLACK_SIGNING_SECRET: SLACK_SECRET,
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_API_URL: apiUrl,
    ...extra,
  };
}

/** A running bot with Slack on, the fake Web API it calls, and what it called during the current test. */
export interface SlackBot {
  bot: Awaited<ReturnType<typeof startTestBot>>;
  fake: FakeSlack;
  /** Signs and posts a request to the bot's /slack/events. */
  post(request: SlackRequest, options?: PostOptions): Promise<Response>;
  /** Posts an Events API delivery of `event` and checks Slack got its 200 at once. */
  event(event: Record<string, unknown>, ids?: { eventId?: string }): Promise<Response>;
  /** The calls made since the current test began (optionally of one method). */
  calls(method?: string): SlackCall[];
  /** Waits for `count` calls since the test began that match. */
  waitFor(match: string | ((call: SlackCall) => boolean), count?: number): Promise<SlackCall[]>;
  /**
   * Waits until the bot has finished handling every request it has answered (it answers Slack
   * before it handles), so that whatever an earlier request would have caused has happened by
   * then; returns `calls()`.
   */
  settle(): Promise<SlackCall[]>;
}

/**
 * Starts a fake Slack and a bot for the enclosing describe block; each test sees only its own
 * calls. With `each`, every test gets a bot on a fresh state file and a fake of its own: for
 * tests that each tell a story from the start (who joined, what was approved).
 */
export function useSlackBot(
  extraEnv: Record<string, string> = {},
  options: { clock?: Clock; each?: boolean } = {},
): SlackBot {
  let before = new Set<SlackCall>();
  const fresh = (call: SlackCall) => !before.has(call);
  const h: SlackBot = {
    bot: undefined as unknown as SlackBot['bot'],
    fake: undefined as unknown as FakeSlack,
    post: (request, options) => postToSlack(h.bot.url, SLACK_SECRET, request, options),
    event: async (event, ids) => {
      const response = await h.post(eventCallback(event, ids));
      if (response.status !== 200) throw new Error(`expected 200 for the event, got ${response.status}`);
      return response;
    },
    calls: (method) => h.fake.calls(method).filter(fresh),
    waitFor: (match, count = 1) => {
      const test = typeof match === 'string' ? (call: SlackCall) => call.method === match : match;
      return h.fake.waitFor((call) => fresh(call) && test(call), 5_000, count);
    },
    settle: async () => {
      await h.bot.idle();
      return h.calls();
    },
  };
  const start = async (): Promise<void> => {
    h.fake = await startFakeSlack();
    h.bot = await startTestBot(slackEnv(h.fake.apiUrl, extraEnv), options.clock ? { clock: options.clock } : {});
  };
  const stop = async (): Promise<void> => {
    await h.bot?.close();
    await h.fake?.close();
  };
  if (options.each) {
    beforeEach(start);
    afterEach(stop);
  } else {
    beforeAll(start);
    afterAll(stop);
  }
  beforeEach(() => {
    before = new Set(h.fake.calls());
  });
  return h;
}

/** A button as klikbot drew it in a message's blocks. */
export interface DrawnButton {
  action_id: string;
  value: string;
  text: { text: string };
}

interface Block {
  type: string;
  text?: { text: string };
  fields?: { text: string }[];
  elements?: (DrawnButton | { text: string })[];
}

/** Everything a person reads in blocks: headers, sections, fields, context and button labels. */
export function blockText(blocks: unknown): string {
  const parts: string[] = [];
  for (const block of (blocks ?? []) as Block[]) {
    if (block.text) parts.push(block.text.text);
    for (const field of block.fields ?? []) parts.push(field.text);
    for (const element of block.elements ?? [])
      parts.push(typeof element.text === 'string' ? element.text : element.text.text);
  }
  return parts.join('\n');
}

/** The buttons in a message's blocks. */
export function buttonsIn(blocks: unknown): DrawnButton[] {
  return ((blocks ?? []) as Block[])
    .filter((block) => block.type === 'actions')
    .flatMap((block) => (block.elements ?? []) as DrawnButton[]);
}

/** The button whose label matches, failing loudly with the labels there are. */
export function buttonLabelled(blocks: unknown, label: RegExp): DrawnButton {
  const buttons = buttonsIn(blocks);
  const found = buttons.find((button) => label.test(button.text.text));
  if (!found)
    throw new Error(
      `no button matching ${String(label)} among: ${buttons.map((button) => button.text.text).join(' | ')}`,
    );
  return found;
}

/** Where a clicked button sits, beyond what `blockAction` lets one say. */
export interface ClickSite {
  /** The pressed message is a reply in this thread. */
  threadTs?: string;
  /** The pressed message is ephemeral: Slack then sends no `message` and flags the container. */
  ephemeral?: boolean;
  /** The button is in the App Home view rather than in a message. */
  inHome?: boolean;
}

/** A `block_actions` click as Slack sends it for a button in a thread, an ephemeral message or the App Home. */
export function buttonClick(input: BlockActionInput, site: ClickSite = {}): SlackRequest {
  const payload = structuredClone(blockAction(input).data) as Record<string, unknown> & {
    message?: Record<string, unknown>;
    container: Record<string, unknown>;
  };
  if (site.threadTs && payload.message) payload.message.thread_ts = site.threadTs;
  if (site.ephemeral) {
    payload.container.is_ephemeral = true;
    delete payload.message;
  }
  if (site.inHome) {
    payload.container = { type: 'view', view_id: 'V0HOME' };
    payload.view = { id: 'V0HOME', type: 'home' };
    delete payload.message;
    delete payload.channel;
  }
  return {
    contentType: 'application/x-www-form-urlencoded',
    body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
    data: payload,
  };
}

/** A response_url that receives the bot's post but holds its answer until released. */
export interface HeldResponseUrl {
  url: string;
  /** Resolves with the posted JSON once it has arrived. */
  received: Promise<Record<string, unknown>>;
  /** Whether the held post has been answered yet. */
  answered(): boolean;
  release(): void;
  close(): Promise<void>;
}

/** Starts a loopback response_url that answers nothing until `release()`. */
export async function holdResponseUrl(): Promise<HeldResponseUrl> {
  let answered = false;
  let release = () => undefined as void;
  let arrive: (body: Record<string, unknown>) => void = () => undefined;
  const received = new Promise<Record<string, unknown>>((resolve) => (arrive = resolve));
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    request.on('end', () => {
      release = () => {
        answered = true;
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end('{"ok":true}');
      };
      arrive(JSON.parse(text) as Record<string, unknown>);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/respond/held`,
    received,
    answered: () => answered,
    release: () => release(),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A conversation as the state file keeps it. */
export interface StoredSlackConversation {
  channel: string;
  conversationId: string;
  reference: Record<string, unknown>;
  dead?: { reason: string };
}

/** The Slack conversations in the bot's state file. */
export async function storedSlack(statePath: string): Promise<StoredSlackConversation[]> {
  const state = (await storedStateAt(statePath)) as { conversations: StoredSlackConversation[] };
  return state.conversations.filter((conversation) => conversation.channel === 'slack');
}
