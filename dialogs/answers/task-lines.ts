import { formatDate } from '../../src/core/format.js';
import { datesForTask, type Task } from '../../src/knowledge/queries.js';
import type { DialogContext } from '../types.js';
import { daysLeftText, taskKindText } from '../shared/text.js';
import { say } from '../shared/say.js';

/** Where the task stands, in a few words: its deadline, or why it has none. */
export function stateText(context: DialogContext, task: Task): string {
  if (task.state === 'dropped') return say(context, 'udgår', 'dropped');
  if (task.state === 'announced')
    return say(context, 'kun varslet, ikke stillet i KLIK endnu', 'only announced, not yet set in KLIK');
  if (task.state === 'updating') return say(context, 'under opdatering i KLIK', 'being updated in KLIK');
  if (task.deadline)
    return `${say(context, 'deadline', 'due')} ${formatDate(task.deadline, context.language)}${daysLeftText(context, task.deadline)}`;
  if (!task.inKlik) return say(context, 'løbende, følges ikke i KLIK', 'ongoing, not tracked in KLIK');
  // a task without a deadline of its own may still have a critical date ("BBR kun via Adgangsstyring")
  const critical = datesForTask(context.knowledge, task.id).find((item) => item.kind === 'deadline');
  if (critical && critical.precision === 'day')
    return `${say(context, 'kritisk dato', 'critical date')} ${formatDate(critical.date, context.language)}${daysLeftText(context, critical.date)}: ${critical.title}`;
  return say(context, 'ingen deadline i materialet', 'no deadline in the material');
}

/** "Title: basisopgave, Fordelingskomponenten, deadline …", leaving out what the list is already filtered by. */
export function taskLine(context: DialogContext, task: Task, shown: { kind: boolean; system: boolean }): string {
  const unsure = !task.kindCertain;
  const kind = shown.kind
    ? [(unsure ? say(context, 'formentlig ', 'probably ') : '') + taskKindText(context, task.kind, 'one')]
    : unsure
      ? [say(context, 'art ikke sikker', 'kind not certain')]
      : [];
  const extras = [
    ...kind,
    ...(shown.system && task.supportSystem ? [task.supportSystem] : []),
    stateText(context, task),
  ];
  return `${task.title}: ${extras.join(', ')}`;
}
