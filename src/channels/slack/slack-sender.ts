import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import type { ConversationSender, SendOutcome } from '../../core/notifier.js';
import type { PostedMessage, Reply } from '../../core/types.js';
import { toSlackMessage } from './render-blocks.js';
import { slackRefusal } from './web-api-errors.js';

/** What is stored to write to a Slack conversation later. */
const slackReference = z.object({ channel: z.string().min(1) });

/**
 * Web API errors that mean the bot can no longer post to that conversation; anything else
 * might heal. Not `account_inactive`: it is the bot's own token that is off, and marking every
 * conversation dead for it would silence them all once the token is fixed.
 */
const goneErrors = new Set(['channel_not_found', 'not_in_channel', 'is_archived', 'user_not_found', 'cannot_dm_bot']);

const rateLimited = z.object({ code: z.literal('slack_webapi_rate_limited_error'), retryAfter: z.number() });

/** Reads what the Web API client threw: a refusal by Slack, throttling past the retries, or anything else. */
function outcomeOf(error: unknown): SendOutcome {
  const reason = slackRefusal(error);
  if (reason !== undefined) return goneErrors.has(reason) ? { status: 'gone', reason } : { status: 'failed', reason };
  const throttled = rateLimited.safeParse(error);
  if (throttled.success)
    return { status: 'failed', reason: `rate limited (retry after ${throttled.data.retryAfter} s)`, httpStatus: 429 };
  return { status: 'failed', reason: error instanceof Error ? error.message : String(error) };
}

/**
 * Rewrites a posted message; undefined when done, else why not. Slack refusing the edit
 * (`message_not_found`, `cant_update_message`, `edit_window_closed`, …) is not a dead channel
 * and will not heal by retrying; being rate limited or unreachable might.
 */
async function rewrite(client: WebClient, reply: Reply, message: PostedMessage): Promise<SendOutcome | undefined> {
  try {
    await client.chat.update({ channel: message.conversationId, ts: message.messageId, ...toSlackMessage(reply) });
    return undefined;
  } catch (error) {
    const outcome = outcomeOf(error);
    return outcome.status === 'failed' && slackRefusal(error) !== undefined
      ? { ...outcome, cannotRewrite: true }
      : outcome;
  }
}

/**
 * chat.postMessage to a stored channel or DM, one message per reply (chat.update for one that
 * replaces a posted message), awaited in order. The
 * Web API client waits out a 429's Retry-After and retries it, and 5xx, itself (three times,
 * see `clientOptions` in slack-app.ts); what is still failing after that is reported.
 */
export function createSlackSender(client: WebClient): ConversationSender {
  return async (conversation, replies) => {
    const reference = slackReference.safeParse(conversation.reference);
    if (!reference.success) return { status: 'failed', reason: 'the stored Slack reference names no channel' };
    const messageIds: string[] = [];
    try {
      for (const reply of replies) {
        if (reply.replaces) {
          const rewritten = await rewrite(client, reply, reply.replaces);
          if (rewritten) return rewritten;
          messageIds.push(reply.replaces.messageId);
          continue;
        }
        const posted = await client.chat.postMessage({
          channel: reference.data.channel,
          ...(reply.thread !== undefined && /^\d+\.\d+$/.test(reply.thread) ? { thread_ts: reply.thread } : {}),
          ...toSlackMessage(reply),
        });
        if (posted.ts) messageIds.push(posted.ts);
      }
    } catch (error) {
      return outcomeOf(error);
    }
    return { status: 'sent', messageIds };
  };
}
