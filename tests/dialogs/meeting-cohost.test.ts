import { describe, expect, it } from 'vitest';
import { meetingCohostApprove, meetingCohostAppoint, meetingCohostRequest } from '../../dialogs/meetings/cohost.js';
import { meetingStart } from '../../dialogs/meetings/run.js';
import { meetingEnd, meetingNext } from '../../dialogs/meetings/steps.js';
import { commandOf } from '../../dialogs/commands.js';
import { CHANNEL, people, turn, useMeetingKit } from './meeting-kit.js';

const AT = '2018-09-06T10:10:00+02:00';
const karin = { userId: 'aad-karin', name: 'Karin' };

describe('a co-host ("medvært")', () => {
  const kit = useMeetingKit();

  it('asks in the meeting; only the host can approve; then runs the meeting with the host', async () => {
    expect(commandOf('medvært')).toEqual({ dialog: 'meeting-cohost-request', args: {} });
    await meetingStart(turn(kit, people.host, AT), {}, kit.meetingServices);
    // before approval, Karin cannot move the meeting on
    expect((await meetingNext(turn(kit, karin, AT), {}, kit.meetingServices))[0]?.text).toMatch(
      /^Mødet her ledes af Mette Vinther Poulsen/,
    );
    const [request] = await meetingCohostRequest(turn(kit, karin, AT), {}, kit.meetingServices);
    expect(request?.text).toBe(
      'Karin vil gerne være medvært for mødet: skifte punkt, holde pause, starte og lukke evalueringen og lukke afstemninger. Kun Mette Vinther Poulsen eller en administrator kan godkende det.',
    );
    expect(request?.broadcast).toBe(true);
    const approve = request!.buttons![0]!.action;
    // Karin pressing her own request, or another participant, changes nothing
    expect((await meetingCohostApprove(turn(kit, karin, AT), approve.args, kit.meetingServices))[0]?.notice).toBe(true);
    expect(
      (await meetingCohostApprove(turn(kit, people.other, AT), approve.args, kit.meetingServices))[0]?.notice,
    ).toBe(true);
    expect(kit.sessions.running(CHANNEL)?.coHosts).toEqual([]);
    const [done] = await meetingCohostApprove(turn(kit, people.host, AT), approve.args, kit.meetingServices);
    expect(done?.text).toBe('Karin er nu medvært for mødet.');
    expect(kit.sessions.running(CHANNEL)?.coHosts).toMatchObject([
      { channel: 'teams', userId: 'aad-karin', name: 'Karin' },
    ]);
    const [moved] = await meetingNext(turn(kit, karin, AT), {}, kit.meetingServices);
    expect(moved?.notice).toBeUndefined();
    expect((await meetingCohostApprove(turn(kit, people.host, AT), approve.args, kit.meetingServices))[0]?.text).toBe(
      'Karin leder allerede mødet.',
    );
  });

  it('is refused where no meeting runs, and a request from an earlier session is stale', async () => {
    expect((await meetingCohostRequest(turn(kit, karin, AT), {}, kit.meetingServices))[0]?.text).toBe(
      'Der kører intet møde her lige nu, så der er ingen at være medvært for.',
    );
    await meetingStart(turn(kit, people.host, AT), {}, kit.meetingServices);
    const [request] = await meetingCohostRequest(turn(kit, karin, AT), {}, kit.meetingServices);
    // the host ends the meeting and starts it again: the request was for the session before
    await meetingEnd(turn(kit, people.host, '2018-09-06T10:19:00+02:00'), {}, kit.meetingServices);
    await meetingStart(turn(kit, people.host, '2018-09-06T10:20:00+02:00'), {}, kit.meetingServices);
    const [stale] = await meetingCohostApprove(
      turn(kit, people.host, '2018-09-06T10:21:00+02:00'),
      request!.buttons![0]!.action.args,
      kit.meetingServices,
    );
    expect(stale?.text).toBe('Det møde, anmodningen gjaldt, kører ikke længere her. Intet er ændret.');
    expect(
      (await meetingCohostApprove(turn(kit, people.host, AT), { channel: 'teams' }, kit.meetingServices))[0]?.text,
    ).toBe('Den knap kan jeg ikke læse. Intet er ændret.');
  });

  it("is named by the host with 'medvært @navn': the person the channel says was mentioned, never a typed name", async () => {
    expect(commandOf('medvært @Karin')).toEqual({ dialog: 'meeting-cohost-appoint', args: {} });
    expect(commandOf('medvært tak')).toEqual({ dialog: 'meeting-cohost-request', args: {} });
    await meetingStart(turn(kit, people.host, AT), {}, kit.meetingServices);
    const mentioning = (context: ReturnType<typeof turn>, identity?: { id: string; name?: string }) => {
      context.turn.mentions = [{ name: 'Karin', identify: () => Promise.resolve(identity) }];
      return context;
    };
    // a participant cannot name one, and nobody is named by a typed name alone
    const byOther = mentioning(turn(kit, people.other, AT), { id: 'aad-karin', name: 'Karin' });
    expect((await meetingCohostAppoint(byOther, {}, kit.meetingServices))[0]?.text).toMatch(/^Mødet her ledes af/);
    expect((await meetingCohostAppoint(turn(kit, people.host, AT), {}, kit.meetingServices))[0]?.text).toBe(
      'Nævn den, der skal være medvært: "medvært @navn". Intet er ændret.',
    );
    // Slack's /klik sends "@karin" as plain text: there is no one to look up
    const typed = turn(kit, people.host, AT);
    typed.turn.text = 'medvært @karin';
    expect((await meetingCohostAppoint(typed, {}, kit.meetingServices))[0]?.text).toMatch(
      /^Jeg kan ikke se, hvem @karin er\./,
    );
    const unknown = mentioning(turn(kit, people.host, AT));
    expect((await meetingCohostAppoint(unknown, {}, kit.meetingServices))[0]?.text).toMatch(
      /^Jeg kan ikke se, hvem Karin er\. Bed personen skrive "medvært" her/,
    );
    expect(kit.sessions.running(CHANNEL)?.coHosts).toEqual([]);

    const named = mentioning(turn(kit, people.host, AT), { id: 'aad-karin', name: 'Karin Holm' });
    const [done] = await meetingCohostAppoint(named, {}, kit.meetingServices);
    expect(done?.text).toBe(
      'Karin Holm er nu medvært for mødet (udpeget af Mette Vinther Poulsen): kan skifte punkt, holde pause, starte og lukke evalueringen og lukke afstemninger.',
    );
    expect(done?.broadcast).toBe(true);
    const [moved] = await meetingNext(turn(kit, karin, AT), {}, kit.meetingServices);
    expect(moved?.notice).toBeUndefined();
    const again = mentioning(turn(kit, people.host, AT), { id: 'aad-karin', name: 'Karin Holm' });
    expect((await meetingCohostAppoint(again, {}, kit.meetingServices))[0]?.text).toBe(
      'Karin Holm leder allerede mødet.',
    );
  });
});
