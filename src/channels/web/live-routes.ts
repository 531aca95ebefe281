import type { IncomingMessage } from 'node:http';
import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import type { Clock, MovableClock } from '../../clock.js';
import type { Logger } from '../../logger.js';
import { namesThisMachine } from '../../server/local-host.js';
import { isPageId, type LivePages } from './live-pages.js';

/** The stream a web chat page listens to for what klikbot writes unprompted. */
export const EVENTS_ROUTE = '/api/webchat/events';
/** Where the page reads klikbot's clock and moves a replayed one on. */
export const CLOCK_ROUTE = '/api/webchat/clock';

/** The furthest one move takes the clock: a month is enough to reach any reminder, and no typo sends it to next year. */
export const MAX_MOVE_DAYS = 31;
/** The hour a move lands on: reminders go out at 09:00, so a moved clock meets that day's on time. */
const MOVE_TO_HOUR = 9;

/**
 * What only the web chat of local mode on loopback has: its open pages, which klikbot writes
 * to unprompted, and the replayed clock it may move on.
 */
export interface LocalWebChat {
  pages: LivePages;
  /** Absent when the clock follows the real time (no KLIKBOT_NOW): that clock is not moved. */
  movableClock: MovableClock | undefined;
  /** Runs the timed work (reminders, polls that close) at the time the clock shows now. */
  runTimedWork(): Promise<void>;
}

/** What the live routes work with: the local web chat, the clock every part reads, and the log. */
export interface LiveRoutesDeps extends LocalWebChat {
  clock: Clock;
  logger: Logger;
}

const moveBody = z.strictObject({
  days: z
    .number()
    .int('days must be a whole number')
    .min(1, 'days must be at least 1: the clock only moves forward')
    .max(MAX_MOVE_DAYS, `days must be at most ${MAX_MOVE_DAYS}`),
});

function sendError(res: Response, status: number, code: string, message: string): void {
  res.status(status);
  res.json({ error: { code, message } });
}

/** Reads the small JSON body of a clock move; undefined when it is not JSON of at most 1 KB. */
async function readSmallJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > 1024) return undefined;
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/** `GET /api/webchat/events?page=<id>`: a Server-Sent Events stream of what klikbot writes to the page's conversations. */
function registerEvents(server: Server, deps: LiveRoutesDeps): void {
  server.get(EVENTS_ROUTE, async (req: Request, res: Response) => {
    if (!namesThisMachine(req)) return sendError(res, 403, 'forbidden', 'The web chat is only for this machine');
    const page = new URL(req.url ?? '', 'http://localhost').searchParams.get('page') ?? '';
    if (!isPageId(page)) return sendError(res, 400, 'bad_request', 'page must be the UUID the page made for itself');
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    });
    // the comment line makes the browser report the stream open at once
    res.write(': open\n\n');
    deps.pages.open(page, res);
  });
}

/** `GET` reads the clock; `POST {"days": n}` moves a replayed clock on to 09:00 n days later and runs what came due. */
function registerClock(server: Server, deps: LiveRoutesDeps): void {
  const { clock, movableClock } = deps;
  server.get(CLOCK_ROUTE, async (req: Request, res: Response) => {
    if (!namesThisMachine(req)) return sendError(res, 403, 'forbidden', 'The web chat is only for this machine');
    res.json({ now: clock.now().toISO(), movable: movableClock !== undefined });
  });
  server.post(CLOCK_ROUTE, async (req: Request, res: Response) => {
    if (!namesThisMachine(req)) return sendError(res, 403, 'forbidden', 'The web chat is only for this machine');
    // JSON only: a form on another site cannot post that without asking the browser first
    if (!/^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? ''))
      return sendError(res, 400, 'bad_request', 'Content-Type must be application/json');
    const parsed = moveBody.safeParse(await readSmallJson(req));
    if (!parsed.success)
      return sendError(
        res,
        400,
        'bad_request',
        `Expected {"days": 1 to ${MAX_MOVE_DAYS}}: ${parsed.error.issues[0]?.message ?? ''}`,
      );
    if (!movableClock)
      return sendError(
        res,
        409,
        'clock_not_replayed',
        'The clock follows the real time; start klikbot with KLIKBOT_NOW (e.g. KLIKBOT_NOW=2018-10-30T10:00:00+01:00) to move it',
      );
    const from = clock.now();
    const to = from.plus({ days: parsed.data.days }).set({ hour: MOVE_TO_HOUR, minute: 0, second: 0, millisecond: 0 });
    movableClock.moveTo(to);
    deps.logger.info({ from: from.toISO(), to: to.toISO() }, 'the replayed clock was moved on');
    await deps.runTimedWork();
    res.json({ now: clock.now().toISO(), movable: true });
  });
}

/**
 * The routes only the web chat of local mode on loopback has: the stream of unprompted
 * messages and the clock. Registered nowhere else, so with credentials, or on an address
 * other machines can reach, they do not exist (404).
 */
export function registerLiveRoutes(server: Server, deps: LiveRoutesDeps): void {
  registerEvents(server, deps);
  registerClock(server, deps);
}
