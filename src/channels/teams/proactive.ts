import type { ConversationReference } from 'botbuilder';
import { z } from 'zod';
import type { ConversationSender, SendOutcome } from '../../core/notifier.js';
import type { KlikbotAdapter } from './adapter.js';
import { toActivity } from './render-card.js';

/** The fields of the connector client's RestError that say what the Bot Connector answered. */
const connectorError = z.object({ statusCode: z.number(), code: z.string().optional(), message: z.string() });

/**
 * 403 (not in the roster: the app was removed, the person left) and 404 (the conversation
 * is gone) will not heal by retrying; anything else might. 429 and 5xx reach this point only
 * after the connector client's own retries (it waits as long as Retry-After says).
 */
function outcomeOf(error: unknown): SendOutcome {
  const parsed = connectorError.safeParse(error);
  if (!parsed.success) return { status: 'failed', reason: error instanceof Error ? error.message : String(error) };
  const { statusCode, code, message } = parsed.data;
  const reason = `${statusCode}${code ? ` ${code}` : ''}: ${message}`;
  if (statusCode === 403 || statusCode === 404) return { status: 'gone', reason, httpStatus: statusCode };
  return { status: 'failed', reason, httpStatus: statusCode };
}

/**
 * Writes to a stored Bot Framework conversation (Teams, the Emulator) with
 * continueConversationAsync. A failure is caught inside the turn so that it is reported to
 * the caller rather than handled as a failed user turn.
 */
export function createBotFrameworkSender(adapter: KlikbotAdapter, appId: string): ConversationSender {
  return async (conversation, replies) => {
    let outcome: SendOutcome = { status: 'failed', reason: 'the turn did not run' };
    const reference = JSON.parse(JSON.stringify(conversation.reference)) as Partial<ConversationReference>;
    try {
      await adapter.continueIn(appId, reference, async (context) => {
        try {
          const responses = await context.sendActivities(replies.map(toActivity));
          outcome = { status: 'sent', messageIds: responses.map((response) => response.id).filter((id) => id !== '') };
        } catch (error) {
          outcome = outcomeOf(error);
        }
      });
    } catch (error) {
      // the turn could not be opened (no token for the connector, a reference botbuilder refuses)
      outcome = outcomeOf(error);
    }
    return outcome;
  };
}
