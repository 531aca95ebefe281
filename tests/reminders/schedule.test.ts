import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import type { Knowledge } from '../../src/knowledge/registry.js';
import { DEFAULT_REMINDER_DAYS, occurrencesOf, remindableItems } from '../../src/reminders/schedule.js';
import type { Occurrence, RemindableItem } from '../../src/reminders/types.js';
import { brokenCopy, dataDir, loadErrorOf, recordById } from '../knowledge/data-copy.js';

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await loadKnowledge(dataDir);
});

const disposers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(disposers.splice(0).map((dispose) => dispose()));
});

function itemById(items: RemindableItem[], id: string): RemindableItem {
  const found = items.find((item) => item.id === id);
  if (!found) throw new Error(`no remindable item "${id}"`);
  return found;
}

/** Occurrence id, the local time with its offset, and the UTC hour. */
const shown = (occurrences: Occurrence[]) => occurrences.map((o) => [o.id, o.at.toISO(), o.at.toUTC().hour]);

function synthetic(date: string, days: number[], taskId?: string): RemindableItem {
  const item: RemindableItem = {
    id: 'x',
    title: 'X',
    date,
    relation: 'by',
    responsibleRoleIds: [],
    days,
    sourceLabel: 'test',
  };
  if (taskId) item.taskId = taskId;
  return item;
}

const localDays = (occurrences: Occurrence[]) => occurrences.map((o) => [o.daysBefore, o.at.toISODate()]);

describe('remindableItems from the seed', () => {
  it('lists the task deadlines and the day-precision dates, by date then id, without the month-only KIGO', () => {
    const items = remindableItems(knowledge);
    expect(items.map((item) => [item.date, item.id])).toEqual([
      ['2018-09-20', 'beskedfordeler-serviceaftaler-godkendes'],
      ['2018-11-01', 'bbr-kritisk-deadline'],
      ['2018-11-01', 'udpeg-fk-adm-og-fk-ansv'],
      ['2018-12-12', 'etabler-arbejdsgang-for-drift'],
      ['2018-12-12', 'godkend-initiale-fordelingsregler'],
      ['2019-12-01', 'ski-0219-fakturering-senest'],
    ]);
  });

  it('takes a task’s own id, roles and source, and the default days', () => {
    const udpeg = itemById(remindableItems(knowledge), 'udpeg-fk-adm-og-fk-ansv');
    const task = knowledge.tasks.find((t) => t.id === 'udpeg-fk-adm-og-fk-ansv');
    expect(udpeg).toEqual({
      id: 'udpeg-fk-adm-og-fk-ansv',
      title: task?.title,
      date: '2018-11-01',
      relation: 'by',
      taskId: 'udpeg-fk-adm-og-fk-ansv',
      responsibleRoleIds: task?.responsibleRoles,
      days: [30, 14, 7, 1],
      sourceLabel: 'Programledermøde september 2018',
    });
  });

  it('links a deadline to its related task, and leaves taskId out when there is none', () => {
    const items = remindableItems(knowledge);
    expect(itemById(items, 'bbr-kritisk-deadline')).toMatchObject({ taskId: 'bbr-adgangsstyring', relation: 'on' });
    const beskedfordeler = itemById(items, 'beskedfordeler-serviceaftaler-godkendes');
    expect(beskedfordeler).toMatchObject({ relation: 'before', responsibleRoleIds: ['aftaleadministrator'] });
    expect('taskId' in beskedfordeler).toBe(false);
  });

  it('leaves out a dropped task even when it has a deadline', async () => {
    const copy = await brokenCopy('tasks.json', (data) => {
      recordById(data, 'serviceaftale-kmd-sag').deadline = '2018-11-15';
    });
    disposers.push(copy.dispose);
    const ids = remindableItems(await loadKnowledge(copy.dir)).map((item) => item.id);
    expect(ids).not.toContain('serviceaftale-kmd-sag');
  });
});

