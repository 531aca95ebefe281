import { randomBytes } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { meetingDialogsByName } from '../../dialogs/meetings/index.js';
import { evaluationStart } from '../../dialogs/evaluations/start.js';
import { meetingStart } from '../../dialogs/meetings/run.js';
import { meetingEnd, meetingNext, meetingPause } from '../../dialogs/meetings/steps.js';
import type { Reply } from '../../src/core/types.js';
import { EvaluationRepository } from '../../src/state/evaluations.js';
import { knowledge } from './dialog-kit.js';
import { CHANNEL, people, turn, useMeetingKit, type MeetingKit } from './meeting-kit.js';

const SEPT_6 = 'programledermoede-2018-09-06';
const meeting = knowledge.meetings.find((candidate) => candidate.id === SEPT_6)!;
const actions = (reply: Reply | undefined) => (reply?.buttons ?? []).map((button) => button.action);

/** Starts 6 September's meeting as the host at `at`. */
async function started(kit: MeetingKit, at = '2018-09-06T09:58:00+02:00'): Promise<Reply[]> {
  return meetingStart(turn(kit, people.host, at), {}, kit.meetingServices);
}

describe('starting a meeting', () => {
  const kit = useMeetingKit();

  it('starts today’s meeting at its first item before 10.00 and pins the practicalities', async () => {
    const [practical, post, rollCall, ...rest] = await started(kit);
    expect(rest).toEqual([]);
    // the roll call on a card of its own, the start card's six host buttons being all Teams shows
    expect(rollCall?.heading).toBe('🙋 Fremmøde');
    expect(actions(rollCall)).toEqual([
      { dialog: 'meeting-here', args: {} },
      { dialog: 'meeting-attendance', args: {} },
    ]);
    expect(practical?.heading).toBe('📌 Det praktiske');
    expect(practical?.list).toEqual(meeting.etiquette);
    // both sound tests are over at 09.58: none is announced
    expect(practical?.text).not.toContain('Lyden testes');
    expect(practical?.notice).toBeUndefined();
    expect(post?.heading).toBe('Punkt 1 af 9');
    expect(post?.text.split('\n')[0]).toBe(
      'Nu: **Velkomst, dagens program og det praktiske** (kl. 10.00–10.05, cirka).',
    );
    expect(actions(post)).toEqual([
      { dialog: 'meeting-next', args: { from: '0' } },
      { dialog: 'meeting-pause', args: { minutes: '10' } },
      { dialog: 'meeting-agenda', args: {} },
    ]);
    expect(kit.sessions.running(CHANNEL)).toMatchObject({
      meetingId: SEPT_6,
      currentItem: 0,
      startedBy: { userId: people.host.userId, name: people.host.name },
    });
  });

  it('announces only the sound tests still ahead', async () => {
    const [early] = await started(kit, '2018-09-06T09:52:00+02:00');
    expect(early?.text).toContain('Lyden testes kl. 09.55.');
    expect(early?.text).not.toContain('09.50');
    await meetingEnd(turn(kit, people.host, '2018-09-06T14:49:00+02:00'), {}, kit.meetingServices);
    const [late] = await started(kit, '2018-09-06T14:50:00+02:00');
    expect(late?.text).not.toContain('Lyden testes');
  });

  it('starts at the item the clock is at', async () => {
    const [, post] = await started(kit, '2018-09-06T10:31:00+02:00');
    expect(post?.text.split('\n')[0]).toBe('Nu: **Aktuelle og kommende KLIK-opgaver** (kl. 10.30–10.40, cirka).');
    expect(kit.sessions.running(CHANNEL)?.currentItem).toBe(2);
  });

  it('starts a named day’s meeting at its first item, and offers the next one on a day without a meeting', async () => {
    const [none] = await meetingStart(turn(kit, people.host, '2018-09-11T09:00:00+02:00'), {}, kit.meetingServices);
    expect(none).toMatchObject({
      notice: true,
      text: 'Der er intet programledermøde i dag. Det næste er 12. september 2018; vil du starte det?',
    });
    expect(actions(none)).toEqual([{ dialog: 'meeting-start', args: { meetingId: 'programledermoede-2018-09-12' } }]);
    expect(kit.sessions.get(CHANNEL)).toBeUndefined();
    const [, post] = await meetingStart(
      turn(kit, people.host, '2018-09-11T09:00:00+02:00'),
      { date: '2018-09-12' },
      kit.meetingServices,
    );
    expect(post?.text).toContain('(kl. 13.00–13.05, cirka)');
    expect(kit.sessions.running(CHANNEL)).toMatchObject({ meetingId: 'programledermoede-2018-09-12', currentItem: 0 });
  });

  it('is run only where its participants are: not in a personal chat', async () => {
    const [reply] = await meetingStart(
      turn(kit, people.host, '2018-09-06T09:58:00+02:00', { personal: true }),
      {},
      kit.meetingServices,
    );
    expect(reply).toMatchObject({ notice: true });
    expect(kit.store.read().meetingSessions).toEqual([]);
  });

  it('is not started over by someone else while it runs; the host is told it runs', async () => {
    await started(kit);
    const before = kit.store.read();
    const [refused] = await meetingStart(turn(kit, people.other, '2018-09-06T10:01:00+02:00'), {}, kit.meetingServices);
    expect(refused?.notice).toBe(true);
    expect(refused?.text).toContain('Mødet her ledes af Mette Vinther Poulsen');
    const [again] = await started(kit, '2018-09-06T10:02:00+02:00');
    expect(again?.text).toContain('kører allerede her (nu: Velkomst, dagens program og det praktiske)');
    expect(kit.store.read()).toBe(before);
  });

  it('says so where klikbot runs without meeting sessions', async () => {
    const [reply] = await meetingStart(turn(kit, people.host, '2018-09-06T09:58:00+02:00'), {}, kit.services);
    expect(reply).toMatchObject({ notice: true, text: 'Her kan jeg ikke køre møder. Spørg gerne om dagens program.' });
  });

  it('speaks English when asked in English', async () => {
    const [practical, post] = await meetingStart(
      turn(kit, people.host, '2018-09-06T09:48:00+02:00', { language: 'en' }),
      {},
      kit.meetingServices,
    );
    expect(practical?.heading).toBe('📌 Practicalities');
    expect(practical?.text).toContain('Sound check at 09.50 and 09.55.');
    expect(post?.text.split('\n')[0]).toBe(
      'Now: **Velkomst, dagens program og det praktiske** (at 10.00–10.05, approximately).',
    );
  });
});

