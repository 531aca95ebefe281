import { news } from '../../dialogs/news.js';
import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DialogContext } from '../../dialogs/context.js';
import type { Reply } from '../../src/core/types.js';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import type { Knowledge } from '../../src/knowledge/registry.js';

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await loadKnowledge('data/knowledge');
});

function context(at = '2018-09-06T10:00:00+02:00', language: 'da' | 'en' = 'da', data?: Knowledge): DialogContext {
  const turn = { user: { id: 'u1' }, conversation: { channel: 'web' as const, id: 'c1', isGroup: false }, text: '', now: DateTime.fromISO(at, { setZone: true }) };
  return { knowledge: data ?? knowledge, language, turn };
}

/** The one reply of a dialog, checked for what every answer carries: a source and one to three buttons. */
function card(replies: Reply[]): Reply {
  expect(replies).toHaveLength(1);
  const reply = replies[0]!;
  expect(reply.source).toMatch(/^(Kilde|Source): /);
  expect(reply.buttons?.length ?? 0).toBeGreaterThanOrEqual(1);
  expect(reply.buttons?.length ?? 0).toBeLessThanOrEqual(3);
  return reply;
}

describe('news', () => {
  it('lists the seven September items, one line each, with their dates', () => {
    const reply = card(news(context(), {}));
    expect(reply.heading).toBe('KOMBIT-programleder NYT september 2018');
    expect(reply.list).toHaveLength(7);
    expect(reply.list?.[0]).toBe(
      'Serviceaftaler vedrørende Beskedfordeleren: Serviceaftalerne annonceres onsdag 12. september 2018; Aftaleadministrator godkender serviceaftalerne i Serviceplatformens Administrationsmodul inden torsdag 20. september 2018',
    );
    expect(reply.list).toContain('Definitivt farvel til KIGO oktober 2018: KIGO lukker definitivt i oktober 2018');
    expect(reply.list).toContain('Opstartsmøde om Organisation i oktober: 30. oktober 2018 til 2. november 2018 (foreløbige datoer)');
    expect(reply.list).toContain('Webinarer og kommunedage i november: 14. november 2018 til 22. november 2018');
  });

  it('leads with the nearest deadline in the news while it is ahead', () => {
    expect(card(news(context(), {})).text.split('\n')[0]).toContain('Nærmeste frist: Aftaleadministrator godkender serviceaftalerne i Serviceplatformens Administrationsmodul inden torsdag 20. september 2018 (om 14 dage).');
    expect(card(news(context('2018-09-20T09:00:00+02:00'), {})).text.split('\n')[0]).toBe('KOMBIT-programleder NYT september 2018 har **7 nyheder**.');
  });

  it('answers in English', () => {
    const reply = card(news(context('2018-09-06T10:00:00+02:00', 'en'), {}));
    expect(reply.text).toMatch(/^KOMBIT-programleder NYT september 2018 has \*\*7 items\*\*\./);
    expect(reply.list).toContain('Webinarer og kommunedage i november: 14 November 2018 to 22 November 2018');
  });
});
