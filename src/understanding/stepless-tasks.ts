import type { Knowledge } from '../knowledge/registry.js';
import type { PassageReadings } from './passage-readings.js';
import type { Understanding } from './types.js';

// "næste skridt", "next steps", "det videre forløb" ask what comes next, not a task's steps
const nextWord = /^(naeste|next|videre)$/;

/**
 * "hvad er KOMBITs næste skridt ift SAPA?": the next steps asked of a task that has none can
 * only be told it has none; a passage of another record that holds the question answers it
 * instead (the task's own passages say nothing of steps).
 */
export function stepsOfAnotherRecord(
  knowledge: Knowledge,
  passages: PassageReadings,
  asked: { text: string; tokens: string[]; resolved: Understanding },
): Understanding | undefined {
  const { text, tokens, resolved } = asked;
  const { tasks } = resolved.entities;
  if (resolved.intent !== 'task.steps' || tasks.length === 0 || !tokens.some((token) => nextWord.test(token)))
    return undefined;
  const stepless = tasks.every((id) => !knowledge.tasks.find((task) => task.id === id)?.steps.length);
  if (!stepless) return undefined;
  const fact = passages.fromPassages(text, tokens, resolved);
  const lead = fact?.entities.passages?.[0]?.split('/');
  return fact && lead && !(lead[0] === 'tasks' && tasks.includes(lead[1] ?? '')) ? fact : undefined;
}
