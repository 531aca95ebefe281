import type { Reply } from '../../src/core/types.js';
import { formatDate } from '../../src/core/format.js';
import { copenhagenDate, upcomingMeetings, type Meeting } from '../../src/knowledge/queries.js';
import type { DialogContext } from '../types.js';
import { joinAnd } from '../shared/text.js';
import { say, sourceLine } from '../shared/say.js';
import { dialogButton } from '../shared/buttons.js';
import { listReply } from '../shared/replies.js';
import { MEETING_DIALOGS } from '../names.js';
import { soundTestText } from './agenda.js';
import { noMeetingOn } from './dated-agenda.js';

/** The meeting asked about: the first in the days named that is not over, else today's, else the next. */
function meetingAsked(context: DialogContext, start?: string, end?: string): Meeting | undefined {
  const { meetings } = context.knowledge;
  const today = copenhagenDate(context.turn.now);
  if (start !== undefined) {
    const named = meetings.filter((meeting) => meeting.date >= start && meeting.date <= (end ?? start));
    return named.find((meeting) => meeting.date >= today) ?? named[0];
  }
  return meetings.find((meeting) => meeting.date === today) ?? upcomingMeetings(context.knowledge, context.turn.now)[0];
}

/**
 * The practical side of a programme leader meeting, asked about ("hvornår tester vi lyd?",
 * "hvem står bag mødet?", "hvad gør jeg, hvis jeg vil have ordet?"): when and where, the
 * sound tests, the hosts and how to take part, as the material gives them.
 */
export function meetingPractical(context: DialogContext, start?: string, end?: string): Reply[] | undefined {
  const meeting = meetingAsked(context, start, end);
  // "hvem er værter på mødet i november?": the material has no such meeting's practicalities
  if (!meeting && start !== undefined)
    return noMeetingOn(
      context,
      { start, end: end ?? start },
      {
        da: 'Værter, lydtest og det praktiske',
        daKnown: 'dem',
        en: 'the hosts, sound tests and practicalities',
        enKnown: 'them',
      },
    );
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
      list: [
        ...[soundTestText(context, meeting, { includePast: true })].filter(Boolean),
        ...hosts,
        ...meeting.etiquette,
      ],
      ...(context.language === 'en' ? { after: ['(How to take part, in Danish as the material says it.)'] } : {}),
      source: sourceLine(context, meeting.source.label),
      buttons: [dialogButton(say(context, 'Dagens program', "Today's agenda"), MEETING_DIALOGS.agenda)],
    }),
  ];
}
