import type { Knowledge } from '../knowledge/registry.js';
import { namedKinds } from './follow-ups.js';
import { speaksOfUs } from './status-fillers.js';
import { isStopword } from './stopwords.js';
import type { Understanding } from './types.js';

// "tallene", "the counts", "statustallene": the national status figures
const countsWord = /^(tal|tallene|tallet|statustal\w*|counts?|figures?|numbers?|opg(ø|oe)relse\w*)$/;
// … asked where they come from or how old they are
const provenanceWord =
  /^(kilde\w*|source\w*|recent|nye|gamle|friske|opdateret|updated|trukket|taget|udtr(æ|ae)k\w*|extract\w*|dato|date|hvorn(å|aa)r|when|fra|from)$/;

// … asked with these words of where or how old ("kommer", "stammer")
const sourceVerb = /^(kommer|stammer|come|comes|are|is|old|how|where|hvor)$/;

/**
 * "hvor er BBR-tallene fra?", "where do the BBR counts come from and how recent are they?":
 * where the national figures come from and how old they are is the national table, which says
 * its source and date (the KLIK extract of 4 September 2018).
 */
export function countSources(
  knowledge: Knowledge,
  tokens: string[],
  resolved: Understanding,
): Understanding | undefined {
  if (!tokens.some((token) => countsWord.test(token)) || !tokens.some((token) => provenanceWord.test(token)))
    return undefined;
  // "vores tal": the asker's own status, which has no such source
  if (speaksOfUs(tokens)) return undefined;
  const counted = new Set(knowledge.bbrStatus.map((row) => row.task));
  // "hvor er tallene fra?" with nothing named and nothing else said: the figures of the one task
  // the material counts ("hvor kommer tallene i økonomi-webinaret fra?" is about other figures)
  const { entities } = resolved;
  const namesNothing = namedKinds.every((kind) => entities[kind].length === 0);
  const saysNothingElse = tokens.every(
    (token) => isStopword(token) || countsWord.test(token) || provenanceWord.test(token) || sourceVerb.test(token),
  );
  const tasks = namesNothing && saysNothingElse && counted.size === 1 ? [...counted] : entities.tasks;
  if (tasks.length === 0 || !tasks.every((taskId) => counted.has(taskId))) return undefined;
  return {
    intent: 'status.national',
    confidence: Math.max(resolved.confidence, 0.7),
    entities: { ...resolved.entities, tasks, steps: [] },
    language: resolved.language,
  };
}
