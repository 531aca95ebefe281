import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { Understander } from '../../src/understanding/understand.js';
import { dataDir } from '../knowledge/data-copy.js';

const understander = new Understander(await loadKnowledge(dataDir));
const now = DateTime.fromISO('2018-09-06T10:00:00', { zone: 'Europe/Copenhagen' });
const read = (text: string, locale = 'da-DK') => understander.understand({ text, now, locale });
const advice = 'topics/ski-0219-opmaerksomhed-og-anbefalinger/points.0';

describe('what the municipality should do about its vendors', () => {
  it('is the slide of recommendations, however much else the question says', () => {
    for (const [text, locale] of [
      [
        'hvad anbefaler KOMBIT os ift. SKI 02.19? jeg skal sende det videre til vores indkøbsafdeling i morgen',
        'da-DK',
      ],
      ['hvad skal vi spørge vores leverandører om nu hvor de skal på adgangsstyring?', 'da-DK'],
      ['what should we find out from our SKI vendors about their Adgangsstyring work?', 'en-GB'],
      ['skal vi selv gøre noget ved jobfunktionsrollerne ifm. vores SKI-leverandører?', 'da-DK'],
      // asked yes or no, with a word the question set never taught
      ['skal vi selv gøre noget med jobfunktionsrollerne i forbindelse med vores ski-leverandører?', 'da-DK'],
      ['skal vi selv gore noget med jobfunktionsroller ift ski leverandorerne', 'da-DK'],
    ] as const) {
      const reading = read(text, locale);
      expect(reading.intent, text).toBe('fact');
      expect(reading.entities.passages, text).toContain(advice);
    }
  });

  it('is not a vendor asked for, what the vendors themselves must do, a price or another thing named', () => {
    for (const text of [
      'kan du anbefale en god leverandør til vores nye økonomisystem?',
      'hvilken leverandør anbefaler I til organisationsdata?',
      'hvad skal leverandørerne på SKI 02.19 have lavet inden deadline?',
      'hvad koster det os hvis vores leverandør ikke når integrationen, hvad anbefaler I?',
      // a role, a system or another thing named beside the vendors is the question's topic
      'hvad skal vi bruge leverandøradministrator rollen til?',
      'hvad skal vi sige til vores BBR leverandør om deadlinen',
      'hvad skal vi spørge leverandøren om ift BBR og adgangsstyring',
      'hvad skal vi gøre med serviceaftaler med leverandøren af beskedfordeleren?',
      'what should we ask the vendor of KMD Sag about the service agreement?',
      // "råd" is also "afford"; a meeting with a vendor is no integration
      'vi har ikke råd til en ny leverandør, hvad gør vi',
      'har du nogle tips til at holde møde med leverandøren',
    ]) {
      const locale = /^(what|which)/.test(text) ? 'en-GB' : 'da-DK';
      expect(read(text, locale).entities.passages ?? [], text).not.toContain(advice);
    }
  });
});
