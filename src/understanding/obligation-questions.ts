import { keyOfPassage, namedRecords } from './reading-groups.js';
import type { FactSearch } from './search/fact-search.js';
import type { Passage } from './search/passages.js';
import type { Understanding } from './types.js';

// "er det et krav at …", "er vi forpligtet til …", "skal vi have en …?", "do we have to …":
// whether something must be done or had, which the material answers where it recommends,
// requires or leaves it to the municipality
const asksIfRequired =
  /(?<![\p{L}])(krav(?:et)?|p(?:å|aa)kr(?:æ|ae)vet|forpligt\p{L}*|obligatorisk\p{L}*|tvunget|tvungen|pligt\p{L}*|n(?:ø|oe)dt\s+til|required|requirement|mandatory|obligatory|compulsory|obliged|have\s+to|must\s+(?:we|i|a|the|every|all))(?![\p{L}])|^\s*skal\s+(?:vi|man|kommunen|alle)\s+(?:have|bruge)\s+(?:en|et)\s/iu;
// what the material says when it recommends, requires or leaves a choice
// (not every "skal": "leverandøren skal …" says what someone else must do)
const saysIfRequired =
  /anbefal|op\s+til|frivillig|\bkrav\b|obligatorisk|forpligt|n(?:ø|oe)dvendig|forudsætning|forudsaetning/iu;
// questions of when, who, which or how many ask something else of the requirement
const otherQuestion =
  /(?<![\p{L}])(hvorn(?:å|aa)r|hvem|hvilke\p{L}*|hvad|hvor\s+mange|when|who|which|what|how\s+many)(?![\p{L}])/iu;
// recommending or leaving it open answers "must we?" most directly
const leavesItOpen = /anbefal|op\s+til|frivillig/iu;
const maximumPassages = 2;

/**
 * "er vi forpligtet til at have en KOMBIT-programleder?": whether a named thing is required is
 * answered by what the material says of it that recommends, requires or leaves it open ("KOMBIT
 * anbefaler …, men det er op til den enkelte kommune"), not by its whole card.
 */
export function obligationReading(
  search: FactSearch,
  text: string,
  tokens: string[],
  resolved: Understanding,
): Understanding | undefined {
  if (!asksIfRequired.test(text) || otherQuestion.test(text)) return undefined;
  const records = namedRecords(resolved.entities);
  if (records.length === 0) return undefined;
  const inRecords = (passage: Passage) =>
    records.some((record) => passage.kind === record.kind && passage.recordId === record.recordId) &&
    saysIfRequired.test(passage.text);
  const statements = records
    .flatMap((record) => search.passagesOf(record.kind, record.recordId))
    .filter((passage) => inRecords(passage));
  if (statements.length === 0) return undefined;
  // the statements that leave it open first, then those that fit the question's other words
  const fit = new Map(
    search.search(tokens, { within: inRecords, limit: statements.length }).hits.map((hit) => [hit.passage, hit.score]),
  );
  const ranked = [...statements].sort(
    (x, y) =>
      Number(leavesItOpen.test(y.text)) - Number(leavesItOpen.test(x.text)) || (fit.get(y) ?? 0) - (fit.get(x) ?? 0),
  );
  return {
    intent: 'fact',
    confidence: Math.max(resolved.confidence, 0.6),
    entities: { ...resolved.entities, passages: ranked.slice(0, maximumPassages).map(keyOfPassage) },
    language: resolved.language,
  };
}
