import { z } from 'zod';
import { formatDate } from '../../src/core/format.js';
import type { Reply } from '../../src/core/types.js';
import type { Dialog } from '../types.js';
import { itemTimes } from './agenda.js';
import { notUnderstood } from './help.js';
import { say } from '../shared/say.js';
import { ANSWER_DIALOGS } from '../names.js';
import { dialogButton } from '../shared/buttons.js';

// "programledermoede-2018-09-12#6|programledermoede-2018-09-14#6"
const itemsArgs = z.object({
  items: z
    .string()
    .max(500)
    .regex(/^[a-z0-9-]+#\d{1,2}(\|[a-z0-9-]+#\d{1,2})*$/),
});

/** " (5 min.)": how long a point lasts, which "hvor lang tid er der sat af?" asks; nothing where the programme's times run backwards. */
function minutesOf(start: string, end: string): string {
  const minutes = (time: string) => Number(time.slice(0, -3)) * 60 + Number(time.slice(-2));
  const length = minutes(end) - minutes(start);
  return length > 0 ? ` (${length} min.)` : '';
}

/**
 * 'meeting-items' {items}: the points of a meeting's programme a question asked about, each
 * with its day, time and presenter ("hvem præsenterer Organisation på onsdagsmødet?"), with
 * the whole programme a button away.
 */
export const meetingItems: Dialog = (context, args) => {
  const parsed = itemsArgs.safeParse(args);
  if (!parsed.success) return notUnderstood(context, {});
  const titles = new Set<string>();
  const lines = parsed.data.items.split('|').flatMap((key) => {
    const [meetingId = '', index = ''] = key.split('#');
    const meeting = context.knowledge.meetings.find((candidate) => candidate.id === meetingId);
    const item = meeting?.agenda[Number(index)];
    if (!meeting || !item) return [];
    titles.add(meeting.title);
    const who =
      'presenter' in item && typeof item.presenter === 'string'
        ? say(context, ` (${item.presenter})`, ` (${item.presenter})`)
        : '';
    // "11.10–10.20 (sådan står det i programmet, formentlig menes 11.10–11.20)": the seed's slip said as such
    const { times, note } = itemTimes(context, meeting, Number(index));
    const at = say(context, `kl. ${times}`, `at ${times}`) + (note ? ` (${note})` : minutesOf(item.start, item.end));
    return [`${formatDate(meeting.date, context.language)} ${at}: **${item.title}**${who}`];
  });
  if (lines.length === 0) return notUnderstood(context, {});
  const heading = say(context, 'På programmet', 'On the programme');
  // the card shows the points as its list: above them, which meeting's programme they are from
  const intro = say(
    context,
    `Fra programmet for ${[...titles].join(' og ')}:`,
    `From the programme of ${[...titles].join(' and ')}:`,
  );
  const reply: Reply = {
    heading,
    text: [heading, intro, ...lines].join('\n'),
    intro,
    list: lines,
    buttons: [dialogButton(say(context, 'Hele programmet', 'The whole programme'), ANSWER_DIALOGS.agendaToday)],
  };
  return [reply];
};
