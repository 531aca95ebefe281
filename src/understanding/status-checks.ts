import type { Knowledge } from '../knowledge/registry.js';
import { findTask } from '../knowledge/queries.js';
import type { Understanding } from './types.js';

/*
 * Status intents read from how a question is phrased (intent-checks.ts), checked against what
 * they are asked of: a task no one reports status on any more.
 */

const statusReads = new Set(['status.mine', 'status.missing', 'status.national', 'status.history']);

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
