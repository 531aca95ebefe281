import type { Alarm } from 'ics';
import { formatDate } from '../core/format.js';
import { datedItems, type DatedItem } from '../knowledge/queries/dated-items.js';
import type { Knowledge } from '../knowledge/registry.js';
import { escapeText } from './fold.js';
import { allDay, joinLines, monthOnly, uidOf, type FeedEntry } from './feed-entry.js';
import { taskStanding, type MunicipalityView, type TaskStanding } from './municipality-view.js';

/** The mark a done task's summary gets in a municipality's calendar. */
export const DONE_MARK = '✓ ';

/** What the date means, in Danish: "Skal være gjort inden …", "Senest …", "Dato: …". */
export function relationLine(item: Pick<DatedItem, 'date' | 'precision' | 'relation' | 'kind'>): string {
  const when = formatDate(item.date, 'da', item.precision);
  if (item.precision === 'month') {
    if (item.relation === 'before') return `Skal være gjort inden ${when}.`;
    if (item.relation === 'by') return `Senest i ${when}.`;
    return `I løbet af ${when}; dagen er ikke oplyst.`;
  }
  if (item.relation === 'before') return `Skal være gjort inden ${when}.`;
  if (item.relation === 'by') return item.kind === 'task' ? `KLIK-opgave med frist senest ${when}.` : `Senest ${when}.`;
  return `Dato: ${when}.`;
}

/**
 * Reminders at 09:00 Copenhagen time 7 days and 1 day before. An all-day event starts at
 * local midnight, so 09:00 the day before is 15 hours earlier, and that holds across a
 * summer-time change because clients read a date-only start in the user's own zone.
 */
export function deadlineAlarms(title: string): Alarm[] {
  return [
    {
      action: 'display',
      description: escapeText(`Om 7 dage: ${title}`),
      trigger: { before: true, days: 6, hours: 15 },
    },
    { action: 'display', description: escapeText(`I morgen: ${title}`), trigger: { before: true, hours: 15 } },
  ];
}

function seedText(knowledge: Knowledge, item: DatedItem): string | undefined {
  if (item.kind === 'task') return knowledge.tasks.find((task) => task.id === item.id)?.description;
  return knowledge.deadlines.find((deadline) => deadline.id === item.id)?.description;
}

function standingOf(
  knowledge: Knowledge,
  item: DatedItem,
  view: MunicipalityView | undefined,
): TaskStanding | undefined {
  const task = item.taskId === undefined ? undefined : knowledge.tasks.find((t) => t.id === item.taskId);
  return view && task ? taskStanding(view, task) : undefined;
}

/**
 * One dated item as an all-day event; in a municipality's calendar with its status, and quiet
 * once done. A month-only date is a tentative marker without alarms: there is no day to warn of.
 */
function deadlineEntry(knowledge: Knowledge, item: DatedItem, view: MunicipalityView | undefined): FeedEntry {
  const standing = standingOf(knowledge, item, view);
  const statusLine =
    view && standing ? `Status for ${view.municipality.name} (meldt til klikbot): ${standing.text}.` : undefined;
  const done = standing?.done === true;
  const undated = item.precision === 'month' ? monthOnly(item.title, item.date) : undefined;
  // "I løbet af oktober 2018" only repeats the month; "inden"/"senest" says what the month means
  const relation = undated && item.relation === 'on' ? undefined : relationLine(item);
  return {
    uid: uidOf(item.id),
    title: `${done ? DONE_MARK : ''}${undated?.title ?? item.title}`,
    ...allDay(item.date, item.precision),
    description: joinLines([
      undated?.note,
      relation,
      statusLine,
      seedText(knowledge, item),
      `Kilde: ${item.source.label}`,
    ]),
    categories: ['Frist'],
    transp: 'TRANSPARENT',
    busyStatus: 'FREE',
    ...(undated ? { status: undated.status } : {}),
    ...(done || undated ? {} : { alarms: deadlineAlarms(item.title) }),
  };
}

/** Every task deadline and every record of deadlines.json, as all-day events with alarms. */
export function deadlineEntries(knowledge: Knowledge, view?: MunicipalityView): FeedEntry[] {
  return datedItems(knowledge).map((item) => deadlineEntry(knowledge, item, view));
}
