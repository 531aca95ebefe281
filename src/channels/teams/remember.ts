import type { TurnContext } from 'botbuilder';
import { canBeWrittenToLater, channelOf, sightingOf } from './conversation-reference.js';
import type { InboundActivity } from './inbound-activity.js';
import type { TeamsDeps } from './teams-deps.js';

/**
 * Keeps the conversation for later proactive messages. Failing to keep it must not cost the
 * person their answer, so the failure is logged as an error and the turn goes on; the result
 * is then unknown (undefined) rather than a guess.
 */
export async function rememberForLater(
  context: TurnContext,
  activity: InboundActivity,
  deps: TeamsDeps,
): Promise<boolean | undefined> {
  const livePage = activity.channelId === 'webchat' && deps.liveWebChat?.isOpen(activity.conversation.id) === true;
  if (!canBeWrittenToLater(activity) && !livePage) return false;
  try {
    return await deps.conversations.remember(sightingOf(context));
  } catch (error) {
    deps.logger.error(
      { err: error, conversation: activity.conversation.id },
      'could not store the conversation reference',
    );
    return undefined;
  }
}

/**
 * Forgets a conversation the bot was removed from: nothing may be sent there any more. Removed
 * from a team, the bot leaves all its channels, not only the one the event names.
 */
export async function forget(activity: InboundActivity, deps: TeamsDeps): Promise<void> {
  const removed = await deps.conversations.remove(activity.channelId, channelOf(activity.conversation.id));
  const teamId = activity.channelData?.team?.id;
  const teamChannels = teamId ? await deps.conversations.removeTeam(activity.channelId, teamId) : 0;
  deps.logger.info(
    { conversation: activity.conversation.id, removed, teamChannels },
    'klikbot removed from a conversation',
  );
}
