import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { ask, postMessages, messageActivity, startTestBot, visibleText } from '../support/bot-framework.js';

const run = promisify(execFile);
const TOKEN = 'export-token-0123456789abcdef';
const mette = { from: { id: 'web-mette', name: 'Mette' }, conversation: { id: 'mettes-chat' } };

function get(url: string, authorization?: string): Promise<Response> {
  return fetch(`${url}/api/status.csv`, authorization === undefined ? {} : { headers: { authorization } });
}

/**
 * `scripts/export-status.ts` (`npm run export:status`) with the given state file and arguments,
 * through tsx's loader in one node process: npx and the tsx command would each add a process.
 */
function exportScript(statePath: string, args: string[]) {
  const env = { ...process.env, KLIKBOT_DB: statePath, HOST: '127.0.0.1', LOG_LEVEL: 'silent' };
  return run(process.execPath, ['--import', 'tsx', 'scripts/export-status.ts', ...args], {
    env,
    encoding: 'buffer',
    timeout: 60_000,
  });
}

describe('GET /api/status.csv with KLIKBOT_EXPORT_TOKEN set', () => {
  let bot: Awaited<ReturnType<typeof startTestBot>>;
  let dir: string;

  beforeAll(async () => {
    bot = await startTestBot({ KLIKBOT_NOW: '2018-10-02T10:15:00+02:00', KLIKBOT_EXPORT_TOKEN: TOKEN });
    dir = await mkdtemp(path.join(tmpdir(), 'klikbot-export-out-'));
  });
  afterAll(async () => {
    await bot.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('answers 401 without a token, with a wrong one, and with the right one in another scheme', async () => {
    for (const authorization of [undefined, 'Bearer wrong', `Bearer ${TOKEN}x`, `Basic ${TOKEN}`, TOKEN, 'Bearer']) {
      const response = await get(bot.url, authorization);
      expect(response.status, String(authorization)).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
      await expect(response.json()).resolves.toMatchObject({ error: { code: 'unauthorized' } });
    }
  });

  it('exports a status set through the bot over HTTP, as CSV with a BOM for Excel', async () => {
    const joined = await ask(bot.url, 'kommune Aarhus', mette);
    expect(visibleText(joined[0]!)).toMatch(/Du hører nu til Aarhus Kommune/);
    const submit = messageActivity('', {
      ...mette,
      text: undefined,
      value: {
        klikbot: { dialog: 'status-update', args: { municipality: 'aarhus' }, fields: ['task', 'status'] },
        task: 'bbr-adgangsstyring#3',
        status: 'done',
      },
    });
    const saved = await postMessages(bot.url, submit);
    expect(saved.status).toBe(200);
    const { activities } = (await saved.json()) as { activities: Parameters<typeof visibleText>[0][] };
    expect(activities.map(visibleText).join('\n')).toMatch(/trin 3 er nu fuldført for Aarhus Kommune/);

    const response = await get(bot.url, `Bearer ${TOKEN}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="klikbot-status-2018-10-02.csv"');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe('kommune_id,kommune,opgave_id,opgave,trin,status,sidst_aendret,aendret_af');
    const aarhus = lines.filter((line) =>
      line.startsWith('aarhus,Aarhus Kommune,bbr-adgangsstyring,BBR på Adgangsstyring,'),
    );
    expect(aarhus).toHaveLength(5);
    expect(aarhus[2]).toMatch(
      /^aarhus,Aarhus Kommune,bbr-adgangsstyring,BBR på Adgangsstyring,3,fuldført,2018-10-02T10:1\d:\d\d\.\d{3}\+02:00,web:web-mette$/,
    );
    expect(aarhus[3]).toBe('aarhus,Aarhus Kommune,bbr-adgangsstyring,BBR på Adgangsstyring,4,ikke påbegyndt,,');
    expect(lines.some((line) => line.startsWith('koege,Køge Kommune,'))).toBe(true);

    // the command line reads the same state file into the same bytes
    const out = path.join(dir, 'nested', 'status.csv');
    const written = await exportScript(bot.statePath, ['--out', out]);
    expect(written.stderr.toString('utf8')).toMatch(/^Wrote \d+ rows to /);
    await expect(readFile(out)).resolves.toEqual(bytes);
    const printed = await exportScript(bot.statePath, ['--out', '-']);
    expect(printed.stdout).toEqual(bytes);

    // the command the docs show, through npm itself, run from another folder (npm --prefix finds the
    // project): a file named by the day in the folder it was run from, npm's banner kept out of it
    const documented = path.join(dir, 'klikbot-status-2018-10-02.csv');
    try {
      const viaNpm = await run('npm', ['--prefix', process.cwd(), 'run', 'export:status'], {
        cwd: dir,
        env: {
          ...process.env,
          KLIKBOT_DB: bot.statePath,
          KLIKBOT_NOW: '2018-10-02T16:00:00+02:00',
          LOG_LEVEL: 'silent',
        },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(viaNpm.stdout).toContain('> klikbot@');
      expect(viaNpm.stderr).toMatch(/Wrote \d+ rows to .*klikbot-status-2018-10-02\.csv/);
      const file = await readFile(documented);
      expect(file).toEqual(bytes);
      const rows = file.subarray(3).toString('utf8').trimEnd().split('\r\n');
      expect(rows[0]).toBe('kommune_id,kommune,opgave_id,opgave,trin,status,sidst_aendret,aendret_af');
      expect(rows.slice(1).every((row) => row.split(',').length >= 8)).toBe(true);
    } finally {
      await rm(documented, { force: true });
    }
  }, 120_000);

  it('refuses to export from a state file that is not there, and creates none', async () => {
    const missing = path.join(dir, 'no-such', 'klikbot.json');
    const failed = await exportScript(missing, []).then(
      () => undefined,
      (error: { code: number; stderr: Buffer }) => error,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr.toString('utf8')).toMatch(/There is no state file at .*no-such.*KLIKBOT_DB/);
    await expect(readFile(missing)).rejects.toThrow(/ENOENT/);
  }, 60_000);
});

describe('GET /api/status.csv without KLIKBOT_EXPORT_TOKEN', () => {
  it('does not exist: 404, whatever the token', async () => {
    const bot = await startTestBot({});
    try {
      expect((await get(bot.url)).status).toBe(404);
      expect((await get(bot.url, `Bearer ${TOKEN}`)).status).toBe(404);
    } finally {
      await bot.close();
    }
  });
});

describe('KLIKBOT_EXPORT_TOKEN', () => {
  it('is optional, trimmed, and must be at least 24 characters without spaces', () => {
    expect(loadConfig({}).exportToken).toBeUndefined();
    expect(loadConfig({ KLIKBOT_EXPORT_TOKEN: '' }).exportToken).toBeUndefined();
    expect(loadConfig({ KLIKBOT_EXPORT_TOKEN: ` ${TOKEN} ` }).exportToken).toBe(TOKEN);
    expect(() => loadConfig({ KLIKBOT_EXPORT_TOKEN: 'short-token' })).toThrow(
      /KLIKBOT_EXPORT_TOKEN: must be at least 24 characters/,
    );
    expect(() => loadConfig({ KLIKBOT_EXPORT_TOKEN: 'a token with spaces in the middle' })).toThrow(
      /KLIKBOT_EXPORT_TOKEN: must not contain spaces/,
    );
  });
});

describe('GET /api/status.csv against guessing', () => {
  let bot: Awaited<ReturnType<typeof startTestBot>>;

  beforeAll(async () => {
    bot = await startTestBot({ KLIKBOT_EXPORT_TOKEN: TOKEN });
  });
  afterAll(async () => {
    await bot.close();
  });

  it('after ten wrong tokens from one address refuses every try with 429 and Retry-After, the right token too', async () => {
    expect((await get(bot.url, `Bearer ${TOKEN}`)).status).toBe(200);
    for (let guess = 0; guess < 10; guess += 1) expect((await get(bot.url, `Bearer guess-${guess}`)).status).toBe(401);
    for (const authorization of ['Bearer guess-10', `Bearer ${TOKEN}`]) {
      const response = await get(bot.url, authorization);
      expect(response.status).toBe(429);
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
      await expect(response.json()).resolves.toMatchObject({ error: { code: 'too_many_requests' } });
    }
  });
});
