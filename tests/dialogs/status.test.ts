import { status } from '../../dialogs/status/extract.js';
import { describe, expect, it } from 'vitest';
import { card, context, plain } from './dialog-kit.js';

describe('status: the national BBR table', () => {
  it('gives every step with its three counts, as of the KLIK extract, for 98 municipalities', () => {
    const reply = card(status(context(), {}));
    expect(reply.text).toContain('98 kommuner (KLIK-udtræk 4. september 2018)');
    expect(reply.list).toHaveLength(5);
    expect(reply.list?.[0]).toContain('70 fuldført · 6 påbegyndt · 22 ikke påbegyndt');
    expect(reply.list?.[2]).toContain('28 fuldført · 17 påbegyndt · 53 ikke påbegyndt');
    expect(reply.list?.[4]).toContain('5 fuldført · 3 påbegyndt · 90 ikke påbegyndt');
    expect(reply.source).toBe('Kilde: KLIK-udtræk 4. september 2018');
  });

  it('draws a 20-wide bar filled in proportion to the completed share', () => {
    const bars = card(status(context(), {})).list?.map((line) => /[█░]{20}/.exec(line)?.[0] ?? '');
    expect(bars?.map((bar) => bar.length)).toEqual([20, 20, 20, 20, 20]);
    // 70, 57, 28, 10 and 5 of 98, in twentieths
    expect(bars?.map((bar) => bar.replaceAll('░', '').length)).toEqual([14, 12, 6, 2, 1]);
  });

  it('says the counts of every step in words in its standalone text (notifications, screen readers), without bars', () => {
    const text = card(status(context(), {})).text;
    expect(text).not.toMatch(/[█░`]/);
    const steps = text.split('\n').filter((line) => line.startsWith('- Trin '));
    expect(steps).toHaveLength(5);
    expect(steps[0]).toMatch(/^- Trin 1 .+: 70 fuldført · 6 påbegyndt · 22 ikke påbegyndt$/);
    expect(steps[4]).toMatch(/^- Trin 5 .+: 5 fuldført · 3 påbegyndt · 90 ikke påbegyndt$/);
  });

  it('names the critical deadline with the days left from the clock', () => {
    expect(card(status(context(), {})).text).toContain('Kritisk deadline: torsdag 1. november 2018 (om 56 dage)');
    expect(card(status(context('2018-11-05T09:00:00+01:00'), {})).text).toContain(
      'Kritisk deadline var torsdag 1. november 2018 (for 4 dage siden)',
    );
  });
});

describe('status: one step', () => {
  it('puts the count first: 28 of 98 have completed step 3', () => {
    const reply = card(status(context(), { step: '3' }));
    expect(reply.text.split('\n')[0]).toBe(
      '**28 af 98 kommuner** har fuldført trin 3 _Opret, navngiv og tildel jobfunktionsroller_ (KLIK-udtræk 4. september 2018).',
    );
    expect(reply.text).toContain('28 fuldført · 17 påbegyndt · 53 ikke påbegyndt');
  });

  it('answers the count asked for', () => {
    expect(card(status(context(), { step: '3', aspect: 'not-started' })).text).toMatch(
      /^\*\*53 af 98 kommuner\*\* har ikke påbegyndt trin 3/,
    );
    expect(card(status(context(), { step: '4', aspect: 'started' })).text).toMatch(
      /^\*\*17 af 98 kommuner\*\* har påbegyndt trin 4/,
    );
  });

  it('gives one count for every step when no step is named', () => {
    const reply = card(status(context(), { aspect: 'done' }));
    expect(reply.list?.map((line) => line.split(': ').pop())).toEqual(['70', '57', '28', '10', '5']);
  });

  it('answers in English', () => {
    const reply = card(status(context('2018-09-06T10:00:00+02:00', 'en'), { step: '3' }));
    expect(reply.text).toMatch(/^\*\*28 of 98 municipalities\*\* have completed step 3/);
    expect(reply.text).toContain('Critical deadline: Thursday 1 November 2018 (in 56 days)');
  });
});

describe('status: what it does not know', () => {
  it('says so plainly for an unknown step, task, count or a task without national status', () => {
    expect(plain(status(context(), { step: '9' }))).toContain('trin 9 kender jeg ikke');
    expect(plain(status(context(), { taskId: 'no-such-task' }))).toBe('Den opgave kender jeg ikke.');
    expect(plain(status(context(), { step: '3', aspect: 'finished' }))).toBe(
      'Det trin eller den status kender jeg ikke.',
    );
    expect(plain(status(context(), { taskId: 'godkend-initiale-fordelingsregler' }))).toBe(
      'Jeg har ingen landsstatus for _Godkend initiale fordelingsregler_. Spørg KOMBIT på mbprogrammet@kombit.dk.',
    );
  });
});
