import { setTimeout as delay } from 'node:timers/promises';
import type { ConversationReference, TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { ConversationSender, SendOutcome } from '../../core/notifier.js';
import type { PostedMessage, Reply } from '../../core/types.js';
import type { KlikbotAdapter } from './adapter.js';
import { toActivity } from './render-card.js';

/** The fields of the connector client's RestError that say what the Bot Connector answered. */
const connectorError = z.object({ statusCode: z.number(), code: z.string().optional(), message: z.string() });

/**
 * The connector client retries 5xx, and 429 when it says Retry-After, three times itself. A
 * 429 without Retry-After it gives up on at once: those are retried here, after these waits.
 */
const THROTTLED_WAITS_MS = [1_000, 2_000];

/** One try: what came of it, and whether it is a 429 the connector client did not retry. */
interface Attempt {
  outcome: SendOutcome;
  throttledWithoutHint: boolean;
}

function saysRetryAfter(error: unknown): boolean {
  const headers = (error as { response?: { headers?: { get?: unknown } } }).response?.headers;
  return (
    typeof headers?.get === 'function' &&
    Boolean((headers.get as (name: string) => unknown).call(headers, 'retry-after'))
  );
}

/**
 * 403 (not in the roster: the app was removed, the person left) and 404 (the conversation
 * is gone) will not heal by retrying; anything else might.
 */
function attemptOf(error: unknown): Attempt {
  const parsed = connectorError.safeParse(error);
  if (!parsed.success)
    return {
      outcome: { status: 'failed', reason: error instanceof Error ? error.message : String(error) },
      throttledWithoutHint: false,
    };
  const { statusCode, code, message } = parsed.data;
  const reason = `${statusCode}${code ? ` ${code}` : ''}: ${message}`;
  if (statusCode === 403 || statusCode === 404)
    return { outcome: { status: 'gone', reason, httpStatus: statusCode }, throttledWithoutHint: false };
  return {
    outcome: { status: 'failed', reason, httpStatus: statusCode },
    throttledWithoutHint: statusCode === 429 && !saysRetryAfter(error),
  };
}

/** Runs `write` in a turn of the conversation `reference`, and reports what came of it. */
async function inTurn(
  adapter: KlikbotAdapter,
  appId: string,
  reference: Partial<ConversationReference>,
  write: (context: TurnContext) => Promise<string[]>,
): Promise<Attempt> {
  let attempt: Attempt = { outcome: { status: 'failed', reason: 'the turn did not run' }, throttledWithoutHint: false };
  try {
    await adapter.continueIn(appId, reference, async (context) => {
      try {
        attempt = { outcome: { status: 'sent', messageIds: await write(context) }, throttledWithoutHint: false };
      } catch (error) {
        attempt = attemptOf(error);
      }
    });
  } catch (error) {
    // the turn could not be opened (no token for the connector, a reference botbuilder refuses)
    attempt = attemptOf(error);
  }
  return attempt;
}

/**
 * Writes a reply over a posted message, in the conversation (thread) it was posted in. A
 * refusal (any 4xx but 429: the message is gone, or Teams will not take the edit) says nothing
 * about the conversation, so it is a failure, not `gone`, and marked as not worth retrying.
 */
async function rewriteOnce(
  adapter: KlikbotAdapter,
  appId: string,
  reference: Partial<ConversationReference>,
  reply: Reply & { replaces: PostedMessage },
): Promise<Attempt> {
  const { conversationId, messageId } = reply.replaces;
  const inThread = {
    ...reference,
    conversation: { ...reference.conversation, id: conversationId } as ConversationReference['conversation'],
  };
  const attempt = await inTurn(adapter, appId, inThread, async (context) => {
    await context.updateActivity({ ...toActivity(reply), id: messageId });
    return [messageId];
  });
  const { outcome } = attempt;
  if (outcome.status === 'sent') return attempt;
  const refused =
    outcome.httpStatus !== undefined &&
    outcome.httpStatus >= 400 &&
    outcome.httpStatus < 500 &&
    outcome.httpStatus !== 429;
  return {
    ...attempt,
    outcome: {
      status: 'failed',
      reason: outcome.reason,
      httpStatus: outcome.httpStatus,
      ...(refused ? { cannotRewrite: true } : {}),
    },
  };
}

async function postOnce(
  adapter: KlikbotAdapter,
  appId: string,
  reference: Partial<ConversationReference>,
  replies: Reply[],
): Promise<Attempt> {
  return inTurn(adapter, appId, reference, async (context) => {
    // botbuilder addresses each send as a reply to the continuation event, an id Teams never
    // saw; without it the connector posts a new message in the conversation (in a channel, a new post)
    context.onSendActivities(async (_context, activities, next) => {
      for (const activity of activities) delete activity.replyToId;
      return next();
    });
    const responses = await context.sendActivities(replies.map((reply) => toActivity(reply)));
    return responses.map((response) => response.id).filter((id): id is string => Boolean(id));
  });
}

/**
 * The reference to a thread of the stored conversation (a channel's `;messageid=`), where a
 * reply names one; a thread of any other conversation is not followed.
 */
function inThreadOf(
  reference: Partial<ConversationReference>,
  thread: string | undefined,
): Partial<ConversationReference> {
  const id = reference.conversation?.id;
  if (thread === undefined || id === undefined || !thread.startsWith(`${id};messageid=`)) return reference;
  return {
    ...reference,
    conversation: { ...reference.conversation, id: thread } as ConversationReference['conversation'],
  };
}

/** Rewrites the replies that replace a posted message, then posts the rest; stops at the first that does not arrive. */
async function sendOnce(
  adapter: KlikbotAdapter,
  appId: string,
  reference: Partial<ConversationReference>,
  replies: Reply[],
): Promise<Attempt> {
  const messageIds: string[] = [];
  for (const reply of replies) {
    if (!reply.replaces) continue;
    const attempt = await rewriteOnce(adapter, appId, reference, { ...reply, replaces: reply.replaces });
    if (attempt.outcome.status !== 'sent') return attempt;
    messageIds.push(...attempt.outcome.messageIds);
  }
  const posts = replies.filter((reply) => !reply.replaces);
  if (posts.length === 0) return { outcome: { status: 'sent', messageIds }, throttledWithoutHint: false };
  const attempt = await postOnce(adapter, appId, inThreadOf(reference, posts[0]!.thread), posts);
  return attempt.outcome.status === 'sent'
    ? { ...attempt, outcome: { status: 'sent', messageIds: [...messageIds, ...attempt.outcome.messageIds] } }
    : attempt;
}

/**
 * Writes to a stored Bot Framework conversation (Teams, the Emulator) with
 * continueConversationAsync. A failure is caught inside the turn so that it is reported to
 * the caller rather than handled as a failed user turn.
 */
export function createBotFrameworkSender(adapter: KlikbotAdapter, appId: string): ConversationSender {
  return async (conversation, replies) => {
    const reference = JSON.parse(JSON.stringify(conversation.reference)) as Partial<ConversationReference>;
    for (let tries = 0; ; tries++) {
      const { outcome, throttledWithoutHint } = await sendOnce(adapter, appId, reference, replies);
      const wait = THROTTLED_WAITS_MS[tries];
      if (!throttledWithoutHint || wait === undefined) return outcome;
      await delay(wait);
    }
  };
}
