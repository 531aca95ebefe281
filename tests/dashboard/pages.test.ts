import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import { boardOf } from '../../src/dashboard/board.js';
import { boardPage } from '../../src/dashboard/board-page.js';
import { boardCsv, deadlinesCsv, meetingsCsv, progressCsv } from '../../src/dashboard/csv.js';
import { deadlinesOf } from '../../src/dashboard/deadlines.js';
import { html, jsonBlock } from '../../src/dashboard/html.js';
import { meetingsOf } from '../../src/dashboard/meetings.js';
import { progressOf } from '../../src/dashboard/progress.js';
import { progressPage } from '../../src/dashboard/progress-page.js';
import type { Viewer } from '../../src/dashboard/viewer.js';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import type { Knowledge } from '../../src/knowledge/registry.js';
import { emptyState, type State, type StatusUpdate } from '../../src/state/schema.js';

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await loadKnowledge(path.resolve('data/knowledge'));
});

const national: Viewer = { sees: 'national', via: 'local' };
const koegeMember: Viewer = { sees: 'municipality', municipalityId: 'koege', via: 'link' };

function update(
  municipalityId: string,
  taskId: string,
  step: number | undefined,
  status: StatusUpdate['status'],
  extra: Partial<StatusUpdate> = {},
): StatusUpdate {
  return {
    id: randomUUID(),
    municipalityId,
    taskId,
    ...(step !== undefined ? { step } : {}),
    status,
    previous: 'not-started',
    by: { channel: 'teams', userId: 'aad-x', name: 'Mette' },
    at: '2018-10-01T10:00:00.000+02:00',
    ...extra,
  };
}

function stateWith(updates: StatusUpdate[], more: Partial<State> = {}): State {
  return { ...emptyState(), statusUpdates: updates, ...more };
}

