import { z } from 'zod';
import { formatDate } from '../../src/core/format.js';
import type { Reply, ReplyButton } from '../../src/core/types.js';
import { findTask, type Task } from '../../src/knowledge/queries.js';
import type { Dialog, DialogContext } from '../types.js';
import { daysLeftText, taskKindText } from '../shared/text.js';
import { statusButton } from '../status/buttons.js';
import { materialText, say, sourcesLine } from '../shared/say.js';
import { dialogButton } from '../shared/buttons.js';
import { listReply, unknownReply } from '../shared/replies.js';
import { kindsCompared } from './task-kinds.js';
import { stateText, taskLine } from './task-lines.js';
import { ANSWER_DIALOGS } from '../names.js';

function supportSystemId(context: DialogContext, name: string | null): string | undefined {
  return name === null ? undefined : context.knowledge.supportSystems.find((system) => system.name === name)?.id;
}

function infoButtons(context: DialogContext, task: Task): ReplyButton[] {
  const buttons: ReplyButton[] = [
    dialogButton(say(context, 'Hvornår er deadline?', 'When is it due?'), ANSWER_DIALOGS.taskDeadline, {
      taskId: task.id,
    }),
  ];
  const report = statusButton(context, task);
  if (report) buttons.push(report);
  if (task.steps.length > 0)
    buttons.push(
      dialogButton(say(context, 'Vis trinene', 'Show the steps'), ANSWER_DIALOGS.taskSteps, { taskId: task.id }),
    );
  const systemId = supportSystemId(context, task.supportSystem);
  if (systemId)
    buttons.push(
      dialogButton(
        say(context, `Alle opgaver for ${task.supportSystem}`, `All tasks for ${task.supportSystem}`),
        ANSWER_DIALOGS.taskList,
        { supportSystemId: systemId },
      ),
    );
  else
    buttons.push(
      dialogButton(
        say(
          context,
          `Alle ${taskKindText(context, task.kind, 'many')}`,
          `All ${taskKindText(context, task.kind, 'many')}`,
        ),
        ANSWER_DIALOGS.taskList,
        { kind: task.kind },
      ),
    );
  return buttons.slice(0, 3);
}

/**
 * "SAPA skal anvende Organisation": what the material says the IT system needs the support system
 * for ("behov: Hvor arbejder medarbejderen? …"), which is what the task comes to.
 */
function needsOf(context: DialogContext, task: Task): string[] {
  const system = context.knowledge.supportSystems.find((candidate) => candidate.name === task.supportSystem);
  const systems = new Set(
    context.knowledge.itSystems.filter((item) => task.itSystems.includes(item.name)).map((item) => item.id),
  );
  const needs = (system?.businessNeeds ?? [])
    .filter((need) => systems.has(need.itSystem))
    .flatMap((need) => need.needs);
  if (needs.length === 0) return [];
  return [
    say(context, `Behov ifølge materialet: ${needs.join('; ')}`, `Needs, in the material's words: ${needs.join('; ')}`),
  ];
}

/** What a task is: its kind (in Danish words), support system, state and deadline, and the seed's description. */
export const taskInfo: Dialog = (context, args) => {
  const task = findTask(context.knowledge, args.taskId ?? '');
  if (!task) return unknownReply(context, 'Den opgave kender jeg ikke.', "I don't know that task.");
  const kind = taskKindText(context, task.kind, 'one');
  const guessed = task.kindCertain
    ? ''
    : say(
        context,
        ' (materialet siger det ikke direkte; aflæst af sammenhængen)',
        ' (the material does not say so outright; read from context)',
      );
  const system = task.supportSystem ? say(context, ` for ${task.supportSystem}`, ` for ${task.supportSystem}`) : '';
  const lines = [
    say(
      context,
      `**${task.title}** er en ${kind}${system}${guessed}.`,
      `**${task.title}** is a ${kind}${system}${guessed}.`,
    ),
    task.deadline && task.state === 'active'
      ? `Deadline: **${formatDate(task.deadline, context.language)}**${daysLeftText(context, task.deadline)}.`
      : `${say(context, 'Status', 'State')}: ${stateText(context, task)}.`,
  ];
  if (task.stateNote) lines.push(task.stateNote);
  if (task.description) lines.push(materialText(context, task.description));
  if (task.published) lines.push(say(context, `Publicering: ${task.published}.`, `Publication: ${task.published}.`));
  lines.push(...needsOf(context, task));
  return [
    {
      heading: task.title,
      text: lines.join('\n'),
      source: sourcesLine(context, [task.source.label]),
      buttons: infoButtons(context, task),
    },
  ];
};

const taskKind = z.enum(['basis', 'solution-specific', 'operations']);
const listArgs = z.object({
  kind: taskKind.optional(),
  // "basis,solution-specific": the kinds asked about side by side ("forskellen på …")
  kinds: z
    .string()
    .transform((text) => [...new Set(text.split(','))])
    .pipe(z.array(taskKind).min(2))
    .optional(),
  supportSystemId: z.string().optional(),
  // 'updating': only the tasks being updated
  upcoming: z.enum(['true', 'false', 'updating']).optional(),
});

