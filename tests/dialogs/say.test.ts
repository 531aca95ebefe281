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
