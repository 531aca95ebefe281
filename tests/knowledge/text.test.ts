import { describe, expect, it } from 'vitest';
import { foldDanish, normalize, words } from '../../src/knowledge/text.js';

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

describe('folding Danish spellings', () => {
  it('folds æ/ø/å and ae/oe/aa the same way on both sides', () => {
    expect(foldDanish(normalize('Træner/instruktør på Århus'))).toBe(
      foldDanish(normalize('Traener instruktoer paa Aarhus')),
    );
    expect(words('Hvornår lukker KIGO?')).toEqual(words('hvornaar lukker kigo'));
  });
});
