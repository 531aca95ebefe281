import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { whenArrived } from './arrivals.js';

/*
 * What a test should expect from @slack/web-api 8.2's WebClient against this fake (measured in
 * tests/support/slack-support.test.ts, with `retry-after: 1`):
 * - Default `retryConfig` (tenRetriesInAboutThirtyMinutes: 10 retries, randomized back-off from
 *   1 s): after a 429 the client waits the Retry-After seconds, then p-retry
 *   adds its own 1-2 s back-off, so the retry arrives 2-3 s after the 429 (measured 2.08-3.05 s
 *   over 12 runs) and the call then succeeds. A 500 is retried too, 1-2 s later (1.35-1.91 s).
 * - `retryConfig: { retries: 0 }`: still waits the Retry-After second, then rejects with
 *   `slack_webapi_request_error` after one request. A 500 rejects at once (`slack_webapi_http_error`).
 * - `rejectRateLimitedCalls: true`: rejects at once with `slack_webapi_rate_limited_error`
 *   (`retryAfter: 1`) after one request.
 * - A 429 without Retry-After: rejects at once, one request, an error with no `code`.
 * - A 200 with `{ok:false, error}` (channel_not_found, not_in_channel, is_archived...): rejects
 *   at once with `slack_webapi_platform_error`, `data.error` = the code; never retried.
 * For fast tests of a retry, give the client `retryConfig: { retries: 1, minTimeout: 0,
 * maxTimeout: 1 }`: the retry then comes just after the Retry-After pause (1.01-1.05 s).
 */

/**
 * One request the bot made to the fake Slack: a Web API method, a response_url post, or a
 * file's bytes posted to an upload URL (`file_upload`, with `args.file_id` and `args.content`).
 */
export interface SlackCall {
  /** The Web API method (`chat.postMessage`), or `response_url` for posts to a response URL. */
  method: string;
  /** The arguments; `blocks`, `view`, `attachments` and `metadata` are JSON-decoded. */
  args: Record<string, unknown>;
  /** The bearer token (or the `token` field), if any was sent. */
  token?: string;
  /** For `response_url` calls: the id given to `responseUrl(id)`. */
  responseId?: string;
  /** The request's content type, to check how it was sent. */
  contentType: string;
  /** When it arrived, in ms since the fake started (to check waits such as Retry-After). */
  at: number;
}

/** A canned answer for one call: HTTP status (default 200), extra headers and JSON body. */
export interface SlackAnswer {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** Which calls to wait for: a count of all calls, a method name, or a test on each call. */
export type SlackCallMatch = number | string | ((call: SlackCall) => boolean);

/** The loopback stand-in for the Slack Web API and for response URLs. */
export interface FakeSlack {
  /** Base URL for `slackApiUrl`, ending in `/api/`. */
  apiUrl: string;
  /** Every call so far (or only those of one method), in arrival order. */
  calls(method?: string): SlackCall[];
  /** Queues an answer for the next call of `method` (`response_url` for response URLs). */
  plan(method: string, answer: SlackAnswer): void;
  /** A response_url on this server; posts to it are recorded with `responseId: id`. */
  responseUrl(id: string): string;
  /** Resolves with the matching calls once `count` of them (default 1) have arrived. */
  waitFor(match: SlackCallMatch, timeoutMs?: number, count?: number): Promise<SlackCall[]>;
  close(): Promise<void>;
}

/** The workspace and bot identity the fake reports (auth.test). */
export const FAKE_SLACK_IDS = { teamId: 'T0KOMBIT', userId: 'U0KLIKBOT', botId: 'B0KLIKBOT' } as const;

const JSON_FIELDS = ['blocks', 'view', 'attachments', 'metadata'];

async function readBody(request: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of request as AsyncIterable<Buffer>) text += chunk.toString('utf8');
  return text;
}

function decodeJsonField(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value; // not JSON after all: keep the text so the test sees what was sent
  }
}

/** Parses a form or JSON body into arguments, decoding the JSON-valued fields. */
function parseArgs(text: string, contentType: string): Record<string, unknown> {
  const args: Record<string, unknown> = contentType.startsWith('application/json')
    ? ((JSON.parse(text || '{}') as Record<string, unknown>) ?? {})
    : Object.fromEntries(new URLSearchParams(text));
  for (const field of JSON_FIELDS) if (field in args) args[field] = decodeJsonField(args[field]);
  return args;
}

function bearer(request: IncomingMessage): string | undefined {
  const match = /^Bearer (.+)$/.exec(request.headers.authorization ?? '');
  return match?.[1];
}

/** Where the fake takes a file's bytes (files.getUploadURLExternal's `upload_url`). */
const UPLOAD_PATH = '/upload/';

/**
 * The file in an upload's body: the Web API client posts it as multipart form data (one part)
 * or as the body itself; the part's own bytes are what Slack stores.
 */
function uploadedText(text: string, contentType: string): string {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
  if (!boundary) return text;
  const marker = `--${boundary[1] ?? boundary[2]}`;
  const part = text.split(marker)[1] ?? '';
  const start = part.indexOf('\r\n\r\n');
  return start < 0 ? part : part.slice(start + 4, part.lastIndexOf('\r\n'));
}