describe('occurrencesOf the seed deadlines', () => {
  it('reminds of Udpeg FK-ADM og FK-ANSV at 09:00 local time across the end of summer time', () => {
    const udpeg = itemById(remindableItems(knowledge), 'udpeg-fk-adm-og-fk-ansv');
    expect(shown(occurrencesOf(udpeg))).toEqual([
      ['udpeg-fk-adm-og-fk-ansv@2018-11-01/-30', '2018-10-02T09:00:00.000+02:00', 7],
      ['udpeg-fk-adm-og-fk-ansv@2018-11-01/-14', '2018-10-18T09:00:00.000+02:00', 7],
      ['udpeg-fk-adm-og-fk-ansv@2018-11-01/-7', '2018-10-25T09:00:00.000+02:00', 7],
      // summer time ended 28 October: still 09:00 local, now 08:00 UTC
      ['udpeg-fk-adm-og-fk-ansv@2018-11-01/-1', '2018-10-31T09:00:00.000+01:00', 8],
      ['udpeg-fk-adm-og-fk-ansv@2018-11-01/after', '2018-11-02T09:00:00.000+01:00', 8],
    ]);
    expect(occurrencesOf(udpeg).map((o) => [o.kind, o.daysBefore, o.itemId])).toEqual([
      ['before', 30, udpeg.id],
      ['before', 14, udpeg.id],
      ['before', 7, udpeg.id],
      ['before', 1, udpeg.id],
      ['after', -1, udpeg.id],
    ]);
  });

  it('reminds of the 12 December tasks from Monday 12 November', () => {
    const items = remindableItems(knowledge);
    for (const id of ['godkend-initiale-fordelingsregler', 'etabler-arbejdsgang-for-drift']) {
      expect(localDays(occurrencesOf(itemById(items, id)))).toEqual([
        [30, '2018-11-12'],
        [14, '2018-11-28'],
        [7, '2018-12-05'],
        [1, '2018-12-11'],
        [-1, '2018-12-13'],
      ]);
    }
  });

  it('reminds of the Beskedfordeler agreements in CEST with no after-reminder (no task to mark done)', () => {
    const item = itemById(remindableItems(knowledge), 'beskedfordeler-serviceaftaler-godkendes');
    expect(shown(occurrencesOf(item))).toEqual([
      ['beskedfordeler-serviceaftaler-godkendes@2018-09-20/-30', '2018-08-21T09:00:00.000+02:00', 7],
      ['beskedfordeler-serviceaftaler-godkendes@2018-09-20/-14', '2018-09-06T09:00:00.000+02:00', 7],
      ['beskedfordeler-serviceaftaler-godkendes@2018-09-20/-7', '2018-09-13T09:00:00.000+02:00', 7],
      ['beskedfordeler-serviceaftaler-godkendes@2018-09-20/-1', '2018-09-19T09:00:00.000+02:00', 7],
    ]);
  });

  it('moves the SKI 02.19 reminders (a Sunday deadline) off the weekends to Fridays', () => {
    const item = itemById(remindableItems(knowledge), 'ski-0219-fakturering-senest');
    expect(localDays(occurrencesOf(item))).toEqual([
      [30, '2019-11-01'],
      [14, '2019-11-15'],
      [7, '2019-11-22'],
      [1, '2019-11-29'],
    ]);
  });

  it('gives the BBR critical date an after-reminder, decided by its related task', () => {
    const item = itemById(remindableItems(knowledge), 'bbr-kritisk-deadline');
    expect(occurrencesOf(item).at(-1)).toMatchObject({
      id: 'bbr-kritisk-deadline@2018-11-01/after',
      kind: 'after',
      daysBefore: -1,
    });
  });
});

