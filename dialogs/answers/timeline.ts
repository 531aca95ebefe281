import { daysUntil, formatDate } from '../../src/core/format.js';
import { datedItems, firstDay, lastDay, type DatedItem } from '../../src/knowledge/queries.js';
import { queryWords } from '../../src/understanding/query-words.js';
import { factSearchFor } from '../../src/understanding/search/fact-search.js';
import type { Dialog, DialogContext } from '../types.js';
import { dateText, whenText } from './deadlines.js';
import { eventDays, eventLine } from './events.js';
import { spanText } from '../shared/text.js';
import { say, sourcesLine } from '../shared/say.js';
import { dialogButton } from '../shared/buttons.js';
import { listReply, unknownReply } from '../shared/replies.js';
import { spanArgs } from '../shared/args.js';
import { ANSWER_DIALOGS } from '../names.js';

/** One dated thing, whatever its kind, placed on the timeline. */
interface Entry {
  first: string;
  last: string;
  line: string;
  source: string;
}

// a deadline still ahead says how far off it is ("om 9 dage"), as the upcoming deadlines do
function deadlineEntries(context: DialogContext): Entry[] {
  const ahead = (item: DatedItem) => (daysUntil(item.date, context.turn.now) >= 0 ? whenText(context, item) : '');
  return datedItems(context.knowledge).map((item) => ({
    first: firstDay(item),
    last: lastDay(item),
    line: `${dateText(context, item)}${ahead(item)} · ${say(context, 'Frist', 'Deadline')}: ${item.title}`,
    source: item.source.label,
  }));
}

function eventEntries(context: DialogContext): Entry[] {
  return context.knowledge.events.map((event) => ({
    ...eventDays(event),
    line: eventLine(context, event),
    source: event.source.label,
  }));
}

function meetingEntries(context: DialogContext): Entry[] {
  return context.knowledge.meetings.map((meeting) => ({
    first: meeting.date,
    last: meeting.date,
    line: `${formatDate(meeting.date, context.language)} ${say(context, 'kl.', 'at')} ${meeting.start}–${meeting.end}: ${meeting.title}`,
    source: meeting.source.label,
  }));
}

function newsEntries(context: DialogContext): Entry[] {
  return context.knowledge.news.flatMap((item) =>
    item.dates.map((dated) => {
      // a month-long news date ("KIGO lukker oktober 2018") covers the month
      const entry = {
        date: dated.date,
        precision: dated.date.length === 7 ? ('month' as const) : ('day' as const),
        relation: dated.relation === 'before' ? ('before' as const) : ('on' as const),
      };
      return {
        first: firstDay(entry),
        last: lastDay(entry),
        line: `${dateText(context, { ...entry, id: item.id, title: dated.what, kind: 'deadline', responsibleRoles: [], source: item.source })} · ${say(context, 'Nyt', 'News')}: ${dated.what} (${item.title})`,
        source: item.source.label,
      };
    }),
  );
}

const calendarWord =
  /^(januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december|january|february|march|may|june|july|october|mandag|tirsdag|onsdag|torsdag|fredag|monday|tuesday|wednesday|thursday|friday|uge|ugen|week|maaned|month)$/;

/**
 * What happens at a meeting in the span that the question's other words point at: "hvornår
 * er SKI-punktet den 12. september?" is the 12 September run's agenda item, not the whole day.
 */
function agendaHits(context: DialogContext, start: string, end: string): string[] {
  const meetingIds = new Set(
    context.knowledge.meetings
      .filter((meeting) => meeting.date >= start && meeting.date <= end)
      .map((meeting) => meeting.id),
  );
  if (meetingIds.size === 0) return [];
  // the date's own words ("12. september") say when, not which point ("NYT september 2018")
  const tokens = queryWords(context.turn.text).tokens.filter(
    (token) => !/^\d+$/.test(token) && !calendarWord.test(token),
  );
  const result = factSearchFor(context.knowledge).search(tokens, {
    within: (passage) =>
      passage.kind === 'meetings' && meetingIds.has(passage.recordId) && passage.field.startsWith('agenda.'),
  });
  const best = result.hits[0];
  return best && best.coverage >= 0.3
    ? result.hits
        .filter((hit) => hit.score >= best.score * 0.8)
        .slice(0, 2)
        .map((hit) => hit.passage.text)
    : [];
}

/**
 * Everything dated in a span, each marked with its kind: deadlines, meetings and their
 * reruns, webinars and other events, and the dates in the news. "Hvad sker der i november?"
 */
export const timeline: Dialog = (context, args) => {
  const parsed = spanArgs.safeParse(args);
  if (!parsed.success) return unknownReply(context, 'Den periode forstår jeg ikke.', "I don't understand that period.");
  const { start, end } = parsed.data;
  const all = [
    ...deadlineEntries(context),
    ...meetingEntries(context),
    ...eventEntries(context),
    ...newsEntries(context),
  ];
  const inSpan = all
    .filter((entry) => entry.first <= end && entry.last >= start)
    .sort((a, b) => a.first.localeCompare(b.first));
  const seen = new Set<string>();
  const shown = inSpan.filter((entry) => !seen.has(entry.line) && seen.add(entry.line));
  const when = spanText(context, start, end);
  const pointed = agendaHits(context, start, end);
  const intro =
    shown.length === 0
      ? say(context, `Der sker ikke noget ${when} i mit materiale.`, `Nothing happens ${when} in my material.`)
      : say(
          context,
          `**${shown.length} ting** ${when}:`,
          `**${shown.length} ${shown.length === 1 ? 'thing' : 'things'}** ${when}:`,
        );
  return [
    listReply({
      heading: say(context, 'Tidslinje', 'Timeline'),
      intro: pointed.length > 0 ? `${pointed.map((line) => `**${line}**`).join('\n')}\n${intro}` : intro,
      list: shown.map((entry) => entry.line),
      source: sourcesLine(context, [...new Set(shown.map((entry) => entry.source))]),
      buttons: [
        dialogButton(say(context, 'Kommende deadlines', 'Upcoming deadlines'), ANSWER_DIALOGS.upcoming),
        dialogButton(say(context, 'Begivenheder', 'Events'), ANSWER_DIALOGS.events),
      ],
    }),
  ];
};
