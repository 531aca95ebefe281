import { afterEach, describe, expect, it } from 'vitest';
import { knowledgeNotices, loadKnowledge } from '../../src/knowledge/loader.js';
import { knowledgeFiles } from '../../src/knowledge/registry.js';
import { brokenCopy, dataDir, loadErrorOf, recordById } from './data-copy.js';
import { describeProblem } from '../../src/knowledge/problems.js';

const disposers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(disposers.splice(0).map((dispose) => dispose()));
});

const loadBroken = loadErrorOf;

const september14 = 'programledermoede-2018-09-14';

describe('the shipped knowledge base', () => {
  it('loads all kinds and holds the seed facts', async () => {
    const knowledge = await loadKnowledge(dataDir);
    expect(Object.keys(knowledge).sort()).toEqual(Object.keys(knowledgeFiles).sort());
    expect(knowledge.tasks.find((task) => task.id === 'udpeg-fk-adm-og-fk-ansv')?.deadline).toBe('2018-11-01');
    expect(knowledge.tasks.find((task) => task.id === 'bbr-adgangsstyring')?.steps.map((step) => step.number)).toEqual([
      1, 2, 3, 4, 5,
    ]);
    expect(knowledge.meetings.map((meeting) => [meeting.date, meeting.start, meeting.end])).toEqual([
      ['2018-09-06', '10.00', '12.00'],
      ['2018-09-12', '13.00', '15.00'],
      ['2018-09-14', '10.30', '12.30'],
    ]);
    expect(knowledge.roles.find((role) => role.id === 'organisationsadministrator')?.mayList?.positions).toEqual([
      8, 10,
    ]);
  });

  it('reports the acknowledged 14 September agenda typo as its only notice', async () => {
    const notices = knowledgeNotices(await loadKnowledge(dataDir));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ file: 'meetings.json', record: september14, field: 'agenda.3.end' });
    expect(describeProblem(notices[0]!)).toContain('ends 10.20, not after it starts (11.10)');
  });
});

describe('tasks.json validation', () => {
  it('names file, record and field for an impossible deadline', async () => {
    const message = await loadBroken('tasks.json', (data) => {
      recordById(data, 'udpeg-fk-adm-og-fk-ansv').deadline = '2018-13-01';
    });
    expect(message).toContain(
      'tasks.json, record "udpeg-fk-adm-og-fk-ansv", field "deadline": is not a real calendar date',
    );
  });

  it('names the reference when a task names a role that does not exist', async () => {
    const message = await loadBroken('tasks.json', (data) => {
      recordById(data, 'udpeg-fk-adm-og-fk-ansv').responsibleRoles = ['x'];
    });
    expect(message).toContain(
      'tasks.json, record "udpeg-fk-adm-og-fk-ansv", field "responsibleRoles.0": no role with id "x" in roles.json',
    );
  });

  it('names support and IT systems that the system files do not know', async () => {
    const message = await loadBroken('tasks.json', (data) => {
      const task = recordById(data, 'bbr-adgangsstyring');
      task.supportSystem = 'Adgangstyring';
      task.itSystems = ['BRR'];
    });
    expect(message).toContain(
      'tasks.json, record "bbr-adgangsstyring", field "supportSystem": no support system named "Adgangstyring" in support-systems.json',
    );
    expect(message).toContain(
      'tasks.json, record "bbr-adgangsstyring", field "itSystems.0": no IT system named "BRR" in it-systems.json',
    );
  });

  it('rejects BBR steps that are not numbered 1..5 in order', async () => {
    const message = await loadBroken('tasks.json', (data) => {
      const steps = recordById(data, 'bbr-adgangsstyring').steps as { number: number }[];
      steps[2]!.number = 4;
    });
    expect(message).toContain('tasks.json, record "bbr-adgangsstyring", field "steps.2.number"');
  });

  it('requires a note when no responsible role is given', async () => {
    const message = await loadBroken('tasks.json', (data) => {
      delete recordById(data, 'godkend-initiale-fordelingsregler').responsibleNote;
    });
    expect(message).toContain('tasks.json, record "godkend-initiale-fordelingsregler", field "responsibleNote"');
  });
});

