import type { Knowledge } from '../knowledge/registry.js';
import { words } from '../knowledge/text.js';
import type { Understanding } from './types.js';

/*
 * "hvornår skal KSD integrere til Beskedfordeleren?" names a deadline of Beskedfordeleren (its
 * service agreements), but asks of KSD, which that deadline is not about: its date would be a
 * confident answer to another question. A date is given only of a record that concerns every
 * system the question names.
 */

interface Named {
  name: string;
  aliases: string[];
}

/** The words a task or deadline is said in: its names, its description and the systems it lists. */
function recordWords(read: Understanding, knowledge: Knowledge): Set<string> | undefined {
  const { deadlines, tasks } = read.entities;
  const deadline = deadlines.length === 1 ? knowledge.deadlines.find((one) => one.id === deadlines[0]) : undefined;
  const task = tasks.length === 1 ? knowledge.tasks.find((one) => one.id === tasks[0]) : undefined;
  const record = deadline ?? task;
  if (!record || (deadline && tasks.length > 0) || deadlines.length + tasks.length !== 1) return undefined;
  const listed = task ? [...task.itSystems, task.supportSystem ?? ''] : [];
  return new Set(words([record.title, ...record.aliases, record.description ?? '', ...listed].join(' ')));
}

/** Whether a text's words say a system's name or one of its aliases, word for word. */
function says(said: Set<string>, system: Named): boolean {
  return [system.name, ...system.aliases].some((name) => {
    const parts = words(name);
    return parts.length > 0 && parts.every((part) => said.has(part));
  });
}

/** A deadline asked of a system its task or deadline is not about is not understood. */
export function dateOfAnotherSystem(read: Understanding, knowledge: Knowledge): Understanding {
  if (read.intent !== 'deadline.task') return read;
  const said = recordWords(read, knowledge);
  if (!said) return read;
  const named: Named[] = [
    ...knowledge.itSystems.filter((system) => read.entities.itSystems.includes(system.id)),
    ...knowledge.supportSystems.filter((system) => read.entities.supportSystems.includes(system.id)),
  ];
  return named.every((system) => says(said, system)) ? read : { ...read, intent: 'unknown', confidence: 0 };
}
