import { describe, expect, it } from 'vitest';
import { statusForm } from '../../dialogs/status/form.js';
import { statusUpdate } from '../../dialogs/status/update.js';
import { ADMIN, personContext, useActionKit } from './action-kit.js';

const kit = useActionKit();
const anna = { channel: 'web' as const, userId: 'anna' };

describe('status-form', () => {
  it('offers every task KLIK tracks, BBR step by step, and the three statuses, for the member’s municipality', async () => {
    await kit.services.memberships.set('web', 'anna', 'aarhus');
    const [reply, ...rest] = await statusForm(personContext(anna), {}, kit.services);
    expect(rest).toEqual([]);
    expect(reply?.text).toBe('Opdater status for Aarhus Kommune: vælg opgave og status, og gem.');
    const form = reply?.form;
    expect(form?.submit).toEqual({ dialog: 'status-update', args: { municipality: 'aarhus', lang: 'da' } });
    expect(form?.fields.map((field) => field.id)).toEqual(['task', 'status']);
    const tasks = form?.fields[0]?.options ?? [];
    expect(tasks.filter((o) => o.value.startsWith('bbr-adgangsstyring'))).toEqual(
      [1, 2, 3, 4, 5].map((step) => ({
        value: `bbr-adgangsstyring#${step}`,
        label: `BBR på Adgangsstyring – trin ${step}`,
      })),
    );
    expect(tasks).toContainEqual({ value: 'udpeg-fk-adm-og-fk-ansv', label: 'Udpeg FK-ADM og FK-ANSV' });
    // dropped, operations and announced tasks have no status in KLIK
    for (const id of ['serviceaftale-kmd-sag', 'vedligehold-fordelingsregler', 'sapa-skal-anvende-organisation']) {
      expect(tasks.some((o) => o.value === id)).toBe(false);
    }
    expect(form?.fields[1]?.options).toEqual([
      { value: 'not-started', label: 'Ikke påbegyndt' },
      { value: 'started', label: 'Påbegyndt' },
      { value: 'done', label: 'Fuldført' },
    ]);
  });

  it('submits values status-update accepts: the chosen values merged into the submit args', async () => {
    await kit.services.memberships.set('web', 'anna', 'aarhus');
    const [reply] = await statusForm(personContext(anna, 'en'), { taskId: 'bbr-adgangsstyring' }, kit.services);
    const form = reply!.form!;
    expect(form.fields[0]?.options.map((o) => o.label)).toEqual(
      [1, 2, 3, 4, 5].map((step) => `BBR på Adgangsstyring – step ${step}`),
    );
    const submitted = {
      ...form.submit.args,
      task: form.fields[0]!.options[2]!.value,
      status: form.fields[1]!.options[2]!.value,
    };
    const [confirmation] = await statusUpdate(personContext(anna, 'en'), submitted, kit.services);
    expect(confirmation?.text).toBe(
      'BBR på Adgangsstyring, step 3 is now done for Aarhus Kommune (before: not started).',
    );
  });

  it('tells someone who belongs to no municipality how to join instead of showing the form', async () => {
    const [reply] = await statusForm(personContext(anna), {}, kit.services);
    expect(reply?.form).toBeUndefined();
    expect(reply?.text).toMatch(/Skriv 'kommune <navn>' \(i Slack: \/klik kommune <navn>\)/);
  });

  it('lets an administrator open the form for a municipality they name', async () => {
    const [reply] = await statusForm(personContext(ADMIN), { municipality: 'Køge' }, kit.services);
    expect(reply?.form?.submit.args.municipality).toBe('koege');
  });

  it('answers a task that has no status to change', async () => {
    await kit.services.memberships.set('web', 'anna', 'aarhus');
    expect(await statusForm(personContext(anna), { taskId: 'serviceaftale-kmd-sag' }, kit.services)).toEqual([
      { text: 'Den opgave har ingen status, jeg kan ændre.', notice: true },
    ]);
  });
});