function listButtons(context: DialogContext, tasks: Task[], upcoming: boolean): ReplyButton[] {
  const buttons = tasks.slice(0, 2).map((task) =>
    dialogButton(say(context, `Om ${task.title}`, `About ${task.title}`), ANSWER_DIALOGS.taskInfo, {
      taskId: task.id,
    }),
  );
  if (!upcoming)
    buttons.push(
      dialogButton(say(context, 'Kommende KLIK-opgaver', 'Coming KLIK tasks'), ANSWER_DIALOGS.taskList, {
        upcoming: 'true',
      }),
    );
  else buttons.push(dialogButton(say(context, 'Kommende deadlines', 'Upcoming deadlines'), ANSWER_DIALOGS.upcoming));
  return buttons;
}

/** "Der er ingen … i mine data": the material has none of them (where a passage says more, it answers instead). */
function noneReply(context: DialogContext, what: string, coming: boolean): Reply[] {
  return [
    {
      text: say(context, `Der er ingen ${what} i mine data.`, `There are no ${what} in my data.`),
      source: sourcesLine(context, ['Programledermøde september 2018']),
      buttons: listButtons(context, [], coming),
      notKnown: true,
    },
  ];
}

/** What the list is of, in the words of its filter: "basisopgaver", "kommende KLIK-opgaver", "opgaver". */
function listedWhat(
  context: DialogContext,
  form: 'one' | 'many',
  kind: Task['kind'] | undefined,
  upcoming: 'true' | 'false' | 'updating' | undefined,
): string {
  const one = form === 'one';
  if (kind && upcoming === 'updating')
    return `${taskKindText(context, kind, form)} ${say(context, 'under opdatering', 'being updated')}`;
  if (kind) return taskKindText(context, kind, form);
  if (upcoming === 'updating')
    return one
      ? say(context, 'KLIK-opgave under opdatering', 'KLIK task being updated')
      : say(context, 'KLIK-opgaver under opdatering', 'KLIK tasks being updated');
  if (upcoming === 'true')
    return one
      ? say(context, 'kommende KLIK-opgave', 'coming KLIK task')
      : say(context, 'kommende KLIK-opgaver', 'coming KLIK tasks');
  return one ? say(context, 'opgave', 'task') : say(context, 'opgaver', 'tasks');
}

/** Tasks of a kind, of a support system, or coming up (announced or being updated), in the seed's order. */
export const taskList: Dialog = (context, args) => {
  const parsed = listArgs.safeParse(args);
  if (!parsed.success)
    return unknownReply(context, 'Den slags opgave kender jeg ikke.', "I don't know that kind of task.");
  const { kind, kinds, supportSystemId: systemId, upcoming } = parsed.data;
  const system =
    systemId === undefined
      ? undefined
      : context.knowledge.supportSystems.find((candidate) => candidate.id === systemId.toLowerCase());
  if (systemId !== undefined && !system)
    return unknownReply(context, 'Det støttesystem kender jeg ikke.', "I don't know that support system.");
  if (kinds) return kindsCompared(context, kinds, system);
  const updating = upcoming === 'updating';
  const coming = upcoming === 'true' || updating;
  const tasks = context.knowledge.tasks.filter(
    (task) =>
      (!kind || task.kind === kind) &&
      (!system || task.supportSystem === system.name) &&
      (!coming || task.state === 'updating' || (!updating && task.state === 'announced')),
  );
  const what = listedWhat(context, tasks.length === 1 ? 'one' : 'many', kind, upcoming);
  const forSystem = system ? say(context, ` for ${system.name}`, ` for ${system.name}`) : '';
  if (tasks.length === 0) return noneReply(context, `${what}${forSystem}`, coming);
  const intro = say(
    context,
    `Der er **${tasks.length} ${what}**${forSystem}:`,
    `There ${tasks.length === 1 ? 'is' : 'are'} **${tasks.length} ${what}**${forSystem}:`,
  );
  // (tasks being updated are in KLIK already)
  const after =
    coming && !updating
      ? [
          say(
            context,
            'Varslede opgaver er ikke stillet i KLIK endnu; KOMBIT orienterer, når de bliver det.',
            'Announced tasks are not yet set in KLIK; KOMBIT will say when they are.',
          ),
        ]
      : [];
  return [
    listReply({
      heading: say(context, 'KLIK-opgaver', 'KLIK tasks'),
      intro,
      list: tasks.map((task) => taskLine(context, task, { kind: !kind, system: !system })),
      after,
      source: sourcesLine(
        context,
        tasks.map((task) => task.source.label),
      ),
      buttons: listButtons(context, tasks, coming),
    }),
  ];
};
