import { z } from 'zod';
import { dataFile, isoDate, linkUrl, recordId, source } from '../common.js';
import type { DataProblem, IdRecords } from '../problems.js';
import { roleReferenceProblems } from './roles.js';

/** Basis tasks are done once, solution-specific ones for each new system, operations ones run on (not in KLIK). */
export const taskKind = z.enum(['basis', 'solution-specific', 'operations']);

/**
 * Where a task stands in KOMBIT's plan. Beyond active and dropped ("udgår"), the seed has
 * tasks "under opdatering" (exist, being rewritten) and tasks only announced ("Vi orienterer
 * jer, når projekterne stiller opgaver"): a user asking about them must hear that they are
 * not (yet) tasks to act on, so they get states of their own.
 */
export const taskState = z.enum(['active', 'dropped', 'updating', 'announced']);

const step = z.strictObject({
  number: z.int().positive(),
  title: z.string().min(1),
  /** Other wordings of the step in the seed (e.g. the status slide's shorter titles). */
  aliases: z.array(z.string().min(1)),
});

/**
 * Days before a date that reminders go out (0 is the day itself), overriding the default
 * 30, 14, 7, 1. Same bounds as a subscription's override in the state schema, which the
 * knowledge layer must not import.
 */
export const reminderDays = z
  .array(
    z
      .int('must be a whole number of days')
      .min(0, 'must be 0 (the day itself) or more days before the date')
      .max(365, 'must be at most 365 days before the date'),
  )
  .min(1, 'must name at least one day; leave the field out for the default 30, 14, 7, 1')
  .max(10, 'must name at most 10 days')
  .superRefine((days, ctx) => {
    days.forEach((day, index) => {
      if (days.indexOf(day) !== index)
        ctx.addIssue({ code: 'custom', path: [index], message: `${day} is named twice` });
    });
  });

const link = z.strictObject({ title: z.string().min(1), url: linkUrl });

/** One KLIK task (or announced / operations task) as named in the seed. */
export const record = z
  .strictObject({
    id: recordId,
    title: z.string().min(1),
    /** Other ways people name the task, including short forms; used for matching questions. */
    aliases: z.array(z.string().min(1)),
    kind: taskKind,
    /** False when the seed does not say the kind and it is read from context (see notes). */
    kindCertain: z.boolean(),
    state: taskState,
    /** The seed's words on the state, e.g. why a task is dropped. */
    stateNote: z.string().min(1).optional(),
    /** For a dropped task: the task it was folded into. */
    replacedBy: recordId.optional(),
    /** The support system the task concerns, named as in support-systems.json ("Fordelingskomponenten"). */
    supportSystem: z.string().min(1).nullable(),
    /** The IT systems the task is specific to ("BBR"), empty when it is not system-specific. */
    itSystems: z.array(z.string().min(1)),
    /** The task's own KLIK deadline; null when the seed gives none. */
    deadline: isoDate.nullable(),
    deadlineNote: z.string().min(1).optional(),
    /** Days before `deadline` that reminders go out; absent means the default (30, 14, 7, 1). */
    reminderDays: reminderDays.optional(),
    /** When KOMBIT publishes the task in KLIK, in the seed's words ("Publiceres senest november"). */
    published: z.string().min(1).nullable(),
    /** Whether the task is tracked in KLIK with a status per municipality. */
    inKlik: z.boolean(),
    /** False when the seed does not say it and `inKlik` is read from context (see notes); absent when stated. */
    inKlikCertain: z.boolean().optional(),
    /** The seed's own description (Danish, fit to show a user). */
    description: z.string().min(1).optional(),
    /** Notes for operators: where the seed is unclear and how it was read. */
    notes: z.array(z.string().min(1)),
    links: z.array(link),
    steps: z.array(step),
    /** Role ids the seed names as responsible; empty when it names none. */
    responsibleRoles: z.array(recordId),
    responsibleNote: z.string().min(1).optional(),
    /** Role ids the task is about without being responsible (e.g. the roles to be designated). */
    relatedRoles: z.array(recordId),
    source,
  })
  .superRefine((task, ctx) => {
    task.steps.forEach((s, index) => {
      if (s.number !== index + 1) {
        ctx.addIssue({
          code: 'custom',
          path: ['steps', index, 'number'],
          message: `steps must be numbered 1, 2, 3, … in order; expected ${index + 1}, found ${s.number}`,
        });
      }
    });
    if (task.responsibleRoles.length === 0 && !task.responsibleNote) {
      ctx.addIssue({
        code: 'custom',
        path: ['responsibleNote'],
        message: 'with no responsible roles, say why (e.g. "The seed names no role responsible for this task.")',
      });
    }
    if (task.state === 'dropped' && !task.stateNote) {
      ctx.addIssue({
        code: 'custom',
        path: ['stateNote'],
        message: "a dropped task needs the seed's note on why it is dropped",
      });
    }
    if (task.reminderDays && task.deadline === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['reminderDays'],
        message: 'a task without a deadline gets no reminders; remove reminderDays or give a deadline',
      });
    }
    if (task.inKlikCertain === false && task.notes.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['notes'],
        message: 'inKlik is marked uncertain: say in a note what it is read from',
      });
    }
    if (task.replacedBy && task.state !== 'dropped') {
      ctx.addIssue({ code: 'custom', path: ['replacedBy'], message: 'only a dropped task can be replaced by another' });
    }
  });

