import type { Knowledge } from '../knowledge/registry.js';
import type { Municipality } from '../knowledge/schemas/municipalities.js';
import type { Task } from '../knowledge/schemas/tasks.js';
import { findMunicipality } from '../knowledge/systems-queries.js';
import type { StatusRepository, TaskStatus } from '../state/statuses.js';

/** Whose calendar it is: one municipality, with where it stands on each task. */
export interface MunicipalityView {
  municipality: Municipality;
  statuses: Pick<StatusRepository, 'current'>;
}

/** Where the municipality stands on one task, in words for the event's description. */
export interface TaskStanding {
  /** "påbegyndt", "2 af 5 trin fuldført, 1 påbegyndt". */
  text: string;
  /** Done: the task's own status, or every one of its steps. */
  done: boolean;
}

const statusWords: Record<TaskStatus, string> = {
  'not-started': 'ikke påbegyndt',
  started: 'påbegyndt',
  done: 'fuldført',
};

/** The municipality a query names, by id ("aarhus") or by any of its names ("Århus", "Aarhus Kommune"). */
export function findFeedMunicipality(knowledge: Knowledge, text: string): Municipality | undefined {
  const trimmed = text.trim();
  return knowledge.municipalities.find((m) => m.id === trimmed.toLowerCase()) ?? findMunicipality(knowledge, trimmed);
}

/**
 * The municipality's standing on a task. A task with steps is tracked per step (that is how
 * statuses are reported), so it is summarised as "x af n trin fuldført" and done when all are.
 */
export function taskStanding(view: MunicipalityView, task: Pick<Task, 'id' | 'steps'>): TaskStanding {
  const id = view.municipality.id;
  if (task.steps.length === 0) {
    const status = view.statuses.current(id, task.id);
    return { text: statusWords[status], done: status === 'done' };
  }
  const statuses = task.steps.map((step) => view.statuses.current(id, task.id, step.number));
  const done = statuses.filter((status) => status === 'done').length;
  const started = statuses.filter((status) => status === 'started').length;
  const text = `${done} af ${task.steps.length} trin fuldført${started > 0 ? `, ${started} påbegyndt` : ''}`;
  return { text, done: done === task.steps.length };
}
