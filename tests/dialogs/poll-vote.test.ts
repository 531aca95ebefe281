import { storedText } from '../support/stored-text.js';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { Reply } from '../../src/core/types.js';
import { ANNA, BO, CARL, HOST, only, refusal, run, turnOf, usePollKit, type PollKit } from './poll-kit.js';
import { POLL_DIALOGS } from '../../dialogs/names.js';
import { pollIdOf } from '../../dialogs/polls/card.js';

const kit = usePollKit();

async function pollFrom(k: PollKit, text: string): Promise<string> {
  const card = only(await run(k, POLL_DIALOGS.create, turnOf(k, HOST, text), { text }));
  return pollIdOf(card)!;
}

const vote = (who: typeof ANNA, pollId: string, option: string, conversationId?: string) =>
  run(kit, POLL_DIALOGS.vote, turnOf(kit, who, '', conversationId), { pollId, option, lang: 'da' });

/** Whatever a card shows of the counts per option: bars, a results list or chart, or percentages in its text. */
function showsCounts(card: Reply): boolean {
  return /[█░%]/.test(card.text) || card.list !== undefined || card.chart !== undefined;
}

describe('poll-vote', () => {
  it('answers a vote with the whole updated card; a hidden poll shows how many voted and nothing per option', async () => {
    const pollId = await pollFrom(
      kit,
      'afstemning: Hvilken strategi vælger I? | A Integration | B STS ORG GUI | C Interim',
    );
    const first = only(await vote(ANNA, pollId, 'a'));
    expect(first.text).toBe(
      '📊 **Hvilken strategi vælger I?**\nAnonym · resultatet vises, når afstemningen lukkes · 1 stemme · oprettet af Vera Vært\n' +
        '✓ Din stemme: A Integration (kun vist for dig)',
    );
    expect(first.buttons?.map((button) => button.title)).toEqual([
      '✓ A Integration',
      'B STS ORG GUI',
      'C Interim',
      'Luk afstemning',
    ]);
    await vote(BO, pollId, 'c');
    const third = only(await vote(CARL, pollId, 'c'));
    expect(third.intro).toBe('Anonym · resultatet vises, når afstemningen lukkes · 3 stemmer · oprettet af Vera Vært');
    expect(showsCounts(third)).toBe(false);
    // nor does the state file say who voted
    const file = await storedText(kit.store);
    for (const voter of [ANNA, BO, CARL]) {
      expect(file).not.toContain(voter.userId);
      expect(file).not.toContain(voter.name);
    }
  });

  it('lets a person change their vote until the poll closes: still one vote each', async () => {
    const pollId = await pollFrom(kit, 'afstemning vis resultat: Frokost? | Pizza | Salat');
    await vote(ANNA, pollId, 'a');
    await vote(BO, pollId, 'a');
    const changed = only(await vote(ANNA, pollId, 'b'));
    expect(changed.intro).toContain('2 stemmer');
    expect(changed.list).toEqual(['Pizza: ██████████████ 1 (50 %)', 'Salat: ██████████████ 1 (50 %)']);
  });

  it('shows the counts, bars and percentages while open in a live poll', async () => {
    const pollId = await pollFrom(kit, 'afstemning live: Frokost? | Pizza | Salat | Suppe');
    await vote(ANNA, pollId, 'a');
    await vote(BO, pollId, 'a');
    const card = only(await vote(CARL, pollId, 'b'));
    expect(card.list).toEqual([
      'Pizza: ██████████████ 2 (67 %)',
      'Salat: ███████░░░░░░░ 1 (33 %)',
      'Suppe: ░░░░░░░░░░░░░░ 0 (0 %)',
    ]);
    // what notifications and screen readers get: the counts in words, no bars
    expect(card.text).toContain('Pizza 2 stemmer, 67 %; Salat 1 stemme, 33 %; Suppe 0 stemmer, 0 %.');
  });

  it('in a multiple-choice poll a press adds an option, and a second press on it takes it away', async () => {
    const pollId = await pollFrom(kit, 'afstemning (flere valg, live): Hvilke webinarer? | KY | FK | SAPA');
    await vote(ANNA, pollId, 'a');
    only(await vote(ANNA, pollId, 'c'));
    expect(kit.polls.results(pollId)).toMatchObject({ voters: 1, options: [{ votes: 1 }, { votes: 0 }, { votes: 1 }] });
    const card = only(await vote(ANNA, pollId, 'a'));
    expect(card.list).toEqual([
      'KY: ░░░░░░░░░░░░░░ 0 (0 %)',
      'FK: ░░░░░░░░░░░░░░ 0 (0 %)',
      'SAPA: ██████████████ 1 (100 %)',
    ]);
  });

  it("marks the voter's own choice in their copy of the card, and not in the card everyone else sees", async () => {
    const pollId = await pollFrom(kit, 'afstemning: Hvilken strategi vælger I? | A Integration | B STS ORG GUI');
    const own = only(await vote(ANNA, pollId, 'b'));
    expect(own.outro).toBe('✓ Din stemme: B STS ORG GUI (kun vist for dig)');
    expect(own.buttons?.map((button) => button.title)).toEqual(['A Integration', '✓ B STS ORG GUI', 'Luk afstemning']);
    const shared = own.ownCopy!.shared;
    expect(own.ownCopy!.note).toBe(own.outro);
    expect(shared.text).not.toMatch(/✓|Din stemme|STS/);
    expect(shared.outro).toBeUndefined();
    expect(shared.buttons?.map((button) => button.title)).toEqual(['A Integration', 'B STS ORG GUI', 'Luk afstemning']);
    // changing the vote: the copy marks the new choice only
    const changed = only(await vote(ANNA, pollId, 'a'));
    expect(changed.ownCopy!.note).toBe('✓ Din stemme: A Integration (kun vist for dig)');
    // another voter's copy shows their own choice, found under their key, not Anna's
    expect(only(await vote(BO, pollId, 'b')).ownCopy!.note).toBe('✓ Din stemme: B STS ORG GUI (kun vist for dig)');
  });

  it('says what a second press in a multiple-choice poll did: the vote it removed, and what is left', async () => {
    const pollId = await pollFrom(kit, 'afstemning (flere valg, navngiven): Hvilke webinarer? | KY | FK | SAPA');
    expect(only(await vote(ANNA, pollId, 'a')).ownCopy!.note).toBe('✓ Din stemme: KY');
    const both = only(await vote(ANNA, pollId, 'c'));
    expect(both.ownCopy!.note).toBe('✓ Dine stemmer: KY, SAPA');
    expect(both.buttons?.map((button) => button.title)).toEqual(['✓ KY', 'FK', '✓ SAPA', 'Luk afstemning']);
    const removed = only(await vote(ANNA, pollId, 'c'));
    expect(removed.ownCopy!.note).toBe('Du har fjernet din stemme på SAPA. ✓ Din stemme: KY');
    expect(removed.outro).toBe(removed.ownCopy!.note);
    const none = only(await vote(ANNA, pollId, 'a'));
    expect(none.ownCopy!.note).toBe('Du har fjernet din stemme på KY. Du har ingen stemme i afstemningen nu.');
    expect(kit.polls.results(pollId)!.voters).toBe(0);
  });

  it('says it in English in a poll made in English', async () => {
    const pollId = await pollFrom(kit, 'poll (multiple choice): Which webinars? | KY | FK');
    await run(kit, POLL_DIALOGS.vote, turnOf(kit, ANNA, '', undefined, 'en'), { pollId, option: 'a', lang: 'en' });
    const removed = only(
      await run(kit, POLL_DIALOGS.vote, turnOf(kit, ANNA, '', undefined, 'en'), { pollId, option: 'a', lang: 'en' }),
    );
    expect(removed.ownCopy!.note).toBe('You removed your vote for KY. You have no vote in the poll now.');
    const voted = only(
      await run(kit, POLL_DIALOGS.vote, turnOf(kit, ANNA, '', undefined, 'en'), { pollId, option: 'b', lang: 'en' }),
    );
    expect(voted.ownCopy!.note).toBe('✓ Your vote: FK (shown only to you)');
  });

  it('refuses votes on a closed or deleted poll with a notice, so the card stays as it is, and counts nothing', async () => {
    const pollId = await pollFrom(kit, 'afstemning: Pause nu? | Ja | Nej');
    await vote(ANNA, pollId, 'a');
    only(await run(kit, POLL_DIALOGS.close, turnOf(kit, HOST), { pollId }));
    expect(refusal(await vote(BO, pollId, 'b'))).toBe('Afstemningen er lukket, så din stemme er ikke talt med.');
    expect(refusal(await vote(ANNA, pollId, 'b'))).toBe('Afstemningen er lukket, så din stemme er ikke talt med.');
    expect(kit.polls.results(pollId)).toMatchObject({ voters: 1, options: [{ votes: 1 }, { votes: 0 }] });
    const other = await pollFrom(kit, 'afstemning: Kaffe? | Ja | Nej');
    await run(kit, POLL_DIALOGS.delete, turnOf(kit, HOST), { pollId: other });
    expect(refusal(await vote(BO, other, 'a'))).toBe('Afstemningen er slettet, så din stemme er ikke talt med.');
  });

  it('refuses a poll past its closing time, before the tick has closed it', async () => {
    const pollId = await pollFrom(kit, 'afstemning lukker om 5 min: Pause nu? | Ja | Nej');
    kit.clock.set(DateTime.fromISO('2018-09-06T10:06:00+02:00'));
    expect(refusal(await vote(ANNA, pollId, 'a'))).toMatch(/lukket/);
  });

  it('takes no vote from another conversation, nor for an option the poll does not have', async () => {
    const pollId = await pollFrom(kit, 'afstemning: Pause nu? | Ja | Nej');
    expect(refusal(await vote(ANNA, pollId, 'a', '19:other@thread.tacv2'))).toMatch(/kender jeg ikke/);
    expect(refusal(await vote(ANNA, pollId, 'z'))).toMatch(/svarmulighed findes ikke/);
    expect(
      refusal(await run(kit, POLL_DIALOGS.vote, turnOf(kit, ANNA), { pollId: 'not-a-poll', option: 'a' })),
    ).toMatch(/kender jeg ikke/);
    expect(kit.polls.results(pollId)!.voters).toBe(0);
  });
});