describe('moving through the agenda', () => {
  const kit = useMeetingKit();

  it('posts the next item with its time and presenter; a second press of the same button moves no further', async () => {
    await started(kit);
    const [post] = await meetingNext(
      turn(kit, people.host, '2018-09-06T10:05:00+02:00'),
      { from: '0' },
      kit.meetingServices,
    );
    expect(post?.text).toBe(
      'Nu: **Opsamling Implementeringsoverblikket, Rollegalleriet og rollen som KOMBIT-programleder** (kl. 10.05–10.30, cirka).\nVed Mette Vinther Poulsen.\nDerefter kl. 10.30: Aktuelle og kommende KLIK-opgaver.',
    );
    expect(post?.notice).toBeUndefined();
    const [twice] = await meetingNext(
      turn(kit, people.host, '2018-09-06T10:05:00+02:00'),
      { from: '0' },
      kit.meetingServices,
    );
    expect(twice).toMatchObject({ notice: true });
    expect(twice?.text).toContain('Mødet er allerede gået videre');
    expect(actions(twice)[0]).toEqual({ dialog: 'meeting-previous', args: { from: '1' } });
    expect(kit.sessions.running(CHANNEL)?.currentItem).toBe(1);
  });

  it('starts the agenda’s own pause with the clock plus its length', async () => {
    await started(kit, '2018-09-06T10:31:00+02:00');
    const [post] = await meetingNext(turn(kit, people.host, '2018-09-06T10:41:00+02:00'), {}, kit.meetingServices);
    expect(post?.text).toBe(
      'Pause — vi er tilbage kl. 10.51.\nDerefter: 10.50–11.10 Annoncering af deadline for SKI 02.19 leverandørers integration til Adgangsstyring.',
    );
    expect(kit.sessions.running(CHANNEL)).toMatchObject({
      currentItem: 3,
      pauseUntil: '2018-09-06T10:51:00.000+02:00',
    });
  });

  it('posts the last item with the evaluation: a button for it, or the evaluation itself when the services start it', async () => {
    await started(kit, '2018-09-06T11:51:00+02:00');
    const [last] = await meetingNext(turn(kit, people.host, '2018-09-06T11:55:00+02:00'), {}, kit.meetingServices);
    expect(last?.heading).toBe('Punkt 9 af 9');
    expect(last?.text).toContain('Sidste punkt: **Evaluering og tak for denne gang**');
    expect(last?.text).toContain('en kort evaluering');
    expect(actions(last)[0]).toEqual({ dialog: 'evaluation-start', args: { meetingId: SEPT_6 } });
    const [atEnd] = await meetingNext(turn(kit, people.host, '2018-09-06T11:57:00+02:00'), {}, kit.meetingServices);
    expect(atEnd).toMatchObject({
      notice: true,
      text: "Vi er ved sidste punkt: Evaluering og tak for denne gang. Skriv 'afslut møde', når I er færdige.",
    });

    const startEvaluation = vi.fn(async () => [{ text: 'Evalueringskort' }]);
    const services = { ...kit.services, meetings: { sessions: kit.sessions, startEvaluation } };
    await kit.sessions.moveTo(CHANNEL, 7);
    const replies = await meetingNext(turn(kit, people.host, '2018-09-06T11:58:00+02:00'), {}, services);
    expect(startEvaluation).toHaveBeenCalledWith(expect.anything(), SEPT_6);
    expect(replies.map((reply) => reply.text)).toEqual([
      expect.stringContaining('Evalueringen starter nu.'),
      'Evalueringskort',
    ]);
    expect(actions(replies[0]).map((action) => action.dialog)).toEqual([
      'meeting-previous',
      'meeting-end',
      'meeting-agenda',
    ]);
  });

  it('refuses everyone but the host and administrators, writing nothing', async () => {
    await started(kit);
    const before = kit.store.read();
    for (const [dialog, args] of [
      [meetingNext, {}],
      [meetingPause, { minutes: '10' }],
      [meetingEnd, {}],
    ] as const) {
      const [reply] = await dialog(turn(kit, people.other, '2018-09-06T10:06:00+02:00'), args, kit.meetingServices);
      expect(reply).toMatchObject({ notice: true });
      expect(reply?.text).toContain('kun værten, en medvært eller en administrator');
    }
    expect(kit.store.read()).toBe(before);
    const [moved] = await meetingNext(turn(kit, people.admin, '2018-09-06T10:06:00+02:00'), {}, kit.meetingServices);
    expect(moved?.notice).toBeUndefined();
    expect(kit.sessions.running(CHANNEL)?.currentItem).toBe(1);
  });

  it('tells how to start when no meeting runs here', async () => {
    const [reply] = await meetingNext(turn(kit, people.host, '2018-09-06T10:06:00+02:00'), {}, kit.meetingServices);
    expect(reply).toMatchObject({
      notice: true,
      text: "Der kører intet møde her. Skriv 'start møde' for at starte dagens møde.",
    });
  });
});

