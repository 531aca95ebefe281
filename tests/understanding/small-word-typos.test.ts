import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { stopwordOfTypo } from '../../src/understanding/stopwords.js';
import { Understander } from '../../src/understanding/understand.js';

// one understander for the file: building one loads and indexes the whole knowledge base
const understander = new Understander(await loadKnowledge('data/knowledge'));
const now = DateTime.fromISO('2018-09-06T10:00:00+02:00');
const read = (text: string) => understander.understand({ text, now });

describe('a small word mistyped', () => {
  it('is two letters swapped, not one changed, which is too often another word', () => {
    expect(stopwordOfTypo('egenltig')).toBe('egentlig');
    expect(stopwordOfTypo('holdet')).toBeUndefined();
  });

  it('is read as that word, not as a word klikbot does not know', () => {
    const typed = read('hvor mange trin har BBR opgaven egnetlig?');
    const written = read('hvor mange trin har BBR opgaven egentlig?');
    expect(typed.intent).toBe('task.steps');
    expect(typed.confidence).toBeCloseTo(written.confidence, 5);
  });
});

describe('an inflected word of the material with two letters swapped', () => {
  it("is read as the word the material writes, though its stem is out of a typo's reach", () => {
    expect(understander.search.vocabulary.respelt('rolelr')).toBe('roller');
    expect(read('hvilke rolelr er der i rollegalleriet?').intent).toBe(
      read('hvilke roller er der i rollegalleriet?').intent,
    );
  });

  it('reads a long word one letter wrong as the word the material writes, also before the next word', () => {
    expect(understander.search.vocabulary.respelt('complience')).toBe('compliance');
    expect(read('hvad går complience testen ud på?').entities.strategies).toEqual(['compliance-model']);
  });

  it('reads a long word with one letter too many as the word the material writes', () => {
    expect(understander.search.vocabulary.respelt('udrulningsplanren')).toBe('udrulningsplanen');
    expect(understander.search.vocabulary.respelt('beskedfordelerern')).toBe('beskedfordeleren');
  });

  it('leaves a word that only looks like one of the material as it is', () => {
    // "temaer" is no "teamer", though "team" is the material's
    expect(understander.search.vocabulary.respelt('temaer')).toBeUndefined();
    expect(understander.search.vocabulary.respelt('roller')).toBeUndefined();
  });
});

describe('a long word of the material cut short', () => {
  it('names what the whole word names, where it begins only that word', () => {
    const cut = read('hvilke opgaver har fordelingskomp.?');
    expect(cut.intent).toBe('task.list');
    expect(cut.entities.supportSystems).toEqual(['fordelingskomponenten']);
    expect(read('hvilket stoettesys skal dubu bruge').intent).toBe('overview.used-by');
  });
});
