import { DateTime } from 'luxon';
import { expect } from 'vitest';
import type { DialogContext } from '../../dialogs/types.js';
import type { Reply } from '../../src/core/types.js';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import type { Knowledge } from '../../src/knowledge/registry.js';

/** The shipped knowledge, loaded once per test file. */
export const knowledge: Knowledge = await loadKnowledge('data/knowledge');

/** A dialog context at a given instant and language, over the shipped (or given) knowledge. */
export function context(
  at = '2018-09-06T10:00:00+02:00',
  language: 'da' | 'en' = 'da',
  data?: Knowledge,
): DialogContext {
  const turn = {
    user: { id: 'u1' },
    conversation: { channel: 'web' as const, id: 'c1', isGroup: false },
    text: '',
    now: DateTime.fromISO(at, { setZone: true }),
  };
  return { knowledge: data ?? knowledge, language, turn };
}

/** A dialog's context for a question asked in words (a dialog that reads the question's own words). */
export function askedContext(text: string, language: 'da' | 'en' = 'da'): DialogContext {
  const base = context('2018-09-06T10:00:00+02:00', language);
  return { ...base, turn: { ...base.turn, text } };
}

/** The one reply of a dialog, checked for what every answer carries: a source and one to three buttons. */
export function card(replies: Reply[]): Reply {
  expect(replies).toHaveLength(1);
  const reply = replies[0]!;
  expect(reply.source).toMatch(/^(Kilde|Source): /);
  expect(reply.buttons?.length ?? 0).toBeGreaterThanOrEqual(1);
  expect(reply.buttons?.length ?? 0).toBeLessThanOrEqual(3);
  return reply;
}

/** The plain answer to something unknown: text only. */
export function plain(replies: Reply[]): string {
  expect(replies).toHaveLength(1);
  expect(replies[0]!.buttons).toBeUndefined();
  return replies[0]!.text;
}
