import { describe, expect, it } from 'vitest';
import { HOST, only, refusal, run, turnOf, usePollKit } from './poll-kit.js';
import { POLL_DIALOGS } from '../../dialogs/names.js';
import { pollIdOf } from '../../dialogs/polls/card.js';

const kit = usePollKit();
const EXAMPLE = 'afstemning: Hvilken strategi for Organisation vælger I? | A Integration | B STS ORG GUI | C Interim';
const create = (text: string, args: Record<string, string> = { text }) =>
  run(kit, POLL_DIALOGS.create, turnOf(kit, HOST, text), args);

describe('poll-create', () => {
  it('answers the example sentence with the card: question, "Anonym · …· 0 stemmer", a button per option and "Luk afstemning"', async () => {
    const card = only(await create(EXAMPLE));
    expect(card.text).toBe(
      '📊 **Hvilken strategi for Organisation vælger I?**\nAnonym · resultatet vises, når afstemningen lukkes · 0 stemmer · oprettet af Vera Vært',
    );
    expect(card.buttons?.map((button) => button.title)).toEqual([
      'A Integration',
      'B STS ORG GUI',
      'C Interim',
      'Luk afstemning',
    ]);
    const pollId = pollIdOf(card)!;
    expect(card.buttons?.[0]).toEqual({
      title: 'A Integration',
      action: { dialog: POLL_DIALOGS.vote, args: { pollId, option: 'a' } },
      replacesCard: true,
    });
    expect(card.buttons?.[3]).toEqual({
      title: 'Luk afstemning',
      action: { dialog: POLL_DIALOGS.close, args: { pollId } },
      replacesCard: true,
    });
    expect(kit.polls.get(pollId)).toMatchObject({
      channel: 'teams',
      conversationId: '19:meeting@thread.tacv2',
      anonymous: true,
      multiple: false,
      live: false,
      createdBy: { channel: 'teams', userId: 'aad-host' },
    });
  });

  it('takes the flags in the sentence: multiple, named, live, closing at 11.30 Copenhagen time', async () => {
    const card = only(
      await create(
        'afstemning (flere valg, navngiven, vis resultat, lukker kl. 11.30): Frokost? | Pizza | Salat | Suppe',
      ),
    );
    expect(card.intro).toBe(
      'Navngiven · flere valg (tryk igen for at fjerne et valg) · resultatet vises løbende · lukker kl. 11.30 · 0 stemmer · oprettet af Vera Vært',
    );
    expect(kit.polls.get(pollIdOf(card)!)).toMatchObject({
      multiple: true,
      anonymous: false,
      live: true,
      closesAt: '2018-09-06T11:30:00.000+02:00',
    });
  });

  it('"lukker om 10 min" closes ten minutes from now', async () => {
    const card = only(await create('afstemning lukker om 10 min: Pause nu? | Ja | Nej'));
    expect(kit.polls.get(pollIdOf(card)!)!.closesAt).toBe('2018-09-06T10:10:00.000+02:00');
    expect(card.intro).toContain('lukker kl. 10.10');
  });

  it('refuses bad input with a Danish notice that says what is wrong, and writes nothing', async () => {
    expect(refusal(await create('afstemning: Hvilken strategi? | A Integration'))).toMatch(
      /^En afstemning skal have mindst 2 svarmuligheder.*Intet er oprettet\.$/,
    );
    const eleven = Array.from({ length: 11 }, (_, i) => `Svar ${i + 1}`).join(' | ');
    expect(refusal(await create(`afstemning: Hvad vælger I? | ${eleven}`))).toMatch(
      /højst 10 svarmuligheder \(jeg fandt 11\)/,
    );
    expect(refusal(await create(`afstemning: ${'Hvorfor '.repeat(40)}? | A | B`))).toMatch(
      /Spørgsmålet er for langt \(\d+ tegn; højst 300\)/,
    );
    expect(refusal(await create('afstemning lukker kl. 9.00: Q | A | B'))).toMatch(/allerede passeret/);
    expect(refusal(await create('afstemning anonym navngiven: Q | A | B'))).toMatch(/både være anonym og navngiven/);
    expect(kit.store.read().polls).toHaveLength(0);
  });

  it('"afstemning" with nothing after it says how to write one', async () => {
    expect(refusal(await create('afstemning'))).toMatch(
      /^Skriv afstemningen i én besked: spørgsmålet og 2–10 svarmuligheder, adskilt af \|/,
    );
    expect(
      refusal(await run(kit, POLL_DIALOGS.create, turnOf(kit, HOST, 'hvordan laver jeg en afstemning?'), {})),
    ).toMatch(/^Skriv afstemningen/);
  });

  it('"indstillinger" asks for a form first; its answers, submitted back, create the poll with them', async () => {
    const text = 'afstemning med indstillinger: Frokost? | Pizza | Salat';
    const [formReply] = await create(text);
    expect(formReply?.form?.fields.map((field) => field.id)).toEqual(['choice', 'identity', 'results', 'closes']);
    expect(formReply?.form?.fields[1]?.options[0]).toEqual({ value: 'anonymous', label: 'Anonyme' });
    expect(formReply?.form?.submit).toEqual({ dialog: POLL_DIALOGS.create, args: { text, lang: 'da' } });
    expect(kit.store.read().polls).toHaveLength(0);
    const card = only(
      await create(text, {
        ...formReply!.form!.submit.args,
        choice: 'multiple',
        identity: 'named',
        results: 'live',
        closes: '15',
      }),
    );
    expect(kit.polls.get(pollIdOf(card)!)).toMatchObject({
      question: 'Frokost?',
      multiple: true,
      anonymous: false,
      live: true,
      closesAt: '2018-09-06T10:15:00.000+02:00',
    });
  });

  it('says polls are not available where klikbot runs without them', async () => {
    const { polls: _polls, ...without } = kit.services;
    const replies = await run({ ...kit, services: without }, POLL_DIALOGS.create, turnOf(kit, HOST, EXAMPLE), {
      text: EXAMPLE,
    });
    expect(refusal(replies)).toBe('Afstemninger er ikke slået til her.');
  });
});
