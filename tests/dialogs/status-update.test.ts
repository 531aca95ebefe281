import { describe, expect, it } from 'vitest';
import { statusUndo, statusUpdate } from '../../dialogs/status/update.js';
import type { Reply } from '../../src/core/types.js';
import { ADMIN, personContext, useActionKit } from './action-kit.js';

const kit = useActionKit();
const anna = { channel: 'slack' as const, userId: 'U1', name: 'Anna' };
const bo = { channel: 'slack' as const, userId: 'U2' };

async function join(who: { channel: 'slack' | 'teams'; userId: string }, municipalityId: string): Promise<void> {
  await kit.services.memberships.set(who.channel, who.userId, municipalityId);
}

function undoId(reply: Reply | undefined): string {
  const undo = reply?.buttons?.find((b) => b.action.dialog === 'status-undo');
  expect(undo?.replacesCard).toBe(true);
  return undo?.action.args.updateId ?? '';
}

describe('status-update', () => {
  it('sets a member’s own municipality’s status, records who, when and where, and offers undo', async () => {
    await join(anna, 'aarhus');
    await statusUpdate(
      personContext(anna),
      { taskId: 'bbr-adgangsstyring', step: '3', status: 'started' },
      kit.services,
    );
    const [reply] = await statusUpdate(
      personContext(anna),
      { taskId: 'bbr-adgangsstyring', step: '3', status: 'done' },
      kit.services,
    );
    expect(reply?.text).toBe('BBR på Adgangsstyring, trin 3 er nu fuldført for Aarhus Kommune (før: påbegyndt).');
    const stored = kit.store.read().statusUpdates;
    expect(stored).toHaveLength(2);
    expect(stored[1]).toMatchObject({
      municipalityId: 'aarhus',
      taskId: 'bbr-adgangsstyring',
      step: 3,
      status: 'done',
      previous: 'started',
      by: { channel: 'slack', userId: 'U1', name: 'Anna', conversationId: 'slack-conversation' },
      at: '2018-09-06T10:00:00.000+02:00',
    });
    expect(undoId(reply)).toBe(stored[1]?.id);
    expect(reply?.buttons?.[1]?.action).toEqual({ dialog: 'status-form', args: { taskId: 'bbr-adgangsstyring' } });
  });

  it('accepts the form’s encoded task "bbr-adgangsstyring#4" and a task without steps; answers in English', async () => {
    await join(anna, 'aarhus');
    const [step] = await statusUpdate(
      personContext(anna, 'en'),
      { task: 'bbr-adgangsstyring#4', status: 'started', municipality: 'aarhus', lang: 'en' },
      kit.services,
    );
    expect(step?.text).toBe('BBR på Adgangsstyring, step 4 is now started for Aarhus Kommune (before: not started).');
    const [task] = await statusUpdate(
      personContext(anna),
      { task: 'udpeg-fk-adm-og-fk-ansv', status: 'done' },
      kit.services,
    );
    expect(task?.text).toBe('Udpeg FK-ADM og FK-ANSV er nu fuldført for Aarhus Kommune (før: ikke påbegyndt).');
    expect(kit.services.statuses.current('aarhus', 'bbr-adgangsstyring', 4)).toBe('started');
    expect(kit.services.statuses.current('aarhus', 'udpeg-fk-adm-og-fk-ansv')).toBe('done');
  });

  it('refuses someone who belongs to no municipality, says how to join, and writes nothing', async () => {
    const before = JSON.stringify(kit.store.read());
    const replies = await statusUpdate(
      personContext(anna),
      { taskId: 'bbr-adgangsstyring', step: '3', status: 'done', municipality: 'Aarhus' },
      kit.services,
    );
    expect(replies).toEqual([
      {
        text: "Du hører ikke til en kommune endnu, så du kan ikke ændre status. Skriv 'kommune <navn>' (i Slack: /klik kommune <navn>). Intet er ændret.",
        notice: true,
      },
    ]);
    expect(JSON.stringify(kit.store.read())).toBe(before);
  });

  it('refuses a member who names another municipality, and writes nothing', async () => {
    await join(bo, 'odense');
    const replies = await statusUpdate(
      personContext(bo),
      { task: 'bbr-adgangsstyring#3', status: 'done', municipality: 'Aarhus' },
      kit.services,
    );
    expect(replies[0]?.text).toBe(
      'Du hører til Odense Kommune og kan kun ændre status for den; kun en administrator kan ændre status for Aarhus Kommune. Intet er ændret.',
    );
    expect(kit.store.read().statusUpdates).toEqual([]);
  });

  it('lets an administrator act for any municipality, and asks one without a membership to name it', async () => {
    const [asked] = await statusUpdate(
      personContext(ADMIN),
      { task: 'bbr-adgangsstyring#5', status: 'done' },
      kit.services,
    );
    expect(asked?.text).toBe('Som administrator skal du nævne, hvilken kommune du ændrer status for.');
    expect(kit.store.read().statusUpdates).toEqual([]);
    await join(ADMIN, 'koege');
    const [reply] = await statusUpdate(
      personContext(ADMIN),
      { task: 'bbr-adgangsstyring#5', status: 'done', municipality: 'Aarhus Kommune' },
      kit.services,
    );
    expect(reply?.text).toBe('BBR på Adgangsstyring, trin 5 er nu fuldført for Aarhus Kommune (før: ikke påbegyndt).');
    expect(kit.store.read().statusUpdates[0]).toMatchObject({
      municipalityId: 'aarhus',
      by: { channel: 'teams', userId: 'aad-admin' },
    });
  });

  it('answers an unknown task, step or status clearly and writes nothing', async () => {
    await join(anna, 'aarhus');
    const cases: [Record<string, string>, string][] = [
      [{ taskId: 'no-such-task', status: 'done' }, 'Den opgave kender jeg ikke.'],
      [
        { taskId: 'bbr-adgangsstyring', step: '7', status: 'done' },
        '_BBR på Adgangsstyring_ har trin 1–5; trin 7 kender jeg ikke.',
      ],
      [
        { task: 'bbr-adgangsstyring#x', status: 'done' },
        '_BBR på Adgangsstyring_ har trin 1–5; trin x kender jeg ikke.',
      ],
      [{ taskId: 'bbr-adgangsstyring', status: 'done' }, '_BBR på Adgangsstyring_ har trin 1–5: vælg et trin.'],
      [
        { task: 'udpeg-fk-adm-og-fk-ansv#1', status: 'done' },
        '_Udpeg FK-ADM og FK-ANSV_ har ingen trin; vælg opgaven uden trin.',
      ],
      [
        { taskId: 'serviceaftale-kmd-sag', status: 'done' },
        '_Serviceaftale KMD Sag_ har ingen status at ændre: den er udgået.',
      ],
      [
        { taskId: 'vedligehold-fordelingsregler', status: 'done' },
        '_Vedligehold fordelingsregler_ har ingen status at ændre: den følges ikke i KLIK.',
      ],
      [
        { task: 'bbr-adgangsstyring#3', status: 'finished' },
        'Vælg en status: ikke påbegyndt, påbegyndt eller fuldført. Intet er ændret.',
      ],
      [{ task: 'bbr-adgangsstyring#3' }, 'Vælg en status: ikke påbegyndt, påbegyndt eller fuldført. Intet er ændret.'],
      [{ status: 'done' }, 'Vælg hvilken opgave, status gælder.'],
    ];
    for (const [args, text] of cases) {
      expect(await statusUpdate(personContext(anna), args, kit.services)).toEqual([{ text, notice: true }]);
    }
    expect(kit.store.read().statusUpdates).toEqual([]);
  });

  it('does not record a status the task already has', async () => {
    await join(anna, 'aarhus');
    const [reply] = await statusUpdate(
      personContext(anna),
      { task: 'bbr-adgangsstyring#1', status: 'not-started' },
      kit.services,
    );
    expect(reply?.text).toBe('BBR på Adgangsstyring, trin 1 er allerede ikke påbegyndt for Aarhus Kommune.');
    expect(kit.store.read().statusUpdates).toEqual([]);
  });
});

