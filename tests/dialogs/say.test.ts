import { describe, expect, it } from 'vitest';
import { datesInLanguage, sourceLabel } from '../../dialogs/shared/say.js';

const english = { language: 'en' as const };
const danish = { language: 'da' as const };

describe('Danish dates in an English answer', () => {
  it('are written the English way, with or without a year or a day', () => {
    expect(sourceLabel(english, 'KLIK-udtræk 4. september 2018')).toBe('KLIK-udtræk 4 September 2018');
    expect(datesInLanguage(english, 'Der annonceres den 12. september en række serviceaftaler')).toBe(
      'Der annonceres den 12 September en række serviceaftaler',
    );
    expect(datesInLanguage(english, 'Definitivt farvel til KIGO oktober 2018.')).toBe(
      'Definitivt farvel til KIGO October 2018.',
    );
  });

  it('leave a month alone, a word that only contains one, and Danish answers as written', () => {
    expect(datesInLanguage(english, 'Programledermøder i september')).toBe('Programledermøder i september');
    expect(datesInLanguage(english, 'novembermødet 2018')).toBe('novembermødet 2018');
    expect(datesInLanguage(danish, 'KLIK-udtræk 4. september 2018')).toBe('KLIK-udtræk 4. september 2018');
  });
});

describe('dates in figures in the material', () => {
  it('are written out as the answers write dates, where the words say they are dates', () => {
    expect(datesInLanguage(danish, 'webinar den 14/11 og den 15/11 kl. 9.00')).toBe(
      'webinar den 14. november og den 15. november kl. 9.00',
    );
    expect(datesInLanguage(danish, 'Publiceres 12/12-2018')).toBe('Publiceres 12. december 2018');
    expect(datesInLanguage(english, 'kommunedagene den 20/11 i Køge')).toBe('kommunedagene den 20 November i Køge');
  });

  it('leave a share, a date that is none and a version as written', () => {
    expect(datesInLanguage(danish, '2/3 af kommunerne')).toBe('2/3 af kommunerne');
    expect(datesInLanguage(danish, 'den 14/13')).toBe('den 14/13');
    expect(datesInLanguage(danish, 'SKI 02.19')).toBe('SKI 02.19');
  });
});
