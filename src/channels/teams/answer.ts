import { TurnContext } from 'botbuilder';
import { forEveryone } from '../../core/own-copy.js';
import type { Reply, ReplyFile } from '../../core/types.js';
import { canBeWrittenToLater } from './conversation-reference.js';
import { executeValue, type InboundActivity } from './inbound-activity.js';
import { goesToPrivateChat, sendToPrivateChat } from './private-chat.js';
import { rememberForLater } from './remember.js';
import { CARD_CONTENT_TYPE, toActivity, toAdaptiveCard, type OutgoingActivity } from './render-card.js';
import type { TeamsDeps } from './teams-deps.js';
import { readButton, toTurn, type ButtonRead } from './to-turn.js';
import { teamsEmailLookup } from './email.js';
import { mentionsAsWritten, teamsMentions } from './mentions.js';
import { cardActionResponse } from './invoke-response.js';

/** An Action.Execute answer that shows a message and leaves the card as it is. */
const MESSAGE_CONTENT_TYPE = 'application/vnd.microsoft.activity.message';

/** The name Teams gives the invoke an Action.Execute sends. */
export const CARD_ACTION_INVOKE = 'adaptiveCard/action';

/**
 * How this turn's replies render: a file as its channel takes it, and in Teams sealed to the
 * conversation and person it was asked by (the file is made when they accept it elsewhere).
 */
export function renderingFor(activity: InboundActivity, deps: TeamsDeps): (reply: Reply) => OutgoingActivity {
  const seal = (file: ReplyFile) => deps.seal.seal(toTurn(activity, '', deps.clock.now()), file.again);
  return (reply) => toActivity(reply, { channelId: activity.channelId, seal });
}

async function send(context: TurnContext, activity: InboundActivity, replies: Reply[], deps: TeamsDeps) {
  if (replies.length > 0) await context.sendActivities(replies.map(renderingFor(activity, deps)));
}

/** Sends the replies and tells the core where those meant for everyone were posted, to update them later. */
async function sendAndKeep(
  context: TurnContext,
  activity: InboundActivity,
  all: Reply[],
  deps: TeamsDeps,
  noted = false,
): Promise<void> {
  // what is meant for the asker alone goes to their 1:1 chat; the channel hears once where it went
  const privately = all.filter((one) => goesToPrivateChat(one, activity));
  await sendToPrivateChat(context, activity, privately, renderingFor(activity, deps));
  const note = noted ? undefined : privately[0]?.private?.note;
  const answers = [...(note ? [{ text: note }] : []), ...all.filter((one) => !goesToPrivateChat(one, activity))];
  // a new message is the conversation's; only the HTTP response (the web chat) is the asker's alone
  const replies = canBeWrittenToLater(activity) ? answers.map(forEveryone) : answers;
  if (replies.length === 0) return;
  const sent = await context.sendActivities(replies.map(renderingFor(activity, deps)));
  // replies in the HTTP response (the web chat) have no message to update later
  if (!canBeWrittenToLater(activity)) return;
  for (const [index, reply] of replies.entries()) {
    const messageId = sent[index]?.id;
    if (reply.broadcast && messageId)
      await deps.core.cardPosted(reply, { conversationId: activity.conversation.id, messageId });
  }
}

/**
 * A pressed Action.Submit whose answer replaces its card (the Emulator's fallback for
 * Action.Execute): the card's message is updated by id, the rest come as new messages.
 */
async function replaceCard(
  context: TurnContext,
  activity: InboundActivity,
  cardActivityId: string,
  replies: Reply[],
  deps: TeamsDeps,
): Promise<void> {
  const [first, ...rest] = replies;
  if (!first) return;
  // a refusal leaves the card (perhaps someone else's) as it is and comes as a message
  if (first.notice) return sendAndKeep(context, activity, replies, deps);
  // the message is everyone's: a presser's own copy cannot be shown here, only the shared card
  const card = forEveryone(first);
  await context.updateActivity({ ...toActivity(card), id: cardActivityId });
  if (card.broadcast)
    await deps.core.cardPosted(card, { conversationId: activity.conversation.id, messageId: cardActivityId });
  await sendAndKeep(context, activity, rest, deps);
}

