/**
 * Writes every municipality's status on every KLIK task and step as CSV (for KOMBIT's
 * reporting), from the state file and knowledge that KLIKBOT_DB and KLIKBOT_DATA name: the
 * same bytes as GET /api/status.csv, BOM included so that Excel shows æøå.
 *
 * Run: npm run export:status                      writes klikbot-status-<date>.csv where npm was run
 *      npm run export:status -- --out status.csv   writes that file
 *      npm run --silent export:status -- --out -   writes to stdout (--silent keeps npm's banner out)
 */
import { access, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createClock } from '../src/clock.js';
import { loadConfig } from '../src/config.js';
import { KlikbotError } from '../src/errors.js';
import { loadKnowledge } from '../src/knowledge/loader.js';
import { statusCsv, statusCsvRows } from '../src/status/export-csv.js';
import { readConfiguredState } from '../src/open-data.js';
import { UTF8_BOM } from '../src/lib/csv.js';

/** A mistake in how the script was run: shown without a stack. */
class UsageError extends Error {}

async function existingStatePath(statePath: string): Promise<string> {
  try {
    await access(statePath);
  } catch (cause) {
    // openStore would create an empty state here, and export 98 municipalities "not started"
    // from what is only a wrong path
    throw new UsageError(`There is no state file at ${statePath}. Set KLIKBOT_DB to the file klikbot runs with.`, {
      cause,
    });
  }
  return statePath;
}

async function main(): Promise<void> {
  let out: string | undefined;
  try {
    out = parseArgs({ options: { out: { type: 'string' } } }).values.out;
  } catch (cause) {
    throw new UsageError(
      `${cause instanceof Error ? cause.message : String(cause)}\nUsage: npm run export:status [-- --out file.csv | -- --out -]`,
      { cause },
    );
  }
  const config = loadConfig();
  const knowledge = await loadKnowledge(config.knowledgeDir);
  // only read: nothing is written to a file or database a running klikbot may own
  if (!config.databaseUrl) await existingStatePath(config.statePath);
  const state = await readConfiguredState(config);
  const text = UTF8_BOM + statusCsv(state, knowledge);
  if (out === '-') {
    process.stdout.write(text);
    return;
  }
  // a file by default: npm prints its own banner on stdout, which would land in a redirected CSV
  const date = createClock(config.startAt).now().toISODate();
  // npm runs scripts in the project's folder; a relative name means the folder npm was run from
  const outFile = path.resolve(process.env.INIT_CWD ?? process.cwd(), out ?? `klikbot-status-${date}.csv`);
  await mkdir(path.dirname(outFile), { recursive: true });
  await writeFile(outFile, text, 'utf8');
  process.stderr.write(`Wrote ${statusCsvRows(state, knowledge).length} rows to ${outFile}\n`);
}

try {
  await main();
} catch (error) {
  const known = error instanceof UsageError || error instanceof KlikbotError;
  process.stderr.write(
    `Cannot export the statuses: ${known ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
}
