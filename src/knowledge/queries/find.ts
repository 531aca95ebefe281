import type { Knowledge } from '../registry.js';
import type { Role } from '../schemas/roles.js';
import type { Task } from '../schemas/tasks.js';
import type { Topic } from '../schemas/topics.js';
import { words } from '../text.js';

// Finding things named in a question is the understanding's entity index
// (src/understanding/entity-index.ts); these are lookups by id.

/** The task with this id. */
export function findTask(k: Knowledge, id: string): Task | undefined {
  return k.tasks.find((task) => task.id === id);
}

/** The role with this id. */
export function findRole(k: Knowledge, id: string): Role | undefined {
  return k.roles.find((role) => role.id === id);
}

/** Tasks in which the role is named responsible or which concern it (e.g. the task designating it). */
export function tasksForRole(k: Knowledge, roleId: string): Task[] {
  return k.tasks.filter((task) => task.responsibleRoles.includes(roleId) || task.relatedRoles.includes(roleId));
}

/**
 * The tasks a municipality has a status on: those KLIK tracks. Dropped tasks, operations
 * tasks and tasks only announced are not in KLIK, so they have none.
 */
export function statusTasks(knowledge: Knowledge): Task[] {
  return knowledge.tasks.filter((task) => task.inKlik && task.state !== 'dropped');
}

/**
 * The slides about a role: those the knowledge relates to it whose title names it ("STS
 * projektlederen bliver SPOC for leverandørerne og forretningen"); their points say what the
 * role does where its own record does not.
 */
export function slidesAboutRole(k: Knowledge, role: Role): Topic[] {
  const names = [role.name, ...role.aliases].map((name) => words(name)).filter((name) => name.length > 0);
  return k.topics.filter((topic) => {
    if (!(topic.related?.roles ?? []).includes(role.id)) return false;
    const title = new Set(words(topic.title));
    return names.some((name) => name.every((word) => title.has(word)));
  });
}
