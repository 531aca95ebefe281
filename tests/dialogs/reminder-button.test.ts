import { describe, expect, it } from 'vitest';
import { datedFact } from '../../dialogs/answers/dated-fact.js';
import { upcoming } from '../../dialogs/answers/deadlines.js';
import { taskDeadline } from '../../dialogs/answers/task-deadline.js';
import type { Reply } from '../../src/core/types.js';
import { context } from './dialog-kit.js';

const remindActions = (replies: Reply[]) =>
  (replies[0]?.buttons ?? [])
    .filter((button) => button.action.dialog === 'reminder-subscribe')
    .map((button) => [button.title, button.action.args]);

describe('"Mind os om det" on answers about a date', () => {
  it('sits on a task’s deadline and subscribes to that task', () => {
    expect(remindActions(taskDeadline(context(), { taskId: 'udpeg-fk-adm-og-fk-ansv' }))).toEqual([
      ['Mind os om det', { itemId: 'udpeg-fk-adm-og-fk-ansv' }],
    ]);
    expect(
      remindActions(taskDeadline(context(undefined, 'en'), { taskId: 'godkend-initiale-fordelingsregler' })),
    ).toEqual([['Remind us', { itemId: 'godkend-initiale-fordelingsregler' }]]);
  });

  it('on a task reminded by the date related to it, subscribes to the date the answer gives (BBR: 1 November)', () => {
    expect(remindActions(taskDeadline(context(), { taskId: 'bbr-adgangsstyring' }))).toEqual([
      ['Mind os om det', { itemId: 'bbr-kritisk-deadline' }],
    ]);
    expect(remindActions(datedFact(context(), { deadlineId: 'bbr-kritisk-deadline' }))).toEqual([
      ['Mind os om det', { itemId: 'bbr-kritisk-deadline' }],
    ]);
  });

  it('is left out where nothing would be reminded: a month without a day, no deadline, or every reminder past', () => {
    expect(remindActions(datedFact(context(), { deadlineId: 'kigo-lukker' }))).toEqual([]);
    expect(remindActions(taskDeadline(context(), { taskId: 'verificer-fordelingsregler' }))).toEqual([]);
    // 20 September passed, and a date that belongs to no task has no reminder after it
    expect(
      remindActions(
        datedFact(context('2018-09-21T10:00:00+02:00'), { deadlineId: 'beskedfordeler-serviceaftaler-godkendes' }),
      ),
    ).toEqual([]);
    // the reminder the first working day after 1 November is still to come on the 1st, not after it
    expect(
      remindActions(taskDeadline(context('2018-11-01T10:00:00+01:00'), { taskId: 'udpeg-fk-adm-og-fk-ansv' })),
    ).toHaveLength(1);
    expect(
      remindActions(taskDeadline(context('2018-11-02T10:00:00+01:00'), { taskId: 'udpeg-fk-adm-og-fk-ansv' })),
    ).toEqual([]);
  });

  it('the list of coming deadlines offers every deadline', () => {
    expect(remindActions(upcoming(context(), {}))).toEqual([['Mind os om deadlines', {}]]);
  });
});
