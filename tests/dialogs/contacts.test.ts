import { contacts } from '../../dialogs/answers/contacts.js';
import { describe, expect, it } from 'vitest';
import { askedContext, card, context } from './dialog-kit.js';

describe('contacts', () => {
  it('puts the programme mailbox first by default, with the subject it asks for, then the other addresses', () => {
    const reply = card(contacts(context(), {}));
    expect(reply.text.split('\n')[0]).toBe(
      'Skriv til **mbprogrammet@kombit.dk** med spørgsmål til Monopolbrudsprogrammet (spørgsmål fra programledermødet gerne med emnet "programledermøde september"). Andre adresser:',
    );
    expect(reply.list).toContain('**kigo@kombit.dk**: Support ved farvel til KIGO (oktober 2018)');
  });

  it('says the subject the material asks for where the question asks what to write in it', () => {
    const asked = (text: string, language: 'da' | 'en' = 'da') => card(contacts(askedContext(text, language), {})).text;
    expect(asked('hvad skriver jeg i emnelinjen?')).toBe(
      'Skriv gerne "programledermøde september" i emnefeltet, når du skriver til **mbprogrammet@kombit.dk** (Spørgsmål, der ikke blev stillet eller besvaret på programledermødet).',
    );
    expect(asked('which subject do I put on the email?', 'en')).toMatch(
      /^Write "programledermøde september" in the subject line/,
    );
    // "emne" alone is a topic, not a mail's subject
    expect(asked('hvad er emnet for webinaret?')).not.toContain('emnefeltet');
  });

  it('gives the right address for a topic first', () => {
    expect(card(contacts(context(), { topic: 'kigo' })).text).toBe(
      '**kigo@kombit.dk**: Support ved farvel til KIGO (oktober 2018)',
    );
    const ky = card(contacts(context(), { topic: 'KY' })).text.split('\n');
    expect(ky).toEqual([
      'Thomas M. Glintborg, **trg@kombit.dk**, tlf. 2327 5876: Indstationering i KY-projektteamet',
      'Nicolai Carlsen, **ndf@kombit.dk**, tlf. 3334 9463: Indstationering i KY-projektteamet',
    ]);
    expect(card(contacts(context(), { topic: 'programleder' })).text.split('\n')[0]).toMatch(
      /^\*\*mvp@kombit\.dk\*\*: /,
    );
    expect(card(contacts(context(), { topic: 'programledermøde' })).text).toContain(
      '(emne: "programledermøde september")',
    );
  });

  it('falls back to the programme mailbox for a topic it has no address for', () => {
    expect(card(contacts(context(), { topic: 'licens' })).text).toBe(
      'Jeg har ingen særlig adresse om "licens". Skriv til **mbprogrammet@kombit.dk**.',
    );
  });

  it('answers in English', () => {
    expect(card(contacts(context('2018-09-06T10:00:00+02:00', 'en'), { topic: 'ky' })).text).toContain(
      'phone 2327 5876',
    );
  });

  it("says honestly it has no address for a person the material names only as a meeting's host", () => {
    const asking = (text: string, language: 'da' | 'en' = 'da') => {
      const asked = context(undefined, language);
      asked.turn.text = text;
      return contacts(asked, {});
    };
    const [reply] = asking('hvad er mimi rasmussens telefonnummer');
    expect(reply?.notKnown).toBe(true);
    expect(reply?.text).toBe(
      'Materialet giver ingen telefon eller mail til Mimi Rasmussen, der er vært på Programledermøde september 2018. Skriv til **mbprogrammet@kombit.dk**.',
    );
    expect(asking("what is Peter Hansen's email?", 'en')[0]?.text).toMatch(
      /^The material gives no phone or email for Peter Hansen, one of the hosts/,
    );
    // someone with an address of their own gets it, as a contact
    expect(card(asking('hvad er thomas glintborgs telefonnummer')).list).toContain(
      'Thomas M. Glintborg, **trg@kombit.dk**, tlf. 2327 5876: Indstationering i KY-projektteamet',
    );
  });
});
