import { describe, expect, it } from 'vitest';
import { queryWords } from '../../src/understanding/query-words.js';

describe("a question's words", () => {
  it('are folded, split from numbers and written out from chat abbreviations', () => {
    expect(queryWords('Hvornår skal trin2 i Kbh være færdigt?').tokens).toEqual([
      'hvornaar',
      'skal',
      'trin',
      '2',
      'i',
      'koebenhavn',
      'vaere',
      'faerdigt',
    ]);
  });

  it("write out the office short forms of the programme's words", () => {
    expect(queryWords('dl for klik opg?').tokens).toEqual(['deadline', 'for', 'klik', 'opgave']);
    expect(queryWords('hvilke kmn er mlm lev og kombit').tokens).toEqual([
      'hvilke',
      'kommuner',
      'er',
      'mellem',
      'leverandoer',
      'og',
      'kombit',
    ]);
    expect(queryWords('how many munis have reqs').tokens).toEqual([
      'how',
      'many',
      'municipalities',
      'have',
      'requirements',
    ]);
  });

  it('put back an å typed as a plain a in a word typed small, not in a short form or a name', () => {
    expect(queryWords('hvad går trin 3 ud pa, og nar er fristen?').tokens).toContain('paa');
    expect(queryWords('nar er fristen').tokens[0]).toBe('naar');
    expect(queryWords('is there an SA for Beskedfordeler?').tokens).toContain('sa');
    expect(queryWords('Nar er fristen').tokens[0]).toBe('naar');
    expect(queryWords('PA and SA').tokens).toEqual(['pa', 'and', 'sa']);
  });

  it('read a word that is also a property name as the word', () => {
    // ("constructor" once looked up the abbreviations' own prototype, and the reading failed)
    for (const word of ['constructor', 'toString', 'hasOwnProperty', '__proto__', 'valueOf'])
      expect(queryWords(`status ${word}`).tokens, word).toEqual(['status', word.toLowerCase().replace(/_/g, '')]);
  });

  it('write out an English contraction as its two words', () => {
    expect(queryWords("is there anything we're late with?").tokens).toEqual([
      'is',
      'there',
      'anything',
      'we',
      'are',
      'late',
      'with',
    ]);
    expect(queryWords('they’ve started, who’ll check?').tokens).toEqual([
      'they',
      'have',
      'started',
      'who',
      'will',
      'check',
    ]);
  });

  it('read "nr" before a number as its numbering, alone as a number asked', () => {
    expect(queryWords('trin nr. 3').tokens).toEqual(['trin', '3']);
    expect(queryWords('tlf nr til trg').tokens).toEqual(['telefonnummer', 'til', 'trg']);
    expect(queryWords('hvad er hans nr').tokens).toEqual(['hvad', 'er', 'hans', 'nummer']);
  });

  it('hold no letter three times running: "bbbr" is "bbr", "fællesskab" stays', () => {
    expect(queryWords('bbbr trin 3, kommmuner og fællesskab').tokens).toEqual([
      'bbr',
      'trin',
      '3',
      'kommuner',
      'og',
      'faellesskab',
    ]);
  });

  it("read the glossary's English names of the support systems as their names, only whole", () => {
    expect(queryWords('who uses access control and the message distributor?').tokens).toEqual([
      'who',
      'uses',
      'adgangsstyring',
      'and',
      'the',
      'beskedfordeler',
    ]);
    expect(queryWords('who can see a message I send?').tokens).toContain('message');
  });

  it('read "de fælles løsninger" and "shared components" as the support systems', () => {
    expect(queryWords('hvilken af de fælles løsninger skal DUBU bruge?').tokens).toContain('stoettesystemer');
    expect(queryWords('which shared components does DUBU need?').tokens).toContain('stoettesystemer');
    // one shared solution is not all of them
    expect(queryWords('er der en fælles løsning for login?').tokens).not.toContain('stoettesystemer');
  });

  it('are read the same however often they are asked, whatever a reader did to them', () => {
    const first = queryWords('status på BBR');
    first.tokens.push('changed');
    first.capitalised.reverse();
    expect(queryWords('status på BBR')).toEqual({
      tokens: ['status', 'paa', 'bbr'],
      capitalised: [false, false, true],
    });
  });
});
