import type { ServerResponse } from 'node:http';
import type { Request, Response, Server } from 'restify';
import { cellHint, cellId } from '../../dashboard/board-page.js';
import { cellOf } from '../../dashboard/board.js';
import { DASHBOARD_PATH } from '../../dashboard/layout.js';
import type { StandingChange, StatusWatch } from '../../dashboard/live.js';
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

/** The instant (ms) the page or the browser says it has the changes up to: `Last-Event-ID` on a reconnect, else `?since`. */
function sinceOf(req: Request): number | undefined {
  const header = req.headers['last-event-id'];
  const given =
    typeof header === 'string' ? header : new URL(req.url ?? '/', 'http://localhost').searchParams.get('since');
  const since = Number(given ?? '');
  return given !== null && given !== '' && Number.isFinite(since) ? since : undefined;
}

/** Every standing that changed at or after `since`, as changes: what a late or returning page missed. */
function changesSince(deps: EventsDeps, since: number): StandingChange[] {
  const changes: StandingChange[] = [];
  for (const standing of standingsOf(deps.store.read().statusUpdates).values()) {
    if (Date.parse(standing.lastChange.at) < since) continue;
    const { municipalityId, taskId, step } = standing;
    changes.push({ municipalityId, taskId, ...(step !== undefined ? { step } : {}), standing });
  }
  return changes;
}

/** Writes the changes the viewer may see as one `cells` event, numbered by the latest change in it. */
function push(
  res: Response,
  deps: EventsDeps,
  viewer: Viewer,
  changes: readonly StandingChange[],
  language: PageLanguage,
) {
  const seen = changes.filter((change) => seesMunicipality(viewer, change.municipalityId));
  if (seen.length === 0) return;
  const latest = Math.max(...seen.map((change) => Date.parse(change.standing?.lastChange.at ?? '') || 0));
  const data = JSON.stringify(seen.map((change) => cellUpdate(deps.knowledge, change, language)));
  res.write(`id: ${latest}\nevent: cells\ndata: ${data}\n\n`);
}

/**
 * `GET /dashboard/events`: the board's live stream of changed cells, for the municipalities the
 * viewer may see. Access is checked when it opens, before each event and at each heartbeat: a
 * link closed or a membership ended ends the stream. A page that opens it late, or a browser
 * coming back after a break, is first sent what changed since the page was drawn.
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
    res.write(`retry: ${RECONNECT_MS}\n: open\n\n`);
    streams.add(res);
    const stillAllowed = () => sameViewer(viewer, viewerOf(deps, req));
    const since = sinceOf(req);
    if (since !== undefined) push(res, deps, viewer, changesSince(deps, since), language);
    const stop = deps.watch.watch((changes) => {
      if (stillAllowed()) push(res, deps, viewer, changes, language);
      else res.end();
    });
    const heartbeat = setInterval(() => (stillAllowed() ? res.write(': ping\n\n') : res.end()), HEARTBEAT_MS);
    const lifetime = setTimeout(() => res.end(), STREAM_LIFETIME_MS);
    heartbeat.unref();
    lifetime.unref();
    res.once('close', () => {
      clearInterval(heartbeat);
      clearTimeout(lifetime);
      stop();
      streams.delete(res);
    });
  });
}