describe('occurrencesOf: moves, merges and overrides', () => {
  it('moves a reminder that falls on a Sunday to the Friday before', () => {
    expect(localDays(occurrencesOf(synthetic('2018-10-08', [1])))).toEqual([[1, '2018-10-05']]);
  });

  it('moves a day-of reminder on a weekend to the Friday before', () => {
    expect(shown(occurrencesOf(synthetic('2019-12-01', [0])))).toEqual([
      ['x@2019-12-01/-0', '2019-11-29T09:00:00.000+01:00', 8],
    ]);
  });

  it('moves reminders on 24–26 December 2018 to Friday 21 December, keeping the one nearest the date', () => {
    const occurrences = occurrencesOf(synthetic('2018-12-27', [3, 2, 1]));
    expect(occurrences.map((o) => [o.id, o.at.toISODate()])).toEqual([['x@2018-12-27/-1', '2018-12-21']]);
  });

  it('moves over Store Bededag 2018 but not over its date in 2024', () => {
    expect(localDays(occurrencesOf(synthetic('2018-04-30', [3])))).toEqual([[3, '2018-04-26']]);
    expect(localDays(occurrencesOf(synthetic('2024-04-29', [3])))).toEqual([[3, '2024-04-26']]);
  });

  it('moves over Easter 2019 both ways, across the start of summer time', () => {
    const occurrences = occurrencesOf(synthetic('2019-04-18', [1, 21], 'some-task'));
    expect(shown(occurrences)).toEqual([
      ['x@2019-04-18/-21', '2019-03-28T09:00:00.000+01:00', 8],
      ['x@2019-04-18/-1', '2019-04-17T09:00:00.000+02:00', 7],
      ['x@2019-04-18/after', '2019-04-23T09:00:00.000+02:00', 7],
    ]);
  });

  it('uses days given by a subscription instead of the item’s, in any order and repeated', () => {
    const item = itemById(remindableItems(knowledge), 'udpeg-fk-adm-og-fk-ansv');
    expect(localDays(occurrencesOf(item, [3, 10, 3]))).toEqual([
      [10, '2018-10-22'],
      [3, '2018-10-29'],
      [-1, '2018-11-02'],
    ]);
  });

  it('leaves the days it is given, and the default, as they were', () => {
    const days = [3, 10, 3];
    occurrencesOf(synthetic('2018-11-01', days));
    occurrencesOf(itemById(remindableItems(knowledge), 'udpeg-fk-adm-og-fk-ansv'), days);
    expect(days).toEqual([3, 10, 3]);
    expect(DEFAULT_REMINDER_DAYS).toEqual([30, 14, 7, 1]);
  });
});

describe('reminderDays in the data', () => {
  it('flows from tasks.json and deadlines.json into the items, sorted and used by the schedule', async () => {
    const tasks = await brokenCopy('tasks.json', (data) => {
      recordById(data, 'udpeg-fk-adm-og-fk-ansv').reminderDays = [2, 21, 0];
    });
    disposers.push(tasks.dispose);
    const deadlines = await brokenCopy('deadlines.json', (data) => {
      recordById(data, 'bbr-kritisk-deadline').reminderDays = [5];
    });
    disposers.push(deadlines.dispose);
    const udpeg = itemById(remindableItems(await loadKnowledge(tasks.dir)), 'udpeg-fk-adm-og-fk-ansv');
    expect(udpeg.days).toEqual([21, 2, 0]);
    expect(localDays(occurrencesOf(udpeg))).toEqual([
      [21, '2018-10-11'],
      [2, '2018-10-30'],
      [0, '2018-11-01'],
      [-1, '2018-11-02'],
    ]);
    expect(itemById(remindableItems(await loadKnowledge(deadlines.dir)), 'bbr-kritisk-deadline').days).toEqual([5]);
  });

  it.each([
    ['a negative day', [-1], 'field "reminderDays.0": must be 0 (the day itself) or more days before the date'],
    ['more than a year', [400], 'field "reminderDays.0": must be at most 365 days before the date'],
    ['a fraction', [1.5], 'field "reminderDays.0": must be a whole number of days'],
    ['a day twice', [7, 1, 7], 'field "reminderDays.2": 7 is named twice'],
    ['no days', [], 'field "reminderDays": must name at least one day'],
    ['eleven days', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 'field "reminderDays": must name at most 10 days'],
  ])('refuses %s in tasks.json, naming file, record and field', async (_what, days, expected) => {
    const message = await loadErrorOf('tasks.json', (data) => {
      recordById(data, 'udpeg-fk-adm-og-fk-ansv').reminderDays = days;
    });
    expect(message).toContain(`tasks.json, record "udpeg-fk-adm-og-fk-ansv", ${expected}`);
  });

  it('refuses invalid days in deadlines.json too', async () => {
    const message = await loadErrorOf('deadlines.json', (data) => {
      recordById(data, 'bbr-kritisk-deadline').reminderDays = [14, 14];
    });
    expect(message).toContain(
      'deadlines.json, record "bbr-kritisk-deadline", field "reminderDays.1": 14 is named twice',
    );
  });

  it('refuses reminder days where there is no day to count back from', async () => {
    const task = await loadErrorOf('tasks.json', (data) => {
      recordById(data, 'bbr-adgangsstyring').reminderDays = [7];
    });
    expect(task).toContain(
      'tasks.json, record "bbr-adgangsstyring", field "reminderDays": a task without a deadline gets no reminders',
    );
    const month = await loadErrorOf('deadlines.json', (data) => {
      recordById(data, 'kigo-lukker').reminderDays = [7];
    });
    expect(month).toContain(
      'deadlines.json, record "kigo-lukker", field "reminderDays": a date known only to the month gets no reminders',
    );
  });
});
