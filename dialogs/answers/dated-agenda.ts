import { formatDate } from '../../src/core/format.js';
import type { Reply } from '../../src/core/types.js';
import type { DialogContext } from '../types.js';
import { agendaCard, clockIndex } from './agenda.js';
import { say } from '../shared/say.js';
import { joinAnd } from '../shared/text.js';

const MAILBOX = 'mbprogrammet@kombit.dk';

/** "6., 12. og 14. september 2018": the days whose programmes the material has. */
function knownDays(context: DialogContext): string {
  return joinAnd(
    context.knowledge.meetings.map((meeting) => formatDate(meeting.date, context.language)),
    context.language,
  );
}

/**
 * "hvad er programmet for mødet i november?": the programme of the meeting in the span asked
 * about, or an honest "I don't know" where the material has none (the November meeting's
 * programme is not published), naming the days it has and where to ask.
 */
export function agendaOn(context: DialogContext, span: { start: string; end: string }): Reply[] {
  const meeting = context.knowledge.meetings.find((one) => one.date >= span.start && one.date <= span.end);
  if (meeting) return [agendaCard(context, { meeting, current: clockIndex(meeting, context.turn.now) })];
  return noMeetingOn(context, span, {
    da: 'Programmet',
    daKnown: 'programmerne',
    en: 'the programme',
    enKnown: 'the programmes',
  });
}

/**
 * "Programmet for et møde i november 2018 kender jeg ikke: materialet har kun …": what the
 * material does not give for a meeting on days it has none, naming the days it has.
 */
export function noMeetingOn(
  context: DialogContext,
  span: { start: string; end: string },
  what: { da: string; daKnown: string; en: string; enKnown: string },
): Reply[] {
  const month = span.start.endsWith('-01') && span.start.slice(0, 7) === span.end.slice(0, 7);
  const asked = month
    ? say(context, 'i ', 'in ') + formatDate(span.start, context.language, 'month')
    : say(context, 'den ', 'on ') + formatDate(span.start, context.language);
  return [
    {
      notKnown: true,
      text: say(
        context,
        `${what.da} for et møde ${asked} kender jeg ikke: materialet har kun ${what.daKnown} for ${knownDays(context)}. Spørg ${MAILBOX}.`,
        `I don't know ${what.en} of a meeting ${asked}: the material only has ${what.enKnown} of ${knownDays(context)}. Ask ${MAILBOX}.`,
      ),
    },
  ];
}
