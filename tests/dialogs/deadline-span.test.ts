import { deadlineSpan, overdue } from '../../dialogs/answers/deadline-span.js';
import { describe, expect, it } from 'vitest';
import { card, context, plain } from './dialog-kit.js';

describe('deadlines in a span', () => {
  it('gives December: 12 December with both FK tasks, and nothing from November', () => {
    const reply = card(deadlineSpan(context(), { start: '2018-12-01', end: '2018-12-31' }));
    expect(reply.text.split('\n')[0]).toBe(
      'Deadlines i december 2018: **onsdag 12. december 2018** (om 97 dage): _Godkend initiale fordelingsregler_ og _Etabler arbejdsgang for drift_, begge basisopgaver for Fordelingskomponenten.',
    );
    expect(reply.list).toEqual([
      'onsdag 12. december 2018 (om 97 dage): Godkend initiale fordelingsregler (basisopgave, Fordelingskomponenten)',
      'onsdag 12. december 2018 (om 97 dage): Etabler arbejdsgang for drift (basisopgave, Fordelingskomponenten)',
    ]);
    expect(reply.text).not.toContain('november');
  });

  it('lists a longer span in date order, month-only dates as their month', () => {
    const reply = card(deadlineSpan(context(), { start: '2018-09-01', end: '2018-11-30' }));
    expect(reply.list?.map((line) => line.split(': ')[0])).toEqual([
      'inden torsdag 20. september 2018 (om 14 dage)',
      'i oktober 2018',
      'torsdag 1. november 2018 (om 56 dage)',
      'torsdag 1. november 2018 (om 56 dage)',
    ]);
    expect(reply.text).toContain('Derefter 3 mere i perioden.');
  });

  it('counts a month-only date in a span that covers part of its month', () => {
    expect(card(deadlineSpan(context(), { start: '2018-10-15', end: '2018-10-21' })).list).toEqual([
      'i oktober 2018: Definitivt farvel til KIGO',
    ]);
  });

  it('says when there is none, and gives the next one after the span', () => {
    const reply = card(deadlineSpan(context(), { start: '2019-01-01', end: '2019-01-31' }));
    expect(reply.text).toBe(
      'Der er ingen deadlines i januar 2019 i mine data.\nDen næste efter perioden: søndag 1. december 2019 (om 451 dage): SKI 02.19-leverandører kan fakturere senest.',
    );
    expect(card(deadlineSpan(context(), { start: '2020-01-01', end: '2020-01-31' })).text).toContain(
      'Der er heller ingen senere i mine data.',
    );
  });

  it('answers in English', () => {
    expect(
      card(deadlineSpan(context('2018-09-06T10:00:00+02:00', 'en'), { start: '2018-12-01', end: '2018-12-31' })).text,
    ).toMatch(
      /^Deadlines in December 2018: \*\*Wednesday 12 December 2018\*\* \(in 97 days\): .*, both basis tasks for Fordelingskomponenten\./,
    );
  });

  it('takes the language a button carries beside the span', () => {
    expect(card(deadlineSpan(context(), { start: '2018-12-01', end: '2018-12-31', lang: 'da' })).list).toHaveLength(2);
  });

  it('says plainly when it does not understand the span', () => {
    expect(plain(deadlineSpan(context(), { start: '2018-12-31', end: '2018-12-01' }))).toBe(
      'Den periode forstår jeg ikke.',
    );
    expect(plain(deadlineSpan(context(), { start: 'december' }))).toBe('Den periode forstår jeg ikke.');
  });
});

