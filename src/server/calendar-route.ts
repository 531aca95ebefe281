import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { queryOf } from './query.js';
import { buildCalendarFeed, calendarFileName, findFeedMunicipality } from '../calendar/ics-feed.js';
import type { Clock } from '../clock.js';
import type { Knowledge } from '../knowledge/registry.js';
import type { Logger } from '../logger.js';
import type { StatusRepository } from '../state/statuses.js';

/** Where calendar clients subscribe to the programme's deadlines and events. */
export const CALENDAR_ROUTE = '/calendar.ics';

/** What the calendar route reads: the knowledge, the statuses for a municipality's feed, the clock for DTSTAMP. */
export interface CalendarRouteDeps {
  knowledge: Knowledge;
  statuses: Pick<StatusRepository, 'current'>;
  clock: Clock;
  logger: Logger;
}

// Parameters other than these are ignored: some clients append their own (cache busters).
const querySchema = z.object({
  kommune: z
    .string()
    .trim()
    .min(1, 'kommune må ikke være tom')
    .max(100, 'kommune må højst være 100 tegn')
    .regex(/^[^\p{Cc}]*$/u, 'kommune må ikke indeholde kontroltegn')
    .optional(),
});

function plainText(res: Response, status: number, text: string): void {
  res.sendRaw(status, Buffer.from(`${text}\n`, 'utf8'), {
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
}

/**
 * `GET /calendar.ics` (and HEAD): the programme's deadlines, events and meetings as an
 * iCalendar feed to subscribe to. `?kommune=aarhus` (an id or a name) gives that
 * municipality's view: its status on each task, no alarms for what it has done.
 */
export function registerCalendarRoute(server: Server, deps: CalendarRouteDeps): void {
  const handler = async (req: Request, res: Response): Promise<void> => {
    const parsed = querySchema.safeParse(queryOf(req));
    if (!parsed.success) {
      const reason = parsed.error.issues
        .map((issue) =>
          issue.code === 'invalid_type' ? `${issue.path.join('.')} må kun angives én gang` : issue.message,
        )
        .join('; ');
      plainText(res, 400, `Ugyldig forespørgsel: ${reason}.`);
      return;
    }
    const named = parsed.data.kommune;
    const municipality = named === undefined ? undefined : findFeedMunicipality(deps.knowledge, named);
    if (named !== undefined && municipality === undefined) {
      plainText(
        res,
        404,
        `Ukendt kommune: »${named}«. Brug kommunens navn eller id, fx ${CALENDAR_ROUTE}?kommune=aarhus`,
      );
      return;
    }
    const view = municipality === undefined ? undefined : { municipality, statuses: deps.statuses };
    const feed = buildCalendarFeed(deps.knowledge, deps.clock.now(), view);
    deps.logger.debug({ municipality: municipality?.id ?? null, method: req.method }, 'calendar feed served');
    res.sendRaw(200, Buffer.from(feed, 'utf8'), {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `attachment; filename="${calendarFileName(municipality)}"`,
      // the per-municipality view changes with every status report: clients must ask again
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    });
  };
  server.get(CALENDAR_ROUTE, handler);
  server.head(CALENDAR_ROUTE, handler);
}
