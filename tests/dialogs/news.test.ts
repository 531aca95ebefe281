import { news } from '../../dialogs/answers/news.js';
import { describe, expect, it } from 'vitest';
import { card, context } from './dialog-kit.js';

describe('news', () => {
  it('lists the seven September items, one line each, with their dates', () => {
    const reply = card(news(context(), {}));
    expect(reply.heading).toBe('KOMBIT-programleder NYT september 2018');
    expect(reply.list).toHaveLength(7);
    expect(reply.list?.[0]).toBe(
      'Serviceaftaler vedrørende Beskedfordeleren: Serviceaftalerne annonceres onsdag 12. september 2018; Aftaleadministrator godkender serviceaftalerne i Serviceplatformens Administrationsmodul inden torsdag 20. september 2018',
    );
    expect(reply.list).toContain('Definitivt farvel til KIGO oktober 2018: KIGO lukker definitivt i oktober 2018');
    expect(reply.list).toContain(
      'Opstartsmøde om Organisation i oktober: 30. oktober 2018 til 2. november 2018 (foreløbige datoer)',
    );
    expect(reply.list).toContain('Webinarer og kommunedage i november: 14. november 2018 til 22. november 2018');
  });

  it('leads with the nearest deadline in the news while it is ahead', () => {
    expect(card(news(context(), {})).text.split('\n')[0]).toContain(
      'Nærmeste frist: Aftaleadministrator godkender serviceaftalerne i Serviceplatformens Administrationsmodul inden torsdag 20. september 2018 (om 14 dage).',
    );
    expect(card(news(context('2018-09-20T09:00:00+02:00'), {})).text.split('\n')[0]).toBe(
      'KOMBIT-programleder NYT september 2018 har **7 nyheder**.',
    );
  });

  it('answers in English', () => {
    const reply = card(news(context('2018-09-06T10:00:00+02:00', 'en'), {}));
    expect(reply.text).toMatch(/^KOMBIT-programleder NYT september 2018 has \*\*7 items\*\*\./);
    expect(reply.list).toContain('Webinarer og kommunedage i november: 14 November 2018 to 22 November 2018');
  });
});
