import type { Knowledge } from '../knowledge/registry.js';
import { findTask } from '../knowledge/queries.js';
import { namesSomething } from './reading-groups.js';
import { isStopword } from './stopwords.js';
import type { Understanding } from './types.js';

/*
 * Status intents read from how a question is phrased (intent-checks.ts), checked against what
 * it asks them of: a thing the material does not know, a task no one reports status on.
 */

const statusReads = new Set(['status.mine', 'status.missing', 'status.national', 'status.history']);
const statusOf = /^(paa|for|on|of)$/;

/**
 * "hvad er status på Digital Post projektet?": a status asked of a thing, where nothing the
 * material knows is named, is of something klikbot does not know; not the asker's own status.
 */
export function statusOfAnUnknownThing(read: Understanding, tokens: string[]): Understanding {
  if (!statusReads.has(read.intent) || namesSomething(read.entities) || read.entities.steps.length > 0) return read;
  const at = tokens.findIndex((token, index) => token === 'status' && statusOf.test(tokens[index + 1] ?? ''));
  const thing = at < 0 ? [] : tokens.slice(at + 2).filter((token) => !isStopword(token));
  return thing.length > 0 ? { ...read, intent: 'unknown', confidence: 1 } : read;
}

/**
 * "skal vi stadig lave serviceaftale KMD Sag?": a status asked of a task that is dropped is no
 * question of who has done it; what the task is now (dropped, and what replaces it) answers it.
 */
export function statusOfADroppedTask(read: Understanding, knowledge: Knowledge): Understanding {
  const { tasks } = read.entities;
  if (!statusReads.has(read.intent) || tasks.length === 0) return read;
  if (!tasks.every((id) => findTask(knowledge, id)?.state === 'dropped')) return read;
  return { ...read, intent: 'task.describe' };
}
