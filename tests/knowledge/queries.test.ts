import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import {
  datedItems,
  datesForTask,
  findRole,
  findTask,
  lastDay,
  tasksForRole,
  upcomingDeadlines,
  upcomingMeetings,
} from '../../src/knowledge/queries.js';
import type { Knowledge } from '../../src/knowledge/registry.js';
import { dataDir } from './data-copy.js';

let k: Knowledge;
beforeAll(async () => {
  k = await loadKnowledge(dataDir);
});

function copenhagen(iso: string): DateTime {
  return DateTime.fromISO(iso, { zone: 'Europe/Copenhagen' });
}

const ids = (records: { id: string }[]) => records.map((record) => record.id);

describe('datedItems', () => {
  it('lists task deadlines and deadlines.json records with a source each', () => {
    const items = datedItems(k);
    expect(items.find((item) => item.id === 'udpeg-fk-adm-og-fk-ansv')).toMatchObject({
      date: '2018-11-01',
      kind: 'task',
      taskId: 'udpeg-fk-adm-og-fk-ansv',
      relation: 'by',
    });
    expect(items.find((item) => item.id === 'beskedfordeler-serviceaftaler-godkendes')).toMatchObject({
      date: '2018-09-20',
      relation: 'before',
      kind: 'deadline',
      responsibleRoles: ['aftaleadministrator'],
    });
    expect(items.find((item) => item.id === 'kigo-lukker')).toMatchObject({ date: '2018-10', precision: 'month' });
    expect(items.every((item) => item.source.label.length > 0)).toBe(true);
  });

  it('ties the BBR critical date to the BBR task', () => {
    expect(datesForTask(k, 'bbr-adgangsstyring').map((item) => [item.id, item.date])).toEqual([
      ['bbr-kritisk-deadline', '2018-11-01'],
    ]);
  });

  it('leaves out the dropped task', () => {
    expect(datedItems(k).some((item) => item.id === 'serviceaftale-kmd-sag')).toBe(false);
  });
});

describe('upcomingDeadlines', () => {
  it('on 6 September 2018 starts with the Beskedfordeler agreements before 20 September', () => {
    const [first, second] = upcomingDeadlines(k, copenhagen('2018-09-06T10:00'));
    expect(first).toMatchObject({ id: 'beskedfordeler-serviceaftaler-godkendes', date: '2018-09-20' });
    expect(second?.id).toBe('kigo-lukker');
  });

  it('on 2 November 2018 starts with the two FK tasks due 12 December, in file order', () => {
    const items = upcomingDeadlines(k, copenhagen('2018-11-02T09:00'), 2);
    expect(items.map((item) => [item.id, item.date])).toEqual([
      ['godkend-initiale-fordelingsregler', '2018-12-12'],
      ['etabler-arbejdsgang-for-drift', '2018-12-12'],
    ]);
  });

  it('keeps a month-precision date until its month ends', () => {
    expect(ids(upcomingDeadlines(k, copenhagen('2018-10-31T23:30')))).toContain('kigo-lukker');
    expect(ids(upcomingDeadlines(k, copenhagen('2018-11-01T00:30')))).not.toContain('kigo-lukker');
  });

  it('keeps a day deadline through its day and drops a "before" deadline on its day', () => {
    expect(ids(upcomingDeadlines(k, copenhagen('2018-11-01T23:00')))).toContain('udpeg-fk-adm-og-fk-ansv');
    expect(ids(upcomingDeadlines(k, copenhagen('2018-09-19T12:00')))).toContain(
      'beskedfordeler-serviceaftaler-godkendes',
    );
    expect(ids(upcomingDeadlines(k, copenhagen('2018-09-20T08:00')))).not.toContain(
      'beskedfordeler-serviceaftaler-godkendes',
    );
    expect(lastDay({ date: '2018-09-20', precision: 'day', relation: 'before' })).toBe('2018-09-19');
  });

  it('uses the date in Copenhagen, not in UTC', () => {
    // 23.30 UTC on 1 November is already 2 November in Copenhagen (winter time, UTC+1).
    const lateUtc = DateTime.fromISO('2018-11-01T23:30', { zone: 'utc' });
    expect(ids(upcomingDeadlines(k, lateUtc))).not.toContain('udpeg-fk-adm-og-fk-ansv');
  });

  it('honours the limit and is empty after the last date', () => {
    expect(upcomingDeadlines(k, copenhagen('2018-09-06T10:00'), 3)).toHaveLength(3);
    expect(upcomingDeadlines(k, copenhagen('2019-12-02T10:00'))).toEqual([]);
  });
});

describe('lookups by id', () => {
  it('finds tasks and roles by id and says undefined for unknown ids', () => {
    expect(findTask(k, 'bbr-adgangsstyring')?.steps).toHaveLength(5);
    expect(findRole(k, 'kombit-programleder')?.profile?.competences).toHaveLength(7);
    expect(findTask(k, 'nope')).toBeUndefined();
    expect(findRole(k, 'nope')).toBeUndefined();
  });

  it('lists the tasks that concern a role', () => {
    expect(ids(tasksForRole(k, 'fk-administrator'))).toEqual(['udpeg-fk-adm-og-fk-ansv']);
  });
});

describe('upcomingMeetings', () => {
  it('lists runs not yet over, soonest first', () => {
    expect(ids(upcomingMeetings(k, copenhagen('2018-09-06T11:59')))).toEqual([
      'programledermoede-2018-09-06',
      'programledermoede-2018-09-12',
      'programledermoede-2018-09-14',
    ]);
    expect(ids(upcomingMeetings(k, copenhagen('2018-09-06T12:00')))).toEqual([
      'programledermoede-2018-09-12',
      'programledermoede-2018-09-14',
    ]);
  });
});
