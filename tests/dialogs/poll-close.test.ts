import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { closeDuePolls, POLL_DIALOGS, pollIdOf } from '../../dialogs/poll-dialogs.js';
import { ADMIN, ANNA, BO, HOST, only, refusal, run, turnOf, usePollKit } from './poll-kit.js';

const kit = usePollKit();
const EXAMPLE = 'afstemning: Hvilken strategi for Organisation vælger I? | A Integration | B STS ORG GUI | C Interim';

async function pollFrom(text: string, who = HOST): Promise<string> {
  return pollIdOf(only(await run(kit, POLL_DIALOGS.create, turnOf(kit, who, text), { text })))!;
}

describe('poll-close', () => {
  it('closes the example after 41 votes with the results card: bars, counts, percentages and "Hent CSV"', async () => {
    const pollId = await pollFrom(EXAMPLE);
    const choices = [...Array<string>(11).fill('a'), ...Array<string>(6).fill('b'), ...Array<string>(24).fill('c')];
    await Promise.all(choices.map((option, i) => run(kit, POLL_DIALOGS.vote, turnOf(kit, { channel: 'teams', userId: `aad-${i}` }), { pollId, option })));
    const card = only(await run(kit, POLL_DIALOGS.close, turnOf(kit, HOST), { pollId }));
    const [heading, ...table] = card.text.split('\n');
    expect(heading).toBe('📊 **Hvilken strategi for Organisation vælger I?** (lukket, 41 stemmer)');
    expect(table).toEqual(['```', 'A Integration   ██████░░░░░░░░  11  27 %', 'B STS ORG GUI   ████░░░░░░░░░░   6  15 %', 'C Interim       ██████████████  24  59 %', '```']);
    expect(card.buttons).toEqual([{ title: 'Hent CSV', action: { dialog: POLL_DIALOGS.csv, args: { pollId } } }]);
    expect(kit.polls.get(pollId)).toMatchObject({ closedAt: '2018-09-06T10:00:00.000+02:00', closedBy: { userId: 'aad-host' } });
  });

  it('refuses anyone but the creator or an administrator: a notice, and the poll stays open', async () => {
    const pollId = await pollFrom(EXAMPLE);
    expect(refusal(await run(kit, POLL_DIALOGS.close, turnOf(kit, ANNA), { pollId }))).toBe('Kun den, der oprettede afstemningen, eller en administrator kan lukke den. Intet er ændret.');
    expect(refusal(await run(kit, POLL_DIALOGS.close, turnOf(kit, ANNA, 'luk afstemningen'), {}))).toMatch(/^Kun den/);
    expect(kit.polls.get(pollId)!.closedAt).toBeUndefined();
    only(await run(kit, POLL_DIALOGS.close, turnOf(kit, ADMIN), { pollId }));
    expect(kit.polls.get(pollId)).toMatchObject({ closedBy: { userId: ADMIN.userId } });
  });

  it('"luk" without a poll closes the conversation\'s newest open poll, the person\'s own first', async () => {
    const own = await pollFrom('afstemning: Første? | Ja | Nej');
    const theirs = await pollFrom('afstemning: Annas? | Ja | Nej', ANNA);
    only(await run(kit, POLL_DIALOGS.close, turnOf(kit, HOST, 'luk'), {}));
    expect(kit.polls.get(own)!.closedAt).toBeDefined();
    expect(kit.polls.get(theirs)!.closedAt).toBeUndefined();
    expect(refusal(await run(kit, POLL_DIALOGS.close, turnOf(kit, BO, 'luk'), {}))).toMatch(/^Kun den/);
    only(await run(kit, POLL_DIALOGS.close, turnOf(kit, ANNA, 'luk'), {}));
    expect(refusal(await run(kit, POLL_DIALOGS.close, turnOf(kit, HOST, 'luk'), {}))).toBe('Der er ingen åben afstemning her.');
  });

  it('pressing "Luk" on a poll already closed shows its results again', async () => {
    const pollId = await pollFrom(EXAMPLE);
    only(await run(kit, POLL_DIALOGS.close, turnOf(kit, HOST), { pollId }));
    expect(only(await run(kit, POLL_DIALOGS.close, turnOf(kit, HOST), { pollId })).text).toContain('(lukket, 0 stemmer)');
  });
});

describe('poll-delete', () => {
  it('lets the creator delete (softly); others are refused', async () => {
    const pollId = await pollFrom(EXAMPLE);
    expect(refusal(await run(kit, POLL_DIALOGS.delete, turnOf(kit, ANNA), { pollId }))).toBe('Kun den, der oprettede afstemningen, eller en administrator kan slette den. Intet er ændret.');
    expect(kit.polls.get(pollId)!.deletedAt).toBeUndefined();
    expect(only(await run(kit, POLL_DIALOGS.delete, turnOf(kit, HOST, 'slet afstemningen'), {})).text).toBe('📊 Afstemningen »Hvilken strategi for Organisation vælger I?« er slettet.');
    expect(kit.polls.get(pollId)!.deletedAt).toBeDefined();
  });
});

describe('closeDuePolls', () => {
  it('closes the polls whose time has come and gives each one\'s results card', async () => {
    const pollId = await pollFrom('afstemning lukker om 10 min: Pause nu? | Ja | Nej');
    await run(kit, POLL_DIALOGS.vote, turnOf(kit, ANNA), { pollId, option: 'a' });
    expect(await closeDuePolls(kit.polls, DateTime.fromISO('2018-09-06T10:09:00+02:00'))).toEqual([]);
    const [closed, ...more] = await closeDuePolls(kit.polls, DateTime.fromISO('2018-09-06T10:10:30+02:00'));
    expect(more).toEqual([]);
    expect(closed?.poll).toMatchObject({ id: pollId, closedAt: '2018-09-06T10:10:00.000+02:00', channel: 'teams', conversationId: '19:meeting@thread.tacv2' });
    expect(closed?.reply.text).toContain('(lukket, 1 stemme)');
    expect(closed?.reply.text).toContain('Ja    ██████████████  1  100 %');
  });
});