/** The plausible success body for a method, built from its arguments. */
function defaultBody(method: string, args: Record<string, unknown>, seq: number): Record<string, unknown> {
  const ts = `${1767225600 + seq}.000100`;
  switch (method) {
    case 'auth.test':
      return {
        ok: true,
        url: 'https://kombit.slack.com/',
        team: 'KOMBIT',
        user: 'klikbot',
        team_id: FAKE_SLACK_IDS.teamId,
        user_id: FAKE_SLACK_IDS.userId,
        bot_id: FAKE_SLACK_IDS.botId,
      };
    case 'chat.postMessage':
      return {
        ok: true,
        channel: args.channel,
        ts,
        message: {
          type: 'message',
          user: FAKE_SLACK_IDS.userId,
          bot_id: FAKE_SLACK_IDS.botId,
          text: args.text,
          blocks: args.blocks,
          ts,
        },
      };
    case 'chat.update':
      return { ok: true, channel: args.channel, ts: args.ts, text: args.text };
    case 'chat.postEphemeral':
      return { ok: true, message_ts: ts };
    case 'views.open':
    case 'views.publish':
    case 'views.update':
      return { ok: true, view: viewBody(args, seq) };
    case 'conversations.open':
      return { ok: true, channel: { id: dmChannelFor(args.users) } };
    case 'files.getUploadURLExternal':
      // the address is rewritten to this fake's own in `handle` (see UPLOAD_PATH)
      return { ok: true, upload_url: `${UPLOAD_PATH}F0FILE${seq}`, file_id: `F0FILE${seq}` };
    case 'files.completeUploadExternal':
      return { ok: true, files: decodeJsonField(args.files) };
    default:
      return { ok: true };
  }
}

function viewBody(args: Record<string, unknown>, seq: number): Record<string, unknown> {
  const view = typeof args.view === 'object' && args.view !== null ? (args.view as Record<string, unknown>) : {};
  const id = typeof args.view_id === 'string' ? args.view_id : `V0VIEW${seq}`;
  return { ...view, id, team_id: FAKE_SLACK_IDS.teamId, bot_id: FAKE_SLACK_IDS.botId, hash: `hash-${seq}` };
}

/** `U0METTE` opens `D0METTE`, so DM ids line up with the request builders'. */
function dmChannelFor(users: unknown): string {
  const first = typeof users === 'string' ? users.split(',')[0] : undefined;
  return first?.startsWith('U') ? `D${first.slice(1)}` : 'D0OPENED';
}

function send(response: ServerResponse, answer: SlackAnswer): void {
  response.writeHead(answer.status ?? 200, { 'content-type': 'application/json', ...answer.headers });
  response.end(JSON.stringify(answer.body ?? { ok: true }));
}

/** Describes which calls arrived, for timeout messages. */
function summary(calls: SlackCall[]): string {
  return calls.map((call) => call.method).join(', ') || 'none';
}

function matcher(match: SlackCallMatch): (call: SlackCall) => boolean {
  if (typeof match === 'number') return () => true;
  if (typeof match === 'string') return (call) => call.method === match;
  return match;
}

/** Starts a fake Slack Web API on a free loopback port. */
export async function startFakeSlack(): Promise<FakeSlack> {
  const started = performance.now();
  const recorded: SlackCall[] = [];
  const planned = new Map<string, SlackAnswer[]>();
  const waiters: (() => void)[] = [];

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const path = new URL(request.url ?? '/', 'http://fake').pathname;
    const contentType = request.headers['content-type'] ?? '';
    const text = await readBody(request);
    const responseId = path.startsWith('/respond/') ? decodeURIComponent(path.slice('/respond/'.length)) : undefined;
    if (path.startsWith(UPLOAD_PATH)) {
      const fileId = path.slice(UPLOAD_PATH.length);
      const args = { file_id: fileId, content: uploadedText(text, contentType) };
      recorded.push({
        method: 'file_upload',
        args,
        token: bearer(request),
        contentType,
        at: performance.now() - started,
      });
      send(response, planned.get('file_upload')?.shift() ?? { body: { ok: true } });
      for (const wake of waiters.splice(0)) wake();
      return;
    }
    const method = responseId !== undefined ? 'response_url' : path.replace(/^\/api\//, '');
    const args = parseArgs(text, contentType);
    const token = bearer(request) ?? (typeof args.token === 'string' ? args.token : undefined);
    recorded.push({ method, args, token, responseId, contentType, at: performance.now() - started });
    const answer = planned.get(method)?.shift() ?? { body: defaultBody(method, args, recorded.length) };
    const body = answer.body as { upload_url?: unknown } | undefined;
    if (typeof body?.upload_url === 'string' && body.upload_url.startsWith(UPLOAD_PATH))
      body.upload_url = `${base}${body.upload_url}`;
    send(response, answer);
    for (const wake of waiters.splice(0)) wake();
  };

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      // a body the fake cannot parse is a bug in the caller: answer 400 so the test fails loudly
      send(response, { status: 400, body: { ok: false, error: String(error) } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const base = `http://127.0.0.1:${port}`;

  const calls = (method?: string): SlackCall[] =>
    recorded.filter((call) => method === undefined || call.method === method);
  const waitFor = (match: SlackCallMatch, timeoutMs = 5_000, count = 1): Promise<SlackCall[]> => {
    const wanted = typeof match === 'number' ? match : count;
    const test = matcher(match);
    const enough = (): SlackCall[] | undefined => {
      const found = recorded.filter(test);
      return found.length >= wanted ? found : undefined;
    };
    return whenArrived(
      waiters,
      enough,
      timeoutMs,
      () => `expected ${wanted} matching Slack calls within ${timeoutMs} ms; calls seen: ${summary(recorded)}`,
    );
  };

  return {
    apiUrl: `${base}/api/`,
    calls,
    plan: (method, answer) => planned.set(method, [...(planned.get(method) ?? []), answer]),
    responseUrl: (id) => `${base}/respond/${encodeURIComponent(id)}`,
    waitFor,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
