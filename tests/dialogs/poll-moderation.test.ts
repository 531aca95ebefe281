import { describe, expect, it } from 'vitest';
import { meetingCohostApprove, meetingCohostRequest } from '../../dialogs/meetings/cohost.js';
import { meetingStart } from '../../dialogs/meetings/run.js';
import { pollClose, pollDelete } from '../../dialogs/polls/close.js';
import { pollIdOf } from '../../dialogs/polls/card.js';
import { POLL_DIALOGS } from '../../dialogs/names.js';
import type { ActionServices } from '../../dialogs/types.js';
import { MeetingSessionRepository } from '../../src/state/meeting-sessions.js';
import { ANNA, BO, CARL, HOST, only, refusal, run, turnOf, usePollKit } from './poll-kit.js';

const kit = usePollKit();

async function pollFrom(text: string, who = HOST): Promise<string> {
  return pollIdOf(only(await run(kit, POLL_DIALOGS.create, turnOf(kit, who, text), { text })))!;
}

/** The services with the meeting sessions, and 6 September's meeting started here by HOST. */
async function meetingRunByHost(): Promise<ActionServices> {
  const services: ActionServices = {
    ...kit.services,
    meetings: { sessions: new MeetingSessionRepository(kit.store, kit.clock) },
  };
  const started = await meetingStart(turnOf(kit, HOST, 'start møde'), {}, services);
  expect(started.some((reply) => reply.notice)).toBe(false);
  return services;
}

describe('the meeting’s host and co-hosts moderate its polls', () => {
  it('the host closes and removes a participant’s poll; a participant still cannot', async () => {
    const services = await meetingRunByHost();
    const annas = await pollFrom('afstemning: Annas? | Ja | Nej', ANNA);
    const bos = await pollFrom('afstemning: Bos? | Ja | Nej', BO);
    expect(refusal(await pollClose(turnOf(kit, BO), { pollId: annas }, services))).toBe(
      'Kun den, der oprettede afstemningen, mødets vært eller medvært eller en administrator kan lukke den. Intet er ændret.',
    );
    expect(refusal(await pollDelete(turnOf(kit, BO), { pollId: annas }, services))).toBe(
      'Kun den, der oprettede afstemningen, mødets vært eller medvært eller en administrator kan slette den. Intet er ændret.',
    );
    expect(kit.polls.get(annas)!.closedAt).toBeUndefined();
    expect(kit.polls.get(annas)!.deletedAt).toBeUndefined();
    only(await pollClose(turnOf(kit, HOST), { pollId: annas }, services));
    expect(kit.polls.get(annas)).toMatchObject({ closedBy: { userId: HOST.userId } });
    expect(only(await pollDelete(turnOf(kit, HOST), { pollId: bos }, services)).text).toBe(
      '📊 Afstemningen »Bos?« er slettet.',
    );
    expect(kit.polls.get(bos)!.deletedAt).toBeDefined();
  });

  it('a typed delete that means a participant’s poll asks the host first, naming it, and deletes nothing yet', async () => {
    const services = await meetingRunByHost();
    const annas = await pollFrom('afstemning: Annas? | Ja | Nej', ANNA);
    const [asked] = await pollDelete(turnOf(kit, HOST, 'slet afstemningen'), {}, services);
    expect(asked?.notice).toBe(true);
    expect(asked?.text).toContain('Den nyeste afstemning her er ikke din');
    expect(asked?.buttons?.map((button) => button.action)).toEqual([
      { dialog: POLL_DIALOGS.delete, args: { pollId: annas } },
    ]);
    expect(kit.polls.get(annas)!.deletedAt).toBeUndefined();
    expect(only(await pollDelete(turnOf(kit, HOST), { pollId: annas }, services)).text).toBe(
      '📊 Afstemningen »Annas?« er slettet.',
    );
  });

  it('a co-host the host let in may remove a poll too', async () => {
    const services = await meetingRunByHost();
    const annas = await pollFrom('afstemning: Annas? | Ja | Nej', ANNA);
    expect(refusal(await pollDelete(turnOf(kit, CARL), { pollId: annas }, services))).toMatch(/^Kun den/);
    const [request] = await meetingCohostRequest(turnOf(kit, CARL), {}, services);
    await meetingCohostApprove(turnOf(kit, HOST), request!.buttons![0]!.action.args, services);
    only(await pollDelete(turnOf(kit, CARL), { pollId: annas }, services));
    expect(kit.polls.get(annas)!.deletedAt).toBeDefined();
  });

  it('without a meeting run here, the host of another day is no moderator', async () => {
    const annas = await pollFrom('afstemning: Annas? | Ja | Nej', ANNA);
    expect(refusal(await pollDelete(turnOf(kit, HOST), { pollId: annas }, kit.services))).toMatch(/^Kun den/);
    expect(kit.polls.get(annas)!.deletedAt).toBeUndefined();
  });
});

describe('"luk afstemning" with several polls open', () => {
  it('asks the host which, one button per open poll, and closes nothing until one is pressed', async () => {
    const services = await meetingRunByHost();
    const first = await pollFrom('afstemning: Første? | Ja | Nej');
    const annas = await pollFrom('afstemning: Annas? | Ja | Nej', ANNA);
    const bos = await pollFrom('afstemning: Bos? | Ja | Nej', BO);
    const before = kit.store.read();
    const [ask, ...more] = await pollClose(turnOf(kit, HOST, 'luk afstemning'), {}, services);
    expect(more).toEqual([]);
    expect(ask).toMatchObject({ notice: true, text: 'Der er 3 åbne afstemninger her. Hvilken skal lukkes?' });
    expect(ask?.buttons?.map((button) => [button.title, button.action])).toEqual([
      ['»Første?«', { dialog: POLL_DIALOGS.close, args: { pollId: first } }],
      ['»Annas?«', { dialog: POLL_DIALOGS.close, args: { pollId: annas } }],
      ['»Bos?«', { dialog: POLL_DIALOGS.close, args: { pollId: bos } }],
    ]);
    expect(kit.store.read()).toBe(before);
    only(await pollClose(turnOf(kit, HOST), ask!.buttons![1]!.action.args, services));
    expect(kit.polls.get(annas)!.closedAt).toBeDefined();
    expect(kit.polls.get(first)!.closedAt).toBeUndefined();
    expect(kit.polls.get(bos)!.closedAt).toBeUndefined();
  });

  it('asks a participant only among their own polls, and closes the one they have', async () => {
    await meetingRunByHost();
    const own = await pollFrom('afstemning: Annas? | Ja | Nej', ANNA);
    await pollFrom('afstemning: Værtens? | Ja | Nej');
    only(await run(kit, POLL_DIALOGS.close, turnOf(kit, ANNA, 'luk'), {}));
    expect(kit.polls.get(own)!.closedAt).toBeDefined();
    await pollFrom('afstemning: Igen? | Ja | Nej', ANNA);
    await pollFrom('afstemning: Og igen? | Ja | Nej', ANNA);
    const [ask] = await run(kit, POLL_DIALOGS.close, turnOf(kit, ANNA, 'close the poll', undefined, 'en'), {});
    expect(ask?.text).toBe('There are 2 open polls here. Which one should close?');
    expect(ask?.buttons).toHaveLength(2);
  });
});
