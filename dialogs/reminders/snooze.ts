import type { DateTime } from 'luxon';
import { z } from 'zod';
import type { Reply } from '../../src/core/types.js';
import { copenhagenDate } from '../../src/knowledge/queries.js';
import { isoDate } from '../../src/knowledge/common.js';
import type { RemindableItem, ReminderServices } from '../../src/reminders/types.js';
import { firstWorkingDayAfter, isWorkingDay, REMINDER_HOUR } from '../../src/reminders/working-days.js';
import type { DeepReadonly, ReminderSubscription } from '../../src/state/schema.js';
import type { DialogContext, ActionDialog } from '../types.js';
import {
  addressed,
  dayOf,
  findItem,
  hereOf,
  itemIdSchema,
  listButton,
  momentText,
  muteButton,
  notSubscribedReplies,
  remindersUnavailable,
  unknownItemReplies,
} from './helpers.js';
import { REMINDER_DIALOGS } from '../names.js';
import { say } from '../shared/say.js';
import { dialogButton } from '../shared/buttons.js';
import { notice } from '../shared/replies.js';
import { actorOf } from '../membership/acting-for.js';

const snoozeArgs = z.object({ itemId: itemIdSchema.optional(), date: isoDate.optional() });
const muteArgs = z.object({ itemId: itemIdSchema });

type Subscription = DeepReadonly<ReminderSubscription>;
type Checked = { ok: true; item: RemindableItem; subscription: Subscription } | { ok: false; replies: Reply[] };

/**
 * When a snoozed reminder comes again: 09:00 on the first working day after today ("i
 * morgen" on a Friday is Monday), or on the day asked for ("på mandag"), moved to the first
 * working day on or after it.
 */
export function snoozeUntil(now: DateTime, askedFor?: string): DateTime {
  const today = copenhagenDate(now);
  let day = firstWorkingDayAfter(dayOf(today));
  if (askedFor !== undefined && askedFor > (day.toISODate() ?? '')) {
    day = dayOf(askedFor);
    if (!isWorkingDay(day)) day = firstWorkingDayAfter(day);
  }
  return day.set({ hour: REMINDER_HOUR });
}

/** The item is one the conversation follows and has not stopped; else the reply that says so. */
function followedItem(
  context: DialogContext,
  reminders: ReminderServices,
  itemId: string,
  verb: { da: string; en: string },
): Checked {
  const here = hereOf(context.turn);
  const subscription = reminders.subscriptions.get(here.channel, here.conversationId);
  if (!subscription) return { ok: false, replies: notSubscribedReplies(context, say(context, verb.da, verb.en)) };
  const found = findItem(context, reminders, itemId);
  if (!found.ok) return found;
  const { item } = found;
  const { You } = addressed(context);
  if (subscription.mutedItemIds.includes(item.id)) {
    return {
      ok: false,
      replies: notice(
        say(
          context,
          `Påmindelserne om ${item.title} er stoppet her. Intet er ændret.`,
          `Reminders about ${item.title} are stopped here. Nothing was changed.`,
        ),
      ),
    };
  }
  if (subscription.itemIds !== undefined && !subscription.itemIds.includes(item.id)) {
    return {
      ok: false,
      replies: notice(
        say(
          context,
          `${You} får ingen påmindelser om ${item.title} her. Intet er ændret.`,
          `This conversation gets no reminders about ${item.title}. Nothing was changed.`,
        ),
      ),
    };
  }
  return { ok: true, item, subscription };
}

/** The item a typed "mind mig igen i morgen" means: the reminder last sent here. */
function lastSentItem(
  context: DialogContext,
  reminders: ReminderServices,
): { ok: true; itemId: string } | { ok: false; replies: Reply[] } {
  const here = hereOf(context.turn);
  const last = reminders.lastSentTo(here.channel, here.conversationId);
  if (last) return { ok: true, itemId: last.itemId };
  const text = say(
    context,
    'Jeg har ikke sendt nogen påmindelse her endnu, så der er ingen at udsætte. Nævn opgaven, fx "mind os om BBR igen i morgen". Intet er ændret.',
    'I have sent no reminder here yet, so there is none to put off. Name the task, e.g. "remind us about BBR tomorrow". Nothing was changed.',
  );
  return { ok: false, replies: notice(text) };
}

/**
 * Puts one reminder off ("Mind mig i morgen"): it comes again at 09:00 on the next working
 * day, or the day asked for. Typed without a task, it is the reminder last sent here.
 */
export const reminderSnooze: ActionDialog = async (context, args, services) => {
  const reminders = services.reminders;
  if (!reminders) return remindersUnavailable(context);
  const parsed = snoozeArgs.safeParse(args);
  if (!parsed.success) return unknownItemReplies(context);
  const here = hereOf(context.turn);
  if (!reminders.subscriptions.get(here.channel, here.conversationId))
    return notSubscribedReplies(context, say(context, 'udsætte', 'put off'));
  const named =
    parsed.data.itemId !== undefined
      ? { ok: true as const, itemId: parsed.data.itemId }
      : lastSentItem(context, reminders);
  if (!named.ok) return named.replies;
  const checked = followedItem(context, reminders, named.itemId, { da: 'udsætte', en: 'put off' });
  if (!checked.ok) return checked.replies;
  const { item } = checked;
  const until = snoozeUntil(context.turn.now, parsed.data.date);
  await reminders.subscriptions.snooze({ ...here, itemId: item.id, until, by: actorOf(context.turn) });
  const { you } = addressed(context);
  return [
    {
      text: say(
        context,
        `Jeg minder ${you} om **${item.title}** igen ${momentText(until, 'da')}.`,
        `I will remind you of **${item.title}** again on ${momentText(until, 'en')}.`,
      ),
      buttons: [muteButton(context, item), listButton(context)],
    },
  ];
};

/**
 * Stops one item's reminders in this conversation ("Stop påmindelser for denne opgave"); the
 * others keep coming. The undo button subscribes to the item again.
 */
export const reminderMute: ActionDialog = async (context, args, services) => {
  const reminders = services.reminders;
  if (!reminders) return remindersUnavailable(context);
  const parsed = muteArgs.safeParse(args);
  if (!parsed.success) return unknownItemReplies(context);
  const checked = followedItem(context, reminders, parsed.data.itemId, { da: 'stoppe', en: 'stop' });
  if (!checked.ok) return checked.replies;
  const { item } = checked;
  const here = hereOf(context.turn);
  await reminders.subscriptions.mute(here.channel, here.conversationId, item.id, actorOf(context.turn));
  return [
    {
      text: say(
        context,
        `Stoppet: ingen flere påmindelser om **${item.title}** her. Andre påmindelser kommer som før.`,
        `Stopped: no more reminders about **${item.title}** here. Other reminders come as before.`,
      ),
      buttons: [
        dialogButton(say(context, 'Fortryd', 'Undo'), REMINDER_DIALOGS.subscribe, { itemId: item.id }),
        listButton(context),
      ],
    },
  ];
};
