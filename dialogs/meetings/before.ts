import { Duration, type DateTime } from 'luxon';
import { ZONE } from '../../src/clock.js';
import type { Notifier } from '../../src/core/notifier.js';
import type { Language, Reply } from '../../src/core/types.js';
import { meetingInstant, type Meeting } from '../../src/knowledge/queries.js';
import type { Knowledge } from '../../src/knowledge/registry.js';
import type { Logger } from '../../src/logger.js';
import type { MeetingReminderRepository } from '../../src/state/meeting-reminders.js';
import { clockTime } from '../answers/agenda.js';
import { joinAnd } from '../shared/text.js';
import { say } from '../shared/say.js';

/**
 * The reminders before a meeting, in each conversation that asked for them ("mind os om
 * mødet"): 15 minutes before it starts, and at each of its sound tests (the seed's 09.50 and
 * 09.55 for a 10.00 start). Each moment is sent once per conversation: what was sent is
 * remembered, so a restart or a second tick sends nothing twice.
 */

/** How long before the start the first reminder comes. */
export const REMIND_BEFORE = Duration.fromObject({ minutes: 15 });

/** How late a reminder is still sent: one about a sound test long past (klikbot was down) would only confuse. */
export const REMIND_WITHIN = Duration.fromObject({ minutes: 5 });

/** A moment to remind at: 15 minutes before, or a sound test. */
export interface ReminderMoment {
  at: DateTime;
  kind: 'soon' | 'sound';
  /** The key it is remembered by once sent: "<meeting id>@<instant>". */
  key: string;
}

/** The meeting's moments, earliest first; a sound test at the 15-minute mark is one moment, the sound test. */
export function reminderMoments(meeting: Meeting): ReminderMoment[] {
  const opens = meetingInstant(meeting, meeting.start);
  const sound = meeting.soundTestMinutesBefore.map((minutes) => opens.minus({ minutes }));
  const soon = opens.minus(REMIND_BEFORE);
  const all = [
    ...(sound.some((at) => +at === +soon) ? [] : [{ at: soon, kind: 'soon' as const }]),
    ...sound.map((at) => ({ at, kind: 'sound' as const })),
  ];
  return all
    .sort((a, b) => +a.at - +b.at)
    .map((moment) => ({ ...moment, key: `${meeting.id}@${moment.at.toISO() ?? ''}` }));
}

/** " (om 13 minutter)": from the minute the reminder goes out (a late tick too) to the start; nothing once it is past. */
function untilStart(language: Language, meeting: Meeting, now: DateTime): string {
  const opens = meetingInstant(meeting, meeting.start);
  const minutes = Math.round(opens.diff(now.startOf('minute'), 'minutes').minutes);
  if (minutes <= 0) return '';
  if (minutes === 1) return say({ language }, ' (om 1 minut)', ' (in 1 minute)');
  return say({ language }, ` (om ${minutes} minutter)`, ` (in ${minutes} minutes)`);
}

/**
 * "⏰ **…** starter kl. 10.00 på Skype (om 15 minutter). Lyden testes kl. 09.50 og 09.55." or
 * the sound test's line; `now` is when it goes out, which a late tick puts after its moment.
 */
export function reminderText(language: Language, meeting: Meeting, moment: ReminderMoment, now: DateTime): string {
  const context = { language };
  const starts = say(
    context,
    `**${meeting.title}** starter kl. ${meeting.start} på ${meeting.medium}`,
    `**${meeting.title}** starts at ${meeting.start} on ${meeting.medium}`,
  );
  if (moment.kind === 'sound')
    return say(
      context,
      `🔊 Lydtest nu (kl. ${clockTime(moment.at)}): ${starts}.`,
      `🔊 Sound check now (${clockTime(moment.at)}): ${starts}.`,
    );
  const tests = reminderMoments(meeting)
    .filter((other) => other.kind === 'sound' && other.at > now)
    .map((other) => clockTime(other.at));
  const sound =
    tests.length === 0
      ? ''
      : say(context, ` Lyden testes kl. ${joinAnd(tests, 'da')}.`, ` Sound check at ${joinAnd(tests, 'en')}.`);
  return `⏰ ${starts}${untilStart(language, meeting, now)}.${sound}`;
}

/** What the reminders before meetings need. */
export interface BeforeMeetingDeps {
  reminders: MeetingReminderRepository;
  knowledge: Knowledge;
  notifier: Notifier;
  logger: Logger;
}

/** The moments of today's meetings due at `now`: reached, and not yet more than `REMIND_WITHIN` past. */
function dueMoments(knowledge: Knowledge, now: DateTime): { meeting: Meeting; moment: ReminderMoment }[] {
  const today = now.setZone(ZONE).toISODate();
  return knowledge.meetings
    .filter((meeting) => meeting.date === today)
    .flatMap((meeting) => reminderMoments(meeting).map((moment) => ({ meeting, moment })))
    .filter(({ moment }) => moment.at <= now && now < moment.at.plus(REMIND_WITHIN));
}

/** Sends each conversation that asked the reminders due now, once each. */
export async function beforeMeetingWork(deps: BeforeMeetingDeps, now: DateTime): Promise<void> {
  const due = dueMoments(deps.knowledge, now);
  if (due.length === 0) return;
  for (const subscription of deps.reminders.all()) {
    const key = { channel: subscription.channel, conversationId: subscription.conversationId };
    for (const { meeting, moment } of due) {
      if (subscription.sent.includes(moment.key)) continue;
      // only the latest due moment: two at once (klikbot was down) would say the same twice
      if (due.some((other) => other.meeting === meeting && other.moment.at > moment.at)) continue;
      const reply: Reply = { text: reminderText(subscription.language ?? 'da', meeting, moment, now), broadcast: true };
      const sent = await deps.notifier.send(key, [reply]);
      // a passing failure is tried again next tick, while the moment is still due
      if (sent.status === 'failed') {
        deps.logger.warn(
          { ...key, moment: moment.key },
          'a reminder before the meeting failed; trying again next tick',
        );
        continue;
      }
      await deps.reminders.markSent(key, moment.key);
    }
  }
}
