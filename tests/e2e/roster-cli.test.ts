import { storedStateAt } from '../support/stored-text.js';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestBot } from '../support/bot-framework.js';

const run = promisify(execFile);

/** Runs `npm run roster:import` (the script itself, through tsx) with this environment. */
async function importRoster(file: string, env: Record<string, string>): Promise<{ code: number; stderr: string }> {
  try {
    const { stderr } = await run(process.execPath, ['--import', 'tsx', 'scripts/import-roster.ts', file], {
      env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    });
    return { code: 0, stderr };
  } catch (error) {
    const failed = error as { code: number; stderr: string };
    return { code: failed.code, stderr: failed.stderr };
  }
}

describe('the roster from the command line', () => {
  let dir = '';
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'klikbot-roster-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('imports every line and verifies the people it lists; one bad line imports nothing', async () => {
    const statePath = path.join(dir, 'state.json');
    const env = { KLIKBOT_DB: statePath, PORT: '1' };
    await writeFile(path.join(dir, 'bad.csv'), 'person,kommune\nslack:U0METTE,Aarhus\nslack:U0JENS,Gotham\n');
    const bad = await importRoster(path.join(dir, 'bad.csv'), env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('Nothing was imported. Lines to fix:\n3: "Gotham" is no municipality');
    await writeFile(
      path.join(dir, 'good.csv'),
      'person,kommune\nslack:U0METTE,Aarhus\nteams:aad-jens;Køge Kommune\nlise@vejle.example.org,Vejle\n',
    );
    const good = await importRoster(path.join(dir, 'good.csv'), env);
    expect(good).toEqual({ code: 0, stderr: `Imported 3 roster lines into ${statePath}; 2 memberships verified.\n` });
    const state = (await storedStateAt(statePath)) as {
      roster: { person: string; municipalityId: string; importedBy: string }[];
      memberships: { userId: string; state: string; basis: string }[];
    };
    expect(state.roster.map((entry) => `${entry.person}:${entry.municipalityId}:${entry.importedBy}`)).toEqual([
      'slack:U0METTE:aarhus:command-line',
      'teams:aad-jens:koege:command-line',
      'email:lise@vejle.example.org:vejle:command-line',
    ]);
    expect(state.memberships.map((m) => `${m.userId}:${m.state}:${m.basis}`)).toEqual([
      'U0METTE:verified:roster',
      'aad-jens:verified:roster',
    ]);
  });

  it('refuses while klikbot runs on the state file, and changes nothing', async () => {
    const bot = await startTestBot(
      { KLIKBOT_DB: path.join(dir, 'state.json') },
      { statePath: path.join(dir, 'state.json') },
    );
    try {
      await writeFile(path.join(dir, 'roster.csv'), 'slack:U0METTE,Aarhus\n');
      const refused = await importRoster(path.join(dir, 'roster.csv'), {
        KLIKBOT_DB: path.join(dir, 'state.json'),
        PORT: String(bot.port),
      });
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/klikbot is running on .* Stop it first/);
      const state = (await storedStateAt(path.join(dir, 'state.json'))) as { roster?: unknown[] };
      expect(state.roster ?? []).toEqual([]);
    } finally {
      await bot.close();
    }
  });
});
