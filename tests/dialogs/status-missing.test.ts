import { describe, expect, it } from 'vitest';
import { statusMissing } from '../../dialogs/status/missing.js';
import { personContext, useActionKit } from './action-kit.js';
import { recorded } from '../support/recorded.js';

const kit = useActionKit();
const mette = { channel: 'slack' as const, userId: 'U1', name: 'Mette' };
const by = { channel: 'slack', userId: 'U1' };

describe('status-missing: who has not reported a step done', () => {
  it('lists every municipality not done, sorted in Danish order, marking those that started', async () => {
    const { statuses } = kit.services;
    await statuses.record({ municipalityId: 'albertslund', taskId: 'bbr-adgangsstyring', step: 3, status: 'done', by });
    await statuses.record({ municipalityId: 'aarhus', taskId: 'bbr-adgangsstyring', step: 3, status: 'started', by });
    // done on another step does not count for step 3
    await statuses.record({ municipalityId: 'koege', taskId: 'bbr-adgangsstyring', step: 2, status: 'done', by });
    const [reply] = await statusMissing(
      personContext(mette),
      { taskId: 'bbr-adgangsstyring', step: '3' },
      kit.services,
    );
    expect(reply?.intro).toBe('Ud fra meldingerne til klikbot har 97 af 98 kommuner ikke meldt trin 3 fuldført:');
    expect(reply?.list).toHaveLength(97);
    expect(reply?.list?.[0]).toBe('Allerød Kommune');
    expect(reply?.list).not.toContain('Albertslund Kommune');
    expect(reply?.list).toContain('Køge Kommune');
    expect(reply?.list?.at(-1)).toBe('Aarhus Kommune (påbegyndt)');
    expect(reply?.outro).toBe(
      'KLIK-udtrækket af 4. september 2018 talte 28 kommuner fuldført, men siger ikke hvilke; listen bygger kun på meldingerne til klikbot.',
    );
    expect(reply?.source).toBe('Kilde: status meldt til klikbot pr. 6. september 2018');
    expect(reply?.heading).toBe('Ikke fuldført: BBR på Adgangsstyring, trin 3');
  });

  it('counts an undone "done" as not done', async () => {
    const done = recorded(
      await kit.services.statuses.record({
        municipalityId: 'albertslund',
        taskId: 'bbr-adgangsstyring',
        step: 3,
        status: 'done',
        by,
      }),
    );
    await kit.services.statuses.undo(done.id, by);
    const [reply] = await statusMissing(personContext(mette), { step: '3' }, kit.services);
    expect(reply?.list).toHaveLength(98);
    expect(reply?.list?.[0]).toBe('Albertslund Kommune');
  });

  it('says so when every municipality has reported it done', async () => {
    const all = personContext(mette).knowledge.municipalities;
    await Promise.all(
      all.map((m) =>
        kit.services.statuses.record({ municipalityId: m.id, taskId: 'udpeg-fk-adm-og-fk-ansv', status: 'done', by }),
      ),
    );
    const [reply] = await statusMissing(personContext(mette), { taskId: 'udpeg-fk-adm-og-fk-ansv' }, kit.services);
    expect(reply?.text).toBe('Alle 98 kommuner har meldt _Udpeg FK-ADM og FK-ANSV_ fuldført til klikbot.');
    expect(reply?.outro).toBeUndefined();
  });

  it('asks which step for a task with steps, and refuses one it does not have', async () => {
    const [ask] = await statusMissing(personContext(mette), { taskId: 'bbr-adgangsstyring' }, kit.services);
    expect(ask).toEqual({ text: '_BBR på Adgangsstyring_ har trin 1–5: hvilket trin?', notice: true });
    const [none] = await statusMissing(
      personContext(mette),
      { taskId: 'udpeg-fk-adm-og-fk-ansv', step: '2' },
      kit.services,
    );
    expect(none?.text).toBe('_Udpeg FK-ADM og FK-ANSV_ har ingen trin.');
  });

  it('answers in English', async () => {
    const [reply] = await statusMissing(personContext(mette, 'en'), { step: '1' }, kit.services);
    expect(reply?.intro).toBe('From the reports to klikbot, 98 of 98 municipalities have not reported step 1 done:');
  });
});
