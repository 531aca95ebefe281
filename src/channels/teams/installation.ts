import type { TurnContext } from 'botbuilder';
import type { InboundActivity } from './inbound-activity.js';
import { forget, rememberForLater } from './remember.js';
import { toActivity } from './render-card.js';
import type { TeamsDeps } from './teams-deps.js';
import { toTurn } from './to-turn.js';
import { ANSWER_DIALOGS } from '../../../dialogs/names.js';

/**
 * The welcome goes to a conversation the bot has just joined. Teams announces a join twice
 * (installationUpdate and conversationUpdate); only the one that stores the conversation
 * first welcomes, so a team gets one welcome card. When storing failed we cannot tell, and
 * welcoming twice is better than not at all.
 */
async function joined(context: TurnContext, activity: InboundActivity, deps: TeamsDeps): Promise<void> {
  const isNew = await rememberForLater(context, activity, deps);
  if (isNew === false) return;
  const turn = toTurn(activity, '', deps.clock.now(), { dialog: ANSWER_DIALOGS.welcome, args: {} });
  const replies = await deps.core.handle(turn);
  if (replies.length > 0) await context.sendActivities(replies.map((reply) => toActivity(reply)));
}

/** Teams' install and uninstall of the app in a personal chat, group chat or team. */
export async function onInstallationUpdate(
  context: TurnContext,
  activity: InboundActivity,
  deps: TeamsDeps,
): Promise<void> {
  const action = activity.action ?? '';
  if (action === 'remove' || action === 'remove-upgrade') return forget(activity, deps);
  // an upgrade of an installed app is not a new arrival: keep the reference fresh, say nothing
  if (action === 'add-upgrade') {
    await rememberForLater(context, activity, deps);
    return;
  }
  if (action === 'add') return joined(context, activity, deps);
  deps.logger.warn({ action }, 'installationUpdate with an action klikbot does not know');
}

/** Members joining or leaving: only the bot itself matters here. */
export async function onConversationUpdate(
  context: TurnContext,
  activity: InboundActivity,
  deps: TeamsDeps,
): Promise<void> {
  const botId = activity.recipient.id;
  if (activity.membersRemoved?.some((member) => member.id === botId)) return forget(activity, deps);
  if (activity.membersAdded?.some((member) => member.id === botId)) return joined(context, activity, deps);
}
