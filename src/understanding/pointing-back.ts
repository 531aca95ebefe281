import { keyOfPassage, passageKeyOf } from './reading-groups.js';
import { queryWords } from './query-words.js';
import { stem } from './stem.js';
import { answeringPassages } from './search/answerable.js';
import type { FactSearch } from './search/fact-search.js';
import type { Passage } from './search/passages.js';
import type { EntityMatch } from './entity-index.js';
import type { Understanding } from './types.js';
import { isFollowUp } from './follow-ups.js';

// the words that point back at what was just answered, and how much of the rest a passage must hold
const pointingBack = /^(den|det|dem|de|it|they|them|its|their)$/;
// … not "hvad er det for …" (what kind of), nor the "it" of "it-systemer" or "IT department"
const notPointing = (tokens: string[], index: number): boolean =>
  (tokens[index] === 'det' && tokens[index + 1] === 'for') ||
  (tokens[index] === 'it' &&
    /^(system|miljoe|afdeling|chef|arkitekt|medarbejder|department|systems?)/.test(tokens[index + 1] ?? ''));
// a place asked for is the link's, which the search for links finds
const asksWhere = /\b(hvor\s+(?:kan\s+(?:jeg|man|vi)\s+)?(?:finder|finde|ligger)|where|link\w*|url)\b/iu;
const POINTED_PASSAGE = 0.5;

// "hvor finder jeg det?", "where can I find it?": asked where to find the thing, and nothing else
// ("det link virker ikke", "hvor ligger det møde?" ask something else)
const whereToFindWords =
  /^(hvor|kan|jeg|man|vi|finder|finde|ligger|henter|hente|henne|saa|egentlig|lige|nu|where|can|do|i|we|find|get|download|is|it|den|det|dem|de|them|they)$/;
const findingWord = /^(finder|finde|ligger|henter|hente|find|get|download|located)$/;

function onlyWhereToFindIt(tokens: string[]): boolean {
  return tokens.some((token) => findingWord.test(token)) && tokens.every((token) => whereToFindWords.test(token));
}

/** Whether a point is labelled with the follow-up's words ("Forretningen: Hjælpe med …"). */
function labelledBy(passage: Passage, tokens: string[]): boolean {
  const label = /^([\p{L}/ -]{1,40}):/u.exec(passage.text)?.[1];
  if (!label) return false;
  // (the whole label: "og roller?" is no part labelled "Organisatoriske roller")
  const asked = new Set(tokens.map((token) => stem(token)));
  return queryWords(label).tokens.every((word) => asked.has(stem(word)));
}

function linksOf(search: FactSearch, kind: Passage['kind'], recordId: string, resolved: Understanding) {
  const links = search.passagesOf(kind, recordId).filter((passage) => /^links\.\d+$/.test(passage.field));
  if (links.length === 0) return undefined;
  return {
    intent: 'fact' as const,
    confidence: 0.9,
    entities: { ...resolved.entities, passages: links.map(keyOfPassage) },
    language: resolved.language,
  };
}

/**
 * "hvor tit bliver den opdateret?" right after an answer from one slide or news item: the
 * pronoun is that record, which has no name a dialog could keep, so its passages are searched
 * for the rest of the question.
 */
export function withinLastRecord(
  search: FactSearch,
  phrasing: (token: string) => boolean,
  question: {
    input: { text: string; previous?: Understanding };
    tokens: string[];
    names: EntityMatch[];
    resolved: Understanding;
    /** The question's date, if it has one: "den 1. november" points at no record. */
    dated: boolean;
  },
): Understanding | undefined {
  const { input, tokens, names, resolved, dated } = question;
  const { text, previous } = input;
  // a thing named is what the question is about; a date is another question
  if (dated || names.some((match) => match.certainty === 'named')) return undefined;
  const keys = previous?.intent === 'fact' ? (previous.entities.passages ?? []) : [];
  const records = new Set(keys.map((key) => key.split('/').slice(0, 2).join('/')));
  const pronoun = tokens.some((token, index) => pointingBack.test(token) && !notPointing(tokens, index));
  // "og forretningen?" after a slide whose points are told by who does them asks the same of that part
  const ofAPart = !pronoun && isFollowUp(tokens);
  if (records.size !== 1 || (!pronoun && !ofAPart)) return undefined;
  const [kind, recordId] = [...records][0]!.split('/') as [Passage['kind'], string];
  // (a thing with a name is the follow-up's topic already: "hvem skal bruge den?" after SF1515)
  if (kind !== 'topics' && kind !== 'news') return undefined;
  const inRecord = (passage: Passage) => passage.kind === kind && passage.recordId === recordId;
  // "hvor finder jeg det?": the record's own link, where it has one; another place is another question
  if (asksWhere.test(text)) return onlyWhereToFindIt(tokens) ? linksOf(search, kind, recordId, resolved) : undefined;
  // the record stands for the pronoun: its name is said, though not in these words
  const title = search.passagesOf(kind, recordId)[0]?.recordTitle ?? '';
  const described = [{ kind, recordId, tokens: queryWords(title).tokens }];
  const result = search.search(tokens, { phrasing, within: inRecord, limit: 3, described });
  const hits = answeringPassages(result, text, POINTED_PASSAGE).filter(
    (hit) => inRecord(hit.passage) && (!ofAPart || labelledBy(hit.passage, tokens)),
  );
  if (hits.length === 0) return undefined;
  return {
    intent: 'fact',
    confidence: hits[0]!.coverage,
    entities: { ...resolved.entities, passages: hits.map(passageKeyOf) },
    language: resolved.language,
  };
}
