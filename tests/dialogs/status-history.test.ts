import { DateTime } from 'luxon';
import type { Actor } from '../../src/state/statuses.js';
import { describe, expect, it } from 'vitest';
import { HISTORY_LIMIT, statusHistory } from '../../dialogs/status/history.js';
import { ADMIN, personContext, useActionKit } from './action-kit.js';
import { recorded } from '../support/recorded.js';

const kit = useActionKit();
const mette = { channel: 'slack' as const, userId: 'U1', name: 'Mette' };
const bo = { channel: 'teams' as const, userId: 'aad-bo' };
const metteActor: Actor = { channel: 'slack', userId: 'U1', name: 'Mette' };

async function record(
  municipalityId: string,
  step: number | undefined,
  status: 'not-started' | 'started' | 'done',
  at: string,
  by: Actor = metteActor,
  taskId = 'bbr-adgangsstyring',
) {
  kit.clock.set(DateTime.fromISO(at));
  return recorded(
    await kit.services.statuses.record({ municipalityId, taskId, ...(step !== undefined ? { step } : {}), status, by }),
  );
}

describe('status-history: the recent changes of my municipality', () => {
  it('lists a step’s changes newest first, in Copenhagen time, with who and where, undone ones marked', async () => {
    await kit.services.memberships.set('slack', 'U1', 'aarhus');
    await record('aarhus', 3, 'started', '2018-09-28T08:05:00Z');
    const done = await record('aarhus', 3, 'done', '2018-10-02T08:15:00Z');
    await record('aarhus', 4, 'started', '2018-10-02T09:00:00Z');
    await record('koege', 3, 'done', '2018-10-02T09:30:00Z');
    kit.clock.set(DateTime.fromISO('2018-10-02T09:45:00Z'));
    await kit.services.statuses.undo(done.id, metteActor);
    await record('aarhus', 3, 'done', '2018-10-29T09:00:00Z', { channel: 'teams', userId: 'aad-x' });
    const [reply] = await statusHistory(
      personContext(mette),
      { taskId: 'bbr-adgangsstyring', step: '3' },
      kit.services,
    );
    expect(reply?.intro).toBe('Seneste ændringer af BBR på Adgangsstyring, trin 3 for Aarhus Kommune, nyeste først:');
    expect(reply?.list).toEqual([
      // winter time from 28 October: UTC+1
      '29. oktober 2018 kl. 10.00: påbegyndt → fuldført (aad-x, Teams)',
      '2. oktober 2018 kl. 10.15: påbegyndt → fuldført (Mette, Slack) (fortrudt)',
      '28. september 2018 kl. 10.05: ikke påbegyndt → påbegyndt (Mette, Slack)',
    ]);
    expect(reply?.source).toBe('Kilde: status meldt til klikbot');
  });

  it('names the task and step on each line when showing more than one, and shows at most the limit', async () => {
    await kit.services.memberships.set('slack', 'U1', 'aarhus');
    for (let i = 0; i < HISTORY_LIMIT + 2; i += 1)
      await record('aarhus', (i % 5) + 1, i % 2 === 0 ? 'started' : 'done', `2018-10-02T08:${String(10 + i)}:00Z`);
    await record('aarhus', undefined, 'done', '2018-10-03T08:00:00Z', metteActor, 'udpeg-fk-adm-og-fk-ansv');
    const [all] = await statusHistory(personContext(mette), {}, kit.services);
    expect(all?.intro).toBe('Seneste ændringer af status for Aarhus Kommune, nyeste først:');
    expect(all?.list).toHaveLength(HISTORY_LIMIT);
    expect(all?.list?.[0]).toBe(
      '3. oktober 2018 kl. 10.00: Udpeg FK-ADM og FK-ANSV: ikke påbegyndt → fuldført (Mette, Slack)',
    );
    const [steps] = await statusHistory(personContext(mette), { taskId: 'bbr-adgangsstyring' }, kit.services);
    expect(steps?.list?.[0]).toMatch(/^2\. oktober 2018 kl\. 10\.21: BBR på Adgangsstyring, trin 2: /);
  });

  it('says when nothing has been reported', async () => {
    await kit.services.memberships.set('slack', 'U1', 'aarhus');
    const [reply] = await statusHistory(
      personContext(mette, 'en'),
      { taskId: 'bbr-adgangsstyring', step: '3' },
      kit.services,
    );
    expect(reply?.text).toBe(
      'No changes to BBR på Adgangsstyring, step 3 for Aarhus Kommune have been reported to klikbot yet.',
    );
  });

  it('lets a member read only their own municipality, an administrator any named one', async () => {
    await kit.services.memberships.set('slack', 'U1', 'aarhus');
    await record('koege', 3, 'done', '2018-10-02T08:15:00Z');
    const [other] = await statusHistory(personContext(mette), { municipality: 'Køge' }, kit.services);
    expect(other).toEqual({
      text: 'Du hører til Aarhus Kommune og kan se dens historik; kun en administrator kan se historikken for Køge Kommune.',
      notice: true,
    });
    const [own] = await statusHistory(personContext(mette), { municipality: 'Aarhus' }, kit.services);
    expect(own?.heading).toBe('Historik: Aarhus Kommune');
    const [admin] = await statusHistory(personContext(ADMIN), { municipality: 'Køge' }, kit.services);
    expect(admin?.list).toEqual([
      '2. oktober 2018 kl. 10.15: BBR på Adgangsstyring, trin 3: ikke påbegyndt → fuldført (Mette, Slack)',
    ]);
    expect(admin?.buttons?.[0]?.action).toStrictEqual({ dialog: 'status-form', args: { municipality: 'koege' } });
  });

  it('asks a non-member to join, an administrator without a municipality to name one', async () => {
    const [stranger] = await statusHistory(personContext(bo), {}, kit.services);
    expect(stranger?.text).toMatch(/^Du hører ikke til en kommune endnu/);
    expect(stranger?.notice).toBe(true);
    const [admin] = await statusHistory(personContext(ADMIN), {}, kit.services);
    expect(admin?.text).toMatch(/^Som administrator skal du nævne kommunen/);
    const [unknown] = await statusHistory(personContext(ADMIN), { municipality: 'Atlantis' }, kit.services);
    expect(unknown?.text).toMatch(/^Jeg kender ingen kommune, der hedder »Atlantis«/);
  });
});