/** A KLIK task from tasks.json. */
export type Task = z.infer<typeof record>;
export type TaskKind = z.infer<typeof taskKind>;
export type TaskState = z.infer<typeof taskState>;

/** The file tasks.json. */
export const file = dataFile(record);

function namesOf(records: Named[]): Set<string> {
  return new Set(records.flatMap((record) => [record.name, ...record.aliases]));
}

/** Problems for support and IT system names that support-systems.json / it-systems.json do not know. */
/** What the check reads: the tasks, the systems they name (by name or alias) and the roles. */
type Checked = { tasks: Task[]; supportSystems: Named[]; itSystems: Named[]; roles: IdRecords };
type Named = { name: string; aliases: string[] };

function systemProblems(knowledge: Checked, task: Task): DataProblem[] {
  const problems: DataProblem[] = [];
  if (task.supportSystem !== null && !namesOf(knowledge.supportSystems).has(task.supportSystem)) {
    problems.push({
      file: 'tasks.json',
      record: task.id,
      field: 'supportSystem',
      message: `no support system named "${task.supportSystem}" in support-systems.json`,
    });
  }
  const itSystems = namesOf(knowledge.itSystems);
  task.itSystems.forEach((name, index) => {
    if (!itSystems.has(name))
      problems.push({
        file: 'tasks.json',
        record: task.id,
        field: `itSystems.${index}`,
        message: `no IT system named "${name}" in it-systems.json`,
      });
  });
  return problems;
}

/**
 * Cross-references from tasks.json: responsible and related roles exist, replacedBy names a
 * task, support and IT systems are named as in support-systems.json and it-systems.json.
 */
export function references(knowledge: Checked): DataProblem[] {
  const problems: DataProblem[] = [];
  const taskIds = new Set(knowledge.tasks.map((task) => task.id));
  for (const task of knowledge.tasks) {
    problems.push(...systemProblems(knowledge, task));
    problems.push(
      ...roleReferenceProblems(knowledge, 'tasks.json', task.id, 'responsibleRoles', task.responsibleRoles),
    );
    problems.push(...roleReferenceProblems(knowledge, 'tasks.json', task.id, 'relatedRoles', task.relatedRoles));
    if (task.replacedBy && !taskIds.has(task.replacedBy)) {
      problems.push({
        file: 'tasks.json',
        record: task.id,
        field: 'replacedBy',
        message: `no task with id "${task.replacedBy}" in tasks.json`,
      });
    }
  }
  return problems;
}
