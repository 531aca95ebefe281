import { storedText } from '../support/stored-text.js';
import { describe, expect, it } from 'vitest';
import {
  admin,
  answerAs,
  crowd,
  expectNotice,
  mette,
  peter,
  run,
  startAs,
  useEvaluationKit,
} from './evaluation-kit.js';

const kit = useEvaluationKit();

describe("'evaluation-answer': the form's submission", () => {
  it('stores the rating and the texts, thanks the person, and refuses a second answer without writing anything', async () => {
    const id = await startAs(kit);
    const [thanks] = await answerAs(kit, peter, id, { rating: '4', worked: 'Oplægget om Organisation', improve: '' });
    expect(thanks).toEqual({
      text: 'Tak for dit svar! Det er gemt uden dit navn, og intet i klikbot knytter det til dig.',
    });
    expect(kit.store.read().evaluationAnswers).toEqual([
      { evaluationId: id, rating: 4, worked: 'Oplægget om Organisation' },
    ]);

    const before = await storedText(kit.store);
    const [again] = await answerAs(kit, peter, id, { rating: '1' });
    expectNotice(again, /^Du har allerede svaret på denne evaluering\. Hver deltager svarer én gang/);
    expect(await storedText(kit.store)).toBe(before);
  });

  it('refuses an answer over 2,000 characters, saying which and how long, and writes nothing; 2,000 is accepted', async () => {
    const id = await startAs(kit);
    const [tooLong] = await answerAs(kit, peter, id, {
      rating: '5',
      worked: 'a'.repeat(2001),
      improve: 'b'.repeat(2345),
    });
    expect(tooLong).toEqual({
      notice: true,
      text:
        'Dit svar på »Hvad fungerede?« er 2.001 tegn; der er plads til 2.000. Forkort det, og send igen. ' +
        'Dit svar på »Hvad kan vi gøre bedre?« er 2.345 tegn; der er plads til 2.000. Forkort det, og send igen.',
    });
    expect(kit.store.read().evaluationAnswers).toEqual([]);
    expect(kit.store.read().evaluationResponders).toEqual([]);
    // refused, the person may still answer
    const [thanks] = await answerAs(kit, peter, id, { rating: '5', worked: 'a'.repeat(2000) });
    expect(thanks?.notice).toBeUndefined();
    expect(kit.store.read().evaluationAnswers[0]?.worked).toHaveLength(2000);
  });

  it('asks for the rating when it is missing or not 1–5, and refuses an answer to a closed evaluation', async () => {
    const id = await startAs(kit);
    expect(await answerAs(kit, peter, id, { worked: 'Godt' })).toEqual([
      { notice: true, text: 'Vælg en karakter fra 1 til 5.' },
    ]);
    expectNotice((await answerAs(kit, peter, id, { rating: '7' }))[0], /^Det svar kan jeg ikke læse/);
    await run(kit, 'evaluation-close', mette, { evaluationId: id });
    expect((await answerAs(kit, peter, id, { rating: '3' }))[0]).toMatchObject({
      notice: true,
      text: 'Evalueringen er lukket; der kan ikke svares mere.',
    });
    expect(kit.store.read().evaluationAnswers).toEqual([]);
  });

  it('lets nobody, not the host or an administrator, see who answered what: no reply names a respondent', async () => {
    const id = await startAs(kit);
    const people = crowd(6);
    for (const [i, person] of people.entries())
      await answerAs(kit, person, id, { rating: String((i % 5) + 1), worked: `punkt ${i}` });
    const views = [
      ...(await run(kit, 'evaluation-results', mette, { evaluationId: id })),
      ...(await run(kit, 'evaluation-close', mette, { evaluationId: id })),
      ...(await run(kit, 'evaluation-results', admin, { evaluationId: id })),
      ...(await run(kit, 'evaluation-csv', mette, { evaluationId: id })),
      ...(await run(kit, 'evaluation-csv', admin, { evaluationId: id })),
    ];
    const shown = JSON.stringify(views);
    expect(shown).toContain('punkt 5');
    for (const person of people) {
      expect(shown).not.toContain(person.userId);
      expect(shown).not.toContain(person.name);
    }
    const file = await storedText(kit.store);
    for (const person of people) expect(file).not.toContain(person.userId);
  });
});
