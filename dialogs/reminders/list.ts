import type { Reply, ReplyButton } from '../../src/core/types.js';
import type { ReminderServices, UpcomingReminder } from '../../src/reminders/types.js';
import type { DeepReadonly, ReminderSubscription } from '../../src/state/schema.js';
import type { DialogContext, ActionDialog, ActionServices } from '../types.js';
import { joinAnd, shortDate } from '../shared/text.js';
import {
  addressed,
  decidingMunicipality,
  hereOf,
  linkHint,
  momentText,
  remindersUnavailable,
  subscribeButton,
  titleOf,
  unreachableReplies,
  unsubscribeButton,
  reminderDaysText,
} from './helpers.js';
import { say } from '../shared/say.js';

/** How many coming reminders the list shows. */
const SHOWN = 5;

function upcomingLine(context: DialogContext, reminder: UpcomingReminder): string {
  const date = shortDate(reminder.date, context.language);
  const why =
    reminder.kind === 'snooze'
      ? say(context, 'udsat', 'put off')
      : reminder.kind === 'after'
        ? say(context, `efter fristen ${date}, hvis den ikke er fuldført`, `after the date ${date}, if not done`)
        : say(context, `frist ${date}`, `date ${date}`);
  return `${momentText(reminder.at, context.language)}: ${reminder.title} (${why})`;
}

function whatLine(
  context: DialogContext,
  reminders: ReminderServices,
  subscription: DeepReadonly<ReminderSubscription>,
): string {
  const { You } = addressed(context);
  const days = subscription.days
    ? say(context, `, ${reminderDaysText(subscription.days, 'da')}`, `, ${reminderDaysText(subscription.days, 'en')}`)
    : '';
  if (subscription.itemIds === undefined)
    return say(
      context,
      `${You} får påmindelser om alle deadlines her${days}.`,
      `This conversation gets reminders of every deadline${days}.`,
    );
  const titles = joinAnd(
    subscription.itemIds.map((id) => titleOf(reminders, id)),
    context.language,
  );
  return say(
    context,
    `${You} får påmindelser om ${titles} her${days}.`,
    `This conversation gets reminders about ${titles}${days}.`,
  );
}

function listedReply(
  context: DialogContext,
  services: ActionServices,
  reminders: ReminderServices,
  subscription: DeepReadonly<ReminderSubscription>,
): Reply {
  const here = hereOf(context.turn);
  const coming = reminders.upcoming(here.channel, here.conversationId, SHOWN);
  const intro = whatLine(context, reminders, subscription);
  const list = coming.map((reminder) => upcomingLine(context, reminder));
  const muted = subscription.mutedItemIds.map((id) => titleOf(reminders, id));
  const municipality = decidingMunicipality(context, services, subscription);
  const after = [
    ...(coming.length === 0
      ? [say(context, 'Der er ingen påmindelser på vej.', 'No reminders are on their way.')]
      : []),
    ...(muted.length > 0
      ? [say(context, `Stoppet her: ${joinAnd(muted, 'da')}.`, `Stopped here: ${joinAnd(muted, 'en')}.`)]
      : []),
    municipality
      ? say(
          context,
          `Påmindelser om en opgave stopper, når ${municipality.name} har meldt den fuldført.`,
          `A task's reminders stop once ${municipality.name} has reported it done.`,
        )
      : linkHint(context),
  ];
  const buttons: ReplyButton[] = [unsubscribeButton(context)];
  if (subscription.itemIds !== undefined) buttons.unshift(subscribeButton(context));
  return {
    heading: say(context, 'Påmindelser her', 'Reminders here'),
    text: [intro, ...list.map((line) => `- ${line}`), ...after].join('\n'),
    intro,
    // a notification shows what was set up, not every reminder to come
    summary: intro,
    ...(list.length > 0 ? { list } : {}),
    outro: after.join('\n'),
    buttons,
  };
}

/**
 * The reminders this conversation gets: what it follows, the next ones with their times,
 * what it stopped and whose status decides. Where it gets none, how to start them.
 */
export const reminderList: ActionDialog = async (context, _args, services) => {
  const reminders = services.reminders;
  if (!reminders) return remindersUnavailable(context);
  const here = hereOf(context.turn);
  const subscription = reminders.subscriptions.get(here.channel, here.conversationId);
  if (subscription) return [listedReply(context, services, reminders, subscription)];
  if (!reminders.reachable(here.channel, here.conversationId)) return unreachableReplies(context);
  const { You } = addressed(context);
  return [
    {
      text: say(
        context,
        `${You} får ingen påmindelser her. Tryk på knappen eller skriv "mind os om deadlines" for at få dem før hver deadline.`,
        'This conversation gets no reminders. Press the button or type "remind us" to get them before each deadline.',
      ),
      buttons: [subscribeButton(context)],
    },
  ];
};
