import { z } from 'zod';
import { dataFile, datePrecision, isoDate, isoMonth, recordId, source } from '../common.js';
import type { DataProblem, IdRecords } from '../problems.js';
import { roleReferenceProblems } from './roles.js';
import { reminderDays } from './tasks.js';

/**
 * What is true on the date: "on" it happens or takes effect then; "before" it must be done
 * before the date (the date itself is too late: "inden den 20. september"); "by" the date is
 * the last day it may happen ("senest").
 */
export const dateRelation = z.enum(['on', 'before', 'by']);
export type DateRelation = z.infer<typeof dateRelation>;

/** A dated fact that is not a KLIK task's own deadline. */
export const record = z
  .strictObject({
    id: recordId,
    title: z.string().min(1),
    /** Other ways people name it ("serviceaftalerne for Beskedfordeleren", "KIGO lukker"). */
    aliases: z.array(z.string().min(1)),
    /** YYYY-MM-DD, or YYYY-MM when precision is "month". */
    date: z.string(),
    precision: datePrecision,
    relation: dateRelation,
    /** Days before the date that reminders go out (day precision only); absent means the default. */
    reminderDays: reminderDays.optional(),
    /** When the thing became possible or was announced, where the seed says. */
    announcedOn: isoDate.optional(),
    /** The task the date belongs to (tasks.json id). */
    relatedTask: recordId.optional(),
    /** Role ids the seed names as responsible; empty when it names none. */
    responsibleRoles: z.array(recordId),
    responsibleNote: z.string().min(1).optional(),
    /** The seed's own words (Danish, fit to show a user). */
    description: z.string().min(1),
    /** Notes for operators: where the seed is unclear and how it was read. */
    notes: z.array(z.string().min(1)),
    source,
  })
  .superRefine((deadline, ctx) => {
    const format = deadline.precision === 'day' ? isoDate : isoMonth;
    const result = format.safeParse(deadline.date);
    if (!result.success) {
      for (const issue of result.error.issues)
        ctx.addIssue({
          code: 'custom',
          path: ['date'],
          message: `${issue.message} (precision "${deadline.precision}")`,
        });
    }
    if (deadline.reminderDays && deadline.precision !== 'day') {
      ctx.addIssue({
        code: 'custom',
        path: ['reminderDays'],
        message: 'a date known only to the month gets no reminders; remove reminderDays or give the day',
      });
    }
    if (deadline.responsibleRoles.length === 0 && !deadline.responsibleNote) {
      ctx.addIssue({
        code: 'custom',
        path: ['responsibleNote'],
        message: 'with no responsible roles, say why (e.g. "The seed names no role.")',
      });
    }
  });

/** A record from deadlines.json. */
export type DeadlineRecord = z.infer<typeof record>;

/** The file deadlines.json. */
export const file = dataFile(record);

/** Cross-references from deadlines.json: related tasks and responsible roles exist; ids do not clash with task ids. */
export function references(knowledge: {
  deadlines: DeadlineRecord[];
  tasks: IdRecords;
  roles: IdRecords;
}): DataProblem[] {
  const problems: DataProblem[] = [];
  const taskIds = new Set(knowledge.tasks.map((task) => task.id));
  for (const deadline of knowledge.deadlines) {
    if (deadline.relatedTask && !taskIds.has(deadline.relatedTask)) {
      problems.push({
        file: 'deadlines.json',
        record: deadline.id,
        field: 'relatedTask',
        message: `no task with id "${deadline.relatedTask}" in tasks.json`,
      });
    }
    // Task deadlines and these records are listed together as dated items, keyed by id.
    if (taskIds.has(deadline.id)) {
      problems.push({
        file: 'deadlines.json',
        record: deadline.id,
        field: 'id',
        message: 'a task in tasks.json has the same id; dated items need distinct ids',
      });
    }
    problems.push(
      ...roleReferenceProblems(knowledge, 'deadlines.json', deadline.id, 'responsibleRoles', deadline.responsibleRoles),
    );
  }
  return problems;
}
