import { taskInfo, taskList } from '../../dialogs/answers/task-info.js';
import { describe, expect, it } from 'vitest';
import { card, context, plain } from './dialog-kit.js';

describe('task info', () => {
  it('says what the IT system needs the support system for, where the material says it', () => {
    const text = card(taskInfo(context(), { taskId: 'sapa-skal-anvende-organisation' })).text;
    expect(text).toContain('Behov ifølge materialet: Hvilken medarbejder(e) er tilknyttet en sag og dokument?');
    expect(text).toContain('Oprettelse af visningsgrupper og advis-grupper');
    // … and nothing where it does not
    expect(card(taskInfo(context(), { taskId: 'godkend-initiale-fordelingsregler' })).text).not.toContain('Behov');
  });

  it('says what kind of task it is, in Danish words, with its deadline from the clock', () => {
    const reply = card(taskInfo(context(), { taskId: 'godkend-initiale-fordelingsregler' }));
    const [lead, deadline] = reply.text.split('\n');
    expect(lead).toBe('**Godkend initiale fordelingsregler** er en basisopgave for Fordelingskomponenten.');
    expect(deadline).toBe('Deadline: **onsdag 12. december 2018** (om 97 dage).');
  });

  it('names the other kinds and their state', () => {
    expect(card(taskInfo(context(), { taskId: 'verificer-fordelingsregler' })).text).toMatch(
      /^\*\*Verificer fordelingsregler\*\* er en løsningsspecifik opgave/,
    );
    const operations = card(taskInfo(context(), { taskId: 'vedligehold-fordelingsregler' })).text;
    expect(operations).toMatch(/^\*\*Vedligehold fordelingsregler\*\* er en opgave i drift og forvaltning/);
    expect(operations).toContain('Status: løbende, følges ikke i KLIK.');
    expect(card(taskInfo(context(), { taskId: 'serviceaftale-kmd-sag' })).text).toContain('Status: udgår.');
  });

  it('hedges a kind read from context, and says an announced task is not set yet', () => {
    expect(card(taskInfo(context(), { taskId: 'serviceaftaler-fordelingskomponenten' })).text).toContain(
      '(materialet siger det ikke direkte; aflæst af sammenhængen)',
    );
    expect(card(taskInfo(context(), { taskId: 'sapa-skal-anvende-organisation' })).text).toContain(
      'Status: kun varslet, ikke stillet i KLIK endnu.',
    );
  });

  it("gives a task without a deadline of its own its critical date, not 'no deadline'", () => {
    const text = card(taskInfo(context(), { taskId: 'bbr-adgangsstyring' })).text;
    expect(text).toContain('Status: kritisk dato torsdag 1. november 2018 (om 56 dage): BBR kun via Adgangsstyring.');
    expect(text).not.toContain('ingen deadline');
  });

  it('lists only the tasks being updated, which are in KLIK already', () => {
    const reply = card(taskList(context(), { upcoming: 'updating' }));
    expect(reply.list?.map((line) => line.split(':')[0])).toEqual([
      'Tjek/valider at kommunens it-miljø opfylder kravene der stilles for at idriftsætte SAPA, KSD og KY',
      'Udarbejd/opdater system-, kontrakt- og snitfladeoverblik',
    ]);
    expect(reply.text).toContain('**2 KLIK-opgaver under opdatering**');
    expect(reply.text).not.toContain('ikke stillet i KLIK endnu');
  });

  it('answers in English', () => {
    expect(
      card(taskInfo(context('2018-09-06T10:00:00+02:00', 'en'), { taskId: 'udpeg-fk-adm-og-fk-ansv' })).text,
    ).toContain('Deadline: **Thursday 1 November 2018** (in 56 days).');
  });

  it('says plainly when it does not know the task', () => {
    expect(plain(taskInfo(context(), { taskId: 'x' }))).toBe('Den opgave kender jeg ikke.');
  });
});

describe('task lists', () => {
  it('lists tasks of a kind', () => {
    const reply = card(taskList(context(), { kind: 'basis' }));
    expect(reply.text.split('\n')[0]).toBe('Der er **6 basisopgaver**:');
    expect(reply.list?.[0]).toBe(
      'Udpeg FK-ADM og FK-ANSV: Fordelingskomponenten, deadline torsdag 1. november 2018 (om 56 dage)',
    );
    expect(reply.list).toContain('Serviceaftale KMD Sag: Fordelingskomponenten, udgår');
    expect(reply.list?.filter((line) => line.includes('art ikke sikker'))).toHaveLength(2);
  });

  it('lists the tasks of a support system', () => {
    const reply = card(taskList(context(), { supportSystemId: 'fordelingskomponenten' }));
    expect(reply.list).toHaveLength(8);
    expect(reply.list).toContain('Serviceaftaler: formentlig løsningsspecifik opgave, ingen deadline i materialet');
  });

  it('lists the coming tasks: announced or being updated', () => {
    const reply = card(taskList(context(), { upcoming: 'true' }));
    expect(reply.list).toHaveLength(5);
    expect(reply.list?.every((line) => line.includes('under opdatering i KLIK') || line.includes('kun varslet'))).toBe(
      true,
    );
  });

  it('answers in English', () => {
    expect(card(taskList(context('2018-09-06T10:00:00+02:00', 'en'), { kind: 'operations' })).list).toEqual([
      'Vedligehold fordelingsregler: Fordelingskomponenten, ongoing, not tracked in KLIK',
    ]);
  });

  it('says plainly when it does not know the kind or the support system', () => {
    expect(plain(taskList(context(), { kind: 'urgent' }))).toBe('Den slags opgave kender jeg ikke.');
    expect(plain(taskList(context(), { supportSystemId: 'opus' }))).toBe('Det støttesystem kender jeg ikke.');
  });
});
