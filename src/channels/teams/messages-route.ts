import type { Server, Request, Response } from 'restify';
import { AuthenticationError } from 'botframework-connector';
import { createClock } from '../../clock.js';
import { isLoopbackHost } from '../../config.js';
import { ErrorCode, KlikbotError } from '../../errors.js';
import { handleActivity } from './activity-handler.js';
import type { KlikbotAdapter } from './adapter.js';
import { inboundActivity, type InboundActivity } from './inbound-activity.js';
import { readJsonBody } from './read-body.js';
import type { TeamsDeps } from './teams-deps.js';

/** What the Bot Framework route needs: the adapter, the channel's deps, and the mode. */
export interface MessagesRouteDeps extends TeamsDeps {
  adapter: KlikbotAdapter;
  /** No credentials: unauthenticated traffic is accepted, so replies stay on this machine. */
  localMode: boolean;
}

function sendError(res: Response, status: number, code: string, message: string): void {
  res.status(status);
  res.json({ error: { code, message } });
}

// Without this a web page in the developer's browser could post a form-encoded "activity"
// to a local bot: browsers send text/plain and forms cross-origin without asking.
function requireJson(req: Request): void {
  const type = req.headers['content-type'] ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new KlikbotError(ErrorCode.BadRequest, `Content-Type must be application/json, not "${type}"`);
  }
}

/**
 * Local mode checks no tokens, so it must not become a way to make the bot POST to any
 * address: replies go in the HTTP response (expectReplies) or to a connector on this machine
 * (the Bot Framework Emulator).
 */
function checkLocalDelivery(activity: InboundActivity): void {
  if (activity.deliveryMode === 'expectReplies') return;
  if (!isLoopbackHost(new URL(activity.serviceUrl).hostname)) {
    throw new KlikbotError(
      ErrorCode.BadRequest,
      `In local mode replies go only to a serviceUrl on this machine or in the response (deliveryMode "expectReplies"); got ${activity.serviceUrl}`,
    );
  }
}

async function parseActivity(req: Request, localMode: boolean): Promise<InboundActivity> {
  requireJson(req);
  const body = await readJsonBody(req);
  const parsed = inboundActivity.safeParse(body);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`);
    throw new KlikbotError(ErrorCode.BadRequest, `Not a Bot Framework activity (${fields.join('; ')})`);
  }
  if (localMode) checkLocalDelivery(parsed.data);
  return parsed.data;
}

// botbuilder wraps most token failures in AuthenticationError, but lets the JWT library's own
// errors through (a signature that does not verify): those are refusals too, not crashes.
const jwtFailures = new Set(['JsonWebTokenError', 'NotBeforeError', 'TokenExpiredError']);

function isRefusedToken(error: unknown): error is Error {
  return error instanceof AuthenticationError || (error instanceof Error && jwtFailures.has(error.name));
}

// The Bot Framework signs with RSA only; its tokens may be up to five minutes out of step.
const signingAlgorithms = new Set(['RS256', 'RS384', 'RS512']);
const CLOCK_TOLERANCE_SECONDS = 5 * 60;
// a token's expiry is real time, whatever time the bot is set to keep
const wallClock = createClock();

function jsonPart(part: string | undefined): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part ?? '', 'base64url').toString('utf8'));
    return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Why a token is refused before any key is fetched: signed with no algorithm or a shared
 * secret, or expired. A token that is no JWT at all is left to botbuilder, which refuses it.
 */
function tokenRefusal(authorization: string, nowMillis: number): string | undefined {
  const [header, payload] = authorization.replace(/^Bearer\s+/i, '').split('.');
  const fields = jsonPart(header);
  const claims = jsonPart(payload);
  if (!fields || !claims) return undefined;
  if (typeof fields.alg !== 'string' || !signingAlgorithms.has(fields.alg))
    return `token signed with ${String(fields.alg)}`;
  if (typeof claims.exp === 'number' && claims.exp + CLOCK_TOLERANCE_SECONDS < nowMillis / 1000) return 'token expired';
  return undefined;
}

/** Runs the activity through the adapter and writes its answer (an invoke's body, or 200). */
async function runActivity(
  req: Request,
  res: Response,
  activity: InboundActivity,
  deps: MessagesRouteDeps,
): Promise<void> {
  const authorization = req.headers.authorization ?? '';
  const refusal = deps.localMode ? undefined : tokenRefusal(authorization, wallClock.now().toMillis());
  if (refusal) {
    refuse(res, deps, refusal, activity);
    return;
  }
  let turnStarted = false;
  try {
    const result = await deps.adapter.run(authorization, activity, (context) => {
      turnStarted = true;
      return handleActivity(context, activity, deps);
    });
    res.status(result?.status ?? 200);
    if (result?.body === undefined) res.end();
    else res.json(result.body);
  } catch (error) {
    if (isRefusedToken(error)) {
      refuse(res, deps, error.message, activity);
      return;
    }
    if (turnStarted) throw error;
    // the token could not be checked at all: the Bot Framework's keys were out of reach
    deps.logger.error({ err: error, serviceUrl: activity.serviceUrl }, 'could not check a /api/messages token');
    sendError(res, 503, 'unavailable', 'The request could not be authenticated right now; try again shortly');
  }
}

function refuse(res: Response, deps: MessagesRouteDeps, reason: string, activity: InboundActivity): void {
  deps.logger.warn({ reason, serviceUrl: activity.serviceUrl }, 'refused an unauthenticated /api/messages request');
  sendError(res, 401, 'unauthorized', 'The request is not authenticated by the Bot Framework');
}

/** `POST /api/messages`: Bot Framework activities from Teams, the emulator and the web chat. */
export function registerMessagesRoute(server: Server, deps: MessagesRouteDeps): void {
  server.post('/api/messages', async (req: Request, res: Response) => {
    // With credentials, a request without a token is refused before its body is even read.
    if (!deps.localMode && !req.headers.authorization) {
      deps.logger.warn({ reason: 'no Authorization header' }, 'refused an unauthenticated /api/messages request');
      sendError(res, 401, 'unauthorized', 'The request carries no Bot Framework token');
      return;
    }
    let activity: InboundActivity;
    try {
      activity = await parseActivity(req, deps.localMode);
    } catch (error) {
      if (!(error instanceof KlikbotError)) throw error;
      deps.logger.warn({ code: error.code, reason: error.message }, 'rejected /api/messages request');
      sendError(res, 400, error.code, error.message);
      return;
    }
    await runActivity(req, res, activity, deps);
  });
}
