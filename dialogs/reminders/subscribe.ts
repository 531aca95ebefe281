import { z } from 'zod';
import type { Reply } from '../../src/core/types.js';
import { copenhagenDate } from '../../src/knowledge/queries.js';
import { occurrencesOf } from '../../src/reminders/schedule.js';
import type { RemindableItem, ReminderServices, UpcomingReminder } from '../../src/reminders/types.js';
import type { DeepReadonly, ReminderSubscription } from '../../src/state/schema.js';
import type { DialogContext, ActionDialog, ActionServices } from '../types.js';
import { joinAnd } from '../shared/text.js';
import {
  addressed,
  decidingMunicipality,
  findItem,
  follows,
  hereOf,
  itemDateText,
  itemIdSchema,
  linkHint,
  listButton,
  momentText,
  notSubscribedReplies,
  remindersUnavailable,
  subscribeButton,
  titleOf,
  unknownItemReplies,
  unreachableReplies,
  unsubscribeButton,
  reminderDaysText,
} from './helpers.js';
import { say } from '../shared/say.js';
import { notice } from '../shared/replies.js';
import { actorOf } from '../membership/acting-for.js';

// "14,7,1": the days before each date this conversation wants, instead of the data's
const daysArg = z
  .string()
  .regex(/^\d{1,3}(,\d{1,3}){0,9}$/)
  .transform((text) => text.split(',').map(Number))
  .pipe(z.array(z.int().min(0).max(365)).min(1).max(10));
const subscribeArgs = z.object({ itemId: itemIdSchema.optional(), days: daysArg.optional() });

type Subscription = DeepReadonly<ReminderSubscription>;

/** "De kommer 30, 14, 7 og 1 dag før kl. 9.00 (…), og første arbejdsdag efter, hvis …". */
function whenLine(context: DialogContext, days: readonly number[] | undefined, withAfter: boolean): string {
  const moved = say(
    context,
    'en weekend eller helligdag flyttes til hverdagen før',
    'a weekend or public holiday moves to the working day before',
  );
  const which = days
    ? reminderDaysText(days, context.language)
    : say(context, 'på hver frists egne dage', 'on each date’s own days');
  const after = withAfter
    ? say(
        context,
        ', og første arbejdsdag efter en opgaves frist, hvis den ikke er meldt fuldført',
        ', and on the first working day after a task’s deadline if it has not been reported done',
      )
    : '';
  return say(
    context,
    `Påmindelserne kommer ${which} kl. 9.00 (${moved})${after}.`,
    `They come ${which} at 9:00 (${moved})${after}.`,
  );
}

/** The days every followed item is reminded on, when they are the same for all. */
function commonDays(items: readonly RemindableItem[], subscription: Subscription): readonly number[] | undefined {
  if (subscription.days) return subscription.days;
  const [first, ...rest] = items;
  if (!first) return undefined;
  return rest.every((item) => item.days.join() === first.days.join()) ? first.days : undefined;
}

/** Who decides when a task's reminders stop, or how to make that so. */
function statusLine(
  context: DialogContext,
  services: ActionServices,
  subscription: Subscription,
  item?: RemindableItem,
): string {
  if (item && item.taskId === undefined) {
    return say(
      context,
      'Fristen hører ikke til en KLIK-opgave med status, så påmindelserne kommer uanset status.',
      'The date belongs to no KLIK task with a status, so the reminders come whatever the status.',
    );
  }
  const municipality = decidingMunicipality(context, services, subscription);
  if (!municipality) return linkHint(context);
  if (item)
    return say(
      context,
      `Kun så længe ${municipality.name} ikke har meldt den fuldført.`,
      `Only as long as ${municipality.name} has not reported it done.`,
    );
  return say(
    context,
    `Påmindelser om en opgave stopper, når ${municipality.name} har meldt den fuldført.`,
    `A task's reminders stop once ${municipality.name} has reported it done.`,
  );
}

function nextLine(context: DialogContext, next: UpcomingReminder | undefined): string {
  if (!next)
    return say(context, 'Der er ingen påmindelser på vej lige nu.', 'No reminders are on their way right now.');
  return say(
    context,
    `Den næste: ${momentText(next.at, 'da')} om ${next.title}.`,
    `The next one: ${momentText(next.at, 'en')} about ${next.title}.`,
  );
}

function allConfirmation(
  context: DialogContext,
  services: ActionServices,
  reminders: ReminderServices,
  subscription: Subscription,
  already: boolean,
): Reply {
  const { you, You } = addressed(context);
  const today = copenhagenDate(context.turn.now);
  const ahead = reminders.items.filter((item) => item.date >= today);
  const intro = already
    ? say(
        context,
        `${You} får allerede påmindelser om alle deadlines her:`,
        'This conversation already gets reminders of every deadline:',
      )
    : say(context, `Jeg minder ${you} om alle deadlines her:`, 'I will remind you of every deadline here:');
  const list = ahead.map((item) => `${item.title}: ${itemDateText(context, item)}`);
  const muted = subscription.mutedItemIds.map((id) => titleOf(reminders, id));
  const after = [
    whenLine(
      context,
      commonDays(ahead, subscription),
      ahead.some((item) => item.taskId !== undefined),
    ),
    nextLine(context, reminders.upcoming(subscription.channel, subscription.conversationId, 1)[0]),
    statusLine(context, services, subscription),
    ...(muted.length > 0
      ? [say(context, `Stadig stoppet her: ${joinAnd(muted, 'da')}.`, `Still stopped here: ${joinAnd(muted, 'en')}.`)]
      : []),
  ];
  return confirmation(context, intro, list, after);
}

