import type { ServerResponse } from 'node:http';
import type { Request, Response, Server } from 'restify';
import { cellHint, cellId } from '../../dashboard/board-page.js';
import { cellOf } from '../../dashboard/board.js';
import { DASHBOARD_PATH } from '../../dashboard/layout.js';
import { logPosition, type StandingChange, type StatusWatch } from '../../dashboard/live.js';
import { municipalityById } from '../../dashboard/municipality.js';
import { seesMunicipality, type Viewer } from '../../dashboard/viewer.js';
import { STATUS_LOOK, statusName, type PageLanguage } from '../../dashboard/words.js';
import type { Knowledge } from '../../knowledge/registry.js';
import type { DeepReadonly, State } from '../../state/schema.js';
import { standingsOf } from '../../state/statuses.js';
import { viewerOf, type AccessDeps } from './access.js';

/** What the live stream works with. */
export interface EventsDeps extends AccessDeps {
  knowledge: Knowledge;
  store: { read(): Pick<DeepReadonly<State>, 'statusUpdates'> };
  watch: StatusWatch;
  /** Shorter heartbeats and lifetimes, for tests that watch them happen. */
  timings?: { heartbeatMs: number; lifetimeMs: number };
}

/** A comment line this often keeps proxies and load balancers, which close a quiet connection after a minute or so, from closing the stream. */
const HEARTBEAT_MS = 25_000;
/**
 * A stream ends after this long and the browser opens it again at once: each opening checks
 * the person's access anew, and a stream opened with an access that has since gone ends sooner.
 */
const STREAM_LIFETIME_MS = 15 * 60_000;
/** How soon the browser opens a stream again after it ended. */
const RECONNECT_MS = 2_000;

/** A change as the board's script applies it: the cell's id, status, symbol, words and hint. */
function cellUpdate(knowledge: Knowledge, change: StandingChange, language: PageLanguage) {
  const cell = cellOf(change.standing);
  return {
    id: cellId(change.municipalityId, change.taskId, change.step),
    municipality: municipalityById(knowledge, change.municipalityId)?.name ?? change.municipalityId,
    status: cell.status,
    symbol: STATUS_LOOK[cell.status].symbol,
    words: statusName(cell.status, language),
    hint: cellHint(cell, language),
  };
}

function sameViewer(a: Viewer, b: Viewer | undefined): boolean {
  if (!b || a.sees !== b.sees) return false;
  return a.sees === 'national' || (b.sees === 'municipality' && a.municipalityId === b.municipalityId);
}

/** The log position the page or the browser says it has seen: `Last-Event-ID` on a reconnect, else `?since`. */
function seenPosition(req: Request): number | undefined {
  const header = req.headers['last-event-id'];
  const given =
    typeof header === 'string' ? header : new URL(req.url ?? '/', 'http://localhost').searchParams.get('since');
  return given !== null && /^\d{1,15}$/.test(given) ? Number(given) : undefined;
}

/** Every standing there is, as changes: what a page that missed something is sent (it applies only what differs). */
function everyStanding(deps: EventsDeps): StandingChange[] {
  return [...standingsOf(deps.store.read().statusUpdates).values()].map((standing) => {
    const { municipalityId, taskId, step } = standing;
    return { municipalityId, taskId, ...(step !== undefined ? { step } : {}), standing };
  });
}

/** Past this many bytes waiting for a reader that does not read, the stream is dropped: the browser comes back and catches up. */
const MAX_UNSENT_BYTES = 1_000_000;

/**
 * One open stream: what it writes and how it ends, once, whoever ends it (a lost access, its
 * lifetime, the reader going away, klikbot stopping).
 */
class OpenStream {
  #ended = false;
  readonly #cleanups: (() => void)[] = [];

  constructor(
    private readonly res: Response,
    private readonly streams: Set<ServerResponse>,
  ) {
    streams.add(res);
    // a write to a connection that broke is not worth the process
    res.on('error', () => this.end());
    res.once('close', () => this.end());
  }

  /** Runs `cleanup` when the stream ends. */
  onEnd(cleanup: () => void): void {
    this.#cleanups.push(cleanup);
  }

  write(text: string): void {
    if (this.#ended || this.res.writableEnded) return;
    this.res.write(text);
    if (this.res.writableLength > MAX_UNSENT_BYTES) this.end(true);
  }

  end(drop = false): void {
    if (this.#ended) return;
    this.#ended = true;
    for (const cleanup of this.#cleanups) cleanup();
    this.streams.delete(this.res);
    if (drop) this.res.destroy();
    else if (!this.res.writableEnded) this.res.end();
  }
}

/** Writes the changes the viewer may see as one `cells` event, numbered by the log's position. */
function push(
  stream: OpenStream,
  deps: EventsDeps,
  viewer: Viewer,
  changes: readonly StandingChange[],
  at: { position: number; language: PageLanguage },
): void {
  const seen = changes.filter((change) => seesMunicipality(viewer, change.municipalityId));
  if (seen.length === 0) return;
  const data = JSON.stringify(seen.map((change) => cellUpdate(deps.knowledge, change, at.language)));
  stream.write(`id: ${at.position}\nevent: cells\ndata: ${data}\n\n`);
}

/**
 * `GET /dashboard/events`: the board's live stream of changed cells, for the municipalities the
 * viewer may see. Access is checked when it opens, before each event and at each heartbeat: a
 * link closed or a membership ended ends the stream. A page that opens it after a change it has
 * not seen, or a browser coming back after a break, is first sent every cell as it stands.
 */
export function registerEvents(server: Server, deps: EventsDeps, streams: Set<ServerResponse>): void {
  server.get(`${DASHBOARD_PATH}/events`, async (req: Request, res: Response) => {
    const language: PageLanguage =
      new URL(req.url ?? '/', 'http://localhost').searchParams.get('lang') === 'en' ? 'en' : 'da';
    const viewer = viewerOf(deps, req);
    if (!viewer) {
      res.status(401);
      res.json({ error: { code: 'unauthorized', message: 'The dashboard needs a link from klikbot' } });
      return;
    }
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      // a proxy that buffers responses (nginx) would hold the events back
      'X-Accel-Buffering': 'no',
    });
    const stream = new OpenStream(res, streams);
    stream.write(`retry: ${RECONNECT_MS}\n: open\n\n`);
    const stillAllowed = () => sameViewer(viewer, viewerOf(deps, req));
    const position = logPosition(deps.store.read().statusUpdates);
    if (seenPosition(req) !== position) push(stream, deps, viewer, everyStanding(deps), { position, language });
    stream.onEnd(
      deps.watch.watch((changes, now) => {
        if (stillAllowed()) push(stream, deps, viewer, changes, { position: now, language });
        else stream.end();
      }),
    );
    const heartbeat = setInterval(
      () => (stillAllowed() ? stream.write(': ping\n\n') : stream.end()),
      deps.timings?.heartbeatMs ?? HEARTBEAT_MS,
    );
    const lifetime = setTimeout(() => stream.end(), deps.timings?.lifetimeMs ?? STREAM_LIFETIME_MS);
    heartbeat.unref();
    lifetime.unref();
    stream.onEnd(() => {
      clearInterval(heartbeat);
      clearTimeout(lifetime);
    });
  });
}
