import { describe, expect, it } from 'vitest';
import { meetingCohostApprove, meetingCohostRequest } from '../../dialogs/meetings/cohost.js';
import { previousButton } from '../../dialogs/meetings/host.js';
import { meetingGoTo, meetingPrevious } from '../../dialogs/meetings/moves.js';
import { meetingAgenda, meetingStart } from '../../dialogs/meetings/run.js';
import { meetingNext } from '../../dialogs/meetings/steps.js';
import { CHANNEL, people, turn, useMeetingKit, type MeetingKit } from './meeting-kit.js';

const karin = { userId: 'aad-karin', name: 'Karin' };

async function startedAt(kit: MeetingKit, at: string): Promise<void> {
  await meetingStart(turn(kit, people.host, at), {}, kit.meetingServices);
}

describe('going back and across the agenda', () => {
  const kit = useMeetingKit();

  it('"forrige punkt" undoes a mistaken "næste punkt" and posts the item again; a second press of its button moves no further', async () => {
    await startedAt(kit, '2018-09-06T10:10:00+02:00');
    await meetingNext(turn(kit, people.host, '2018-09-06T10:11:00+02:00'), {}, kit.meetingServices);
    expect(kit.sessions.running(CHANNEL)?.currentItem).toBe(2);
    const button = previousButton(turn(kit, people.host, '2018-09-06T10:11:30+02:00'), 2);
    expect(button).toMatchObject({
      title: 'Forrige punkt',
      action: { dialog: 'meeting-previous', args: { from: '2' } },
    });
    const [post] = await meetingPrevious(
      turn(kit, people.host, '2018-09-06T10:11:30+02:00'),
      button.action.args,
      kit.meetingServices,
    );
    expect(post?.heading).toBe('Punkt 2 af 9');
    expect(post?.text.split('\n')[0]).toMatch(/^Nu: \*\*Opsamling Implementeringsoverblikket/);
    expect(post?.broadcast).toBe(true);
    expect(kit.sessions.running(CHANNEL)?.currentItem).toBe(1);
    const [twice] = await meetingPrevious(
      turn(kit, people.host, '2018-09-06T10:11:40+02:00'),
      { from: '2' },
      kit.meetingServices,
    );
    expect(twice).toMatchObject({ notice: true });
    expect(twice?.text).toContain('Mødet er allerede gået videre');
    expect(kit.sessions.running(CHANNEL)?.currentItem).toBe(1);
  });

  it('stays at the first item, saying so', async () => {
    await startedAt(kit, '2018-09-06T09:58:00+02:00');
    const before = kit.store.read();
    const [reply] = await meetingPrevious(turn(kit, people.host, '2018-09-06T10:00:00+02:00'), {}, kit.meetingServices);
    expect(reply).toMatchObject({
      notice: true,
      text: 'Vi er ved første punkt: Velkomst, dagens program og det praktiske. Intet er ændret.',
    });
    expect(kit.store.read()).toBe(before);
  });

  it('"gå til punkt 5" jumps to the fifth item; back onto the agenda’s pause its break ends where the agenda ends it', async () => {
    await startedAt(kit, '2018-09-06T10:10:00+02:00');
    const [post] = await meetingGoTo(
      turn(kit, people.host, '2018-09-06T10:20:00+02:00'),
      { item: '5' },
      kit.meetingServices,
    );
    expect(post?.heading).toBe('Punkt 5 af 9');
    expect(post?.text.split('\n')[0]).toMatch(/^Nu: \*\*Annoncering af deadline/);
    expect(kit.sessions.running(CHANNEL)?.currentItem).toBe(4);
    const [pause] = await meetingGoTo(
      turn(kit, people.host, '2018-09-06T10:45:00+02:00'),
      { item: '4' },
      kit.meetingServices,
    );
    expect(pause?.text.split('\n')[0]).toBe('Pause — vi er tilbage kl. 10.50.');
    expect(kit.sessions.running(CHANNEL)).toMatchObject({
      currentItem: 3,
      pauseUntil: '2018-09-06T10:50:00.000+02:00',
    });
  });

  it('numbers the agenda as "gå til punkt N" counts, pauses included: the number it shows goes to that item', async () => {
    await startedAt(kit, '2018-09-06T10:10:00+02:00');
    const [agenda] = await meetingAgenda(turn(kit, people.other, '2018-09-06T10:20:00+02:00'), {}, kit.meetingServices);
    const line = agenda?.list?.find((each) => each.includes('Annoncering af deadline'));
    expect(line).toMatch(/^Punkt 5: 10\.50–11\.10 Annoncering af deadline/);
    expect(agenda?.list?.[3]).toBe('Punkt 4: 10.40–10.50 Pause');
    expect(agenda?.text).toContain('\n- Punkt 1: 10.00–10.05 Velkomst, dagens program og det praktiske\n');
    const item = /^Punkt (\d+):/.exec(line ?? '')?.[1] ?? '';
    const [post] = await meetingGoTo(
      turn(kit, people.host, '2018-09-06T10:20:00+02:00'),
      { item },
      kit.meetingServices,
    );
    expect(post?.heading).toBe('Punkt 5 af 9');
    expect(post?.text.split('\n')[0]).toMatch(/^Nu: \*\*Annoncering af deadline/);
    const [moved] = await meetingAgenda(turn(kit, people.other, '2018-09-06T10:21:00+02:00'), {}, kit.meetingServices);
    expect(moved?.list?.filter((each) => each.includes('▶ nu'))).toEqual([
      '**Punkt 5: 10.50–11.10 Annoncering af deadline for SKI 02.19 leverandørers integration til Adgangsstyring** ▶ nu',
    ]);
  });

  it('going to the last item offers the evaluation without sending it out', async () => {
    await startedAt(kit, '2018-09-06T11:30:00+02:00');
    const [last] = await meetingGoTo(
      turn(kit, people.host, '2018-09-06T11:31:00+02:00'),
      { item: '9' },
      kit.meetingServices,
    );
    expect(last?.heading).toBe('Punkt 9 af 9');
    expect(last?.buttons?.[0]?.action).toMatchObject({ dialog: 'evaluation-start' });
    expect(kit.store.read().evaluations).toEqual([]);
  });

  it('refuses item numbers outside the agenda, or none, and the item it is already at, changing nothing', async () => {
    await startedAt(kit, '2018-09-06T10:10:00+02:00');
    const before = kit.store.read();
    for (const item of ['0', '10', '999', '-1', 'fem', '', '2.5']) {
      const [reply] = await meetingGoTo(
        turn(kit, people.host, '2018-09-06T10:11:00+02:00'),
        { item },
        kit.meetingServices,
      );
      expect(reply, item).toMatchObject({
        notice: true,
        text: "Skriv et punkt fra 1 til 9, fx 'gå til punkt 5'. Intet er ændret.",
      });
    }
    const [none] = await meetingGoTo(turn(kit, people.host, '2018-09-06T10:11:00+02:00'), {}, kit.meetingServices);
    expect(none?.notice).toBe(true);
    const [same] = await meetingGoTo(
      turn(kit, people.host, '2018-09-06T10:11:00+02:00'),
      { item: '2' },
      kit.meetingServices,
    );
    expect(same?.text).toBe(
      'Vi er allerede ved punkt 2: Opsamling Implementeringsoverblikket, Rollegalleriet og rollen som KOMBIT-programleder.',
    );
    const [english] = await meetingGoTo(
      turn(kit, people.host, '2018-09-06T10:11:00+02:00', { language: 'en' }),
      { item: '12' },
      kit.meetingServices,
    );
    expect(english?.text).toBe("Give an item from 1 to 9, e.g. 'go to item 5'. Nothing was changed.");
    expect(kit.store.read()).toBe(before);
  });

  it('is refused to participants before anything is written; a co-host may, as the host may', async () => {
    await startedAt(kit, '2018-09-06T10:10:00+02:00');
    const before = kit.store.read();
    for (const [dialog, args] of [
      [meetingPrevious, {}],
      [meetingGoTo, { item: '5' }],
      [meetingGoTo, { item: '99' }],
    ] as const) {
      const [reply] = await dialog(turn(kit, people.other, '2018-09-06T10:12:00+02:00'), args, kit.meetingServices);
      expect(reply).toMatchObject({ notice: true });
      expect(reply?.text).toContain('Mødet her ledes af Mette Vinther Poulsen');
    }
    expect(kit.store.read()).toBe(before);
    const [request] = await meetingCohostRequest(
      turn(kit, karin, '2018-09-06T10:12:00+02:00'),
      {},
      kit.meetingServices,
    );
    await meetingCohostApprove(
      turn(kit, people.host, '2018-09-06T10:12:00+02:00'),
      request!.buttons![0]!.action.args,
      kit.meetingServices,
    );
    await meetingGoTo(turn(kit, karin, '2018-09-06T10:13:00+02:00'), { item: '3' }, kit.meetingServices);
    expect(kit.sessions.running(CHANNEL)?.currentItem).toBe(2);
    await meetingPrevious(turn(kit, karin, '2018-09-06T10:13:10+02:00'), {}, kit.meetingServices);
    expect(kit.sessions.running(CHANNEL)?.currentItem).toBe(1);
  });
});