/** A message: typed text (an @mention of the bot removed) or an Action.Submit's payload. */
export async function answerMessage(context: TurnContext, activity: InboundActivity, deps: TeamsDeps): Promise<void> {
  await rememberForLater(context, activity, deps);
  const text = mentionsAsWritten(TurnContext.removeRecipientMention(context.activity) ?? '');
  const button = readButton(activity.value);
  const turn = toTurn(activity, text, deps.clock.now(), button.kind === 'action' ? button.action : undefined);
  const lookupEmail = teamsEmailLookup(context, activity);
  if (lookupEmail) turn.user.lookupEmail = lookupEmail;
  const mentions = teamsMentions(context, activity);
  if (mentions.length > 0) turn.mentions = mentions;
  if (button.kind === 'invalid' || (button.kind === 'action' && !deps.core.knowsDialog(button.action.dialog))) {
    // a new message, never a replaced card: the card may still be useful
    return send(context, activity, deps.core.unknownButton(turn), deps);
  }
  const replies = await deps.core.handle(turn);
  // replies in the HTTP response (the web chat) have no message to update: they come as new ones
  const cardId = activity.deliveryMode === 'expectReplies' ? undefined : activity.replyToId;
  if (button.kind === 'action' && button.replacesCard && cardId)
    return replaceCard(context, activity, cardId, replies, deps);
  return sendAndKeep(context, activity, replies, deps);
}

function pressedExecute(value: unknown, deps: TeamsDeps): ButtonRead {
  const parsed = executeValue.safeParse(value);
  const button = parsed.success ? readButton(parsed.data.action.data) : { kind: 'invalid' as const };
  return button.kind === 'action' && !deps.core.knowsDialog(button.action.dialog) ? { kind: 'invalid' } : button;
}

/**
 * An Action.Execute: the first reply becomes the card shown in place of the pressed one,
 * any further replies follow as new messages. A payload we cannot read leaves the card as it
 * is and shows the reason in it (Teams displays an error answer under the card).
 */
export async function answerCardAction(
  context: TurnContext,
  activity: InboundActivity,
  deps: TeamsDeps,
): Promise<void> {
  await rememberForLater(context, activity, deps);
  const button = pressedExecute(activity.value, deps);
  const turn = toTurn(activity, '', deps.clock.now(), button.kind === 'action' ? button.action : undefined);
  if (button.kind !== 'action') {
    const [reply] = deps.core.unknownButton(turn);
    await context.sendActivity(
      cardActionResponse(400, 'application/vnd.microsoft.error', { code: 'BadRequest', message: reply?.text ?? '' }),
    );
    return;
  }
  const [first, ...rest] = await deps.core.handle(turn);
  if (!first) throw new Error(`dialog ${button.action.dialog} gave no reply to a card action`);
  // an export pressed for on a card: to the presser's 1:1 chat (a new message there when the
  // card is in it, as a file comes in a message of its own), and the note under the card
  if (first.private && (goesToPrivateChat(first, activity) || first.file)) {
    if (goesToPrivateChat(first, activity))
      await sendToPrivateChat(context, activity, [first], renderingFor(activity, deps));
    else await send(context, activity, [first], deps);
    // a message under the card, not an error: the card stays as it was and nothing went wrong
    await context.sendActivity(cardActionResponse(200, MESSAGE_CONTENT_TYPE, first.private.note));
    await sendAndKeep(context, activity, rest, deps, true);
    return;
  }
  // a refusal is shown under the card to whoever pressed it; the card stays as it was
  if (first.notice)
    await context.sendActivity(
      cardActionResponse(400, 'application/vnd.microsoft.error', { code: 'NotChanged', message: first.text }),
    );
  else await context.sendActivity(cardActionResponse(200, CARD_CONTENT_TYPE, toAdaptiveCard(first, true)));
  // the answer above may be the presser's own copy (their vote marked); the others get the shared card
  const shared = forEveryone(first);
  if (!first.notice && shared.broadcast && activity.replyToId && canBeWrittenToLater(activity)) {
    deps.sharedCards?.refreshForEveryone(context, activity.replyToId, shared);
    await deps.core.cardPosted(shared, { conversationId: activity.conversation.id, messageId: activity.replyToId });
  }
  await sendAndKeep(context, activity, rest, deps);
}
