import type { Knowledge } from '../knowledge/registry.js';
import { words } from '../knowledge/text.js';
import { eventKindsOf } from './keywords.js';
import { danishFor } from './search/english.js';
import { isEverydayWord } from './search/everyday-words.js';
import { stem } from './stem.js';
import { isStopword } from './stopwords.js';
import { CONFIDENCE_THRESHOLD, type Understanding } from './types.js';

/*
 * "is there an intro session I could join?", "er der noget introduktion for nye?": an event
 * asked for by its own subject ("Webinar: Introduktion til Monopolbruddet"), not by its kind,
 * which no example question names, so the words alone read as nothing sure.
 */

// the readings such a question gets from its words alone, or too weakly to stand
const misreadAs = new Set(['unknown', 'fact', 'role.list', 'role.describe', 'news']);
const sureEnough = 0.7;
// the words of asking whether there is one, or when, or to take part
const asksForOne =
  /^(er|findes|kommer|hvornaar|is|are|any|when|join|deltage|deltager|tilmelde|tilmeld|sign|attend|could|kan)$/;

/** Each event subject word's stem ("introduktion"), to the kinds of the events whose titles say it. */
const subjectsByKnowledge = new WeakMap<Knowledge, Map<string, Set<string>>>();

function subjectsOf(knowledge: Knowledge): Map<string, Set<string>> {
  const known = subjectsByKnowledge.get(knowledge);
  if (known) return known;
  // a word the other records use says what else it may be about ("Organisation", "integration",
  // "Økonomi til anskaffelse af løsning"): only a word that is the events' own is their subject
  const { supportSystems, itSystems, tasks, roles, strategies, interfaces, deadlines, glossary } = knowledge;
  const others = JSON.stringify([supportSystems, itSystems, tasks, roles, strategies, interfaces, deadlines]);
  const glossaryNames = glossary.flatMap((entry) => [entry.term, ...(entry.aliases ?? [])]).join(' ');
  const otherWords = new Set(words(`${others} ${glossaryNames}`).map(stem));
  const subjects = new Map<string, Set<string>>();
  for (const event of knowledge.events) {
    // (not "Næste" of "Næste programledermøde": a word of everyday speech is no subject)
    const titleWords = words(event.title).filter(
      (word) => word.length > 3 && !isStopword(word) && !isEverydayWord(word),
    );
    for (const word of titleWords) {
      const said = stem(word);
      if (otherWords.has(said) || eventKindsOf([word]).length > 0) continue;
      subjects.set(said, (subjects.get(said) ?? new Set()).add(event.kind));
    }
  }
  subjectsByKnowledge.set(knowledge, subjects);
  return subjects;
}

/** The events a question names by their subject, read as their list (of those kinds), where nothing else read it surely. */
export function eventBySubject(
  knowledge: Knowledge,
  tokens: string[],
  resolved: Understanding,
): Understanding | undefined {
  if (!misreadAs.has(resolved.intent) && resolved.confidence >= sureEnough) return undefined;
  const { tasks, steps, roles, deadlines } = resolved.entities;
  if (tasks.length + steps.length + roles.length + deadlines.length > 0) return undefined;
  if (!tokens.some((token) => asksForOne.test(token))) return undefined;
  const subjects = subjectsOf(knowledge);
  const kinds = new Set<string>();
  for (const token of tokens) {
    // (an English word by its Danish: "intro" is "introduktion")
    for (const word of [token, ...(danishFor(token) ?? [])])
      for (const kind of subjects.get(stem(word)) ?? []) kinds.add(kind);
  }
  if (kinds.size === 0) return undefined;
  return {
    ...resolved,
    intent: 'event.list',
    confidence: Math.max(resolved.confidence, CONFIDENCE_THRESHOLD, sureEnough),
    entities: { ...resolved.entities, eventKinds: [...kinds] },
  };
}
