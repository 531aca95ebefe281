import type { TurnContext } from 'botbuilder';
import { answerCardAction, answerMessage, CARD_ACTION_INVOKE } from './answer.js';
import { answerFileConsent, FILE_CONSENT_INVOKE } from './file-consent.js';
import type { InboundActivity } from './inbound-activity.js';
import { onConversationUpdate, onInstallationUpdate } from './installation.js';
import type { TeamsDeps } from './teams-deps.js';

/**
 * One activity, by type. Anything else (typing, reactions, other invokes) gets no answer;
 * an invoke the bot does not handle is answered 501 by the adapter.
 */
export async function handleActivity(context: TurnContext, activity: InboundActivity, deps: TeamsDeps): Promise<void> {
  switch (activity.type) {
    case 'message':
      return answerMessage(context, activity, deps);
    case 'invoke':
      if (activity.name === CARD_ACTION_INVOKE) return answerCardAction(context, activity, deps);
      if (activity.name === FILE_CONSENT_INVOKE) return answerFileConsent(context, activity, deps);
      return;
    case 'installationUpdate':
      return onInstallationUpdate(context, activity, deps);
    case 'conversationUpdate':
      return onConversationUpdate(context, activity, deps);
    default:
      return;
  }
}
