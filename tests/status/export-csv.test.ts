import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFixedClock } from '../../src/clock.js';
import { STATUS_CSV_COLUMNS, statusCsv, statusCsvRows } from '../../src/status/export-csv.js';
import { StatusRepository } from '../../src/state/statuses.js';
import { openStore, type Store } from '../../src/state/store.js';
import { knowledge } from '../dialogs/dialog-kit.js';
import { recorded } from '../support/recorded.js';
import { statusTasks } from '../../src/knowledge/queries.js';
import { csvField, toCsv } from '../../src/lib/csv.js';

/** A strict RFC 4180 reader, to check what a spreadsheet would read back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  while (i < text.length) {
    if (text[i] === '"') {
      i += 1;
      while (!(text[i] === '"' && text[i + 1] !== '"')) {
        if (i >= text.length) throw new Error('unterminated quote');
        field += text[i];
        i += text[i] === '"' ? 2 : 1;
      }
      i += 1;
    } else if (text[i] === ',') {
      row.push(field);
      field = '';
      i += 1;
    } else if (text.startsWith('\r\n', i)) {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 2;
    } else {
      if (text[i] === '\n' || text[i] === '\r') throw new Error(`bare line break at ${i}`);
      field += text[i];
      i += 1;
    }
  }
  if (field !== '' || row.length > 0) throw new Error('the last record has no CRLF');
  return rows;
}

describe('RFC 4180 quoting', () => {
  it('quotes only fields with a comma, a quote or a line break, doubling quotes', () => {
    expect(csvField('Ærø Kommune')).toBe('Ærø Kommune');
    expect(csvField('SAPA, KSD og KY')).toBe('"SAPA, KSD og KY"');
    expect(csvField('kaldet "trin 3"')).toBe('"kaldet ""trin 3"""');
    expect(csvField('linje 1\nlinje 2')).toBe('"linje 1\nlinje 2"');
    expect(csvField('a\rb')).toBe('"a\rb"');
  });

  it('keeps a spreadsheet from running a field as a formula', () => {
    expect(csvField('=HYPERLINK("http://x","klik")')).toBe(`"'=HYPERLINK(""http://x"",""klik"")"`);
    for (const start of ['+', '-', '@', '\t']) expect(csvField(`${start}1`)).toBe(`'${start}1`);
    expect(csvField('Aarhus = fuldført')).toBe('Aarhus = fuldført');
    expect(csvField('')).toBe('');
  });

  it('reads back exactly what was written: commas, quotes, CR/LF, æøå and empty fields', () => {
    const rows = [
      ['kommune', 'note', 'tom'],
      ['Ærø Kommune', 'Tjek/valider, "kravene"\r\nog mere\n', ''],
      ['Høje-Taastrup Kommune', '"', ','],
    ];
    const text = toCsv(rows);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(parseCsv(text)).toEqual(rows);
  });
});

describe('the status export', () => {
  let dir: string;
  let store: Store;
  let statuses: StatusRepository;
  const clock = createFixedClock(DateTime.fromISO('2018-10-02T10:15:00+02:00'));
  const mette = { channel: 'slack', userId: 'U1', name: 'Mette' };
  const admin = { channel: 'teams', userId: 'aad-admin' };

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'klikbot-export-'));
    store = await openStore(path.join(dir, 'klikbot.json'));
    clock.set(DateTime.fromISO('2018-10-02T10:15:00+02:00'));
    statuses = new StatusRepository(store, clock);
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('has one row per municipality × KLIK task or step, every one not started without updates', () => {
    const text = statusCsv(store.read(), knowledge);
    const [header, ...rows] = parseCsv(text);
    expect(header).toEqual([...STATUS_CSV_COLUMNS]);
    const perMunicipality = statusTasks(knowledge).reduce((sum, task) => sum + Math.max(1, task.steps.length), 0);
    expect(rows).toHaveLength(98 * perMunicipality);
    expect(new Set(rows.map((row) => row[5]))).toEqual(new Set(['ikke påbegyndt']));
    expect(rows.every((row) => row[6] === '' && row[7] === '')).toBe(true);
    // a title with a comma survives as one field
    expect(
      rows.some(
        (row) =>
          row[3] ===
          'Tjek/valider at kommunens it-miljø opfylder kravene der stilles for at idriftsætte SAPA, KSD og KY',
      ),
    ).toBe(true);
  });

  it('is sorted by municipality in Danish order, then task as in tasks.json, then step', () => {
    const rows = statusCsvRows(store.read(), knowledge);
    const names = [...new Set(rows.map((row) => row.kommune))];
    expect(names[0]).toBe('Albertslund Kommune');
    // aa sorts as å: Aabenraa, Aalborg and Aarhus come last
    expect(names.slice(-4)).toEqual(['Ærø Kommune', 'Aabenraa Kommune', 'Aalborg Kommune', 'Aarhus Kommune']);
    expect(names).toHaveLength(98);
    expect(names.indexOf('Vordingborg Kommune')).toBeLessThan(names.indexOf('Ærø Kommune'));
    const first = rows.filter((row) => row.kommune_id === 'albertslund');
    const expected = statusTasks(knowledge).flatMap((task) =>
      task.steps.length > 0 ? task.steps.map((s) => `${task.id}#${s.number}`) : [`${task.id}#`],
    );
    expect(first.map((row) => `${row.opgave_id}#${row.trin}`)).toEqual(expected);
  });

  it('gives the status in force in Danish, with the last change and who made it', async () => {
    await statuses.record({
      municipalityId: 'aarhus',
      taskId: 'bbr-adgangsstyring',
      step: 3,
      status: 'started',
      by: mette,
    });
    clock.set(DateTime.fromISO('2018-10-03T09:00:00+02:00'));
    await statuses.record({
      municipalityId: 'aarhus',
      taskId: 'bbr-adgangsstyring',
      step: 3,
      status: 'done',
      by: mette,
    });
    await statuses.record({ municipalityId: 'koege', taskId: 'udpeg-fk-adm-og-fk-ansv', status: 'started', by: mette });
    const rows = statusCsvRows(store.read(), knowledge);
    expect(
      rows.find((r) => r.kommune_id === 'aarhus' && r.opgave_id === 'bbr-adgangsstyring' && r.trin === '3'),
    ).toEqual({
      kommune_id: 'aarhus',
      kommune: 'Aarhus Kommune',
      opgave_id: 'bbr-adgangsstyring',
      opgave: 'BBR på Adgangsstyring',
      trin: '3',
      status: 'fuldført',
      sidst_aendret: '2018-10-03T09:00:00.000+02:00',
      aendret_af: 'slack:U1',
    });
    expect(rows.find((r) => r.kommune_id === 'koege' && r.opgave_id === 'udpeg-fk-adm-og-fk-ansv')).toMatchObject({
      trin: '',
      status: 'påbegyndt',
      aendret_af: 'slack:U1',
    });
    expect(rows.find((r) => r.kommune_id === 'aarhus' && r.trin === '4')).toMatchObject({
      status: 'ikke påbegyndt',
      sidst_aendret: '',
      aendret_af: '',
    });
  });

  it('after an undo shows the restored status, and the undo as the last change', async () => {
    await statuses.record({
      municipalityId: 'aarhus',
      taskId: 'bbr-adgangsstyring',
      step: 3,
      status: 'started',
      by: mette,
    });
    const done = recorded(
      await statuses.record({
        municipalityId: 'aarhus',
        taskId: 'bbr-adgangsstyring',
        step: 3,
        status: 'done',
        by: mette,
      }),
    );
    clock.set(DateTime.fromISO('2018-10-04T08:30:00+02:00'));
    await statuses.undo(done.id, admin);
    const row = statusCsvRows(store.read(), knowledge).find((r) => r.kommune_id === 'aarhus' && r.trin === '3');
    expect(row).toMatchObject({
      status: 'påbegyndt',
      sidst_aendret: '2018-10-04T08:30:00.000+02:00',
      aendret_af: 'teams:aad-admin',
    });
  });
});
