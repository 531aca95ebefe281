import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import type { Clock } from '../clock.js';
import type { Knowledge } from '../knowledge/registry.js';
import type { Store } from '../state/store.js';
import { GuessLimit } from './guess-limit.js';
import { statusCsv } from '../status/export-csv.js';
import { UTF8_BOM } from '../lib/csv.js';

/** Where administrators fetch the status export. */
export const STATUS_CSV_ROUTE = '/api/status.csv';

/** What the export route reads: the token it asks for, the state and knowledge, and the clock for the file name. */
export interface ExportRouteDeps {
  token: string | undefined;
  store: Pick<Store, 'read'>;
  knowledge: Knowledge;
  clock: Clock;
}

// Both sides are hashed first: equal-length buffers for timingSafeEqual, and a wrong token's
// length tells nothing about the right one's.
function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/** Whether the request carries `Authorization: Bearer <token>`, compared in constant time. */
export function hasBearerToken(authorization: string | undefined, token: string): boolean {
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization ?? '');
  const given = match?.[1];
  if (given === undefined) return false;
  return timingSafeEqual(digest(given), digest(token));
}

function refuse(res: Response): void {
  res.header('WWW-Authenticate', 'Bearer realm="klikbot"');
  res.status(401);
  res.json({
    error: { code: 'unauthorized', message: 'GET /api/status.csv needs Authorization: Bearer <KLIKBOT_EXPORT_TOKEN>' },
  });
}

/**
 * `GET /api/status.csv`: every municipality's status on every KLIK task and step, as CSV for
 * Excel, for whoever holds the export token. Without a configured token the route is not
 * registered at all (404), so an unset token never means "open to all".
 */
export function registerExportRoute(server: Server, deps: ExportRouteDeps): void {
  const { token } = deps;
  if (token === undefined) return;
  const guesses = new GuessLimit(deps.clock);
  server.get(STATUS_CSV_ROUTE, async (req: Request, res: Response) => {
    const address = req.socket.remoteAddress ?? 'unknown';
    const wait = guesses.waitFor(address);
    if (wait > 0) {
      res.header('Retry-After', String(wait));
      res.status(429);
      res.json({
        error: { code: 'too_many_requests', message: `Too many wrong tokens; try again in ${wait} seconds` },
      });
      return;
    }
    if (!hasBearerToken(req.headers.authorization, token)) {
      guesses.wrong(address);
      refuse(res);
      return;
    }
    const date = deps.clock.now().toISODate() ?? 'export';
    const body = Buffer.from(UTF8_BOM + statusCsv(deps.store.read(), deps.knowledge), 'utf8');
    res.sendRaw(200, body, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="klikbot-status-${date}.csv"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
  });
}
