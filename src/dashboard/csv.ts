import type { Knowledge } from '../knowledge/registry.js';
import { spreadsheetCsv } from '../lib/csv.js';
import type { DeepReadonly, State } from '../state/schema.js';
import { STATUS_CSV_COLUMNS, statusCsvRows } from '../status/export-csv.js';
import type { BoardFilter } from './board.js';
import { sapaGroups } from './board.js';
import type { DeadlineLine } from './deadlines.js';
import type { MeetingsView } from './meetings.js';
import type { ColumnProgress } from './progress.js';
import { seesMunicipality, type Viewer } from './viewer.js';

/**
 * The board as the chat's status export gives it (the same columns), narrowed to the rows the
 * viewer may see and the filter keeps: what a spreadsheet of the page would hold.
 */
export function boardCsv(
  knowledge: Knowledge,
  state: Pick<DeepReadonly<State>, 'statusUpdates'>,
  filter: BoardFilter,
  viewer: Viewer,
): string {
  const groups = sapaGroups(knowledge);
  const rows = statusCsvRows(state, knowledge).filter(
    (row) =>
      seesMunicipality(viewer, row.kommune_id) &&
      (filter.group === undefined || groups.get(row.kommune_id) === filter.group) &&
      (filter.taskId === undefined || row.opgave_id === filter.taskId) &&
      (filter.step === undefined || row.trin === String(filter.step)),
  );
  return spreadsheetCsv([
    [...STATUS_CSV_COLUMNS],
    ...rows.map((row) => STATUS_CSV_COLUMNS.map((column) => row[column])),
  ]);
}

/** The progress figures, a line per task or step and source, each with its as-of date (the reports': `asOf`). */
export function progressCsv(progress: readonly ColumnProgress[], asOf: string): string {
  const header = [
    'opgave_id',
    'trin',
    'kilde',
    'pr_dato',
    'fuldfoert',
    'paabegyndt',
    'ikke_paabegyndt',
    'kommuner_talt',
  ];
  const lines = progress.flatMap((line) => {
    const trin = line.column.step === undefined ? '' : String(line.column.step);
    const counts = (c: ColumnProgress['reported']) => [String(c.done), String(c.started), String(c['not-started'])];
    const rows: string[][] = [];
    if (line.baseline)
      rows.push([
        line.column.taskId,
        trin,
        'KLIK',
        line.baseline.asOf,
        ...counts(line.baseline.counts),
        String(line.municipalities),
      ]);
    rows.push([line.column.taskId, trin, 'klikbot', asOf, ...counts(line.reported), String(line.reporting)]);
    return rows;
  });
  return spreadsheetCsv([header, ...lines]);
}

/**
 * The deadlines' timeline as the page shows it. The days are two columns, to go and gone, so
 * each is a plain number: a field starting with "-" is written as text, lest it run as a formula.
 */
export function deadlinesCsv(lines: readonly DeadlineLine[]): string {
  const header = [
    'id',
    'titel',
    'dato',
    'dage_til',
    'dage_siden',
    'tilstand',
    'opgave_id',
    'kommuner_ikke_meldt_fuldfoert',
    'kommunen_meldt_fuldfoert',
    'kilde',
  ];
  return spreadsheetCsv([
    header,
    ...lines.map((line) => [
      line.id,
      line.title,
      line.date,
      line.days === undefined || line.days < 0 ? '' : String(line.days),
      line.days === undefined || line.days >= 0 ? '' : String(-line.days),
      line.state,
      line.taskId ?? '',
      line.open === undefined ? '' : String(line.open),
      line.doneByMunicipality === undefined ? '' : line.doneByMunicipality ? 'ja' : 'nej',
      line.source,
    ]),
  ]);
}

/** The evaluations' and polls' figures, a line each. */
export function meetingsCsv(view: MeetingsView): string {
  const header = ['slags', 'id', 'navn', 'dato', 'aaben', 'svar', 'gennemsnit', 'resultat'];
  const evaluations = view.evaluations.map((evaluation) => [
    'evaluering',
    evaluation.id,
    evaluation.meetingTitle ?? '',
    evaluation.date,
    evaluation.open ? 'ja' : 'nej',
    String(evaluation.summary.answers),
    evaluation.summary.average === undefined ? '' : evaluation.summary.average.toFixed(2),
    evaluation.summary.distribution.join(' '),
  ]);
  const polls = view.polls.map((poll) => [
    'afstemning',
    poll.id,
    poll.question,
    poll.at,
    poll.open ? 'ja' : 'nej',
    poll.results ? String(poll.results.voters) : '',
    '',
    poll.results ? poll.results.options.map((option) => `${option.label}: ${option.votes}`).join('; ') : '',
  ]);
  return spreadsheetCsv([header, ...evaluations, ...polls]);
}
