import { App, HTTPReceiver, SocketModeReceiver, type Receiver } from '@slack/bolt';
import type { WebClientOptions } from '@slack/web-api';
import type { Request, Response, Server } from 'restify';
import type { SlackConfig } from '../../config.js';
import type { ConversationSender } from '../../core/notifier.js';
import { createClock } from '../../clock.js';
import { ErrorCode, KlikbotError } from '../../errors.js';
import { registerActions } from './actions.js';
import { registerCommand } from './command.js';
import { SeenEvents } from './dedupe.js';
import { SLACK_EVENTS_PATH } from './events.js';
import { registerHome } from './home.js';
import { registerMembership } from './membership.js';
import { registerMessages } from './messages.js';
import { registerModal } from './modal.js';
import { SignedRequests } from './replay.js';
import { hasSlackShape, readRawBody } from './request-shape.js';
import type { SlackDeps } from './slack-deps.js';
import { boltLogger } from './slack-logger.js';
import { createSlackSender } from './slack-sender.js';

/** klikbot in a Slack workspace: how to start it, stop it, and write to it unprompted. */
export interface SlackChannel {
  /** Checks the bot token with Slack (auth.test), then opens Socket Mode if configured. */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Resolves once the handling of every request acknowledged so far has finished (Bolt answers Slack first). */
  idle(): Promise<void>;
  sender: ConversationSender;
}

/**
 * The Web API client's retries: three, from 1 s, so a reply or reminder is not held for the
 * half hour of Slack's default. A 429 is waited out for its Retry-After, then the back-off.
 */
function clientOptions(config: SlackConfig): WebClientOptions {
  return { slackApiUrl: config.apiUrl, retryConfig: { retries: 3, factor: 2, minTimeout: 1_000, maxTimeout: 10_000 } };
}

/**
 * Requests at /slack/events on klikbot's own server: one port and one TLS proxy for Teams and
 * Slack. Bolt reads the raw body itself (to check the signature), so no body parser runs, and
 * the route waits until Bolt has answered, or restify would answer first.
 */
function mountOnServer(server: Server, receiver: HTTPReceiver, config: SlackConfig, deps: SlackDeps): void {
  // Slack's signature window is real time, as Bolt reads it, whatever time the bot is set to keep
  const signed = new SignedRequests(
    config.signingSecret,
    createClock(),
    deps.replayJournal,
    (error) =>
      deps.logger.error(
        { err: error },
        'could not keep a Slack signature in the journal; it is remembered until a restart only',
      ),
    deps.sharedClaims,
  );
  server.post(SLACK_EVENTS_PATH, async (req: Request, res: Response) => {
    const raw = await readRawBody(req);
    if (!raw || !hasSlackShape(req.headers['content-type'], raw)) {
      deps.logger.warn(
        { bytes: raw?.length ?? 'over the limit' },
        'refused a /slack/events body that is not a Slack payload',
      );
      res.status(400);
      res.json({ error: { code: 'bad_request', message: 'Not a Slack payload' } });
      return;
    }
    // refused before Bolt runs anything: nothing of a replayed or future-dated request is acted on
    const verdict = await signed.check(req.headers, raw);
    if (verdict !== 'pass') {
      deps.logger.warn({ verdict }, 'refused a signed /slack/events request');
      res.status(401);
      res.json({
        error: {
          code: 'unauthorized',
          message: verdict === 'future' ? 'Request timestamp is in the future' : 'Request already received',
        },
      });
      return;
    }
    // Bolt checks the signature over these same bytes: it takes a body already read as it is
    (req as Request & { rawBody: Buffer }).rawBody = raw;
    await new Promise<void>((resolve) => {
      res.once('close', resolve);
      receiver.requestListener(req, res);
    });
  });
}

function receiverFor(config: SlackConfig, server: Server, deps: SlackDeps): Receiver {
  const logger = boltLogger(deps.logger);
  if (config.appToken)
    return new SocketModeReceiver({
      appToken: config.appToken,
      logger,
      installerOptions: { clientOptions: clientOptions(config) },
    });
  const receiver = new HTTPReceiver({ signingSecret: config.signingSecret, endpoints: SLACK_EVENTS_PATH, logger });
  mountOnServer(server, receiver, config, deps);
  return receiver;
}

/** Everything klikbot listens to in Slack. */
function register(app: App, deps: SlackDeps, inFlight: Set<Promise<void>>): void {
  const seen = new SeenEvents(deps.claims);
  app.use(async ({ body, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === 'string' && !(await seen.firstTime(eventId))) {
      deps.logger.info({ eventId }, 'dropped a Slack event already answered (a retry)');
      return;
    }
    // Bolt answers Slack at ack(), before the listener is done: a stop waits for these instead
    const handling = next();
    inFlight.add(handling);
    try {
      await handling;
    } finally {
      inFlight.delete(handling);
    }
  });
  registerMessages(app, deps);
  registerCommand(app, deps);
  registerActions(app, deps);
  registerHome(app, deps);
  registerMembership(app, deps);
  registerModal(app, deps);
  app.error(async (error) => {
    deps.logger.error({ err: error, channel: 'slack' }, 'Slack request failed');
  });
}

/** Builds the Bolt app over klikbot's core; HTTP mode mounts /slack/events on `server`. */
export function createSlackChannel(config: SlackConfig, server: Server, deps: SlackDeps): SlackChannel {
  const receiver = receiverFor(config, server, deps);
  const app = new App({
    token: config.botToken,
    receiver,
    logger: boltLogger(deps.logger),
    clientOptions: clientOptions(config),
    deferInitialization: true,
  });
  const inFlight = new Set<Promise<void>>();
  register(app, deps, inFlight);
  const idle = async (): Promise<void> => {
    // what is being handled may still bring more (a click that opens a modal): wait until nothing is left
    while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
  };
  return {
    start: async () => {
      try {
        await app.init();
      } catch (cause) {
        throw new KlikbotError(
          ErrorCode.SlackUnavailable,
          `Slack did not accept SLACK_BOT_TOKEN at ${config.apiUrl} (auth.test): ${(cause as Error).message}`,
          { cause },
        );
      }
      if (config.appToken) await app.start();
    },
    stop: async () => {
      if (config.appToken) await app.stop();
      // what was acknowledged is finished (a poll's card posted, a vote written), failed or not: the listeners log their own errors
      await idle();
    },
    idle,
    sender: createSlackSender(app.client),
  };
}
