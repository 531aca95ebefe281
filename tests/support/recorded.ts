import type { StatusUpdate } from '../../src/state/statuses.js';

/** The update a test expected to be recorded; a test that meant a real change fails loudly otherwise. */
export function recorded(result: StatusUpdate | 'unchanged'): StatusUpdate {
  if (result === 'unchanged') throw new Error('expected a recorded change, got "unchanged"');
  return result;
}