describe('status-undo', () => {
  async function annaSetsDone(): Promise<string> {
    await join(anna, 'aarhus');
    await statusUpdate(personContext(anna), { task: 'bbr-adgangsstyring#3', status: 'started' }, kit.services);
    const [reply] = await statusUpdate(
      personContext(anna),
      { task: 'bbr-adgangsstyring#3', status: 'done' },
      kit.services,
    );
    return undoId(reply);
  }

  it('lets the person who made the update undo it, restoring the status before it', async () => {
    const updateId = await annaSetsDone();
    const [reply] = await statusUndo(personContext(anna), { updateId }, kit.services);
    expect(reply?.text).toBe('Fortrudt: BBR på Adgangsstyring, trin 3 er igen påbegyndt for Aarhus Kommune.');
    expect(kit.services.statuses.current('aarhus', 'bbr-adgangsstyring', 3)).toBe('started');
    expect(kit.services.statuses.get(updateId)?.undoneBy).toMatchObject({ channel: 'slack', userId: 'U1' });
  });

  it('refuses anyone else, even a member of the same municipality, and changes nothing', async () => {
    const updateId = await annaSetsDone();
    await join(bo, 'aarhus');
    const before = JSON.stringify(kit.store.read());
    const [reply] = await statusUndo(personContext(bo), { updateId }, kit.services);
    expect(reply?.text).toBe(
      'Kun den, der lavede opdateringen, eller en administrator kan fortryde den. Intet er ændret.',
    );
    expect(JSON.stringify(kit.store.read())).toBe(before);
  });

  it('refuses the maker once they have moved to another municipality', async () => {
    const updateId = await annaSetsDone();
    await join(anna, 'odense');
    const [reply] = await statusUndo(personContext(anna), { updateId }, kit.services);
    expect(reply?.text).toMatch(/^Kun den, der lavede opdateringen/);
    expect(kit.services.statuses.current('aarhus', 'bbr-adgangsstyring', 3)).toBe('done');
  });

  it('refuses the maker whose membership is no longer verified (one from before verification existed)', async () => {
    const updateId = await annaSetsDone();
    await kit.store.update((draft) => {
      draft.memberships[0]!.state = 'pending';
    });
    const [reply] = await statusUndo(personContext(anna), { updateId }, kit.services);
    expect(reply?.text).toMatch(/^Kun den, der lavede opdateringen/);
    expect(kit.services.statuses.current('aarhus', 'bbr-adgangsstyring', 3)).toBe('done');
  });

  it('lets an administrator undo anyone’s update', async () => {
    const updateId = await annaSetsDone();
    const [reply] = await statusUndo(personContext(ADMIN, 'en'), { updateId }, kit.services);
    expect(reply?.text).toBe('Undone: BBR på Adgangsstyring, step 3 is started again for Aarhus Kommune.');
  });

  it('says when the update is undone already, superseded or unknown', async () => {
    const updateId = await annaSetsDone();
    await statusUndo(personContext(anna), { updateId }, kit.services);
    expect((await statusUndo(personContext(anna), { updateId }, kit.services))[0]?.text).toBe(
      'Den opdatering af BBR på Adgangsstyring, trin 3 er allerede fortrudt.',
    );
    const [later] = await statusUpdate(
      personContext(anna),
      { task: 'bbr-adgangsstyring#3', status: 'not-started' },
      kit.services,
    );
    const first = kit.store.read().statusUpdates[0]?.id ?? '';
    expect((await statusUndo(personContext(anna), { updateId: first }, kit.services))[0]?.text).toBe(
      'BBR på Adgangsstyring, trin 3 er ændret igen siden (nu: ikke påbegyndt), så den opdatering kan ikke fortrydes. Intet er ændret.',
    );
    expect(undoId(later)).not.toBe(first);
    expect((await statusUndo(personContext(anna), { updateId: 'nope' }, kit.services))[0]?.text).toBe(
      'Den opdatering kender jeg ikke. Intet er ændret.',
    );
    expect((await statusUndo(personContext(anna), {}, kit.services))[0]?.text).toBe(
      'Den opdatering kender jeg ikke. Intet er ændret.',
    );
  });
});