function itemConfirmation(
  context: DialogContext,
  services: ActionServices,
  reminders: ReminderServices,
  subscription: Subscription,
  item: RemindableItem,
  already: boolean,
): Reply {
  const { you, You } = addressed(context);
  const what = `**${item.title}**, ${itemDateText(context, item)}`;
  const intro = already
    ? say(context, `${You} får allerede påmindelser om ${what}.`, `You already get reminders about ${what}.`)
    : say(context, `Jeg minder ${you} om ${what}.`, `I will remind you of ${what}.`);
  const next = reminders
    .upcoming(subscription.channel, subscription.conversationId, 100)
    .find((reminder) => reminder.itemId === item.id);
  const after = [
    whenLine(context, subscription.days ?? item.days, item.taskId !== undefined),
    nextLine(context, next),
    statusLine(context, services, subscription, item),
  ];
  return confirmation(context, intro, [], after);
}

function confirmation(context: DialogContext, intro: string, list: string[], after: string[]): Reply {
  return {
    heading: say(context, 'Påmindelser ✓', 'Reminders ✓'),
    text: [intro, ...list.map((line) => `- ${line}`), ...after].join('\n'),
    intro,
    // a notification shows what was set up, not every reminder to come
    summary: intro,
    ...(list.length > 0 ? { list } : {}),
    outro: after.join('\n'),
    buttons: [listButton(context), unsubscribeButton(context)],
  };
}

/** Whether any reminder about the item is still to come (the last one may be after the date). */
function stillAhead(context: DialogContext, item: RemindableItem, days: readonly number[]): boolean {
  const last = occurrencesOf(item, days).at(-1);
  return last !== undefined && last.at > context.turn.now;
}

/**
 * Subscribes the conversation to reminders: every deadline, or one (`itemId`: a deadline, or
 * a task, which is reminded by its own date or the one related to it). Refused where klikbot
 * cannot write unprompted. A personal chat keeps the person's municipality; in a group the
 * conversation's link decides when it is sent. The confirmation says what comes when.
 */
export const reminderSubscribe: ActionDialog = async (context, args, services) => {
  const reminders = services.reminders;
  if (!reminders) return remindersUnavailable(context);
  const parsed = subscribeArgs.safeParse(args);
  if (!parsed.success && parsed.error.issues.some((issue) => issue.path[0] === 'days')) return badDaysReplies(context);
  if (!parsed.success) return unknownItemReplies(context);
  const { turn } = context;
  const here = hereOf(turn);
  if (!reminders.reachable(here.channel, here.conversationId)) return unreachableReplies(context);
  const found = parsed.data.itemId === undefined ? undefined : findItem(context, reminders, parsed.data.itemId);
  if (found && !found.ok) return found.replies;
  const item = found?.item;
  const before = reminders.subscriptions.get(here.channel, here.conversationId);
  const days = parsed.data.days;
  if (item && !stillAhead(context, item, days ?? before?.days ?? item.days)) {
    const what = `${item.title} (${itemDateText(context, item)})`;
    return notice(
      say(
        context,
        `Datoen er passeret: ${what}. Der kommer ikke flere påmindelser om den. Intet er gemt.`,
        `The date has passed: ${what}. No more reminders will come about it. Nothing was saved.`,
      ),
    );
  }
  const municipalityId = turn.conversation.isGroup
    ? undefined
    : services.memberships.get(turn.conversation.channel, turn.user.id)?.municipalityId;
  const { subscription } = await reminders.subscriptions.subscribe({
    ...here,
    ...(municipalityId ? { municipalityId } : {}),
    ...(item ? { itemId: item.id } : {}),
    ...(days ? { days } : {}),
    by: actorOf(turn),
  });
  // in a channel everyone should know what klikbot will post there
  const confirmation = item
    ? itemConfirmation(
        context,
        services,
        reminders,
        subscription,
        item,
        before !== undefined && follows(before, item.id),
      )
    : allConfirmation(context, services, reminders, subscription, before !== undefined && before.itemIds === undefined);
  return [{ ...confirmation, broadcast: true }];
};

function badDaysReplies(context: DialogContext): Reply[] {
  return notice(
    say(
      context,
      "Dagene skal være hele tal fra 0 til 365 adskilt af komma, højst 10, fx 'påmind til 14,7,1'. Intet er gemt.",
      "The days must be whole numbers from 0 to 365 separated by commas, at most 10, e.g. 'påmind til 14,7,1'. Nothing was saved.",
    ),
  );
}

/** Ends every reminder in the conversation (and those put off); says so when there were none. */
export const reminderUnsubscribe: ActionDialog = async (context, _args, services) => {
  const reminders = services.reminders;
  if (!reminders) return remindersUnavailable(context);
  const here = hereOf(context.turn);
  const removed = await reminders.subscriptions.unsubscribe(here.channel, here.conversationId);
  if (!removed) return notSubscribedReplies(context, say(context, 'stoppe', 'stop'));
  const { subject } = addressed(context);
  return [
    {
      text: say(
        context,
        `Påmindelserne er stoppet. Jeg sender ikke flere her, heller ikke dem, ${subject} havde udsat.`,
        'Reminders are stopped. I will send no more here, including any you had put off.',
      ),
      buttons: [subscribeButton(context)],
      broadcast: true,
    },
  ];
};