describe('pauses and the end', () => {
  const kit = useMeetingKit();

  it('"pause 10" announces the return to the minute, for everyone, and moves onto the agenda’s pause', async () => {
    await started(kit, '2018-09-06T10:31:00+02:00');
    const [post] = await meetingPause(
      turn(kit, people.host, '2018-09-06T10:40:20+02:00'),
      { minutes: '10' },
      kit.meetingServices,
    );
    expect(post?.heading).toBe('☕ Pause');
    expect(post?.text).toBe(
      'Pause — vi er tilbage kl. 10.50.\nDerefter: 10.50–11.10 Annoncering af deadline for SKI 02.19 leverandørers integration til Adgangsstyring.',
    );
    expect(post?.notice).toBeUndefined();
    expect(actions(post)[0]).toEqual({ dialog: 'meeting-next', args: { from: '3' } });
    expect(kit.sessions.running(CHANNEL)).toMatchObject({
      currentItem: 3,
      pauseUntil: '2018-09-06T10:50:00.000+02:00',
    });
  });

  it('"pause 10" at 11.10 and some seconds is back at 11.20, when the next item starts, not 11.21', async () => {
    await started(kit, '2018-09-06T10:55:00+02:00');
    const [post] = await meetingPause(
      turn(kit, people.host, '2018-09-06T11:10:40+02:00'),
      { minutes: '10' },
      kit.meetingServices,
    );
    expect(post?.text).toBe(
      'Pause — vi er tilbage kl. 11.20.\nDerefter: 11.20–11.50 Støttesystemet Organisation (ved Peter Hansen).',
    );
    expect(kit.sessions.running(CHANNEL)).toMatchObject({
      currentItem: 5,
      pauseUntil: '2018-09-06T11:20:00.000+02:00',
    });
  });

  it('a break long before the agenda’s pause stays at the item in progress, and the agenda says the same', async () => {
    await started(kit);
    // the host has moved ahead by mistake: at 09.56 the meeting is at its third item
    await kit.sessions.moveTo(CHANNEL, 2);
    const [post] = await meetingPause(
      turn(kit, people.host, '2018-09-06T09:56:00+02:00'),
      { minutes: '10' },
      kit.meetingServices,
    );
    expect(post?.text).toBe(
      'Pause — vi er tilbage kl. 10.06.\nDerefter: 10.50–11.10 Annoncering af deadline for SKI 02.19 leverandørers integration til Adgangsstyring.',
    );
    expect(kit.sessions.running(CHANNEL)).toMatchObject({
      currentItem: 2,
      pauseUntil: '2018-09-06T10:06:00.000+02:00',
    });
    const [agenda] = await meetingDialogsByName['meeting-agenda']!(
      turn(kit, people.other, '2018-09-06T09:57:00+02:00'),
      {},
      kit.meetingServices,
    );
    const marked = (agenda?.list ?? []).filter((line) => line.includes('▶ nu'));
    expect(marked).toEqual(['**Punkt 3: 10.30–10.40 Aktuelle og kommende KLIK-opgaver** ▶ nu']);
    expect(agenda?.text).toContain('vi er tilbage kl. 10.06. Derefter: Annoncering af deadline');
  });

  it('keeps the item for a pause in the middle of one, and refuses a length that is no number of minutes', async () => {
    await started(kit, '2018-09-06T10:10:00+02:00');
    const [post] = await meetingPause(
      turn(kit, people.host, '2018-09-06T10:15:00+02:00'),
      { minutes: '5' },
      kit.meetingServices,
    );
    expect(post?.text.split('\n')[0]).toBe('Pause — vi er tilbage kl. 10.20.');
    expect(kit.sessions.running(CHANNEL)?.currentItem).toBe(1);
    for (const minutes of ['0', '500', 'ti']) {
      const [refused] = await meetingPause(
        turn(kit, people.host, '2018-09-06T10:16:00+02:00'),
        { minutes },
        kit.meetingServices,
      );
      expect(refused?.notice, minutes).toBe(true);
    }
    expect(kit.sessions.running(CHANNEL)?.pauseUntil).toBe('2018-09-06T10:20:00.000+02:00');
  });

  it('"afslut møde" ends the session and posts where questions, feedback and slides go', async () => {
    await started(kit);
    const [post] = await meetingEnd(turn(kit, people.host, '2018-09-06T12:00:00+02:00'), {}, kit.meetingServices);
    expect(post?.text.split('\n')[0]).toBe('**Programledermøde september 2018** er afsluttet. Tak for i dag!');
    expect(post?.list).toEqual([
      meeting.followUp.questionsText,
      meeting.followUp.feedbackText,
      'Find dagens plancher og stillingsopslag på indstationering i KY i vores eksterne dokumentbibliotek: https://share-komm.kombit.dk/p079/Implementering%20%20monopolbruddet/Forms/Programledermder.aspx',
      'Hvis ikke vore veje krydses før, så på gensyn i november',
    ]);
    expect(kit.sessions.get(CHANNEL)?.endedAt).toBe('2018-09-06T12:00:00.000+02:00');
    const [after] = await meetingNext(turn(kit, people.host, '2018-09-06T12:01:00+02:00'), {}, kit.meetingServices);
    expect(after).toMatchObject({ notice: true, text: 'Mødet her er afsluttet.' });
  });

  it('ends in English with the follow-up in English', async () => {
    await started(kit);
    const [post] = await meetingEnd(
      turn(kit, people.host, '2018-09-06T12:00:00+02:00', { language: 'en' }),
      {},
      kit.meetingServices,
    );
    expect(post?.list?.[0]).toBe(
      'Questions that were not asked or answered today: write to mbprogrammet@kombit.dk (subject "programledermøde september").',
    );
    expect(post?.list?.at(-1)).toBe('See you at the next programme leader meeting in November 2018.');
  });
});

