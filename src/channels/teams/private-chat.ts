import type { TurnContext } from 'botbuilder';
import type { ConnectorClient } from 'botframework-connector';
import type { Reply } from '../../core/types.js';
import { canBeWrittenToLater } from './conversation-reference.js';
import type { InboundActivity } from './inbound-activity.js';
import type { OutgoingActivity } from './render-card.js';

/** Whether the conversation has more people in it than the asker: a channel or a group chat. */
function isShared(activity: InboundActivity): boolean {
  const type = activity.conversation.conversationType;
  return activity.conversation.isGroup === true || (type !== undefined && type !== 'personal');
}

/** Whether a reply meant for the asker alone must go to a 1:1 chat instead of this conversation. */
export function goesToPrivateChat(reply: Reply, activity: InboundActivity): boolean {
  // the web chat and the Emulator are one person's, and answer in the HTTP response
  return reply.private !== undefined && isShared(activity) && canBeWrittenToLater(activity);
}

/**
 * Sends replies meant for the asker alone (an export, in one or more parts) to their 1:1 chat
 * with klikbot, made if it does not exist yet, once for all parts. Teams has no message only
 * one person in a channel sees; the caller leaves the note in the conversation.
 */
export async function sendToPrivateChat(
  context: TurnContext,
  activity: InboundActivity,
  replies: Reply[],
  render: (reply: Reply) => OutgoingActivity,
): Promise<void> {
  if (replies.length === 0) return;
  const connector = context.turnState.get<ConnectorClient>(context.adapter.ConnectorClientKey);
  const tenantId = activity.conversation.tenantId ?? activity.channelData?.tenant?.id;
  const created = await connector.conversations.createConversation({
    isGroup: false,
    bot: activity.recipient,
    members: [activity.from],
    ...(tenantId !== undefined ? { tenantId, channelData: { tenant: { id: tenantId } } } : {}),
  } as Parameters<ConnectorClient['conversations']['createConversation']>[0]);
  const conversation = { id: created.id, isGroup: false, conversationType: 'personal', name: '' };
  const from = { id: activity.recipient.id, name: activity.recipient.name ?? '' };
  for (const reply of replies)
    await connector.conversations.sendToConversation(created.id, { ...render(reply), from, conversation });
}
