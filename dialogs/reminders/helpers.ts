import { DateTime } from 'luxon';
import { z } from 'zod';
import { ZONE } from '../../src/clock.js';
import { addressOf, type ConversationKey } from '../../src/core/address.js';
import { formatDate } from '../../src/core/format.js';
import type { Language, Reply, ReplyButton, Turn } from '../../src/core/types.js';
import { copenhagenDate, datedItems, findTask } from '../../src/knowledge/queries.js';
import type { RemindableItem, ReminderServices } from '../../src/reminders/types.js';
import type { DeepReadonly, ReminderSubscription } from '../../src/state/schema.js';
import type { DialogContext, ActionServices } from '../types.js';
import { joinAnd } from '../shared/text.js';
import { REMINDER_DIALOGS } from '../names.js';
import { say } from '../shared/say.js';
import { dialogButton } from '../shared/buttons.js';
import { notice } from '../shared/replies.js';

/** The longest item id a button or sentence may carry; anything longer is no id. */
const ID_MAX = 200;

/** An item id from a button or the understanding. */
export const itemIdSchema = z.string().trim().min(1).max(ID_MAX);

/** The answer where klikbot runs without reminders. */
export function remindersUnavailable(context: DialogContext): Reply[] {
  return notice(
    say(context, 'Påmindelser er ikke slået til i denne klikbot.', 'Reminders are not available in this klikbot.'),
  );
}

/**
 * The municipality whose status decides which reminders come here, as the engine reads it:
 * the conversation's link, else (in a personal chat) the person's own as it is now, else the
 * one stored with the subscription.
 */
export function decidingMunicipality(
  context: DialogContext,
  services: ActionServices,
  subscription?: DeepReadonly<ReminderSubscription>,
): { id: string; name: string } | undefined {
  const { turn } = context;
  const here = hereOf(turn);
  const personal = turn.conversation.isGroup
    ? undefined
    : services.memberships.get(turn.conversation.channel, turn.user.id)?.municipalityId;
  const id =
    services.memberships.conversationLink(here.channel, here.conversationId)?.municipalityId ??
    personal ??
    subscription?.municipalityId;
  if (id === undefined) return undefined;
  return { id, name: context.knowledge.municipalities.find((m) => m.id === id)?.name ?? id };
}

/** How to make reminders stop once a task is done: join a municipality, or link the channel to one. */
export function linkHint(context: DialogContext): string {
  const { turn } = context;
  if (!turn.conversation.isGroup) {
    return say(
      context,
      `Du hører ikke til en kommune, så du får alle påmindelser. Skriv ${command(turn, 'kommune <navn>')} for kun at få påmindelser om det, din kommune mangler.`,
      `You belong to no municipality, so you get every reminder. Type ${command(turn, 'kommune <name>')} to get reminders only for what your municipality has not done.`,
    );
  }
  return say(
    context,
    `Samtalen er ikke knyttet til en kommune, så I får alle påmindelser. Skriv ${command(turn, 'kanal <kommune>')} for kun at få påmindelser om det, I mangler.`,
    `This conversation is linked to no municipality, so you get every reminder. Type ${command(turn, 'kanal <municipality>')} to get reminders only for what you have not done.`,
  );
}

/**
 * The conversation a subscription belongs to, as klikbot stores it for writing later (a Teams
 * channel as a whole, not the thread the message was written in): the key the engine sends to.
 */
export function hereOf(turn: Turn): ConversationKey {
  return addressOf(turn);
}

/** How the conversation is addressed (object, subject opening a sentence, subject inside one): one person in a personal chat, everyone in a group. */
export function addressed(context: DialogContext): { you: string; You: string; subject: string } {
  if (context.language === 'en') return { you: 'you', You: 'You', subject: 'you' };
  return context.turn.conversation.isGroup
    ? { you: 'jer', You: 'I', subject: 'I' }
    : { you: 'dig', You: 'Du', subject: 'du' };
}

/** A typed command as it is written in this channel: "/klik kanal <kommune>" in Slack. */
function command(turn: Turn, text: string): string {
  return turn.conversation.channel === 'slack' ? `/klik ${text}` : `'${text}'`;
}

/** "mandag 29. oktober 2018 kl. 9.00" / "Monday 29 October 2018 at 9:00", in Copenhagen time. */
export function momentText(at: DateTime, language: Language): string {
  const local = at.setZone(ZONE);
  const day = formatDate(local.toISODate() ?? '', language);
  return language === 'da' ? `${day} kl. ${local.toFormat("H'.'mm")}` : `${day} at ${local.toFormat('H:mm')}`;
}

/** "30, 14, 7 og 1 dag før" / "på dagen"; the days are as stored, largest first. */
export function reminderDaysText(days: readonly number[], language: Language): string {
  const before = days.filter((day) => day > 0);
  const parts: string[] = [];
  if (before.length > 0) {
    const last = before[before.length - 1];
    const unit = language === 'da' ? (last === 1 ? 'dag' : 'dage') : before.length === 1 && last === 1 ? 'day' : 'days';
    parts.push(`${joinAnd(before.map(String), language)} ${unit} ${language === 'da' ? 'før' : 'before'}`);
  }
  if (days.includes(0)) parts.push(language === 'da' ? 'på dagen' : 'on the day');
  return joinAnd(parts, language);
}

