import { TurnContext, type ConversationReference } from 'botbuilder';
import type { RefreshThrottle } from '../../core/refresh-throttle.js';
import type { Reply } from '../../core/types.js';
import type { KlikbotAdapter } from './adapter.js';
import { toActivity } from './render-card.js';

/**
 * Teams shows an Action.Execute's answer only to the person who pressed: everyone else keeps
 * the card as it was posted. A card meant for the whole conversation (a poll's counts, its
 * result) is therefore also written over the posted message, throttled per message.
 */
export interface SharedCards {
  /** Brings the message `messageId` of the turn's conversation up to `reply` for everyone, soon. */
  refreshForEveryone(context: TurnContext, messageId: string, reply: Reply): void;
}

/** Writes the message in a turn of its own: the pressing turn has long been answered by then. */
async function overwrite(
  adapter: KlikbotAdapter,
  appId: string,
  reference: Partial<ConversationReference>,
  messageId: string,
  reply: Reply,
): Promise<void> {
  let failure: Error | undefined;
  await adapter.continueIn(appId, reference, async (context) => {
    // caught here, or the adapter's turn-error handler would post an apology into the channel
    try {
      await context.updateActivity({ ...toActivity(reply), id: messageId });
    } catch (error) {
      failure = error instanceof Error ? error : new Error(String(error));
    }
  });
  if (failure !== undefined) throw failure;
}

/**
 * Shared card refreshes through the adapter, at the pace `throttle` allows. `current` renders
 * the card again as the write starts: a refresh that waited must not show counts older than
 * the last write, nor an open poll over its result.
 */
export function createSharedCards(
  adapter: KlikbotAdapter,
  appId: string,
  throttle: RefreshThrottle,
  current: (reply: Reply) => Reply,
): SharedCards {
  return {
    refreshForEveryone(context, messageId, reply) {
      // the conversation as the press named it: in a channel, the thread the card was posted in
      const { activityId, user, ...reference } = TurnContext.getConversationReference(context.activity);
      const conversationId = reference.conversation?.id ?? '';
      throttle.schedule(`${conversationId}\n${messageId}`, () =>
        overwrite(adapter, appId, reference, messageId, current(reply)),
      );
    },
  };
}
