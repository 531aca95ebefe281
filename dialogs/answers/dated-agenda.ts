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
  const month = span.start.endsWith('-01') && span.start.slice(0, 7) === span.end.slice(0, 7);
  const asked = month
    ? say(context, 'i ', 'in ') + formatDate(span.start, context.language, 'month')
    : say(context, 'den ', 'on ') + formatDate(span.start, context.language);
  return [
    {
      notKnown: true,
      text: say(
        context,
        `Programmet for et møde ${asked} kender jeg ikke: materialet har kun programmerne for ${knownDays(context)}. Spørg ${MAILBOX}.`,
        `I don't know the programme of a meeting ${asked}: the material only has the programmes of ${knownDays(context)}. Ask ${MAILBOX}.`,
      ),
    },
  ];
}
