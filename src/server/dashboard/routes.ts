import type { ServerResponse } from 'node:http';
import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { queryOf } from '../query.js';
import { escapeHtml } from '../../dashboard/html.js';
import { DASHBOARD_PATH, type PageContext } from '../../dashboard/layout.js';
import type { StatusWatch } from '../../dashboard/live.js';
import { DEADLINES_PATH } from '../../dashboard/deadlines-page.js';
import { MEETINGS_PATH } from '../../dashboard/meetings-page.js';
import { municipalityById } from '../../dashboard/municipality.js';
import { PROGRESS_PATH } from '../../dashboard/progress-page.js';
import type { Viewer } from '../../dashboard/viewer.js';
import type { PageLanguage } from '../../dashboard/words.js';
import { LINK_COOKIE, viewerOf, viewerOfSecret } from './access.js';
import { registerDashboardAssets } from './assets.js';
import { registerEvents } from './events.js';
import { registerTeamsTab, type TeamsTabDeps } from './teams-routes.js';
import {
  boardResult,
  deadlinesResult,
  meetingsResult,
  municipalityResult,
  progressResult,
  type PageResult,
  type PageSources,
} from './pages.js';

/** What the dashboard's routes work with. */
export interface DashboardDeps extends Omit<TeamsTabDeps, 'pageHeaders'>, PageSources {
  watch: StatusWatch;
}

// Scripts, styles and requests stay on this server; Teams (classic and new, on the web and in
// its apps) may frame the pages as a tab. Other Microsoft 365 hosts are not offered the tab.
const contentSecurityPolicy =
  "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com https://teams.cloud.microsoft";

const commonHeaders = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

const sharedQuery = z.object({
  lang: z.enum(['da', 'en']).optional(),
  format: z.enum(['html', 'csv']).optional(),
  k: z.string().max(200).optional(),
});

function languageOf(query: Record<string, unknown>): PageLanguage {
  return query.lang === 'en' ? 'en' : 'da';
}

function sendPage(res: Response, status: number, body: string): void {
  res.sendRaw(status, Buffer.from(body, 'utf8'), {
    ...commonHeaders,
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': contentSecurityPolicy,
  });
}

function messagePage(language: PageLanguage, title: string, text: string): string {
  return `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><link rel="stylesheet" href="${DASHBOARD_PATH}/assets/dashboard.css"></head><body><main id="main"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p></main></body></html>`;
}

/** 401 without a word of the data: how to get a link instead. */
function refuseUnknown(res: Response, language: PageLanguage): void {
  const text =
    language === 'da'
      ? 'Overblikket kræver et link fra klikbot. Skriv »dashboard« til klikbot i en privat chat i Teams eller Slack, så får du et. Et link udløber efter en uge og kan lukkes med »dashboard luk«.'
      : 'The overview needs a link from klikbot. Write "dashboard" to klikbot in a private chat in Teams or Slack to get one. A link expires after a week and can be closed with "dashboard luk".';
  sendPage(res, 401, messagePage(language, language === 'da' ? 'Link påkrævet' : 'Link required', text));
}

function send(res: Response, result: PageResult, language: PageLanguage): void {
  if (result.kind === 'html') return sendPage(res, 200, result.body);
  if (result.kind === 'csv') {
    res.sendRaw(200, Buffer.from(result.body, 'utf8'), {
      ...commonHeaders,
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${result.name}"`,
    });
    return;
  }
  const title = language === 'da' ? 'Kan ikke vises' : 'Cannot be shown';
  sendPage(res, result.status, messagePage(language, title, result.message[language]));
}

/**
 * A link opened: its secret goes into a cookie for the dashboard's paths only, and the browser
 * is sent to the same page without it, so it stays out of the history and of shared screens.
 */
