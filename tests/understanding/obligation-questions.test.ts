import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { Understander } from '../../src/understanding/understand.js';
import { dataDir } from '../knowledge/data-copy.js';

const understander = new Understander(await loadKnowledge(dataDir));
const now = DateTime.fromISO('2018-09-06T10:00:00', { zone: 'Europe/Copenhagen' });
const read = (text: string, locale = 'da-DK') => understander.understand({ text, now, locale });

describe('whether a named thing is required', () => {
  it('is answered by what the material recommends or leaves to the municipality, in Danish and English', () => {
    for (const text of [
      'er det påkrævet at kommunen har en KOMBIT-programleder?',
      'skal man have en kombit programleder',
      'is a KOMBIT programme leader mandatory for a municipality?',
    ]) {
      const reading = read(text, /^is /.test(text) ? 'en-GB' : 'da-DK');
      expect(reading.intent, text).toBe('fact');
      expect(reading.entities.passages?.[0], text).toBe('roles/kombit-programleder/profile.clarifications.0');
    }
  });

  it('leaves questions of which, when or who, and an ordinary "kræver", to their own readings', () => {
    expect(read('hvilke kompetencer kræver rollen som KOMBIT-programleder?').intent).toBe('role.competences');
    expect(read('hvornår er det et krav at BBR er på Adgangsstyring?').intent).not.toBe('fact');
    // "skal man have …" of a thing the material does not name is no question of a requirement
    expect(read('skal man have mikrofonen slået fra?').entities.passages ?? []).not.toContain(
      'roles/kombit-programleder/profile.clarifications.0',
    );
  });
});
