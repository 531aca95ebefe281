import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { queryWords } from '../../src/understanding/query-words.js';
import { asksForReminders, asksToStop } from '../../src/understanding/reminder-requests.js';
import { Understander, type UnderstandInput } from '../../src/understanding/understand.js';
import type { Understanding } from '../../src/understanding/types.js';

const understander = new Understander(await loadKnowledge('data/knowledge'));
const now = DateTime.fromISO('2018-09-06T10:00:00+02:00', { setZone: true });
const read = (text: string, previous?: Understanding) =>
  understander.understand({ text, now, ...(previous ? { previous } : {}) } satisfies UnderstandInput);
const tokens = (text: string) => queryWords(text).tokens;

describe('reminder sentences', () => {
  it('are told by their words: påmind…, remind…, snooze, mindes, or mind/minde beside mig/os', () => {
    for (const text of [
      'mind os om deadlines',
      'kan I minde mig om fristen',
      'hvilke påmindelser får vi?',
      'paamind os',
      'remind us',
      'snooze',
      'jeg vil gerne mindes om deadlines',
      'hvad bliver vi mindet om?',
    ]) {
      expect(asksForReminders(tokens(text)), text).toBe(true);
    }
    for (const text of [
      'hvornår er deadline for BBR?',
      'never mind',
      'hvad er mindst vigtigt?',
      'hvilke deadlines har vi i november?',
    ]) {
      expect(asksForReminders(tokens(text)), text).toBe(false);
    }
  });

  it('ask to stop with a stop word, "slå … fra", or a negation right beside the reminding', () => {
    for (const text of [
      'stop påmindelserne',
      'ingen flere påmindelser',
      'slå påmindelserne fra',
      'jeg vil ikke mindes om deadlines',
      'mind os ikke om BBR',
      "don't remind us",
      'turn off reminders',
    ]) {
      expect(asksToStop(tokens(text)), text).toBe(true);
    }
    for (const text of ['mind os om deadlines', 'mind os om de opgaver, vi ikke har lavet', 'slå påmindelser til']) {
      expect(asksToStop(tokens(text)), text).toBe(false);
    }
  });

  it('never take over a question that only mentions a deadline', () => {
    expect(read('hvornår er deadline for BBR?').intent).toBe('deadline.task');
    expect(read('hvilke deadlines kommer nu?').intent).toBe('deadline.upcoming');
    expect(read('hvornår skal FK-ADM og FK-ANSV være udpeget?').intent).toBe('deadline.task');
  });

  it('name the task or deadline asked about, and leave it out when none is named', () => {
    expect(read('påmind os om BBR')).toMatchObject({
      intent: 'reminder.subscribe',
      entities: { tasks: ['bbr-adgangsstyring'], deadlines: [] },
    });
    expect(read('kan du minde os om at godkende serviceaftalerne for beskedfordeleren')).toMatchObject({
      entities: { tasks: [], deadlines: ['beskedfordeler-serviceaftaler-godkendes'] },
    });
    expect(read('mind os om deadlines')).toMatchObject({
      intent: 'reminder.subscribe',
      entities: { tasks: [], deadlines: [] },
    });
  });

  it('are not read as reminding of everything when they name something that is no deadline', () => {
    expect(read('påmind os om superbrugerne').intent).not.toBe('reminder.subscribe');
    expect(read('mind os om webinaret').intent).not.toBe('reminder.subscribe');
  });

  it('"mind os om det" right after a deadline question is about that task', () => {
    const question = read('hvornår er deadline for BBR?');
    expect(read('mind os om det', question)).toMatchObject({
      intent: 'reminder.subscribe',
      entities: { tasks: ['bbr-adgangsstyring'] },
    });
  });

  it('are made once, by their own sentence: a follow-up after one is no new subscription', () => {
    const subscribed = read('påmind os om BBR');
    expect(read('og fordelingsreglerne?', subscribed).intent).not.toBe('reminder.subscribe');
  });
});
