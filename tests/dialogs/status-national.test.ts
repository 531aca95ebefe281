import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { statusNational } from '../../dialogs/status/national.js';
import { personContext, useActionKit } from './action-kit.js';
import { recorded } from '../support/recorded.js';

const kit = useActionKit();
const mette = { channel: 'slack' as const, userId: 'U1', name: 'Mette' };
const by = { channel: 'slack', userId: 'U1' };

function at(iso: string) {
  const context = personContext(mette);
  context.turn.now = DateTime.fromISO(iso, { setZone: true });
  return context;
}

describe('status-national: the KLIK extract, and what was reported to klikbot since', () => {
  it('says it has no national figures for a support system named without a task, not another task’s table', async () => {
    const [reply] = await statusNational(at('2018-10-06T12:00:00+02:00'), { about: 'beskedfordeler' }, kit.services);
    expect(reply?.text).toBe(
      'Jeg har ingen landsstatus for _Beskedfordeler_; materialet har kun landstal for _BBR på Adgangsstyring_. Spørg KOMBIT på mbprogrammet@kombit.dk.',
    );
    // a task named is that task's table, whatever else is named
    const [bbr] = await statusNational(
      at('2018-10-06T12:00:00+02:00'),
      { taskId: 'bbr-adgangsstyring', about: 'beskedfordeler' },
      kit.services,
    );
    expect(bbr?.heading).toBe('Landsstatus: BBR på Adgangsstyring');
  });

  it('shows each BBR step with the extract’s counts and its date, and no reports yet', async () => {
    const [reply] = await statusNational(at('2018-10-06T12:00:00+02:00'), {}, kit.services);
    expect(reply?.heading).toBe('Landsstatus: BBR på Adgangsstyring');
    expect(reply?.list).toHaveLength(5);
    expect(reply?.list?.[2]).toBe(
      'Trin 3 Opret, navngiv og tildel jobfunktionsroller: KLIK 4. september 2018: 28 fuldført · 17 påbegyndt · 53 ikke påbegyndt; meldt til klikbot pr. 6. oktober 2018: ingen kommuner endnu',
    );
    expect(reply?.source).toBe('Kilde: KLIK-udtræk 4. september 2018; status meldt til klikbot');
    expect(reply?.outro).toMatch(/lægges ikke oven i/);
  });

  it('counts each municipality’s status in force once, undone updates and unknown municipalities left out', async () => {
    const { statuses } = kit.services;
    await statuses.record({ municipalityId: 'aarhus', taskId: 'bbr-adgangsstyring', step: 3, status: 'started', by });
    await statuses.record({ municipalityId: 'aarhus', taskId: 'bbr-adgangsstyring', step: 3, status: 'done', by });
    await statuses.record({ municipalityId: 'koege', taskId: 'bbr-adgangsstyring', step: 3, status: 'started', by });
    // Odense started and went back: it has reported "not started" (a first report of the default records nothing)
    await statuses.record({ municipalityId: 'odense', taskId: 'bbr-adgangsstyring', step: 3, status: 'started', by });
    await statuses.record({
      municipalityId: 'odense',
      taskId: 'bbr-adgangsstyring',
      step: 3,
      status: 'not-started',
      by,
    });
    const undone = recorded(
      await statuses.record({ municipalityId: 'vejle', taskId: 'bbr-adgangsstyring', step: 3, status: 'done', by }),
    );
    await statuses.undo(undone.id, by);
    // a municipality the data no longer has
    await statuses.record({ municipalityId: 'gone', taskId: 'bbr-adgangsstyring', step: 3, status: 'done', by });
    await statuses.record({ municipalityId: 'aarhus', taskId: 'bbr-adgangsstyring', step: 4, status: 'started', by });
    const [reply] = await statusNational(
      at('2018-10-06T12:00:00+02:00'),
      { taskId: 'bbr-adgangsstyring', step: '3' },
      kit.services,
    );
    expect(reply?.list).toEqual([
      'Trin 3 Opret, navngiv og tildel jobfunktionsroller: KLIK 4. september 2018: 28 fuldført · 17 påbegyndt · 53 ikke påbegyndt; meldt til klikbot pr. 6. oktober 2018: 3 kommuner: 1 fuldført, 1 påbegyndt, 1 ikke påbegyndt',
    ]);
    expect(reply?.buttons?.map((b) => [b.action.dialog, b.action.args])).toEqual([
      ['status-missing', { taskId: 'bbr-adgangsstyring', step: '3' }],
      ['status-national', { taskId: 'bbr-adgangsstyring' }],
      ['status-form', { taskId: 'bbr-adgangsstyring' }],
    ]);
  });

  it('shows a KLIK task without an extract from the reports alone, and says so', async () => {
    await kit.services.statuses.record({
      municipalityId: 'aarhus',
      taskId: 'udpeg-fk-adm-og-fk-ansv',
      status: 'done',
      by,
    });
    const [reply] = await statusNational(
      at('2018-10-06T12:00:00+02:00'),
      { taskId: 'udpeg-fk-adm-og-fk-ansv' },
      kit.services,
    );
    expect(reply?.list).toEqual([
      'Udpeg FK-ADM og FK-ANSV: meldt til klikbot pr. 6. oktober 2018: 1 kommune: 1 fuldført, 0 påbegyndt, 0 ikke påbegyndt',
    ]);
    expect(reply?.outro).toBe('Jeg har intet KLIK-udtræk for opgaven, kun meldingerne til klikbot.');
    expect(reply?.source).toBe('Kilde: status meldt til klikbot');
  });

  it('answers in English when asked in English', async () => {
    const [reply] = await statusNational({ ...personContext(mette, 'en') }, { step: '5' }, kit.services);
    expect(reply?.list?.[0]).toBe(
      'Step 5 Luk ned for BBRs egen adgangsstyring: KLIK 4 September 2018: 5 done · 3 started · 90 not started; reported to klikbot as of 6 September 2018: no municipalities yet',
    );
  });

  it('refuses an unknown step, a task without a status and an unknown task, changing nothing', async () => {
    const [step] = await statusNational(personContext(mette), { step: '9' }, kit.services);
    expect(step).toEqual({ text: '_BBR på Adgangsstyring_ har trin 1–5; trin 9 kender jeg ikke.', notice: true });
    const [dropped] = await statusNational(personContext(mette), { taskId: 'serviceaftale-kmd-sag' }, kit.services);
    expect(dropped?.text).toBe('_Serviceaftale KMD Sag_ har ingen status: den er udgået.');
    const [unknown] = await statusNational(personContext(mette), { taskId: 'nope' }, kit.services);
    expect(unknown?.text).toBe('Den opgave kender jeg ikke.');
    expect(kit.store.read().statusUpdates).toHaveLength(0);
  });
});
