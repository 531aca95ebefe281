import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { myStatus } from '../../dialogs/status/my-status.js';
import { personContext, useActionKit } from './action-kit.js';

const kit = useActionKit();
const anna = { channel: 'slack' as const, userId: 'U1', name: 'Anna' };

describe('my-status: where my municipality stands', () => {
  it('tells a person it cannot place how to say where they belong, and offers the country’s picture', async () => {
    const [reply] = await myStatus(personContext(anna), {}, kit.services);
    expect(reply?.text).toMatch(/^Jeg ved ikke, hvilken kommune du hører til\. Skriv fx 'vi er Aarhus Kommune'/);
    expect(reply?.buttons?.[0]?.action).toEqual({ dialog: 'status-national', args: { taskId: 'bbr-adgangsstyring' } });
    expect(kit.store.read().statusUpdates).toEqual([]);
  });

  it('lists the open tasks and steps with status and deadline, overdue first, and counts the done ones', async () => {
    await kit.services.memberships.set('slack', 'U1', 'koege');
    await kit.services.statuses.record({
      municipalityId: 'koege',
      taskId: 'bbr-adgangsstyring',
      step: 3,
      status: 'done',
      by: { channel: 'slack', userId: 'U1' },
    });
    await kit.services.statuses.record({
      municipalityId: 'koege',
      taskId: 'bbr-adgangsstyring',
      step: 4,
      status: 'started',
      by: { channel: 'slack', userId: 'U1' },
    });
    const context = personContext(anna);
    // after 1 November 2018: the FK task is overdue
    context.turn.now = DateTime.fromISO('2018-11-05T10:00:00+01:00', { setZone: true });
    const [reply] = await myStatus(context, {}, kit.services);
    expect(reply?.heading).toBe('Status for Køge Kommune');
    expect(reply?.intro).toMatch(/^Køge Kommune: \d+ åbne, 1 fuldført\.$/);
    const list = reply?.list ?? [];
    expect(list[0]).toBe(
      'Udpeg FK-ADM og FK-ANSV: ikke påbegyndt, frist torsdag 1. november 2018 (overskredet med 4 dage)',
    );
    expect(list).toContain('BBR på Adgangsstyring, trin 4: påbegyndt');
    expect(list.some((line) => line.startsWith('BBR på Adgangsstyring, trin 3'))).toBe(false);
    expect(reply?.buttons?.[0]?.action.dialog).toBe('status-form');
  });

  it('shows a municipality someone names, member or not: looking changes nothing', async () => {
    await kit.services.memberships.set('slack', 'U1', 'koege');
    const [reply] = await myStatus(personContext(anna), { municipality: 'Aarhus' }, kit.services);
    expect(reply?.heading).toBe('Status for Aarhus Kommune');
    const [unknown] = await myStatus(personContext(anna), { municipality: 'Gotham' }, kit.services);
    expect(unknown?.text).toMatch(/^Jeg kender ingen kommune, der hedder »Gotham«/);
  });
});
