import type { Reply } from '../../src/core/types.js';
import { formatDate } from '../../src/core/format.js';
import { copenhagenDate, meetingInstant, upcomingMeetings, type Meeting } from '../../src/knowledge/queries.js';
import type { DialogContext } from '../types.js';
import { joinAnd } from '../shared/text.js';
import { say, sourceLine } from '../shared/say.js';
import { dialogButton } from '../shared/buttons.js';
import { listReply } from '../shared/replies.js';
import { MEETING_DIALOGS } from '../names.js';
import { clockTime } from './agenda.js';

/** The meeting asked about: in the days named, else today's, else the next. */
function meetingAsked(context: DialogContext, start?: string, end?: string): Meeting | undefined {
  const { meetings } = context.knowledge;
  if (start !== undefined) return meetings.find((meeting) => meeting.date >= start && meeting.date <= (end ?? start));
  const today = copenhagenDate(context.turn.now);
  return meetings.find((meeting) => meeting.date === today) ?? upcomingMeetings(context.knowledge, context.turn.now)[0];
}

/** "Lyden testes kl. 09.50 og 09.55, før mødet starter kl. 10.00": every test, also one already held, for whoever asks. */
function soundTests(context: DialogContext, meeting: Meeting): string[] {
  if (meeting.soundTestMinutesBefore.length === 0) return [];
  const opens = meetingInstant(meeting, meeting.start);
  const times = [...meeting.soundTestMinutesBefore]
    .sort((a, b) => b - a)
    .map((minutes) => clockTime(opens.minus({ minutes })));
  return [
    say(
      context,
      `Lyden testes kl. ${joinAnd(times, 'da')}, før mødet starter kl. ${meeting.start}.`,
      `Sound check at ${joinAnd(times, 'en')}, before the meeting starts at ${meeting.start}.`,
    ),
  ];
}

/**
 * The practical side of a programme leader meeting, asked about ("hvornår tester vi lyd?",
 * "hvem står bag mødet?", "hvad gør jeg, hvis jeg vil have ordet?"): when and where, the
 * sound tests, the hosts and how to take part, as the material gives them.
 */
export function meetingPractical(context: DialogContext, start?: string, end?: string): Reply[] | undefined {
  const meeting = meetingAsked(context, start, end);
  if (!meeting) return undefined;
  const day = formatDate(meeting.date, context.language);
  const intro = say(
    context,
    `**${meeting.title}** ${day} kl. ${meeting.start}–${meeting.end} på ${meeting.medium}.`,
    `**${meeting.title}** on ${day}, ${meeting.start}–${meeting.end} on ${meeting.medium}.`,
  );
  const hosts =
    meeting.hosts.length > 0
      ? [say(context, `Værter: ${joinAnd(meeting.hosts, 'da')}.`, `Hosts: ${joinAnd(meeting.hosts, 'en')}.`)]
      : [];
  return [
    listReply({
      heading: say(context, 'Det praktiske', 'Practicalities'),
      intro,
      list: [...soundTests(context, meeting), ...hosts, ...meeting.etiquette],
      source: sourceLine(context, meeting.source.label),
      buttons: [dialogButton(say(context, 'Dagens program', "Today's agenda"), MEETING_DIALOGS.agenda)],
    }),
  ];
}
