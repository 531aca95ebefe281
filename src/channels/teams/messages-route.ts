import type { Server, Request, Response } from 'restify';
import { TurnContext, type CloudAdapter } from 'botbuilder';
import type { Clock } from '../../clock.js';
import type { Core } from '../../core/core.js';
import { ErrorCode, KlikbotError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { inboundActivity, type InboundActivity } from './inbound-activity.js';
import { readJsonBody } from './read-body.js';
import { toActivity } from './render-card.js';
import { readButton, toTurn } from './to-turn.js';

/** A conversation the bot has seen, with the reference needed to write to it later. */
export interface ConversationSeen {
  channel: string;
  conversationId: string;
  serviceUrl: string;
  tenantId?: string;
  isGroup: boolean;
  reference: Record<string, unknown>;
}

/** What the Bot Framework route needs from the rest of klikbot. */
export interface MessagesRouteDeps {
  adapter: CloudAdapter;
  core: Pick<Core, 'handle' | 'unknownButton'>;
  clock: Clock;
  logger: Logger;
  rememberConversation: (seen: ConversationSeen) => Promise<void>;
  /** No credentials: unauthenticated traffic is accepted, so replies stay on this machine. */
  localMode: boolean;
}

function sendError(res: Response, status: number, error: KlikbotError): void {
  res.status(status);
  res.json({ error: { code: error.code, message: error.message } });
}

// Without this a web page in the developer's browser could post a form-encoded "activity"
// to a local bot: browsers send text/plain and forms cross-origin without asking.
function requireJson(req: Request): void {
  const type = req.headers['content-type'] ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new KlikbotError(ErrorCode.BadRequest, `Content-Type must be application/json, not "${type}"`);
  }
}

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Local mode checks no tokens, so it must not become a way to make the bot POST to any
 * address: replies go in the HTTP response (expectReplies) or to a connector on this machine
 * (the Bot Framework Emulator).
 */
function checkLocalDelivery(activity: InboundActivity): void {
  if (activity.deliveryMode === 'expectReplies') return;
  const host = new URL(activity.serviceUrl).hostname;
  if (!loopbackHosts.has(host) && !host.startsWith('127.')) {
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

function conversationSeen(context: TurnContext): ConversationSeen {
  const activity = context.activity;
  // A proactive message starts a new message in the conversation: it replies to no
  // particular activity and addresses no particular user, so neither is kept.
  const { activityId, user, ...reference } = TurnContext.getConversationReference(activity);
  return {
    channel: activity.channelId,
    conversationId: activity.conversation.id,
    serviceUrl: activity.serviceUrl,
    tenantId: activity.conversation.tenantId,
    isGroup: activity.conversation.isGroup ?? false,
    reference: JSON.parse(JSON.stringify(reference)) as Record<string, unknown>,
  };
}

/**
 * Keeping the reference is for later proactive messages; failing to keep it must not cost
 * the person their answer, so it is logged as an error and the turn goes on.
 */
async function rememberForLater(context: TurnContext, deps: MessagesRouteDeps): Promise<void> {
  try {
    await deps.rememberConversation(conversationSeen(context));
  } catch (error) {
    deps.logger.error({ err: error, conversation: context.activity.conversation.id }, 'could not store the conversation reference');
  }
}

async function answerMessage(context: TurnContext, activity: InboundActivity, deps: MessagesRouteDeps): Promise<void> {
  await rememberForLater(context, deps);
  const text = TurnContext.removeRecipientMention(context.activity) ?? '';
  const button = readButton(activity.value);
  const turn = toTurn(activity, text, deps.clock.now(), button.kind === 'action' ? button.action : undefined);
  const replies = button.kind === 'invalid' ? deps.core.unknownButton(turn) : await deps.core.handle(turn);
  await context.sendActivities(replies.map(toActivity));
}

/** `POST /api/messages`: Bot Framework activities from Teams, the emulator and the web chat. */
export function registerMessagesRoute(server: Server, deps: MessagesRouteDeps): void {
  server.post('/api/messages', async (req: Request, res: Response) => {
    let activity: InboundActivity;
    try {
      activity = await parseActivity(req, deps.localMode);
    } catch (error) {
      if (!(error instanceof KlikbotError)) throw error;
      deps.logger.warn({ code: error.code, reason: error.message }, 'rejected /api/messages request');
      sendError(res, 400, error);
      return;
    }
    // the adapter reads the parsed body from req.body (normally a body parser's job)
    (req as Request & { body: unknown }).body = activity;
    await deps.adapter.process(req, res, async (context) => {
      // installs, removals and welcome cards are the Teams issue's; for now only messages are answered
      if (context.activity.type === 'message') await answerMessage(context, activity, deps);
    });
  });
}
