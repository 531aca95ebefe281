import { DateTime } from 'luxon';
import { DANISH_MONTHS } from '../../lib/months.js';
import { SheetProblem, requireColumns, type Sheet } from './sheets.js';

/** The data files as JSON, by file name ("tasks.json"), each `{ about, records }`. */
export type DataFiles = Record<string, { about?: string; records: Record<string, unknown>[] }>;

/** What an import changes, a line a change, with the record's id. */
export interface Change {
  file: string;
  id: string;
  kind: 'added' | 'changed' | 'removed';
  what: string;
}

/** The sheets read, by name, and the columns each must have. */
export const SHEETS = {
  deadlines: { name: 'Frister', columns: ['Id', 'Dato'] },
  extract: { name: 'KLIK-udtræk', columns: ['Opgave', 'Trin', 'Ikke påbegyndt', 'Påbegyndt', 'Fuldført', 'Udtræk'] },
  overview: { name: 'Implementeringsoverblik', columns: ['It-system', 'Støttesystem', 'Snitflade', 'Tilstand'] },
} as const;

/** A date cell as YYYY-MM-DD (or YYYY-MM where `month` allows a month alone), else why not. */
function dateOf(sheet: Sheet, row: number, column: string, text: string, month = false): string {
  // a month typed into Excel comes back as its first day
  if (month && /^\d{4}-(0[1-9]|1[0-2])-01$/.test(text)) return text.slice(0, 7);
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(text)
    ? DateTime.fromISO(text)
    : DateTime.fromFormat(text, 'd.M.yyyy').isValid
      ? DateTime.fromFormat(text, 'd.M.yyyy')
      : DateTime.fromFormat(text, 'd-M-yyyy');
  if (iso.isValid) return iso.toISODate();
  if (month && /^\d{4}-(0[1-9]|1[0-2])$/.test(text)) return text;
  throw new SheetProblem(sheet.name, row, column, `"${text}" er ikke en dato (skriv fx 2018-11-01 eller 1.11.2018)`);
}

function countOf(sheet: Sheet, row: number, column: string, text: string): number {
  if (!/^\d{1,3}$/.test(text)) throw new SheetProblem(sheet.name, row, column, `"${text}" er ikke et antal`);
  return Number(text);
}

/** The Frister sheet: a task's deadline or a dated fact's date, by id. */
function applyDeadlines(sheet: Sheet, files: DataFiles, changes: Change[]): void {
  requireColumns(sheet, SHEETS.deadlines.columns);
  const tasks = files['tasks.json']!.records;
  const dated = files['deadlines.json']!.records;
  for (const { row, cells } of sheet.rows) {
    const id = cells.Id ?? '';
    const task = tasks.find((record) => record.id === id);
    const fact = dated.find((record) => record.id === id);
    if (!task && !fact)
      throw new SheetProblem(sheet.name, row, 'Id', `"${id}" er hverken en KLIK-opgave eller en frist`);
    const date = dateOf(sheet, row, 'Dato', cells.Dato ?? '', fact?.precision === 'month');
    const record = (task ?? fact)!;
    const field = task ? 'deadline' : 'date';
    if (record[field] === date) continue;
    changes.push({
      file: task ? 'tasks.json' : 'deadlines.json',
      id,
      kind: 'changed',
      what: `${field} ${typeof record[field] === 'string' ? record[field] : '–'} → ${date}`,
    });
    record[field] = date;
  }
}

/** "KLIK-udtræk 4. september 2018": the label the answers cite an extract by. */
function extractLabel(iso: string): string {
  const day = DateTime.fromISO(iso);
  return `KLIK-udtræk ${day.day}. ${DANISH_MONTHS[day.month - 1]} ${day.year}`;
}

/** The KLIK-udtræk sheet: a task step's counts and the extract's date. */
function applyExtract(sheet: Sheet, files: DataFiles, changes: Change[], municipalities: number): void {
  requireColumns(sheet, SHEETS.extract.columns);
  const records = files['bbr-status.json']!.records;
  for (const { row, cells } of sheet.rows) {
    const step = Number(cells.Trin);
    const record = records.find((one) => one.task === cells.Opgave && one.step === step);
    if (!record)
      throw new SheetProblem(
        sheet.name,
        row,
        'Opgave',
        `"${cells.Opgave ?? ''}" trin ${cells.Trin ?? ''} har ingen status i data`,
      );
    const counts = {
      notStarted: countOf(sheet, row, 'Ikke påbegyndt', cells['Ikke påbegyndt'] ?? ''),
      started: countOf(sheet, row, 'Påbegyndt', cells['Påbegyndt'] ?? ''),
      done: countOf(sheet, row, 'Fuldført', cells['Fuldført'] ?? ''),
    };
    const total = counts.notStarted + counts.started + counts.done;
    if (total !== municipalities)
      throw new SheetProblem(sheet.name, row, 'Fuldført', `tallene giver ${total}, ikke de ${municipalities} kommuner`);
    const asOf = dateOf(sheet, row, 'Udtræk', cells.Udtræk ?? '');
    const source = record.source as { asOf: string; label: string };
    const before = record.counts as typeof counts;
    const same =
      before.notStarted === counts.notStarted && before.started === counts.started && before.done === counts.done;
    if (same && source.asOf === asOf) continue;
    changes.push({
      file: 'bbr-status.json',
      id: String(record.id),
      kind: 'changed',
      what: `${before.notStarted}/${before.started}/${before.done} (${source.asOf}) → ${counts.notStarted}/${counts.started}/${counts.done} (${asOf})`,
    });
    record.counts = counts;
    record.source = { ...source, asOf, label: extractLabel(asOf) };
  }
}