describe('the board', () => {
  it('narrows to a step and a SAPA group, and sorts by progress with the most done first', () => {
    const state = stateWith([
      update('aarhus', 'bbr-adgangsstyring', 3, 'started'),
      update('koege', 'bbr-adgangsstyring', 3, 'done'),
    ]);
    const board = boardOf(knowledge, state, { taskId: 'bbr-adgangsstyring', step: 3, sort: 'progress' }, national);
    expect(board.columns.map((column) => column.short)).toEqual(['BBR 3']);
    expect(board.rows.slice(0, 2).map((row) => row.id)).toEqual(['koege', 'aarhus']);
    expect(board.rows).toHaveLength(98);
    const group = board.groups[0]!;
    const inGroup = boardOf(knowledge, state, { group, sort: 'name' }, national).rows;
    expect(inGroup.length).toBeGreaterThan(0);
    expect(inGroup.length).toBeLessThan(98);
  });

  it("shows a member only their own municipality's row, and the CSV only its lines", () => {
    const state = stateWith([update('aarhus', 'bbr-adgangsstyring', 3, 'done')]);
    expect(boardOf(knowledge, state, { sort: 'name' }, koegeMember).rows.map((row) => row.id)).toEqual(['koege']);
    const lines = boardCsv(knowledge, state, { sort: 'name' }, koegeMember).trim().split('\r\n');
    expect(lines).toHaveLength(14);
    expect(lines.slice(1).every((line) => line.startsWith('koege;'))).toBe(true);
  });

  it('writes a name as text, never as markup', () => {
    const state = stateWith([
      update('koege', 'bbr-adgangsstyring', 1, 'done', {
        by: { channel: 'teams', userId: 'x', name: '<img src=x onerror=alert(1)>' },
      }),
    ]);
    const page = boardPage(
      knowledge,
      boardOf(knowledge, state, { sort: 'name' }, national),
      { sort: 'name' },
      {
        language: 'da',
        viewer: national,
      },
    );
    expect(page).not.toContain('<img');
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('says a cell whose only update was undone was not reported, but keeps who undid it as the last change', () => {
    const state = stateWith([
      update('koege', 'bbr-adgangsstyring', 1, 'done', { undoneAt: '2018-10-01T11:00:00.000+02:00' }),
    ]);
    const row = boardOf(knowledge, state, { taskId: 'bbr-adgangsstyring', step: 1, sort: 'name' }, koegeMember)
      .rows[0]!;
    expect(row.cells[0]).toMatchObject({ status: 'not-started', reported: false, at: '2018-10-01T11:00:00.000+02:00' });
    expect(progressOf(knowledge, state, { taskId: 'bbr-adgangsstyring', step: 1 })[0]!.reporting).toBe(0);
  });
});

describe('national progress', () => {
  it('puts the KLIK extract beside the reports, never adding them up', () => {
    const state = stateWith([update('koege', 'bbr-adgangsstyring', 3, 'done')]);
    const [step3] = progressOf(knowledge, state, { taskId: 'bbr-adgangsstyring', step: 3 });
    expect(step3!.baseline).toEqual({
      asOf: '2018-09-04',
      label: 'KLIK-udtræk 4. september 2018',
      counts: { done: 28, started: 17, 'not-started': 53 },
    });
    expect(step3!.reported).toEqual({ done: 1, started: 0, 'not-started': 0 });
    expect(step3!.reporting).toBe(1);
    const withoutExtract = progressOf(knowledge, state, { taskId: 'udpeg-fk-adm-og-fk-ansv' });
    expect(withoutExtract[0]!.baseline).toBeUndefined();
  });

  it("carries the chart's figures in a block no text can break out of", () => {
    expect(jsonBlock({ label: '</script><script>alert(1)</script>' }).text).not.toContain('</script>');
    const page = progressPage(progressOf(knowledge, stateWith([])), { language: 'en', viewer: national }, '2018-10-01');
    expect(page).toContain('<html lang="en">');
    // each side of the comparison with its as-of date
    expect(page).toContain('KLIK extract 4 September 2018');
    expect(page).toContain('Reported to klikbot as of 1 October 2018 (0 of 98 municipalities)');
    const csv = progressCsv(
      progressOf(knowledge, stateWith([update('koege', 'bbr-adgangsstyring', 3, 'done')])),
      '2018-10-01',
    );
    expect(csv).toContain('bbr-adgangsstyring;3;KLIK;2018-09-04;28;17;53;98\r\n');
    expect(csv).toContain('bbr-adgangsstyring;3;klikbot;2018-10-01;1;0;0;1\r\n');
    expect(html`<p>${'a & b'}</p>`.text).toBe('<p>a &amp; b</p>');
  });
});

describe('the deadlines', () => {
  const today = DateTime.fromISO('2018-11-02T10:00:00+01:00');

  it('marks a passed deadline overdue while a municipality has not reported its task done, and passed for one that has', () => {
    const state = stateWith([update('koege', 'udpeg-fk-adm-og-fk-ansv', undefined, 'done')]);
    const fk = deadlinesOf(knowledge, state, today).find((line) => line.id === 'udpeg-fk-adm-og-fk-ansv')!;
    expect(fk).toMatchObject({ date: '2018-11-01', days: -1, state: 'overdue', open: 97 });
    const forKoege = deadlinesOf(knowledge, state, today, 'koege').find((line) => line.id === fk.id)!;
    expect(forKoege).toMatchObject({ state: 'past', doneByMunicipality: true });
    const forAarhus = deadlinesOf(knowledge, state, today, 'aarhus').find((line) => line.id === fk.id)!;
    expect(forAarhus).toMatchObject({ state: 'overdue', doneByMunicipality: false });
    const ahead = deadlinesOf(knowledge, state, today).find((line) => line.id === 'godkend-initiale-fordelingsregler')!;
    expect(ahead).toMatchObject({ state: 'next', days: 40 });
  });

  it('counts a task with steps done only when every step is', () => {
    const steps = [1, 2, 3, 4, 5].map((step) => update('koege', 'bbr-adgangsstyring', step, 'done'));
    const lines = (updates: StatusUpdate[]) => deadlinesOf(knowledge, stateWith(updates), today, 'koege');
    const bbr = (updates: StatusUpdate[]) => lines(updates).filter((line) => line.taskId === 'bbr-adgangsstyring');
    expect(bbr(steps).every((line) => line.doneByMunicipality === true)).toBe(true);
    expect(bbr(steps.slice(0, 4)).every((line) => line.doneByMunicipality === false)).toBe(true);
  });
});

describe('the meetings', () => {
  const now = DateTime.fromISO('2018-09-06T12:00:00+02:00');
  const pollId = '00000000-0000-4000-8000-000000000001';
  const poll = {
    id: pollId,
    channel: 'teams',
    conversationId: 'c',
    question: '=HYPERLINK("http://evil.example","klik")',
    options: [
      { id: 'a', label: 'Ja' },
      { id: 'b', label: 'Nej' },
    ],
    multiple: false,
    anonymous: true,
    live: false,
    createdBy: { channel: 'teams', userId: 'host' },
    createdAt: '2018-09-06T11:00:00.000+02:00',
  };
  const votes = [{ pollId, voter: 'h1', choices: ['a'], at: '2018-09-06T11:01:00.000+02:00' }];

  it('hides the counts of an open poll that shows them only once closed, and shows polls to national viewers only', () => {
    const open = meetingsOf(knowledge, stateWith([], { polls: [poll], votes }), now, national);
    expect(open.polls[0]!.results).toBeUndefined();
    const closed = meetingsOf(
      knowledge,
      stateWith([], { polls: [{ ...poll, closedAt: '2018-09-06T11:30:00.000+02:00' }], votes }),
      now,
      national,
    );
    expect(closed.polls[0]!.results?.options[0]).toMatchObject({ label: 'Ja', votes: 1, percent: 100 });
    expect(meetingsOf(knowledge, stateWith([], { polls: [poll], votes }), now, koegeMember).polls).toEqual([]);
    // a question that a spreadsheet would run as a formula is written inert
    expect(meetingsCsv(closed)).toContain(`;"'=HYPERLINK(""http://evil.example"",""klik"")";`);
  });

  it("orders the evaluations by meeting for the trend; a member sees the programme meetings' figures, not the comments", () => {
    const evaluation = (id: string, meetingId: string) => ({
      id,
      channel: 'teams',
      conversationId: 'c',
      meetingId,
      startedAt: '2018-09-06T12:00:00.000+02:00',
      closedAt: '2018-09-06T12:30:00.000+02:00',
    });
    const first = '00000000-0000-4000-8000-00000000000a';
    const second = '00000000-0000-4000-8000-00000000000b';
    const state = stateWith([], {
      evaluations: [
        evaluation(second, 'programledermoede-2018-09-14'),
        evaluation(first, 'programledermoede-2018-09-06'),
      ],
      evaluationAnswers: [
        { evaluationId: first, rating: 4, worked: 'Godt overblik' },
        { evaluationId: first, rating: 2 },
        { evaluationId: second, rating: 5 },
      ],
    });
    const view = meetingsOf(knowledge, state, now, national);
    expect(view.evaluations.map((e) => [e.date, e.summary.average])).toEqual([
      ['2018-09-06', 3],
      ['2018-09-14', 5],
    ]);
    expect(view.evaluations[0]!.comments.worked).toEqual(['Godt overblik']);
    const member = meetingsOf(knowledge, state, now, koegeMember);
    expect(member.evaluations).toHaveLength(2);
    expect(member.evaluations[0]!.comments.worked).toEqual([]);
  });
});

describe('the deadlines as CSV', () => {
  it('writes the days to go and gone as plain numbers a spreadsheet reads as numbers', () => {
    const today = DateTime.fromISO('2018-11-02T10:00:00+01:00');
    const csv = deadlinesCsv(deadlinesOf(knowledge, stateWith([]), today));
    const [header, ...rows] = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(header!.split(';').slice(3, 5)).toEqual(['dage_til', 'dage_siden']);
    const fk = rows.find((row) => row.startsWith('udpeg-fk-adm-og-fk-ansv;'))!.split(';');
    expect(fk.slice(3, 5)).toEqual(['', '1']);
    expect(fk[7]).toBe('98');
    const ahead = rows.find((row) => row.startsWith('godkend-initiale-fordelingsregler;'))!.split(';');
    expect(ahead.slice(3, 5)).toEqual(['40', '']);
    expect(csv).not.toMatch(/;'-/);
  });
});
