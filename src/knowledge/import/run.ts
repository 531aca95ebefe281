import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadKnowledge } from '../loader.js';
import { applySheets, SHEETS, type Change, type DataFiles } from './apply.js';
import { readCsv, readWorkbook, type Sheet } from './sheets.js';

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
  const found = Object.values(SHEETS).find((sheet) => sheet.columns.every((column) => header.includes(column)));
  return found?.name ?? path.basename('csv');
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
  const { files, changes } = applySheets(await readSheets(file), current);
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

/** Writes the changed files into `dir`. */
export async function writePlan(plan: ImportPlan, dir: string): Promise<void> {
  for (const name of plan.changed) await writeFile(path.join(dir, name), jsonText(plan.files[name]));
}
