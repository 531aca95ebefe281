import { describe, expect, it } from 'vitest';
import { containsWords, foldDanish, matchesPhrase, normalize, sameWord, words } from '../../src/knowledge/text.js';

describe('normalize', () => {
  it('lower-cases, turns punctuation and hyphens into spaces and keeps æøå', () => {
    expect(normalize('  Hvornår skal vi udpege FK-ADM?!  ')).toBe('hvornår skal vi udpege fk adm');
    expect(normalize('ØiR-administrator (STS)')).toBe('øir administrator sts');
    expect(normalize('YR/FBS\tskal   anvende ØiR')).toBe('yr fbs skal anvende øir');
  });

  it('drops accents other than æøå and apostrophes inside words', () => {
    expect(normalize('Konfigurér fordelingsregler')).toBe('konfigurer fordelingsregler');
    expect(normalize("Luk ned for BBR's egen adgangsstyring")).toBe(normalize('Luk ned for BBRs egen adgangsstyring'));
    expect(normalize('Fäll Göteborg')).toBe('fæll gøteborg');
  });
});

describe('matching Danish spellings', () => {
  it('folds æ/ø/å and ae/oe/aa the same way on both sides', () => {
    expect(foldDanish(normalize('Træner/instruktør på Århus'))).toBe(foldDanish(normalize('Traener instruktoer paa Aarhus')));
    expect(matchesPhrase(normalize('hvornaar lukker KIGO'), normalize('hvornår'))).toBe(true);
  });

  it('matches whole words only', () => {
    expect(matchesPhrase(normalize('hvad laver FK-ADM?'), normalize('FK ADM'))).toBe(true);
    expect(matchesPhrase(normalize('hvad laver FK-ADMIN?'), normalize('FK ADM'))).toBe(false);
    expect(matchesPhrase(normalize('superbrugeren'), normalize('bruger'))).toBe(false);
  });

  it('treats Danish inflections of a word as the same word', () => {
    expect(sameWord('superbrugeren', 'superbruger')).toBe(true);
    expect(sameWord('fordelingsreglerne', 'fordelingsregler')).toBe(true);
    expect(sameWord('udpege', 'udpeg')).toBe(true);
    expect(sameWord('brugerne', 'brugere')).toBe(true);
    expect(sameWord('superbruger', 'bruger')).toBe(false);
    expect(sameWord('fk', 'fks')).toBe(false);
  });

  it('finds a name written as separate words, as one compound, or inflected', () => {
    expect(containsWords(words('hvem er vores fkansvarlig'), words('FK-ansvarlig'))).toBe(true);
    expect(containsWords(words('er det en super bruger'), words('Superbruger'))).toBe(true);
    expect(containsWords(words('deadline for at udpege FK-ansvarlige'), words('udpeg FK-ansvarlig'))).toBe(true);
    expect(containsWords(words('udpege FK'), words('udpeg FK-ansvarlig'))).toBe(false);
  });
});
