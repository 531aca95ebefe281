import { contacts } from '../../dialogs/contacts.js';
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

describe('contacts', () => {
  it('puts the programme mailbox first by default, then the other addresses', () => {
    const reply = card(contacts(context(), {}));
    expect(reply.text.split('\n')[0]).toBe('Skriv til **mbprogrammet@kombit.dk** med spørgsmål til Monopolbrudsprogrammet. Andre adresser:');
    expect(reply.list).toContain('**kigo@kombit.dk**: Support ved farvel til KIGO (oktober 2018)');
  });

  it('gives the right address for a topic first', () => {
    expect(card(contacts(context(), { topic: 'kigo' })).text).toBe('**kigo@kombit.dk**: Support ved farvel til KIGO (oktober 2018)');
    const ky = card(contacts(context(), { topic: 'KY' })).text.split('\n');
    expect(ky).toEqual([
      'Thomas M. Glintborg, **trg@kombit.dk**, tlf. 2327 5876: Indstationering i KY-projektteamet',
      'Nicolai Carlsen, **ndf@kombit.dk**, tlf. 3334 9463: Indstationering i KY-projektteamet',
    ]);
    expect(card(contacts(context(), { topic: 'programleder' })).text.split('\n')[0]).toMatch(/^Mette Vinther Poulsen, \*\*mvp@kombit\.dk\*\*/);
    expect(card(contacts(context(), { topic: 'programledermøde' })).text).toContain('(emne: "programledermøde september")');
  });

  it('falls back to the programme mailbox for a topic it has no address for', () => {
    expect(card(contacts(context(), { topic: 'licens' })).text).toBe('Jeg har ingen særlig adresse om "licens". Skriv til **mbprogrammet@kombit.dk**.');
  });

  it('answers in English', () => {
    expect(card(contacts(context('2018-09-06T10:00:00+02:00', 'en'), { topic: 'ky' })).text).toContain('phone 2327 5876');
  });
});
