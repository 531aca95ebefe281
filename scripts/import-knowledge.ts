/**
 * The quarterly refresh: reads the Implementeringsoverblik and the KLIK extract (an .xlsx
 * workbook with the sheets "Implementeringsoverblik", "KLIK-udtræk", "Frister" and "KLIK pr.
 * kommune", or one of them as CSV) into the knowledge (KLIKBOT_DATA) and, for the extract per
 * municipality, the status board (KLIKBOT_DB); checks the result as klikbot checks its data at
 * start, and prints what would change. Only with --write is anything written.
 *
 * Run: npm run import -- overblik.xlsx [--write]
 */
import { parseArgs } from 'node:util';
import { createClock } from '../src/clock.js';
import { loadConfig } from '../src/config.js';
import { KlikbotError } from '../src/errors.js';
import { diffText, planImport, readSheets, writePlan } from '../src/knowledge/import/run.js';
import { SheetProblem } from '../src/knowledge/import/sheets.js';
import { PER_MUNICIPALITY, planStatuses } from '../src/knowledge/import/statuses.js';
import { loadKnowledge } from '../src/knowledge/loader.js';
import { StatusRepository } from '../src/state/statuses.js';
import { openStore } from '../src/state/store.js';
import { klikbotIsRunning } from './running.js';

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { write: { type: 'boolean' } } });
  const [file] = positionals;
  if (!file)
    throw new SheetProblem('(ingen fil)', undefined, undefined, 'brug: npm run import -- overblik.xlsx [--write]');
  const write = values.write === true;
  const config = loadConfig();
  const dir = config.knowledgeDir;
  // everything is read and checked before anything is written: the data and the statuses go in together or not at all
  const plan = await planImport(file, dir);
  const perMunicipality = (await readSheets(file)).find((sheet) => sheet.name === PER_MUNICIPALITY.name);
  if (perMunicipality && (await klikbotIsRunning(config.host, config.port)))
    throw new SheetProblem(
      perMunicipality.name,
      undefined,
      undefined,
      `klikbot kører og ejer ${config.statePath}: stop den for at læse kommunernes status ind`,
    );
  const store = perMunicipality ? await openStore(config.statePath) : undefined;
  const statuses =
    perMunicipality && store
      ? planStatuses(perMunicipality, await loadKnowledge(dir), store.read().statusUpdates)
      : undefined;
  process.stdout.write(`${diffText(plan.changes)}\n`);
  if (statuses) {
    process.stdout.write(
      statuses.lines.length > 0 ? `${statuses.lines.join('\n')}\n` : 'Ingen ændringer i kommunernes status.\n',
    );
    if (statuses.newer > 0)
      process.stdout.write(`${statuses.newer} status er meldt i klikbot efter udtrækket og beholdes.\n`);
  }
  if (!write) {
    process.stdout.write('\nIntet er skrevet. Kør igen med --write for at skrive det.\n');
    return;
  }
  await writePlan(plan, dir);
  if (statuses && store) {
    const repository = new StatusRepository(store, createClock(config.startAt));
    for (const update of statuses.updates) await repository.record({ ...update, by: statuses.by });
  }
  const written = [
    ...plan.changed,
    ...(statuses && statuses.updates.length > 0 ? [`${statuses.updates.length} status i ${config.statePath}`] : []),
  ];
  if (written.length > 0) process.stdout.write(`\nSkrevet: ${written.join(', ')}.\n`);
}

try {
  await main();
} catch (error) {
  const known = error instanceof SheetProblem || error instanceof KlikbotError;
  process.stderr.write(
    `Intet er importeret: ${known ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
}
