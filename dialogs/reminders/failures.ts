import { DateTime } from 'luxon';
import { ZONE } from '../../src/clock.js';
import type { Reply } from '../../src/core/types.js';
import type { DeliveryFailure, ReminderServices } from '../../src/reminders/types.js';
import type { DialogContext, ActionDialog } from '../types.js';
import { momentText, remindersUnavailable, titleOf } from './helpers.js';
import { say } from '../shared/say.js';
import { notice } from '../shared/replies.js';
import { isAdministrator } from '../membership/acting-for.js';

/** How many failures the list shows, newest first. */
const SHOWN = 20;
// A Teams conversation id runs to a hundred characters: the start tells them apart
const ID_SHOWN = 40;

const statusWords: Record<DeliveryFailure['status'], { da: string; en: string }> = {
  failed: { da: 'mislykkedes', en: 'failed' },
  gone: { da: 'klikbot har ikke længere adgang til samtalen', en: 'klikbot no longer has access to the conversation' },
  dead: { da: 'samtalen modtager ikke mere', en: 'the conversation receives no more' },
  unknown: { da: 'uvist om den kom frem', en: 'unknown whether it arrived' },
};

function shortId(id: string): string {
  return id.length > ID_SHOWN ? `${id.slice(0, ID_SHOWN)}…` : id;
}

function failureLine(context: DialogContext, reminders: ReminderServices, failure: DeliveryFailure): string {
  const at = DateTime.fromISO(failure.at, { zone: ZONE });
  const when = at.isValid ? momentText(at, context.language) : failure.at;
  const status = say(context, statusWords[failure.status].da, statusWords[failure.status].en);
  const attempts = say(
    context,
    `${failure.attempts} forsøg`,
    `${failure.attempts} attempt${failure.attempts === 1 ? '' : 's'}`,
  );
  const reason = failure.reason.trim() === '' ? '' : `: ${failure.reason}`;
  return `${when} · ${titleOf(reminders, failure.itemId)} → ${failure.channel} ${shortId(failure.conversationId)} · ${status}, ${attempts}${reason}`;
}

/** Reminders that did not arrive, newest first, with why: for administrators only. */
export const reminderFailures: ActionDialog = async (context, _args, services) => {
  const reminders = services.reminders;
  if (!reminders) return remindersUnavailable(context);
  if (!isAdministrator(context.turn, services)) {
    return notice(
      say(context, 'Kun administratorer kan se fejl i påmindelserne.', 'Only administrators can see failed reminders.'),
    );
  }
  const failures = reminders.failures(SHOWN);
  if (failures.length === 0)
    return [
      { text: say(context, 'Ingen fejl: alle påmindelser er kommet frem.', 'No failures: every reminder arrived.') },
    ];
  const intro = say(
    context,
    `De seneste ${failures.length} påmindelser, der ikke kom frem:`,
    `The latest ${failures.length} reminders that did not arrive:`,
  );
  const list = failures.map((failure) => failureLine(context, reminders, failure));
  const reply: Reply = {
    heading: say(context, 'Fejl i påmindelser', 'Failed reminders'),
    text: [intro, ...list.map((line) => `- ${line}`)].join('\n'),
    intro,
    list,
  };
  return [reply];
};
