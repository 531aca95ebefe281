import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import type { Knowledge } from '../../src/knowledge/registry.js';
import { queryWords } from '../../src/understanding/query-words.js';
import { FactSearch } from '../../src/understanding/search/fact-search.js';
import { quotedOnlyKinds, type Passage } from '../../src/understanding/search/passages.js';
import { contentStems, isSearchStopword } from '../../src/understanding/search/terms.js';

/**
 * Made from the data, not written by hand: every passage of every record (a step, an agenda
 * item, a strategy point, a duty, a news line …) is asked for in its own content words, its
 * record's name left out, and the search must bring its record into the first three answers.
 * A new quarter's data is covered without writing a test; what cannot be reached is listed.
 */
function questionFor(passage: Passage): string | undefined {
  const nameWords = new Set(passage.names.flatMap((name) => queryWords(name).tokens));
  const content = queryWords(passage.text).tokens.filter((token) => !isSearchStopword(token) && !nameWords.has(token));
  return content.length >= 2 ? `hvad med ${content.slice(0, 8).join(' ')}?` : undefined;
}

describe('the search reaches every passage of the knowledge', () => {
  let knowledge: Knowledge;
  let search: FactSearch;

  beforeAll(async () => {
    knowledge = await loadKnowledge('data/knowledge');
    search = new FactSearch(knowledge);
  });

  it('finds each passage’s record from the passage’s own words', () => {
    // (the glossary explains a word asked about by itself, glossary.test.ts: it is never searched)
    const passages = (Object.keys(knowledge) as (keyof Knowledge)[])
      .filter((kind) => !quotedOnlyKinds.has(kind))
      .flatMap((kind) => knowledge[kind].flatMap((record) => search.passagesOf(kind, (record as { id: string }).id)));
    const unreachable: string[] = [];
    let total = 0;
    for (const passage of passages) {
      const question = questionFor(passage);
      if (!question) continue;
      total += 1;
      const hits = search.search(queryWords(question).tokens, { limit: 3 }).hits;
      // the same fact in several records (a meeting's three runs, a task and its support
      // system) is reached through any of them: a hit holding every word asked for
      const asked = contentStems(question);
      const sameFact = (hit: Passage) => {
        const held = new Set(contentStems([hit.text, ...hit.names].join(' ')));
        return asked.every((term) => held.has(term));
      };
      const reached = hits.some(
        (hit) =>
          (hit.passage.kind === passage.kind && hit.passage.recordId === passage.recordId) || sameFact(hit.passage),
      );
      if (!reached) unreachable.push(`${passage.kind}/${passage.recordId} ${passage.field}: ${question}`);
    }
    console.log(`coverage: ${total - unreachable.length}/${total} passages reached from their own words`);
    expect(total).toBeGreaterThan(250);
    expect(unreachable, unreachable.join('\n')).toEqual([]);
  });

  it('reaches every record of every kind', () => {
    // how people describe records finds them and is no record of the material itself
    const material = Object.entries(knowledge).filter(([kind]) => kind !== 'descriptions');
    const empty = material.flatMap(([kind, records]) =>
      (records as { id: string }[])
        .filter((record) => search.passagesOf(kind as keyof Knowledge, record.id).length === 0)
        .map((record) => `${kind}/${record.id}`),
    );
    expect(empty).toEqual([]);
  });
});