/** "deadline torsdag 1. november 2018", "skal være gjort inden …", or just the date for what happens on it. */
export function itemDateText(context: DialogContext, item: Pick<RemindableItem, 'date' | 'relation'>): string {
  const date = formatDate(item.date, context.language);
  if (item.relation === 'before') return say(context, `skal være gjort inden ${date}`, `must be done before ${date}`);
  if (item.relation === 'on') return date;
  return say(context, `deadline ${date}`, `due ${date}`);
}

/** Whether the subscription is for this item (and it is not stopped). */
export function follows(subscription: DeepReadonly<ReminderSubscription>, itemId: string): boolean {
  return (
    (subscription.itemIds === undefined || subscription.itemIds.includes(itemId)) &&
    !subscription.mutedItemIds.includes(itemId)
  );
}

/** The title of an item, or its id when the data no longer has it. */
export function titleOf(reminders: ReminderServices, itemId: string): string {
  return reminders.items.find((item) => item.id === itemId)?.title ?? itemId;
}

/** The item with this id, or the one a task without a date of its own is reminded by (the next one still ahead). */
function itemFor(reminders: ReminderServices, id: string, today: string): RemindableItem | undefined {
  const own = reminders.items.find((item) => item.id === id);
  if (own) return own;
  const related = reminders.items.filter((item) => item.taskId === id);
  return related.find((item) => item.date >= today) ?? related.at(-1);
}

/** Why there is nothing to remind of: a known task or date without a day, or nothing known by that id. */
function noItemText(context: DialogContext, id: string): string {
  const dated = datedItems(context.knowledge).find((item) => item.id === id);
  if (dated?.precision === 'month') {
    const month = formatDate(`${dated.date}-01`, context.language, 'month');
    return say(
      context,
      `${dated.title} har kun en måned (${month}), ikke en dag, så jeg kan ikke minde om den.`,
      `${dated.title} only has a month (${month}), not a day, so I cannot remind you of it.`,
    );
  }
  const task = findTask(context.knowledge, id);
  if (task)
    return say(
      context,
      `${task.title} har ingen deadline i mine data, så der er intet at minde om.`,
      `${task.title} has no deadline in my data, so there is nothing to remind you of.`,
    );
  return unknownItemText(context);
}

function unknownItemText(context: DialogContext): string {
  return say(
    context,
    'Den opgave eller frist kender jeg ikke. Skriv fx "påmind os om BBR". Intet er ændret.',
    'I don\'t know that task or deadline. Try e.g. "remind us about BBR". Nothing was changed.',
  );
}

/** The answer to an item argument that is no id (too long, empty). */
export function unknownItemReplies(context: DialogContext): Reply[] {
  return notice(unknownItemText(context));
}

/** The item an argument names, or the reply that says why there is none. */
export function findItem(
  context: DialogContext,
  reminders: ReminderServices,
  id: string,
): { ok: true; item: RemindableItem } | { ok: false; replies: Reply[] } {
  const item = itemFor(reminders, id, copenhagenDate(context.turn.now));
  return item ? { ok: true, item } : { ok: false, replies: notice(noItemText(context, id)) };
}

/** The refusal where klikbot cannot write unprompted: the local web chat, answers in the HTTP response. */
export function unreachableReplies(context: DialogContext): Reply[] {
  return notice(
    say(
      context,
      'Jeg kan ikke skrive her af mig selv, så påmindelser virker kun i Teams og Slack. Skriv "påmind til" i en kanal eller chat med klikbot der. Intet er gemt.',
      'I cannot write here on my own, so reminders only work in Teams and Slack. Type "påmind til" in a channel or chat with klikbot there. Nothing was saved.',
    ),
  );
}

/** The answer where the conversation gets no reminders: nothing to stop, list or put off. */
export function notSubscribedReplies(context: DialogContext, what: string): Reply[] {
  const { You } = addressed(context);
  return notice(
    `${say(context, `${You} får ingen påmindelser her, så der er intet at ${what}.`, `This conversation gets no reminders, so there is nothing to ${what}.`)} ${say(context, 'Intet er ændret.', 'Nothing was changed.')}`,
    { buttons: [subscribeButton(context)] },
  );
}

/** "Mind os om deadlines": subscribes the conversation to every deadline. */
export function subscribeButton(context: DialogContext, itemId?: string): ReplyButton {
  const title = itemId
    ? say(context, 'Mind os om det', 'Remind us')
    : say(context, 'Mind os om deadlines', 'Remind us of deadlines');
  return dialogButton(title, REMINDER_DIALOGS.subscribe, itemId ? { itemId } : {});
}

/** "Vis påmindelser". */
export function listButton(context: DialogContext): ReplyButton {
  return dialogButton(say(context, 'Vis påmindelser', 'Show reminders'), REMINDER_DIALOGS.list);
}

/** "Stop påmindelser": ends every reminder here. */
export function unsubscribeButton(context: DialogContext): ReplyButton {
  return dialogButton(say(context, 'Stop påmindelser', 'Stop reminders'), REMINDER_DIALOGS.unsubscribe);
}

/** "Stop påmindelser for denne opgave" (or "… om denne frist" for a date that is no task). */
export function muteButton(context: DialogContext, item: RemindableItem): ReplyButton {
  const title = item.taskId
    ? say(context, 'Stop påmindelser for denne opgave', 'Stop reminders for this task')
    : say(context, 'Stop påmindelser om denne frist', 'Stop reminders about this date');
  return dialogButton(title, REMINDER_DIALOGS.mute, { itemId: item.id });
}

/** The start of a day in Copenhagen, from YYYY-MM-DD. */
export function dayOf(iso: string): DateTime {
  return DateTime.fromISO(iso, { zone: ZONE }).startOf('day');
}
