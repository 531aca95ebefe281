/**
 * The load generator for bench/poll-votes.ts, run as its own process so that its timers
 * fire on schedule however busy the bot's event loop is: it fires one request every
 * `intervalMs` without waiting for the answers, and reports when each was meant to go, when
 * it went, when its answer was read, its status and its body.
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';

const burstSchema = z.object({
  url: z.url(),
  /** A JSON body per request (POST), or a count of bodiless GETs. */
  requests: z.union([z.array(z.string()), z.number().int().positive()]),
  intervalMs: z.number().positive(),
  timeoutMs: z.number().int().positive(),
});

/** What bench/poll-votes.ts asks for. */
export type Burst = z.infer<typeof burstSchema>;

/** One request's fate; times in ms from the moment the first request was due. */
export interface Shot {
  due: number;
  sent: number;
  done: number;
  status: number;
  body: string;
  error?: string;
}

// keep-alive, as a connector's pool would: undici's fetch set up 500 fresh connections so
// slowly on this machine that the sender itself fell 300–500 ms behind its schedule
const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

function request(burst: Burst, body: string | undefined): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const headers =
      body === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
    const outgoing = http.request(
      burst.url,
      { method: body === undefined ? 'GET' : 'POST', headers, agent, timeout: burst.timeoutMs },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
        response.on('error', reject);
      },
    );
    outgoing.on('timeout', () => outgoing.destroy(new Error(`no answer within ${burst.timeoutMs} ms`)));
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

async function fire(burst: Burst, index: number, start: number): Promise<Shot> {
  const due = index * burst.intervalMs;
  const sent = performance.now() - start;
  const body = typeof burst.requests === 'number' ? undefined : burst.requests[index];
  try {
    const answer = await request(burst, body);
    return { due, sent, done: performance.now() - start, ...answer };
  } catch (error) {
    return {
      due,
      sent,
      done: performance.now() - start,
      status: 0,
      body: '',
      error: error instanceof Error ? error.message : String(error),
    };
  }
}

async function run(burst: Burst): Promise<Shot[]> {
  const count = typeof burst.requests === 'number' ? burst.requests : burst.requests.length;
  const shots: Promise<Shot>[] = [];
  // the parent starts counting the bot's CPU from here
  process.send?.('started');
  const start = performance.now();
  for (let index = 0; index < count; index += 1) {
    const wait = start + index * burst.intervalMs - performance.now();
    if (wait > 0) await sleep(wait);
    shots.push(fire(burst, index, start));
  }
  return Promise.all(shots);
}

process.on('message', (message: unknown) => {
  const burst = burstSchema.parse(message);
  void run(burst).then(
    (shots) => process.send?.(shots, () => process.disconnect()),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
      process.disconnect();
    },
  );
});
