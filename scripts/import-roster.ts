/**
 * Imports the roster (who belongs to which municipality) into the state file that KLIKBOT_DB
 * names, as `medlemsliste` does in chat: one line per person, `person,kommune`, the person as
 * `slack:<user id>`, `teams:<Entra object id>` or an email address. Every listed person is
 * verified for their municipality; one unreadable line imports nothing.
 *
 * klikbot keeps the state in memory and writes all of it back, so this refuses to run while
 * klikbot answers on its configured address: stop it first, or paste the roster in chat.
 *
 * Run: npm run roster:import -- roster.csv
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { parseRoster } from '../dialogs/membership/roster-import.js';
import { createClock } from '../src/clock.js';
import { loadConfig } from '../src/config.js';
import { KlikbotError } from '../src/errors.js';
import { loadKnowledge } from '../src/knowledge/loader.js';
import { MembershipRepository } from '../src/state/memberships.js';
import { openStore } from '../src/state/store.js';
import { klikbotIsRunning } from './running.js';

/** A mistake in how the script was run, or in the file: shown without a stack. */
class UsageError extends Error {}

async function main(): Promise<void> {
  let file: string | undefined;
  try {
    file = parseArgs({ allowPositionals: true }).positionals[0];
  } catch (cause) {
    throw new UsageError(String(cause), { cause });
  }
  if (!file) throw new UsageError('Usage: npm run roster:import -- roster.csv');
  const config = loadConfig();
  if (await klikbotIsRunning(config.host, config.port)) {
    throw new UsageError(
      `klikbot is running on ${config.host}:${config.port} and owns ${config.statePath}. Stop it first, or paste the roster in chat after 'medlemsliste'.`,
    );
  }
  const knowledge = await loadKnowledge(config.knowledgeDir);
  const roster = parseRoster(knowledge, await readFile(file, 'utf8'));
  if (!roster.ok) throw new UsageError(`Nothing was imported. Lines to fix:\n${roster.problems.join('\n')}`);
  const memberships = new MembershipRepository(await openStore(config.statePath), createClock(config.startAt));
  const { entries, verified } = await memberships.importRoster(roster.lines, 'command-line');
  process.stderr.write(
    `Imported ${entries} roster lines into ${config.statePath}; ${verified} memberships verified.\n`,
  );
}

try {
  await main();
} catch (error) {
  const known = error instanceof UsageError || error instanceof KlikbotError;
  process.stderr.write(
    `Cannot import the roster: ${known ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
}
