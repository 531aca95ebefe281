import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { DateTime } from 'luxon';
import { beforeEach, describe, expect, it } from 'vitest';
import { diffText, planImport } from '../../src/knowledge/import/run.js';
import { read, workbookOfToday } from '../support/workbook.js';
import { storedStateAt } from '../support/stored-text.js';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { createCore } from '../../src/klikbot-core.js';
import { replyText, turn } from '../understanding/question-set.js';

const run = promisify(execFile);
const DATA = 'data/knowledge';

const rowOf = (sheet: unknown[][], first: string) => sheet.find((row) => row[0] === first)!;

describe('the quarterly import of the Implementeringsoverblik and the KLIK extract', () => {
  let dir: string;
  beforeEach(async () => {
    dir = path.join(await mkdtemp(path.join(tmpdir(), 'klikbot-data-')), 'knowledge');
    await cp(DATA, dir, { recursive: true });
  });

  it("reads a workbook made from today's data back as no change at all", async () => {
    const plan = await planImport(await workbookOfToday(dir), dir);
    expect(plan.changes).toEqual([]);
    expect(plan.changed).toEqual([]);
    expect(diffText(plan.changes)).toContain('Ingen ændringer');
  });

  it('shows a changed deadline, new counts and a new link as a diff, writes only with --write, and the bot then answers with them', async () => {
    const file = await workbookOfToday(dir, (sheets) => {
      rowOf(sheets.Frister!, 'udpeg-fk-adm-og-fk-ansv')[2] = '2018-11-15';
      // a new extract: every step's row from it, step 3 further along
      for (const row of sheets['KLIK-udtræk']!.slice(1)) row[5] = '2018-12-03';
      sheets['KLIK-udtræk']!.find((row) => row[1] === 3)!.splice(2, 3, 10, 20, 68);
      sheets.Implementeringsoverblik!.push(['dar', 'organisation', '', '']);
      sheets.Implementeringsoverblik!.find((row) => row[0] === 'bbr' && row[2] === 'SF1511')![3] = 'gennemført';
    });
    const env = { ...process.env, KLIKBOT_DATA: dir };
    const dry = await run('npx', ['tsx', 'scripts/import-knowledge.ts', file], { env });
    expect(dry.stdout).toContain('~ tasks.json udpeg-fk-adm-og-fk-ansv: deadline 2018-11-01 → 2018-11-15');
    expect(dry.stdout).toMatch(/~ bbr-status\.json bbr-trin-3: .* → 10\/20\/68 \(2018-12-03\)/);
    expect(dry.stdout).toContain('+ it-systems.json dar: skal anvende organisation');
    expect(dry.stdout).toContain('~ interfaces.json sf1511: bbr: i gang → gennemført');
    expect(dry.stdout).toContain('Intet er skrevet');
    expect(await readFile(path.join(dir, 'tasks.json'), 'utf8')).toBe(
      await readFile(path.join(DATA, 'tasks.json'), 'utf8'),
    );

    await run('npx', ['tsx', 'scripts/import-knowledge.ts', file, '--write'], { env });
    const core = createCore({ knowledge: await loadKnowledge(dir) });
    const now = DateTime.fromISO('2018-09-06T10:00:00+02:00');
    const answer = replyText(
      core.answer(turn('hvornår er deadline for at udpege FK-ansvarlig?', 'c1', now, 'da')).replies,
    );
    expect(answer).toContain('15. november 2018');
    const counts = replyText(core.answer(turn('hvor mange er færdige med BBR trin 3?', 'c2', now, 'da')).replies);
    expect(counts).toContain('68 af 98');
    expect(counts).toContain('3. december 2018');
  });

  it('refuses a broken workbook with the sheet, row and column named, and leaves the data as it was', async () => {
    const cases: [(sheets: Record<string, unknown[][]>) => void, RegExp][] = [
      [
        (sheets) => sheets.Frister!.forEach((row) => row.splice(2, 1)),
        /Frister, række 1, kolonne "Dato": kolonnen mangler/,
      ],
      [
        (sheets) => (rowOf(sheets.Frister!, 'kigo-lukker')[2] = '31. juni'),
        /Frister, række \d+, kolonne "Dato": "31\. juni" er ikke en dato/,
      ],
      [
        (sheets) => sheets.Implementeringsoverblik!.push(['gotham-sag', 'organisation', '', '']),
        /Implementeringsoverblik, række \d+, kolonne "It-system": "gotham-sag"/,
      ],
      [
        (sheets) => sheets.Implementeringsoverblik!.push(['bbr', 'adgangsstyring', 'SF1511', 'snart']),
        /Implementeringsoverblik, række \d+, kolonne "Tilstand": "snart"/,
      ],
      [
        (sheets) => (sheets['KLIK-udtræk']![1]![4] = 99),
        /KLIK-udtræk, række 2, kolonne "Fuldført": tallene giver \d+, ikke de 98/,
      ],
    ];
    for (const [breakIt, named] of cases) {
      const file = await workbookOfToday(dir, breakIt);
      await expect(planImport(file, dir)).rejects.toThrow(named);
      const refused = await run('npx', ['tsx', 'scripts/import-knowledge.ts', file, '--write'], {
        env: { ...process.env, KLIKBOT_DATA: dir },
      }).catch((error: { code: number; stderr: string }) => error);
      expect('code' in refused && refused.code).toBe(1);
      expect((refused as { stderr: string }).stderr).toMatch(named);
    }
    for (const name of ['tasks.json', 'deadlines.json', 'bbr-status.json', 'it-systems.json'])
      expect(await readFile(path.join(dir, name), 'utf8')).toBe(await readFile(path.join(DATA, name), 'utf8'));
  });

  it('reads the extract per municipality into the status board, keeping a status reported in klikbot after it', async () => {
    const state = path.join(await mkdtemp(path.join(tmpdir(), 'klikbot-state-')), 'state.json');
    const koegeSaid = {
      id: '7d1f0c1e-2b3a-4c5d-8e9f-0a1b2c3d4e5f',
      municipalityId: 'koege',
      taskId: 'bbr-adgangsstyring',
      step: 3,
      status: 'started',
      previous: 'not-started',
      by: { channel: 'slack', userId: 'U0METTE', name: 'Mette' },
      at: '2018-12-05T09:00:00.000+01:00',
    };
    await writeFile(state, JSON.stringify({ version: 1, statusUpdates: [koegeSaid] }));
    const file = await workbookOfToday(dir, (sheets) => {
      sheets['KLIK pr. kommune'] = [
        ['Kommune', 'Opgave', 'Trin', 'Status', 'Udtræk'],
        ['Aarhus', 'bbr-adgangsstyring', 3, 'fuldført', '2018-12-03'],
        ['koege', 'bbr-adgangsstyring', 3, 'ikke påbegyndt', '2018-12-03'],
      ];
    });
    const env = { ...process.env, KLIKBOT_DATA: dir, KLIKBOT_DB: state, PORT: '9' };
    const dry = await run('npx', ['tsx', 'scripts/import-knowledge.ts', file], { env });
    expect(dry.stdout).toContain('~ status aarhus bbr-adgangsstyring#3: ikke påbegyndt → fuldført');
    expect(dry.stdout).toContain('1 status er meldt i klikbot efter udtrækket og beholdes');
    await run('npx', ['tsx', 'scripts/import-knowledge.ts', file, '--write'], { env });
    const written = (await storedStateAt(state)) as {
      statusUpdates: { municipalityId: string; status: string; by: { name?: string } }[];
    };
    expect(written.statusUpdates.map((one) => [one.municipalityId, one.status, one.by.name])).toEqual([
      ['koege', 'started', 'Mette'],
      ['aarhus', 'done', 'KLIK-udtræk 3. december 2018'],
    ]);
  });

  it('refuses a file with none of the sheets rather than report no changes', async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'klikbot-csv-')), 'noget.csv');
    await writeFile(file, 'Navn;Alder\r\nMette;40\r\n');
    await expect(planImport(file, dir)).rejects.toThrow(
      /noget\.csv: ingen af arkene Frister, KLIK-udtræk, Implementeringsoverblik/,
    );
  });

  it('reads one sheet as CSV, as a Danish Excel saves it', async () => {
    // the whole extract of 3 December, step 1 further along
    const status = (await read(dir, 'bbr-status.json')).records;
    const lines = status.map((row) => {
      const counts = row.counts as { notStarted: number; started: number; done: number };
      const [notStarted, started, done] =
        row.step === 1 ? [2, 6, 90] : [counts.notStarted, counts.started, counts.done];
      return `${String(row.task)};${String(row.step)};${notStarted};${started};${done};03.12.2018`;
    });
    const csv = `\uFEFFOpgave;Trin;Ikke påbegyndt;Påbegyndt;Fuldført;Udtræk\r\n${lines.join('\r\n')}\r\n`;
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'klikbot-csv-')), 'udtraek.csv');
    await writeFile(file, csv);
    const plan = await planImport(file, dir);
    expect(plan.changed).toEqual(['bbr-status.json']);
    expect(diffText(plan.changes)).toContain('bbr-trin-1: 22/6/70 (2018-09-04) → 2/6/90 (2018-12-03)');
  });
});
