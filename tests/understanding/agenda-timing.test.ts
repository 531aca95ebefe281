import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { Understander } from '../../src/understanding/understand.js';

const now = DateTime.fromISO('2018-09-06T10:00:00+02:00', { setZone: true });

describe('how long or when, asked on a meeting day', () => {
  let understander: Understander;
  const items = (text: string, locale = 'da-DK') => {
    const reading = understander.understand({ text, now, locale });
    return { intent: reading.intent, items: reading.entities.agendaItems };
  };

  beforeAll(async () => {
    understander = new Understander(await loadKnowledge('data/knowledge'));
  });

  it('is about the point of the programme its words name', () => {
    expect(items('Hvor mange minutter har vi sat af til programleder-nyhederne i dag?')).toEqual({
      intent: 'agenda.today',
      items: ['programledermoede-2018-09-06#7'],
    });
    // "programme leader" names a role too, which has no time to give
    expect(items('what time does the programme leader news bit come on today', 'en-GB')).toEqual({
      intent: 'agenda.today',
      items: ['programledermoede-2018-09-06#7'],
    });
  });

  it('is that point when a meeting day is named, though its words name a deadline or a system too', () => {
    // the 14th is the third run: SKI's deadline announced at 11.20, Organisation at 11.50
    expect(items('at what time do they present the SKI 02.19 deadline on the 14th?', 'en-GB')).toEqual({
      intent: 'agenda.today',
      items: ['programledermoede-2018-09-14#4'],
    });
    expect(items('hvor lang tid varer Organisation d. 14?')).toEqual({
      intent: 'agenda.today',
      items: ['programledermoede-2018-09-14#6'],
    });
  });

  it('is the point who told or went through something asks for', () => {
    expect(items('hvem fortalte om Organisation på mødet?').items).toEqual(['programledermoede-2018-09-06#6']);
  });

  it('is the point "kommer" asks for, not the point about what is coming', () => {
    expect(items('hvornår kommer punktet om Organisation den 12.?').items).toEqual(['programledermoede-2018-09-12#6']);
  });

  it('is the point asked "på mødet i dag", where nothing else is named', () => {
    expect(items('hvornår er evalueringen på mødet i dag?')).toEqual({
      intent: 'agenda.today',
      items: ['programledermoede-2018-09-06#8'],
    });
    expect(items('hvornår er deadline for FK-ansvarlig, som blev nævnt på mødet i dag?').intent).toBe('deadline.task');
  });

  it('is the meeting itself when its start is asked right after one of its points, without the day', () => {
    const point = understander.understand({ text: 'hvornår er pausen den 12.?', now });
    const meeting = understander.understand({ text: 'og hvornår begynder mødet den dag?', now, previous: point });
    expect(meeting.intent).toBe('event.list');
    expect(meeting.entities.dates).toEqual({ start: '2018-09-12', end: '2018-09-12' });
    // … but a point asked for is that point
    const other = understander.understand({
      text: 'og hvornår starter punktet om Organisation?',
      now,
      previous: point,
    });
    expect(other.intent).toBe('agenda.today');
  });

  it('is the same point when who gives it or how long it lasts is asked right after it', () => {
    const point = understander.understand({ text: 'hvornår er punktet om SKI den 12.?', now });
    expect(point.entities.agendaItems).toEqual(['programledermoede-2018-09-12#4']);
    for (const text of ['og hvem står for det?', 'hvor længe varer det?']) {
      const again = understander.understand({ text, now, previous: point });
      expect(again.intent).toBe('agenda.today');
      expect(again.entities.agendaItems).toEqual(['programledermoede-2018-09-12#4']);
    }
  });

  it('leaves a deadline asked "i dag" on a meeting day to the deadline', () => {
    expect(items('hvornår er deadline for FK-ansvarlig, som blev nævnt på mødet i dag?').intent).toBe('deadline.task');
  });

  it('leaves a day without a meeting, or a question naming no point, to other answers', () => {
    expect(items('hvor mange minutter har vi til nyhederne den 20. september?').intent).not.toBe('agenda.today');
    expect(items('hvornår er deadline for BBR?').intent).toBe('deadline.task');
  });

  it('reads "the programme" as the meeting and "the programme leader" as a person', () => {
    expect(items('when is the Organisation part of the programme?', 'en-GB')).toEqual({
      intent: 'agenda.today',
      items: ['programledermoede-2018-09-06#6'],
    });
  });
});