describe('deadlines.json validation', () => {
  it('names a related task that does not exist', async () => {
    const message = await loadBroken('deadlines.json', (data) => {
      recordById(data, 'bbr-kritisk-deadline').relatedTask = 'bbr-adgang';
    });
    expect(message).toContain(
      'deadlines.json, record "bbr-kritisk-deadline", field "relatedTask": no task with id "bbr-adgang" in tasks.json',
    );
  });

  it('names a responsible role that does not exist', async () => {
    const message = await loadBroken('deadlines.json', (data) => {
      recordById(data, 'beskedfordeler-serviceaftaler-godkendes').responsibleRoles = [
        'aftaleadministrator',
        'aftaleadmin',
      ];
    });
    expect(message).toContain(
      'deadlines.json, record "beskedfordeler-serviceaftaler-godkendes", field "responsibleRoles.1": no role with id "aftaleadmin"',
    );
  });

  it('checks the date against its precision', async () => {
    const message = await loadBroken('deadlines.json', (data) => {
      recordById(data, 'kigo-lukker').date = '2018-10-15';
    });
    expect(message).toContain('deadlines.json, record "kigo-lukker", field "date": must be a month written YYYY-MM');
  });
});

describe('roles.json validation', () => {
  it('requires a note on an uncertain placement', async () => {
    const message = await loadBroken('roles.json', (data) => {
      const placements = recordById(data, 'superbruger').placements as Record<string, unknown>[];
      delete placements[1]!.note;
    });
    expect(message).toContain('roles.json, record "superbruger", field "placements.1.note"');
  });

  it('names an unknown phase', async () => {
    const message = await loadBroken('roles.json', (data) => {
      const placements = recordById(data, 'kombit-programleder').placements as Record<string, unknown>[];
      placements[0]!.phase = 'drift';
    });
    expect(message).toContain('roles.json, record "kombit-programleder", field "placements.0.phase"');
  });

  it('names a group that is not a role', async () => {
    const message = await loadBroken('roles.json', (data) => {
      (recordById(data, 'rolleadministrator').groupedUnder as Record<string, unknown>).role = 'sts-admins';
    });
    expect(message).toContain(
      'roles.json, record "rolleadministrator", field "groupedUnder.role": no role with id "sts-admins"',
    );
  });
});

describe('meetings.json validation', () => {
  function agendaOf(data: Parameters<typeof recordById>[0], id: string): Record<string, unknown>[] {
    return recordById(data, id).agenda as Record<string, unknown>[];
  }

  it('rejects the 14 September "11.10 - 10.20" item without its acknowledgement', async () => {
    const message = await loadBroken('meetings.json', (data) => {
      delete agendaOf(data, september14)[3]!.seedAnomaly;
    });
    expect(message).toContain(
      `meetings.json, record "${september14}", field "agenda.3.end": ends 10.20, not after it starts (11.10)`,
    );
  });

  it('rejects a misspelt acknowledgement field instead of ignoring it', async () => {
    const message = await loadBroken('meetings.json', (data) => {
      const item = agendaOf(data, september14)[3]!;
      item.seedAnomally = item.seedAnomaly;
      delete item.seedAnomaly;
    });
    expect(message).toContain(`meetings.json, record "${september14}", field "agenda.3"`);
    expect(message).toContain('seedAnomally');
  });

  it('rejects items out of time order and outside the meeting', async () => {
    const message = await loadBroken('meetings.json', (data) => {
      const agenda = agendaOf(data, 'programledermoede-2018-09-12');
      agenda[5]!.start = '14.00';
      agenda[8]!.end = '15.10';
    });
    expect(message).toContain(
      'meetings.json, record "programledermoede-2018-09-12", field "agenda.5.start": starts 14.00, before the previous item',
    );
    expect(message).toContain(
      'meetings.json, record "programledermoede-2018-09-12", field "agenda.8.end": ends 15.10, outside the meeting\'s 13.00–15.00',
    );
  });

  it('loads an acknowledged anomaly anywhere and reports it as a notice', async () => {
    const copy = await brokenCopy('meetings.json', (data) => {
      const item = agendaOf(data, 'programledermoede-2018-09-06')[0]!;
      item.end = '09.55';
      item.seedAnomaly = 'a test anomaly';
    });
    disposers.push(copy.dispose);
    const notices = knowledgeNotices(await loadKnowledge(copy.dir));
    expect(notices.map((notice) => [notice.record, notice.field])).toEqual([
      ['programledermoede-2018-09-06', 'agenda.0.end'],
      [september14, 'agenda.3.end'],
    ]);
  });

  it('requires a presenter to be one of the hosts', async () => {
    const message = await loadBroken('meetings.json', (data) => {
      agendaOf(data, 'programledermoede-2018-09-06')[6]!.presenter = 'Peter Jensen';
    });
    expect(message).toContain('meetings.json, record "programledermoede-2018-09-06", field "agenda.6.presenter"');
  });
});