describe('the meeting dialogs by name', () => {
  it('are the agenda, the host’s start, next, previous, go to item, pause and end, asking for, approving and naming a co-host, the roll call and reminders before meetings', () => {
    expect(Object.keys(meetingDialogsByName)).toEqual([
      'meeting-agenda',
      'meeting-start',
      'meeting-next',
      'meeting-previous',
      'meeting-goto',
      'meeting-pause',
      'meeting-end',
      'meeting-cohost-request',
      'meeting-cohost-approve',
      'meeting-cohost-appoint',
      'meeting-here',
      'meeting-attendance',
      'meeting-remind',
      'meeting-remind-stop',
    ]);
  });
});

describe('the evaluation of a meeting being run', () => {
  const kit = useMeetingKit();
  const withEvaluations = () => ({
    ...kit.meetingServices,
    evaluations: new EvaluationRepository(kit.store, kit.clock, randomBytes(32)),
  });

  it('is started by the host or an administrator only; a participant who asks is told who runs it, and nothing is written', async () => {
    await started(kit);
    const before = kit.store.read();
    const services = withEvaluations();
    const [refused, ...more] = await evaluationStart(
      turn(kit, people.other, '2018-09-06T11:55:00+02:00'),
      {},
      services,
    );
    expect(more).toEqual([]);
    expect(refused).toMatchObject({ notice: true });
    expect(refused?.text).toContain('Mødet her ledes af Mette Vinther Poulsen');
    expect(kit.store.read()).toBe(before);
    const [card] = await evaluationStart(turn(kit, people.host, '2018-09-06T11:55:00+02:00'), {}, services);
    expect(card?.heading).toMatch(/^Kort evaluering af/);
    expect(kit.store.read().evaluations).toHaveLength(1);
  });

  it('may be started by anyone in a group conversation where no meeting is being run', async () => {
    const [card] = await evaluationStart(turn(kit, people.other, '2018-09-06T11:55:00+02:00'), {}, withEvaluations());
    expect(card?.heading).toMatch(/^Kort evaluering af/);
  });
});
