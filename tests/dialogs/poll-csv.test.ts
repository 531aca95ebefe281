import { describe, expect, it } from 'vitest';
import { ANNA, BO, CARL, HOST, only, refusal, run, turnOf, usePollKit } from './poll-kit.js';
import type { Reply } from '../../src/core/types.js';
import { POLL_DIALOGS } from '../../dialogs/names.js';
import { pollIdOf } from '../../dialogs/polls/card.js';

const kit = usePollKit();

async function pollFrom(text: string): Promise<string> {
  return pollIdOf(only(await run(kit, POLL_DIALOGS.create, turnOf(kit, HOST, text), { text })))!;
}

const csvOf = (pollId: string, who = BO, language: 'da' | 'en' = 'da') =>
  run(kit, POLL_DIALOGS.csv, turnOf(kit, who, '', undefined, language), { pollId });

/** The one reply an export gives. */
function exported(replies: Reply[]): Reply {
  expect(replies).toHaveLength(1);
  return replies[0]!;
}

/** The rows of the file a Danish Excel opens: a BOM first, then records ending in CRLF. */
function rowsOf(content: string): string[] {
  expect(content.startsWith('\uFEFF')).toBe(true);
  expect(content.endsWith('\r\n')).toBe(true);
  return content.slice(1, -2).split('\r\n');
}

describe('poll-csv', () => {
  it('hands the asker a CSV file for a Danish Excel: semicolons, Danish headers, formula-like labels neutralised', async () => {
    const pollId = await pollFrom('afstemning: Hvilken strategi? | A Integration; trin 1 | -1 Ingen af dem');
    await run(kit, POLL_DIALOGS.vote, turnOf(kit, ANNA), { pollId, option: 'a' });
    await run(kit, POLL_DIALOGS.vote, turnOf(kit, BO), { pollId, option: 'b' });
    await run(kit, POLL_DIALOGS.close, turnOf(kit, HOST), { pollId });
    const reply = exported(await csvOf(pollId));
    expect(reply.notice).toBe(true);
    expect(reply.private?.note).toBe('Filen er sendt til din private chat med klikbot.');
    expect(reply.text).toBe(
      'Resultatet af »Hvilken strategi?« som CSV-fil (2 stemmer: A Integration; trin 1 1 stemme, 50 %; -1 Ingen af dem 1 stemme, 50 %).',
    );
    expect(reply.file?.name).toBe('afstemning-hvilken-strategi-2018-09-06.csv');
    expect(reply.file?.mediaType).toBe('text/csv');
    expect(reply.file?.again).toEqual({ dialog: POLL_DIALOGS.csv, args: { pollId } });
    expect(rowsOf(reply.file!.content)).toEqual([
      'Svarmulighed;Stemmer;Procent',
      '"A Integration; trin 1";1;50',
      "'-1 Ingen af dem;1;50",
    ]);
  });

  it('lists who chose what in a named poll, with their verified municipality for the one who runs it, and no voter at all for an anonymous one', async () => {
    await kit.services.memberships.set(ANNA.channel, ANNA.userId, 'aarhus');
    await kit.services.memberships.claim({ channel: CARL.channel, userId: CARL.userId, municipalityId: 'koege' });
    const named = await pollFrom('afstemning navngiven: Frokost? | Pizza | Salat | Suppe');
    await run(kit, POLL_DIALOGS.vote, turnOf(kit, ANNA), { pollId: named, option: 'b' });
    await run(kit, POLL_DIALOGS.vote, turnOf(kit, CARL), { pollId: named, option: 'a' });
    await run(kit, POLL_DIALOGS.close, turnOf(kit, HOST), { pollId: named });
    const file = exported(await csvOf(named, HOST)).file!;
    // Carl's claim is not verified: no municipality beside his name
    expect(rowsOf(file.content)).toEqual([
      'Navn;Kommune;Valg',
      'Anna Andersen;Aarhus Kommune;Salat',
      'Carl Clausen;;Pizza',
    ]);
    // a participant sees who chose what, as the card shows, but not where each voter is from
    const seen = exported(await csvOf(named, BO));
    expect(seen.text).toMatch(/^Hvem der stemte hvad i »Frokost\?« som CSV-fil/);
    expect(rowsOf(seen.file!.content)).toEqual(['Navn;Valg', 'Anna Andersen;Salat', 'Carl Clausen;Pizza']);

    const anonymous = await pollFrom('afstemning: Frokost? | Pizza | Salat');
    await run(kit, POLL_DIALOGS.vote, turnOf(kit, ANNA), { pollId: anonymous, option: 'b' });
    await run(kit, POLL_DIALOGS.close, turnOf(kit, HOST), { pollId: anonymous });
    const content = exported(await csvOf(anonymous)).file!.content;
    expect(content).not.toContain('Anna');
    expect(rowsOf(content)[0]).toBe('Svarmulighed;Stemmer;Procent');
  });

  it('gives English headers to someone asking in English', async () => {
    const pollId = await pollFrom('afstemning: Frokost? | Pizza | Salat');
    await run(kit, POLL_DIALOGS.close, turnOf(kit, HOST), { pollId });
    const reply = exported(await csvOf(pollId, BO, 'en'));
    expect(reply.file?.name).toBe('poll-frokost-2018-09-06.csv');
    expect(rowsOf(reply.file!.content)[0]).toBe('Option;Votes;Percent');
  });

  it('gives nothing before close for a poll whose results are hidden until then', async () => {
    const pollId = await pollFrom('afstemning: Frokost? | Pizza | Salat');
    await run(kit, POLL_DIALOGS.vote, turnOf(kit, ANNA), { pollId, option: 'b' });
    const text = refusal(await csvOf(pollId, HOST));
    expect(text).toMatch(/^Resultatet vises, når afstemningen lukkes/);
    expect(text).not.toContain('Salat');
  });
});
