import { createServer, type IncomingMessage, type Server } from 'node:http';
import { whenArrived } from './arrivals.js';

/** One request the bot made to the fake Bot Connector. */
export interface ConnectorRequest {
  method: string;
  url: string;
  /** When it arrived (ms since the fake started), to check waits such as Retry-After. */
  at: number;
  /** The bot's token for the connector, if it sent one. */
  authorization?: string;
  /** The body as sent: a file's bytes (a PUT to an upload address) are not JSON. */
  raw: string;
  /** The body read as JSON; empty when it is not JSON. */
  body: {
    type?: string;
    text?: string;
    summary?: string;
    replyToId?: string;
    id?: string;
    attachments?: {
      contentType: string;
      name?: string;
      contentUrl?: string;
      content: { body?: { text?: string }[]; actions?: Record<string, unknown>[] } & Record<string, unknown>;
    }[];
  };
}

/** A canned answer: status, headers and JSON body. */
export interface ConnectorAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** The loopback stand-in for the Bot Connector service. */
export interface FakeConnector {
  url: string;
  requests: ConnectorRequest[];
  /** Answers to give, in order, before falling back to 200 `{id}`. */
  plan: ConnectorAnswer[];
  /** Resolves once `count` requests have arrived (or rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<ConnectorRequest[]>;
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of request as AsyncIterable<Buffer>) text += chunk.toString('utf8');
  return text;
}

function jsonOrNothing(text: string): ConnectorRequest['body'] {
  try {
    return JSON.parse(text || '{}') as ConnectorRequest['body'];
  } catch {
    return {};
  }
}

/** Starts a fake Bot Connector on a free loopback port. */
export async function startFakeConnector(): Promise<FakeConnector> {
  const started = performance.now();
  const requests: ConnectorRequest[] = [];
  const plan: ConnectorAnswer[] = [];
  const waiters: (() => void)[] = [];
  const server: Server = createServer((request, response) => {
    void readBody(request).then((text) => {
      requests.push({
        method: request.method ?? '',
        url: request.url ?? '',
        at: performance.now() - started,
        authorization: request.headers.authorization,
        body: jsonOrNothing(text),
        raw: text,
      });
      const answer = plan.shift() ?? { status: 200, body: { id: `sent-${requests.length}` } };
      response.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
      response.end(JSON.stringify(answer.body ?? {}));
      for (const wake of waiters.splice(0)) wake();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const waitFor = (count: number, timeoutMs = 10_000): Promise<ConnectorRequest[]> =>
    whenArrived(
      waiters,
      () => (requests.length >= count ? requests : undefined),
      timeoutMs,
      () => `expected ${count} connector requests within ${timeoutMs} ms, got ${requests.length}`,
    );
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    plan,
    waitFor,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