describe("one system's deadlines in a span", () => {
  const november = { start: '2018-11-01', end: '2018-11-30' };

  it("lists the system's own items, and says the span's others after them", () => {
    const reply = card(deadlineSpan(context(), { ...november, system: 'fordelingskomponenten' }));
    expect(reply.heading).toBe('Deadlines for Fordelingskomponenten i november 2018');
    expect(reply.list).toEqual([
      'torsdag 1. november 2018 (om 56 dage): Udpeg FK-ADM og FK-ANSV (basisopgave, Fordelingskomponenten)',
    ]);
    expect(reply.outro).toBe(
      'Andre deadlines i perioden:\n- torsdag 1. november 2018 (om 56 dage): BBR kun via Adgangsstyring',
    );
  });

  it("counts a deadline of the system's task, or one that names the system, as the system's", () => {
    // BBR's critical date belongs to BBR's task; the Beskedfordeler agreements name it in their title
    expect(card(deadlineSpan(context(), { ...november, system: 'bbr' })).list).toEqual([
      'torsdag 1. november 2018 (om 56 dage): BBR kun via Adgangsstyring',
    ]);
    const september = { start: '2018-09-01', end: '2018-09-30', system: 'beskedfordeler' };
    expect(card(deadlineSpan(context(), september)).list?.[0]).toContain('Godkend serviceaftaler');
  });

  it('says the system has none in the span, its next one, and what else falls in the span', () => {
    const reply = card(
      deadlineSpan(context(), { start: '2018-10-01', end: '2018-10-31', system: 'fordelingskomponenten' }),
    );
    expect(reply.text).toBe(
      'Der er ingen deadlines for Fordelingskomponenten i oktober 2018 i mine data.\n' +
        'Den næste efter perioden: torsdag 1. november 2018 (om 56 dage): Udpeg FK-ADM og FK-ANSV (basisopgave, Fordelingskomponenten).\n' +
        'Andre deadlines i perioden:\n- i oktober 2018: Definitivt farvel til KIGO',
    );
  });

  it('refuses a system it does not know, as a button could carry one', () => {
    expect(plain(deadlineSpan(context(), { ...november, system: 'sharepoint' }))).toBe('Det system kender jeg ikke.');
  });
});

describe('overdue deadlines', () => {
  it('says none has passed yet, and names the next', () => {
    expect(card(overdue(context(), {})).text).toBe(
      'Ingen deadlines er passeret endnu.\nDen næste: inden torsdag 20. september 2018 (om 14 dage): Godkend serviceaftaler vedrørende Beskedfordeleren (ansvarlig: Aftaleadministrator (STS)).',
    );
  });

  it('counts a "before" date as passed on the date itself', () => {
    expect(card(overdue(context('2018-09-19T12:00:00+02:00'), {})).text).toMatch(
      /^Ingen deadlines er passeret endnu\./,
    );
    expect(card(overdue(context('2018-09-20T08:00:00+02:00'), {})).list).toEqual([
      'inden torsdag 20. september 2018 (i dag): Godkend serviceaftaler vedrørende Beskedfordeleren (ansvarlig: Aftaleadministrator (STS))',
    ]);
  });

  it('counts a month-only date as passed once its month is over, and a "by" date after its day', () => {
    const lastOfOctober = card(overdue(context('2018-10-31T12:00:00+01:00'), {})).list ?? [];
    expect(lastOfOctober.some((line) => line.includes('KIGO'))).toBe(false);
    const firstOfNovember = card(overdue(context('2018-11-01T12:00:00+01:00'), {})).list ?? [];
    expect(firstOfNovember.some((line) => line.includes('KIGO'))).toBe(true);
    expect(firstOfNovember.some((line) => line.includes('Udpeg FK-ADM'))).toBe(false);
  });

  it('lists the passed ones most recent first with how long ago', () => {
    const reply = card(overdue(context('2018-11-05T09:00:00+01:00'), {}));
    expect(reply.text.split('\n')[0]).toBe(
      '**4 deadlines er passeret.** Den seneste: torsdag 1. november 2018 (for 4 dage siden): Udpeg FK-ADM og FK-ANSV (basisopgave, Fordelingskomponenten).',
    );
    expect(reply.list?.map((line) => line.split(': ')[0])).toEqual([
      'torsdag 1. november 2018 (for 4 dage siden)',
      'torsdag 1. november 2018 (for 4 dage siden)',
      'i oktober 2018',
      'inden torsdag 20. september 2018 (for 46 dage siden)',
    ]);
  });

  it('answers in English', () => {
    expect(card(overdue(context('2018-11-05T09:00:00+01:00', 'en'), {})).text).toMatch(
      /^\*\*4 deadlines have passed\.\*\* The latest: Thursday 1 November 2018 \(4 days ago\)/,
    );
  });
});
