import { keyOfPassage, shortSlide } from './reading-groups.js';
import { givesAPhone } from './search/answerable.js';
import { isCommonStem } from './search/common-words.js';
import type { FactSearch, SearchHit, SearchResult } from './search/fact-search.js';
import { stem } from './stem.js';
import type { Understanding } from './types.js';

/*
 * A question whose words one record's passages hold between them, where no one passage holds
 * enough: "vi har MS AD og et IDM-produkt, der fodrer STS Organisation automatisk; hvilke trin
 * er det?" spreads over the points of one strategy, and "tlf til Thomas om indstationering i
 * KY?" over a contact's purpose and its details.
 */

/** One record's share of the best hits: the question's terms they hold together, weighed by rarity. */
interface RecordHits {
  hits: SearchHit[];
  terms: Set<string>;
  coverage: number;
}

/** The records among a search's hits, the one whose passages hold most of the question first. */
function byRecord(result: SearchResult): RecordHits[] {
  const records = new Map<string, { hits: SearchHit[]; terms: Set<string> }>();
  for (const hit of result.hits) {
    const key = `${hit.passage.kind}/${hit.passage.recordId}`;
    const record = records.get(key) ?? { hits: [], terms: new Set<string>() };
    record.hits.push(hit);
    hit.matched.forEach((term) => record.terms.add(term));
    records.set(key, record);
  }
  const share = (terms: Set<string>) =>
    [...terms].reduce((sum, term) => sum + (result.weights.get(term) ?? 0), 0) / Math.max(result.total, 1e-9);
  return [...records.values()]
    .map((record) => ({ ...record, coverage: share(record.terms) }))
    .sort((x, y) => y.coverage - x.coverage);
}

const searchedHits = 20;
// how much of the question the record's passages must hold together, and how far ahead of the next record
const recordCoverage = 0.7;
const recordLead = 1.25;
// a record found by one passage is the plain search's to answer
const fewestPassages = 2;
const fewestTerms = 3;
const mostPassages = 4;

/**
 * The record whose passages among the best hits hold most of the question between them, clearly
 * more than any other record's, as a reading that quotes them (a short slide whole).
 */
export function recordHolding(
  search: FactSearch,
  phrasing: (token: string) => boolean,
  tokens: string[],
  resolved: Understanding,
): Understanding | undefined {
  const result = search.search(tokens, { phrasing, limit: searchedHits });
  // a word the material never uses is most often what is asked, and no record has it; a
  // question of a word or two (a number is none) is the plain search's
  if (!result.unknown.every((term) => isCommonStem(term))) return undefined;
  if (result.known.filter((term) => !/^\d+$/.test(term)).length < fewestTerms) return undefined;
  const [best, next] = byRecord(result);
  if (!best || best.hits.length < fewestPassages || best.coverage < recordCoverage) return undefined;
  if (next && best.coverage < next.coverage * recordLead) return undefined;
  const { passage } = best.hits[0]!;
  const all = search.passagesOf(passage.kind, passage.recordId);
  const whole = passage.kind === 'topics' && all.length <= shortSlide;
  const passages = whole ? all : best.hits.slice(0, mostPassages).map((hit) => hit.passage);
  return {
    intent: 'fact',
    confidence: best.coverage,
    entities: { ...resolved.entities, passages: passages.map(keyOfPassage) },
    language: resolved.language,
  };
}

// A phone number asked of a record by what it is for: how many passages to look at, and how much
// of the question the record's must hold together
const phoneRecordHits = 30;
const phoneRecordCoverage = 0.75;
const phoneTerm = stem('telefon');

/** The passage with the phone number of the record whose passages hold the question, if one does. */
export function phoneOfRecord(search: FactSearch, phrasing: (token: string) => boolean, tokens: string[]): SearchHit[] {
  const [best] = byRecord(search.search(tokens, { phrasing, limit: phoneRecordHits }));
  // (the phone's own word is in every contact's details: something else asked must be there too)
  if (!best || best.coverage < phoneRecordCoverage || [...best.terms].every((term) => term === phoneTerm)) return [];
  const { passage } = best.hits[0]!;
  const phone = search.passagesOf(passage.kind, passage.recordId).find((each) => givesAPhone(each));
  return phone
    ? [{ passage: phone, score: 0, coverage: best.coverage, textCoverage: 0, matched: [...best.terms] }]
    : [];
}
