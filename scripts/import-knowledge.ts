/**
 * The quarterly refresh: reads the Implementeringsoverblik and the KLIK extract (an .xlsx
 * workbook with the sheets "Implementeringsoverblik", "KLIK-udtræk" and "Frister", or one of
 * them as CSV) into the knowledge (KLIKBOT_DATA), checks the result as klikbot checks its data
 * at start, and prints what would change. Only with --write are the files written.
 *
 * Run: npm run import -- overblik.xlsx [--write]
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.js';
import { KlikbotError } from '../src/errors.js';
import { diffText, planImport, writePlan } from '../src/knowledge/import/run.js';
import { SheetProblem } from '../src/knowledge/import/sheets.js';

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { write: { type: 'boolean' } } });
  const [file] = positionals;
  if (!file)
    throw new SheetProblem('(ingen fil)', undefined, undefined, 'brug: npm run import -- overblik.xlsx [--write]');
  const dir = loadConfig().knowledgeDir;
  const plan = await planImport(file, dir);
  process.stdout.write(`${diffText(plan.changes)}\n`);
  if (!values.write) {
    if (plan.changed.length > 0)
      process.stdout.write(`\nIntet er skrevet. Kør igen med --write for at skrive ${plan.changed.join(', ')}.\n`);
    return;
  }
  await writePlan(plan, dir);
  process.stdout.write(plan.changed.length > 0 ? `\nSkrevet: ${plan.changed.join(', ')} i ${dir}.\n` : '');
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