type Row = Sheet['rows'][number];

/** The overview's rows without an interface: which support systems each IT system listed must use. */
function applyLinks(rows: Row[], files: DataFiles, changes: Change[]): void {
  const systems = files['it-systems.json']!.records;
  const wanted = new Map<string, Set<string>>();
  for (const { cells } of rows) {
    const system = cells['It-system']!;
    wanted.set(system, (wanted.get(system) ?? new Set()).add(cells['Støttesystem']!));
  }
  for (const [system, want] of wanted) {
    const record = systems.find((one) => one.id === system)!;
    const links = record.supportSystems as { supportSystem: string; basis: string[] }[];
    for (const link of links.filter((one) => !want.has(one.supportSystem)))
      changes.push({
        file: 'it-systems.json',
        id: system,
        kind: 'removed',
        what: `skal ikke længere anvende ${link.supportSystem}`,
      });
    const added = [...want].filter((support) => !links.some((link) => link.supportSystem === support));
    for (const support of added)
      changes.push({ file: 'it-systems.json', id: system, kind: 'added', what: `skal anvende ${support}` });
    record.supportSystems = [
      ...links.filter((link) => want.has(link.supportSystem)),
      ...added.map((supportSystem) => ({ supportSystem, basis: ['implementation-overview'] })),
    ];
  }
}

const USAGE_STATE = /^(gennemført|i gang|ny|\d{4})$/;

/** The overview's rows with an interface: the IT systems that must use it, each with its state. */
function applyInterfaces(sheet: Sheet, rows: Row[], files: DataFiles, changes: Change[]): void {
  const interfaces = files['interfaces.json']!.records;
  const wanted = new Map<string, Map<string, string>>();
  for (const { row, cells } of rows) {
    const named = cells.Snitflade!;
    const found = interfaces.find((one) => one.id === named.toLowerCase() || one.code === named);
    if (!found) throw new SheetProblem(sheet.name, row, 'Snitflade', `"${named}" er ikke en snitflade i data`);
    if (found.supportSystem !== cells['Støttesystem'])
      throw new SheetProblem(
        sheet.name,
        row,
        'Støttesystem',
        `${String(found.code)} hører til ${String(found.supportSystem)}`,
      );
    const state = cells.Tilstand ?? '';
    if (!USAGE_STATE.test(state))
      throw new SheetProblem(
        sheet.name,
        row,
        'Tilstand',
        `"${state}" er ikke "gennemført", "i gang", "ny" eller et år`,
      );
    const id = String(found.id);
    wanted.set(id, (wanted.get(id) ?? new Map<string, string>()).set(cells['It-system']!, state));
  }
  for (const [id, want] of wanted) {
    const record = interfaces.find((one) => one.id === id)!;
    const users = record.users as { itSystem: string; state: string }[];
    for (const user of users) {
      const state = want.get(user.itSystem);
      if (state === undefined)
        changes.push({
          file: 'interfaces.json',
          id,
          kind: 'removed',
          what: `${user.itSystem} skal ikke længere anvende den`,
        });
      else if (state !== user.state)
        changes.push({
          file: 'interfaces.json',
          id,
          kind: 'changed',
          what: `${user.itSystem}: ${user.state} → ${state}`,
        });
    }
    for (const [system, state] of want)
      if (!users.some((user) => user.itSystem === system))
        changes.push({ file: 'interfaces.json', id, kind: 'added', what: `${system} skal anvende den (${state})` });
    record.users = [...want].map(([itSystem, state]) => ({ itSystem, state }));
  }
}

/**
 * The Implementeringsoverblik sheet: a row an IT system and a support system, and where it names
 * an interface (code or id), the IT system's state on it ("gennemført", "i gang", "ny" or a year).
 */
function applyOverview(sheet: Sheet, files: DataFiles, changes: Change[]): void {
  requireColumns(sheet, SHEETS.overview.columns);
  const systems = new Set(files['it-systems.json']!.records.map((record) => String(record.id)));
  const supports = new Set(files['support-systems.json']!.records.map((record) => String(record.id)));
  for (const { row, cells } of sheet.rows) {
    if (!systems.has(cells['It-system'] ?? ''))
      throw new SheetProblem(sheet.name, row, 'It-system', `"${cells['It-system'] ?? ''}" er ikke et it-system i data`);
    if (!supports.has(cells['Støttesystem'] ?? ''))
      throw new SheetProblem(
        sheet.name,
        row,
        'Støttesystem',
        `"${cells['Støttesystem'] ?? ''}" er ikke et støttesystem i data`,
      );
  }
  applyLinks(
    sheet.rows.filter((one) => !one.cells.Snitflade),
    files,
    changes,
  );
  applyInterfaces(
    sheet,
    sheet.rows.filter((one) => one.cells.Snitflade),
    files,
    changes,
  );
}

/**
 * The data files with the sheets read into them, and what changed; a cell that cannot be read is
 * refused (SheetProblem) with its sheet, row and column. Sheets of other names are left alone.
 */
export function applySheets(sheets: readonly Sheet[], current: DataFiles): { files: DataFiles; changes: Change[] } {
  const files = structuredClone(current);
  const changes: Change[] = [];
  const municipalities = files['municipalities.json']!.records.length;
  for (const sheet of sheets) {
    if (sheet.name === SHEETS.deadlines.name) applyDeadlines(sheet, files, changes);
    else if (sheet.name === SHEETS.extract.name) applyExtract(sheet, files, changes, municipalities);
    else if (sheet.name === SHEETS.overview.name) applyOverview(sheet, files, changes);
  }
  return { files, changes };
}