describe('a weekday said of a meeting', () => {
  let understander: Understander;
  const read = (text: string, locale = 'da-DK') => understander.understand({ text, now, locale });

  beforeAll(async () => {
    understander = new Understander(await loadKnowledge('data/knowledge'));
  });

  it('is the day of the run held on it, not the next such day without one', () => {
    // asked on Thursday 6 September: the next Friday is the 7th, the Friday run is on the 14th
    for (const [text, locale] of [
      ['hvad er på programmet fredag', 'da-DK'],
      ['hvad tid starter mødet om fredagen', 'da-DK'],
      ['what time does the Friday meeting start?', 'en-GB'],
    ] as const)
      expect(read(text, locale).entities.dates, text).toEqual({ start: '2018-09-14', end: '2018-09-14' });
    // a day that is no meeting's, asked without a meeting, stays the next such day
    expect(read('hvad sker der fredag').entities.dates).toEqual({ start: '2018-09-07', end: '2018-09-07' });
    // a weekday passed is the one it says
    expect(read('hvad var på programmet i fredags?').entities.dates).toEqual({
      start: '2018-08-31',
      end: '2018-08-31',
    });
    // asked on the day of a run, its weekday is that day
    const wednesday = DateTime.fromISO('2018-09-12T09:00:00+02:00', { setZone: true });
    expect(
      understander.understand({ text: 'hvornår starter mødet om onsdagen?', now: wednesday }).entities.dates,
    ).toEqual({ start: '2018-09-12', end: '2018-09-12' });
    // … but "næste onsdag", "på onsdag" said on a Wednesday are a week on
    for (const text of ['hvad er på programmet næste onsdag?', 'hvad er på programmet på onsdag?'])
      expect(understander.understand({ text, now: wednesday }).entities.dates, text).toEqual({
        start: '2018-09-19',
        end: '2018-09-19',
      });
  });

  it('leaves a deadline asked for with a weekday to the deadline', () => {
    const wednesday = DateTime.fromISO('2018-09-12T09:00:00+02:00', { setZone: true });
    for (const text of [
      'hvornår er deadline for BBR fredag?',
      'hvornår er deadline for beskedfordeleren torsdag den 20. september?',
    ])
      for (const at of [now, wednesday])
        expect(understander.understand({ text, now: at }).intent, `${text} ${at.toISODate()}`).not.toBe('agenda.today');
  });

  it('names the point of that run the question asks about, also in a compound', () => {
    for (const text of [
      'hvornår snakker de om organisations-systemet på fredagsmødet',
      'hvornår er organisation på mødet om fredagen',
    ]) {
      const reading = read(text);
      expect(reading.intent, text).toBe('agenda.today');
      expect(reading.entities.agendaItems, text).toEqual(['programledermoede-2018-09-14#6']);
    }
  });
});

describe('a point asked for in so many words on a meeting day', () => {
  it('is that point, though the rest of the question names a deadline', async () => {
    const understander = new Understander(await loadKnowledge('data/knowledge'));
    const friday = DateTime.fromISO('2018-09-14T08:30:00+02:00', { setZone: true });
    const reading = understander.understand({
      text: 'what time is the SKI 02.19 item today?',
      now: friday,
      locale: 'en-GB',
    });
    expect(reading.intent).toBe('agenda.today');
    expect(reading.entities.agendaItems).toEqual(['programledermoede-2018-09-14#4']);
    // the deadline itself, asked on the same day without a point, stays the deadline's
    expect(understander.understand({ text: 'hvad er deadline for SKI 02.19?', now: friday }).intent).not.toBe(
      'agenda.today',
    );
  });
});

describe('the agenda asked for by that word', () => {
  it('is the day’s programme from the point now, not a point whose words say "agenda"', async () => {
    const understander = new Understander(await loadKnowledge('data/knowledge'));
    const during = DateTime.fromISO('2018-09-14T11:55:00+02:00', { setZone: true });
    for (const text of ['whats on the agenda right now?', "what's on the agenda now?"]) {
      const reading = understander.understand({ text, now: during, locale: 'en-GB' });
      expect(reading.intent, text).toBe('agenda.today');
      expect(reading.entities.agendaItems, text).toBeUndefined();
    }
  });
});

describe('a "slot" of a meeting asked for right after its programme', () => {
  it('is that point of the programme', async () => {
    const { createCore } = await import('../../src/klikbot-core.js');
    const { replyText, turn } = await import('./question-set.js');
    const core = createCore({ knowledge: await loadKnowledge('data/knowledge') });
    core.answer(turn("what's on the agenda for the 12 September session?", 'slot', now, 'en'));
    const answer = core.answer(turn('and the KLIK tasks slot is when exactly?', 'slot', now, 'en'));
    expect(answer.understanding?.intent).toBe('agenda.today');
    expect(replyText(answer.replies)).toContain('13.30');
  });
});
