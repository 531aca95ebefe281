import { mkdtemp, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadKnowledge } from '../loader.js';
import { applySheets, SHEETS, type Change, type DataFiles } from './apply.js';
import { readCsv, readWorkbook, SheetProblem, type Sheet } from './sheets.js';
import { PER_MUNICIPALITY } from './statuses.js';

/** The data directory's JSON files, as they are now. */
async function readDataFiles(dir: string): Promise<DataFiles> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.json'));
  const entries = await Promise.all(
    names.map(async (name) => [name, JSON.parse(await readFile(path.join(dir, name), 'utf8'))] as const),
  );
  return Object.fromEntries<DataFiles[string]>(entries as [string, DataFiles[string]][]);
}

/** A CSV file is one sheet: the one whose columns its first line has. */
function csvSheetName(text: string): string {
  const header = text.split(/\r?\n/)[0] ?? '';
  const found = [PER_MUNICIPALITY, ...Object.values(SHEETS)].find((sheet) =>
    sheet.columns.every((column) => header.includes(column)),
  );
  return found?.name ?? '(ukendt CSV)';
}

/** The sheets of a workbook (.xlsx) or of a CSV file. */
export async function readSheets(file: string): Promise<Sheet[]> {
  const bytes = await readFile(file);
  if (file.toLowerCase().endsWith('.csv')) {
    const text = bytes.toString('utf8');
    return [readCsv(text, csvSheetName(text))];
  }
  return readWorkbook(bytes);
}

/** What an import would do: the changes, and the files as they would be. Refuses what does not validate. */
export interface ImportPlan {
  changes: Change[];
  files: DataFiles;
  /** The file names whose content changes. */
  changed: string[];
}

/**
 * Reads the sheets into the data of `dir` and checks the result with the same schemas and
 * reference checks as at start, in a copy: `dir` itself is not touched. Throws a SheetProblem
 * for a cell that cannot be read, and the loader's KlikbotError for data that does not validate.
 */
export async function planImport(file: string, dir: string): Promise<ImportPlan> {
  const current = await readDataFiles(dir);
  const sheets = await readSheets(file);
  const known = new Set<string>([...Object.values(SHEETS).map((sheet) => sheet.name), PER_MUNICIPALITY.name]);
  // a file with none of the sheets read nothing: that is no "no changes"
  if (!sheets.some((sheet) => known.has(sheet.name)))
    throw new SheetProblem(
      path.basename(file),
      undefined,
      undefined,
      `ingen af arkene ${[...known].join(', ')} (fandt: ${sheets.map((sheet) => sheet.name).join(', ') || 'ingen'})`,
    );
  const { files, changes } = applySheets(sheets, current);
  const changed = Object.keys(files).filter((name) => JSON.stringify(files[name]) !== JSON.stringify(current[name]));
  const copy = await mkdtemp(path.join(tmpdir(), 'klikbot-import-'));
  try {
    await Promise.all(
      Object.entries(files).map(([name, content]) => writeFile(path.join(copy, name), jsonText(content))),
    );
    await loadKnowledge(copy);
  } finally {
    await rm(copy, { recursive: true, force: true });
  }
  return { changes, files, changed };
}

/** A data file as the repository keeps them: two spaces, a line break at the end. */
export function jsonText(content: unknown): string {
  return `${JSON.stringify(content, null, 2)}\n`;
}

/** The changes as a person reads them: one line each, with the file and id. */
export function diffText(changes: readonly Change[]): string {
  if (changes.length === 0) return 'Ingen ændringer: data er som regnearket.';
  const signs = { added: '+', changed: '~', removed: '-' };
  return changes.map((change) => `${signs[change.kind]} ${change.file} ${change.id}: ${change.what}`).join('\n');
}

/**
 * Writes the changed files into `dir`: each to a temporary file beside it first, then all moved
 * into place, so a failure while writing leaves every file whole (old or new) and a reload never
 * reads one half-written.
 */
export async function writePlan(plan: ImportPlan, dir: string): Promise<void> {
  const temporary = plan.changed.map((name) => ({ name, temp: path.join(dir, `.${name}.import-${process.pid}`) }));
  try {
    for (const { name, temp } of temporary) await writeFile(temp, jsonText(plan.files[name]));
  } catch (error) {
    await Promise.all(temporary.map(({ temp }) => rm(temp, { force: true })));
    throw error;
  }
  for (const { name, temp } of temporary) await rename(temp, path.join(dir, name));
}
