import { TurnContext } from 'botbuilder';
import type { ConversationSighting } from '../../state/conversations.js';
import type { InboundActivity } from './inbound-activity.js';

/**
 * A message in a Teams channel belongs to a thread ("19:…@thread.tacv2;messageid=…"). The
 * conversation to write to later is the channel itself, so that a reminder starts a new
 * post instead of landing at the bottom of an old thread.
 */
export function channelOf(conversationId: string): string {
  const thread = conversationId.indexOf(';messageid=');
  return thread === -1 ? conversationId : conversationId.slice(0, thread);
}

/**
 * Replies that go back in the HTTP response (`expectReplies`, the web chat) have no
 * connector to write to later, so such a conversation is not kept; only a local web chat
 * page with its stream open can be written to another way (see `rememberForLater`).
 */
export function canBeWrittenToLater(activity: InboundActivity): boolean {
  return activity.deliveryMode !== 'expectReplies';
}

function isGroupType(conversationType: string | undefined): boolean {
  return conversationType !== undefined && conversationType !== 'personal';
}

/** What to store about the conversation an activity came from, to write to it later. */
export function sightingOf(context: TurnContext): ConversationSighting {
  const activity = context.activity;
  // A proactive message starts a new message in the conversation: it replies to no
  // particular activity and addresses no particular user, so neither is kept.
  const { activityId, user, ...reference } = TurnContext.getConversationReference(activity);
  const conversationId = channelOf(activity.conversation.id);
  const channelData = activity.channelData as { tenant?: { id?: string }; team?: { id?: string } } | undefined;
  const tenantId = activity.conversation.tenantId ?? channelData?.tenant?.id;
  const isGroup = activity.conversation.isGroup ?? isGroupType(activity.conversation.conversationType);
  // a 1:1 chat is where an approval reaches the person: kept under the id turns carry (the Entra object id when known)
  const userId = isGroup ? undefined : (activity.from.aadObjectId ?? activity.from.id);
  return {
    channel: activity.channelId,
    conversationId,
    serviceUrl: activity.serviceUrl,
    tenantId,
    teamId: channelData?.team?.id,
    isGroup,
    ...(userId ? { userId } : {}),
    reference: { ...reference, conversation: { ...reference.conversation, id: conversationId } },
  };
}
