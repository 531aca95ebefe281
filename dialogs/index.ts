import type { DialogRegistry } from '../src/core/dialog-registry.js';
import type { Language, Reply } from '../src/core/types.js';
import { commandOf } from './commands.js';
import { withAskKombit } from './ask-kombit/index.js';
import { withSentNews } from './broadcast/index.js';
import { waitingClaimNotice } from './membership/waiting-claim.js';
import { currentPollCard } from './polls/card.js';
import { pollCardPosted } from './polls/posted.js';
import { rememberEvaluationCard } from './evaluations/posted.js';
import { actionDialog, knowsDialog } from './registry.js';
import { routeTurn, unknownButtonReply } from './router.js';
import { say } from './shared/say.js';
import type { ActionServices } from './types.js';

/** The answer when this klikbot was started without state for memberships and statuses. */
function actionsUnavailableReply(context: { language: Language }): Reply {
  return {
    text: say(
      context,
      'Her kan jeg ikke gemme kommuner eller status. Spørg gerne om opgaver, frister og roller.',
      'I cannot store municipalities or statuses here. Do ask about tasks, deadlines and roles.',
    ),
  };
}

/**
 * klikbot's dialogs as the core asks for them. The composition root injects this into the
 * core (src/klikbot-core.ts), so that the core imports no dialog.
 */
export const klikbotDialogs: DialogRegistry<ActionServices> = {
  route: routeTurn,
  knows: knowsDialog,
  command: commandOf,
  action: actionDialog,
  unavailable: actionsUnavailableReply,
  unknownButton: unknownButtonReply,
  asides: waitingClaimNotice,
  answered: (context, services, replies, intent) =>
    withAskKombit(context, services, withSentNews(context, services, replies, intent), intent),
  // a poll's card is rewritten for everyone as votes come in and when it closes; an evaluation's when it closes
  cardPosted: async (reply, message, services) => {
    await pollCardPosted(reply, message, services);
    await rememberEvaluationCard(services.evaluations, reply, message);
  },
  currentCard: (reply, services, now) => (services.polls ? currentPollCard(services.polls, reply, now) : undefined),
};
