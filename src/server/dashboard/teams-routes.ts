import type { Request, Response, Server } from 'restify';
import type { Logger } from '../../logger.js';
import { TEAMS_TAB_PATH, teamsTabPage } from '../../dashboard/teams-page.js';
import { TEAMS_COOKIE, viewerOfPerson, type AccessDeps } from './access.js';
import { TEAMS_SESSION_HOURS, type TeamsSessions } from './teams-sessions.js';
import type { TeamsTabTokens } from './teams-tab.js';

/** What the Teams tab's routes need: the token check and the sessions, where single sign-on is set up. */
export interface TeamsTabDeps extends AccessDeps {
  logger: Logger;
  teamsTab?: { tokens: TeamsTabTokens; sessions: TeamsSessions };
  secureCookie: boolean;
  /** The page's headers (its security policy among them). */
  pageHeaders: Record<string, string>;
}

function refuse(res: Response, status: number, message: string): void {
  res.status(status);
  const code = { 401: 'unauthorized', 403: 'forbidden', 404: 'not_found', 503: 'unavailable' }[status] ?? 'error';
  res.json({ error: { code, message } });
}

/**
 * The session cookie a tab sets inside Teams: Teams shows the tab in a frame of its own site,
 * where a browser keeps a cookie only if it is marked for that (SameSite=None, Secure,
 * Partitioned). Over plain HTTP on this machine it is an ordinary cookie.
 */
function sessionCookie(value: string, seconds: number, secure: boolean): string {
  const where = secure ? 'SameSite=None; Secure; Partitioned' : 'SameSite=Lax';
  return `${TEAMS_COOKIE}=${value}; Path=/dashboard; Max-Age=${seconds}; HttpOnly; ${where}`;
}

/**
 * `GET /dashboard/teams`: the page the Teams app's tab opens (no data in it), and
 * `POST /dashboard/teams/session` with `Authorization: Bearer <Teams SSO token>`: a session
 * for the person the token names, if they may see the dashboard (an administrator, a verified
 * member). 401 for a token that does not hold, 403 for a person with no right to look.
 */
export function registerTeamsTab(server: Server, deps: TeamsTabDeps): void {
  server.get(TEAMS_TAB_PATH, async (req: Request, res: Response) => {
    const language = new URL(req.url ?? '/', 'http://localhost').searchParams.get('lang') === 'en' ? 'en' : 'da';
    res.sendRaw(200, Buffer.from(teamsTabPage(language, deps.teamsTab !== undefined), 'utf8'), {
      ...deps.pageHeaders,
      'Content-Type': 'text/html; charset=utf-8',
    });
  });
  server.post(`${TEAMS_TAB_PATH}/session`, async (req: Request, res: Response) => {
    const tab = deps.teamsTab;
    if (!tab) return refuse(res, 404, 'Teams single sign-on is not set up: ask for a link in the chat');
    const token = /^Bearer[ \t]+(\S{1,8000})[ \t]*$/i.exec(req.headers.authorization ?? '')?.[1];
    const person = token === undefined ? 'invalid' : await tab.tokens.personOf(token);
    if (person === 'invalid') return refuse(res, 401, 'The Teams token was not valid for klikbot');
    if ('unavailable' in person) {
      deps.logger.warn({ err: person.unavailable }, "Teams tab sign-in: Entra's signing keys could not be fetched");
      res.header('Retry-After', '30');
      return refuse(res, 503, 'klikbot cannot check Teams sign-ins just now; try again in a minute');
    }
    const viewer = viewerOfPerson(deps, { channel: 'teams', userId: person.userId }, 'teams');
    if (!viewer)
      return refuse(res, 403, 'Only administrators and verified members of a municipality can see the overview');
    const seconds = TEAMS_SESSION_HOURS * 3600;
    const value = tab.sessions.seal(person, deps.wallMillis() + seconds * 1000);
    res.header('Set-Cookie', sessionCookie(value, seconds, deps.secureCookie));
    res.header('Cache-Control', 'no-store');
    res.json({ sees: viewer.sees });
  });
}