function acceptLink(deps: DashboardDeps, req: Request, res: Response, secret: string): void {
  const link = deps.links.open(secret);
  const seconds = link ? Math.max(0, Math.floor((Date.parse(link.expiresAt) - deps.clock.now().toMillis()) / 1000)) : 0;
  const url = new URL(req.url ?? DASHBOARD_PATH, 'http://localhost');
  url.searchParams.delete('k');
  // inside a Teams tab the page is framed by Teams' site: only a cookie marked for that is kept there
  const secure = deps.secureCookie ? '; SameSite=None; Secure; Partitioned' : '; SameSite=Lax';
  res.sendRaw(303, Buffer.from(''), {
    ...commonHeaders,
    'Set-Cookie': `${LINK_COOKIE}=${secret}; Path=${DASHBOARD_PATH}; Max-Age=${seconds}; HttpOnly${secure}`,
    Location: `${url.pathname}${url.search}`,
  });
}

type Handler = (context: PageContext, query: Record<string, unknown>, csv: boolean, req: Request) => PageResult;

function contextFor(deps: DashboardDeps, viewer: Viewer, language: PageLanguage): PageContext {
  const own = viewer.sees === 'municipality' ? municipalityById(deps.knowledge, viewer.municipalityId) : undefined;
  return { language, viewer, ...(own ? { ownMunicipality: own } : {}) };
}

function page(deps: DashboardDeps, handler: Handler) {
  return async (req: Request, res: Response): Promise<void> => {
    const query = queryOf(req);
    const shared = sharedQuery.safeParse(query);
    const language = languageOf(query);
    if (!shared.success)
      return send(
        res,
        { kind: 'refused', status: 400, message: { da: 'Ugyldig forespørgsel.', en: 'Bad request.' } },
        language,
      );
    const secret = shared.data.k;
    if (secret !== undefined && viewerOfSecret(deps, secret)) return acceptLink(deps, req, res, secret);
    // a link that no longer opens anything, followed by someone who is let in anyway, shows them the page
    const viewer = viewerOf(deps, req);
    if (!viewer) return refuseUnknown(res, language);
    send(res, handler(contextFor(deps, viewer, language), query, shared.data.format === 'csv', req), language);
  };
}

/** A route parameter as text ('' when absent). */
function paramOf(req: Request, name: string): string {
  const value = (req.params as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : '';
}

/**
 * The dashboard under `/dashboard`: the status board, national progress, the deadlines, the
 * meetings, each municipality's page, the live stream and the page's files. Open on this
 * machine in local mode; elsewhere only through a link handed out in chat (401 without one).
 * Returns what stops it: the open streams end, so the server can close.
 */
export function registerDashboard(server: Server, deps: DashboardDeps): { close(): void } {
  const streams = new Set<ServerResponse>();
  registerDashboardAssets(server);
  const pages: [string, Handler][] = [
    [DASHBOARD_PATH, (context, query, csv) => boardResult(deps, context, query, csv)],
    [PROGRESS_PATH, (context, _query, csv) => progressResult(deps, context, csv)],
    [DEADLINES_PATH, (context, query, csv) => deadlinesResult(deps, context, query, csv)],
    [MEETINGS_PATH, (context, _query, csv) => meetingsResult(deps, context, csv)],
    [
      `${DASHBOARD_PATH}/kommune/:id`,
      (context, _query, csv, req) => municipalityResult(deps, context, paramOf(req, 'id'), csv),
    ],
  ];
  for (const [path, handler] of pages) {
    // HEAD too: link previews and uptime checks ask it (restify sends the head without the body)
    server.get(path, page(deps, handler));
    server.head(path, page(deps, handler));
  }
  // "/dashboard/" as people type it
  server.get(`${DASHBOARD_PATH}/`, async (req: Request, res: Response) => {
    res.header('Cache-Control', 'no-store');
    res.redirect(308, `${DASHBOARD_PATH}${new URL(req.url ?? '/', 'http://localhost').search}`, () => undefined);
  });
  registerEvents(server, deps, streams);
  registerTeamsTab(server, {
    ...deps,
    pageHeaders: { ...commonHeaders, 'Content-Security-Policy': contentSecurityPolicy },
  });
  return {
    close: () => {
      deps.watch.stop();
      for (const stream of streams) stream.end();
    },
  };
}
