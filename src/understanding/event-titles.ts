import type { Knowledge } from '../knowledge/registry.js';
import { words } from '../knowledge/text.js';
import { collectText } from './domain-words.js';
import { eventKindsOf } from './keywords.js';
import { danishFor } from './search/english.js';
import { isEverydayWord } from './search/everyday-words.js';
import { stem } from './stem.js';
import { isStopword } from './stopwords.js';
import { namesSomething } from './reading-groups.js';
import { CONFIDENCE_THRESHOLD, type Understanding } from './types.js';

/*
 * "is there an intro session I could join?", "er der noget introduktion for nye?": an event
 * asked for by its own subject ("Webinar: Introduktion til Monopolbruddet"), not by its kind,
 * which no example question names, so the words alone read as nothing sure.
 */

// below this the words alone read nothing sure
const sureEnough = 0.7;
// the words of taking part in something, or of when it is, or of being new to it: what an event
// is asked for by ("is there an intro session I could join?", "introduktion for nye"), not
// what a thing introduced is ("an introduction to the role gallery")
// the dates of something asked for
const datesWord = /^(hvornaar|when|datoer|datoerne|datoen|dato|dates|date)$/;
const asksForAnEvent =
  /^(session|sessions|webinar\w*|moede\w*|kursus\w*|forloeb\w*|events?|arrangement\w*|join|deltage\w*|tilmeld\w*|sign|attend\w*|hvornaar|when|nye|new|newcomers?|nyankomne)$/;

/** Each event subject word's stem ("introduktion"), to the kinds of the events whose titles say it. */
const subjectsByKnowledge = new WeakMap<Knowledge, Map<string, Set<string>>>();

function subjectsOf(knowledge: Knowledge): Map<string, Set<string>> {
  const known = subjectsByKnowledge.get(knowledge);
  if (known) return known;
  // a word the other records use says what else it may be about ("Organisation", "integration",
  // "Økonomi til anskaffelse af løsning"): only a word that is the events' own is their subject
  const { supportSystems, itSystems, tasks, roles, strategies, interfaces, deadlines, glossary } = knowledge;
  const texts: string[] = [];
  collectText([supportSystems, itSystems, tasks, roles, strategies, interfaces, deadlines], texts);
  for (const entry of glossary) texts.push(entry.term, ...(entry.aliases ?? []));
  const otherWords = new Set(texts.flatMap((text) => words(text)).map(stem));
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

/**
 * The events a question names by their subject, read as the list of their kind (the one asked
 * about among them), where the words alone read nothing sure and name nothing else.
 */
export function eventBySubject(
  knowledge: Knowledge,
  tokens: string[],
  resolved: Understanding,
): Understanding | undefined {
  if (resolved.intent !== 'unknown' && resolved.confidence >= sureEnough) return undefined;
  // "Organisation kickoff dates?": a kind of event named, with what it is about, asked when
  // (a meeting has readings of its own: its sessions, the next one)
  const said = resolved.entities.eventKinds;
  const kindNamed = said.length > 0 && !said.includes('meeting') && tokens.some((token) => datesWord.test(token));
  if (kindNamed && resolved.intent !== 'event.list')
    return { ...resolved, intent: 'event.list', confidence: Math.max(resolved.confidence, sureEnough) };
  if (namesSomething(resolved.entities)) return undefined;
  if (!tokens.some((token) => asksForAnEvent.test(token))) return undefined;
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
