import type { Request, Response, Server } from 'restify';
import { isLoopbackHost } from '../config.js';

/**
 * Whether the request names this machine as its host. Local mode listens on loopback only, but
 * a page on another site can reach it through a name it points at 127.0.0.1 (DNS rebinding);
 * such a request names that other site.
 */
export function namesThisMachine(req: Request): boolean {
  const host = req.headers.host ?? '';
  try {
    return isLoopbackHost(new URL(`http://${host}`).hostname);
  } catch {
    return false;
  }
}

// What local mode trusts: the page, its files and streams, and the activities it posts
const localPaths = /^\/(?:$|api\/messages(?:\/|$)|webchat\/|api\/webchat\/)/;

/**
 * In local mode on loopback the people on this machine are trusted, so only this machine may
 * reach the web chat and /api/messages: a request that names another host gets 403 before any
 * route reads it. (Slack's route is left alone: it checks Slack's signature, and a tunnel names its own host.)
 */
export function refuseOtherHosts(server: Server): void {
  server.pre((req: Request, res: Response, next: (error?: false) => void) => {
    if (!localPaths.test(req.getPath()) || namesThisMachine(req)) return next();
    res.status(403);
    res.json({ error: { code: 'forbidden', message: 'In local mode klikbot answers only this machine' } });
    return next(false);
  });
}
