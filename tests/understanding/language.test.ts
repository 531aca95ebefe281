import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/understanding/language.js';

describe('detectLanguage', () => {
  it('answers Danish questions in Danish, whatever the client locale', () => {
    expect(detectLanguage('hvornår er deadline for at udpege FK-ansvarlig?', 'en-US')).toBe('da');
    expect(detectLanguage('hvad laver en superbruger', 'en-GB')).toBe('da');
    // English words in a Danish sentence ("next step") do not make it English
    expect(detectLanguage('hvad er kombits next step ift organisation', 'en-GB')).toBe('da');
  });

  it('answers English questions in English, whatever the client locale', () => {
    expect(detectLanguage('which tasks are due before Christmas?', 'da-DK')).toBe('en');
    expect(detectLanguage('what are the steps for BBR', 'da-DK')).toBe('en');
    // "for" and "at" are Danish words too: "us" and "anything" are not
    expect(detectLanguage('anything overdue for us at the moment?', 'da-DK')).toBe('en');
  });

  it('is not swayed by Danish names in an English question', () => {
    expect(detectLanguage('What does a Træner/instruktør do?', 'da-DK')).toBe('en');
    expect(detectLanguage('when is the deadline for Godkend initiale fordelingsregler?', 'da-DK')).toBe('en');
  });

  it('falls back to the locale, then to Danish, when the words do not tell', () => {
    expect(detectLanguage('BBR', 'en-US')).toBe('en');
    expect(detectLanguage('BBR', undefined)).toBe('da');
  });
});
