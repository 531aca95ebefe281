import { concrete } from '../../src/knowledge/live.js';
import { daysUntil, formatDate, relativeDays } from '../../src/core/format.js';
import type { Reply, ReplyButton } from '../../src/core/types.js';
import type { Knowledge } from '../../src/knowledge/registry.js';
import type { Task } from '../../src/knowledge/schemas/tasks.js';
import type { DueReminder } from '../../src/reminders/engine.js';
import type { RemindableItem } from '../../src/reminders/types.js';
import type { StatusRepository } from '../../src/state/statuses.js';
import { joinAnd } from '../shared/text.js';
import { statusWord } from '../status/form.js';
import { REMINDER_DIALOGS, STATUS_DIALOGS } from '../names.js';
import { sourceLine } from '../shared/say.js';
import { dialogButton } from '../shared/buttons.js';
import { statusTasks } from '../../src/knowledge/queries.js';

// Reminders are pushed, with no question to take the language from: Danish, as the users write.
const DANISH = { language: 'da' } as const;

type Statuses = Pick<StatusRepository, 'current'>;

function dateClause(item: RemindableItem): string {
  const date = formatDate(item.date, 'da');
  if (item.relation === 'before') return `skal være gjort inden ${date}`;
  if (item.relation === 'on') return date;
  return `deadline ${date}`;
}

/** "🔔 Om 7 dage: …" before the date, "⏰ Fristen er overskredet: …" after it. */
function headline(item: RemindableItem, daysLeft: number): { heading: string; passed: boolean } {
  const passed = item.relation === 'before' ? daysLeft <= 0 : daysLeft < 0;
  if (passed) return { heading: `⏰ Fristen er overskredet (${relativeDays(daysLeft, 'da')}): ${item.title}`, passed };
  const when = relativeDays(daysLeft, 'da');
  return { heading: `🔔 ${when.charAt(0).toUpperCase()}${when.slice(1)}: ${item.title}`, passed };
}

function statusLine(
  knowledge: Knowledge,
  statuses: Statuses,
  task: Task | undefined,
  municipalityId: string | undefined,
): string | undefined {
  if (!task) return undefined;
  const municipality = knowledge.municipalities.find((m) => m.id === municipalityId);
  if (!municipality)
    return "Samtalen hører ikke til en kommune, så jeg kan ikke vise jeres status. Skriv 'kanal <kommune>' (i Slack: /klik kanal <kommune>), eller 'kommune <navn>' i en personlig chat.";
  if (task.steps.length === 0)
    return `Status for ${municipality.name}: **${statusWord(DANISH, statuses.current(municipality.id, task.id))}**.`;
  const done = task.steps.filter((step) => statuses.current(municipality.id, task.id, step.number) === 'done');
  const next = task.steps.find((step) => statuses.current(municipality.id, task.id, step.number) !== 'done');
  const nextText = next ? `; næste: trin ${next.number} ${next.title}` : '';
  return `Status for ${municipality.name}: **${done.length} af ${task.steps.length} trin fuldført**${nextText}.`;
}

function responsibleLine(knowledge: Knowledge, item: RemindableItem): string {
  const names = item.responsibleRoleIds.map((id) => knowledge.roles.find((role) => role.id === id)?.name ?? id);
  return names.length > 0 ? `Ansvarlig: ${joinAnd(names, 'da')}.` : 'Oplægget nævner ingen ansvarlig rolle.';
}

function buttons(knowledge: Knowledge, item: RemindableItem, task: Task | undefined): ReplyButton[] {
  const result: ReplyButton[] = [];
  if (task && statusTasks(knowledge).includes(task)) {
    if (task.steps.length > 0) result.push(dialogButton('Opdater status', STATUS_DIALOGS.form, { taskId: task.id }));
    else {
      result.push(dialogButton('Påbegyndt', STATUS_DIALOGS.update, { taskId: task.id, status: 'started' }));
      result.push({
        ...dialogButton('Fuldført', STATUS_DIALOGS.update, { taskId: task.id, status: 'done' }),
        replacesCard: true,
      });
    }
  }
  result.push(dialogButton('Mind mig i morgen', REMINDER_DIALOGS.snooze, { itemId: item.id }));
  result.push(
    dialogButton(
      task ? 'Stop påmindelser for denne opgave' : 'Stop påmindelser om denne frist',
      REMINDER_DIALOGS.mute,
      { itemId: item.id },
    ),
  );
  return result;
}

/**
 * The reminder message: the task and its date with the days left counted from now, the
 * municipality's status, who is responsible, and buttons to report status, snooze or stop.
 */
export function createReminderComposer(knowledge: Knowledge, statuses: Statuses): (due: DueReminder) => Reply[] {
  // formatting a Danish date is the costly part, and every conversation due at one moment shares it
  const itemParts = new Map<
    string,
    { task: Task | undefined; heading: string; when: string; responsible: string; buttons: ReplyButton[] }
  >();
  // (keyed by the knowledge too: a reload at the same moment reads the new task)
  const knowledgeKeys = new WeakMap<Knowledge, number>();
  let loads = 0;
  const knowledgeKey = () => {
    const now = concrete(knowledge);
    let key = knowledgeKeys.get(now);
    if (key === undefined) knowledgeKeys.set(now, (key = loads += 1));
    return key;
  };
  const partsOf = (item: RemindableItem, now: DueReminder['now']) => {
    const key = `${item.id}|${now.toMillis()}|${knowledgeKey()}`;
    let parts = itemParts.get(key);
    if (!parts) {
      if (itemParts.size > 1000) itemParts.clear();
      const task =
        item.taskId === undefined ? undefined : knowledge.tasks.find((candidate) => candidate.id === item.taskId);
      const { heading, passed } = headline(item, daysUntil(item.date, now));
      const when = passed
        ? `${item.relation === 'before' ? 'Fristen var' : 'Datoen var'} ${formatDate(item.date, 'da')}.`
        : `${capitalise(dateClause(item))}.`;
      parts = {
        task,
        heading,
        when,
        responsible: responsibleLine(knowledge, item),
        buttons: buttons(knowledge, item, task),
      };
      itemParts.set(key, parts);
    }
    return parts;
  };
  return ({ item, municipalityId, now }) => {
    const { task, heading, when, responsible, buttons: itemButtons } = partsOf(item, now);
    const lines = [when, statusLine(knowledge, statuses, task, municipalityId), responsible].filter(
      (line): line is string => line !== undefined,
    );
    const source = sourceLine(DANISH, item.sourceLabel);
    return [
      {
        text: [heading, ...lines, source].join('\n'),
        heading,
        intro: lines.join('\n'),
        source,
        buttons: [...itemButtons],
      },
    ];
  };
}

function capitalise(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}
