/**
 * Copies the state file klikbot ran with (its journal and vote key too) into PostgreSQL, and
 * checks the counts: npm run state:migrate -- --from data/state/klikbot.json --to "$KLIKBOT_DATABASE_URL"
 * Stop klikbot first. The database must be empty, or already hold exactly this state (then
 * nothing changes); afterwards start klikbot with KLIKBOT_DATABASE_URL.
 */
import { access } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ErrorCode, KlikbotError } from '../src/errors.js';
import { moveState } from '../src/state/postgres/move-state.js';
import { describeDatabase } from '../src/state/postgres/postgres-store.js';

const USAGE =
  'Usage: npm run state:migrate -- --from data/state/klikbot.json --to postgres://user:password@host/database';

async function main(): Promise<void> {
  const { from, to } = parseArgs({ options: { from: { type: 'string' }, to: { type: 'string' } } }).values;
  if (!from || !to || !/^postgres(ql)?:\/\//.test(to)) throw new KlikbotError(ErrorCode.ConfigInvalid, USAGE);
  // npm runs scripts in the project's folder; a relative name means the folder npm was run from
  const statePath = path.resolve(process.env.INIT_CWD ?? process.cwd(), from);
  await access(statePath).catch(() => {
    throw new KlikbotError(ErrorCode.ConfigInvalid, `There is no state file at ${statePath}.\n${USAGE}`);
  });
  const report = await moveState(statePath, to);
  const lines = Object.entries(report.counts)
    .filter(([, count]) => count.file > 0)
    .map(([name, count]) => `  ${name}: ${count.file} in the file, ${count.database} in the database`);
  const what = report.outcome === 'moved' ? `Copied ${statePath} into` : `Nothing to do: ${statePath} is already in`;
  process.stdout.write(`${what} ${describeDatabase(to)}; every collection checked.\n${lines.join('\n')}\n`);
}

try {
  await main();
} catch (error) {
  process.stderr.write(`Cannot move the state: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
