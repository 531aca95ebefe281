import { describe, expect, it } from 'vitest';
import { ANNA, BO, HOST, only, refusal, run, turnOf, usePollKit } from './poll-kit.js';
import { POLL_DIALOGS } from '../../dialogs/names.js';
import { pollIdOf } from '../../dialogs/polls/card.js';

const kit = usePollKit();

async function pollFrom(text: string): Promise<string> {
  return pollIdOf(only(await run(kit, POLL_DIALOGS.create, turnOf(kit, HOST, text), { text })))!;
}

const csvOf = (pollId: string, who = BO) => run(kit, POLL_DIALOGS.csv, turnOf(kit, who), { pollId });

describe('poll-csv', () => {
  it('answers privately with the results as CSV in a code block; formula-like labels are neutralised', async () => {
    const pollId = await pollFrom('afstemning: Hvilken strategi? | A Integration | -1 Ingen af dem');
    await run(kit, POLL_DIALOGS.vote, turnOf(kit, ANNA), { pollId, option: 'a' });
    await run(kit, POLL_DIALOGS.vote, turnOf(kit, BO), { pollId, option: 'b' });
    await run(kit, POLL_DIALOGS.close, turnOf(kit, HOST), { pollId });
    expect(refusal(await csvOf(pollId))).toBe(
      [
        'CSV for »Hvilken strategi?« (2 stemmer):',
        '```',
        'option,label,votes,percent',
        'a,A Integration,1,50',
        "b,'-1 Ingen af dem,1,50",
        '```',
      ].join('\n'),
    );
  });

  it('lists who chose what for a named poll, and no voter at all for an anonymous one', async () => {
    const named = await pollFrom('afstemning navngiven: Frokost? | Pizza | Salat');
    await run(kit, POLL_DIALOGS.vote, turnOf(kit, ANNA), { pollId: named, option: 'b' });
    await run(kit, POLL_DIALOGS.close, turnOf(kit, HOST), { pollId: named });
    expect(refusal(await csvOf(named))).toContain('\nvoter,choices\nAnna Andersen,Salat\n');
    const anonymous = await pollFrom('afstemning: Frokost? | Pizza | Salat');
    await run(kit, POLL_DIALOGS.vote, turnOf(kit, ANNA), { pollId: anonymous, option: 'b' });
    await run(kit, POLL_DIALOGS.close, turnOf(kit, HOST), { pollId: anonymous });
    const csv = refusal(await csvOf(anonymous));
    expect(csv).not.toContain('voter');
    expect(csv).not.toContain('Anna');
  });

  it('gives nothing before close for a poll whose results are hidden until then', async () => {
    const pollId = await pollFrom('afstemning: Frokost? | Pizza | Salat');
    await run(kit, POLL_DIALOGS.vote, turnOf(kit, ANNA), { pollId, option: 'b' });
    const text = refusal(await csvOf(pollId, HOST));
    expect(text).toMatch(/^Resultatet vises, når afstemningen lukkes/);
    expect(text).not.toContain('Salat');
  });
});
