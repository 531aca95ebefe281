import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { Understander } from '../../src/understanding/understand.js';

// one understander for the file: building one loads and indexes the whole knowledge base
let understander: Understander;
beforeAll(async () => {
  understander = new Understander(await loadKnowledge('data/knowledge'));
});

describe('what a programme leader meeting is or was about', () => {
  const read = (text: string, at = '2018-09-06T10:00:00+02:00', locale = 'da-DK') => {
    const reading = understander.understand({ text, now: DateTime.fromISO(at, { setZone: true }), locale });
    return { intent: reading.intent, day: reading.entities.dates?.start };
  };

  it("is the day's programme, asked on a meeting day", () => {
    expect(read('hvad handler mødet om?')).toEqual({ intent: 'agenda.today', day: undefined });
    expect(read("what's the meeting about?", undefined, 'en-GB')).toEqual({ intent: 'agenda.today', day: undefined });
    expect(read('hvad er emnerne på mødet?').intent).toBe('agenda.today');
  });

  it('is the programme of the meeting held last, asked in the past or on a day without one', () => {
    const november = '2018-11-05T09:00:00+01:00';
    expect(read('hvad handlede programledermødet om?', november)).toEqual({
      intent: 'agenda.today',
      day: '2018-09-14',
    });
    expect(read('hvad gik mødet ud på?', november).day).toBe('2018-09-14');
    // a day said in the past is that day this year, not next year's
    expect(read('hvad handlede mødet den 12. september om?', november)).toEqual({
      intent: 'agenda.today',
      day: '2018-09-12',
    });
  });

  it("is the meeting held last, asked in the past: today's once begun, else the one before", () => {
    expect(read('hvad handlede mødet om?', '2018-09-06T10:30:00+02:00')).toEqual({
      intent: 'agenda.today',
      day: undefined,
    });
    expect(read('what was the meeting about?', '2018-09-12T09:00:00+02:00', 'en-GB').day).toBe('2018-09-06');
  });

  it('is the next run of the series, asked on a day between runs', () => {
    expect(read('hvad handler mødet om?', '2018-09-10T10:00:00+02:00').day).toBe('2018-09-12');
  });

  it('leaves other questions that name a meeting to their own answers', () => {
    expect(read('hvad handler fordelingskomponenten om?').intent).toBe('fact');
    // the next meeting has no programme yet; whom to write to, where the slides are, another kind of event
    expect(read('what is the next meeting about?', undefined, 'en-GB').intent).toBe('event.next-meeting');
    expect(read('hvad handler næste møde om?').intent).not.toBe('agenda.today');
    expect(read('who can I call about the meeting?', undefined, 'en-GB').intent).toBe('contact');
    expect(read('where can I find the slides about the meeting?', undefined, 'en-GB').intent).not.toBe('agenda.today');
    expect(read('what is the kick-off meeting about?', undefined, 'en-GB').intent).not.toBe('agenda.today');
    // topics with no meeting named are those of what is named
    expect(read('which topics are in the news?', undefined, 'en-GB').intent).not.toBe('agenda.today');
  });
});

describe('who presents a thing', () => {
  const now = DateTime.fromISO('2018-09-06T10:00:00+02:00');
  const read = (text: string, locale = 'da-DK') => understander.understand({ text, now, locale });

  it('is the point of the programme about it, though the thing has answers of its own', () => {
    for (const [text, locale] of [
      ['hvem fremlægger rollegalleriet?', 'da-DK'],
      ['hvem præsenterer emnet om støttesystemet Organisation?', 'da-DK'],
      ['who is presenting the bit on the Organisation support system?', 'en-GB'],
      // (in the past tense, after the meeting)
      ['who presented the part about Organisation?', 'en-GB'],
    ] as const) {
      const reading = read(text, locale);
      expect(reading.intent, text).toBe('agenda.today');
      expect(reading.entities.agendaItems?.length, text).toBeGreaterThan(0);
    }
  });

  it('is asked for as "the bit about" a thing on a meeting day, in English too', () => {
    const reading = read(
      "I'm joining the Skype meeting on the 6th - when is the bit about the vendor deadline for access control?",
      'en-GB',
    );
    expect(reading.intent).toBe('agenda.today');
    expect(reading.entities.agendaItems).toEqual(['programledermoede-2018-09-06#4']);
  });

  it('leaves who does a thing to its role', () => {
    expect(read('hvem godkender fordelingsreglerne?').intent).not.toBe('agenda.today');
    expect(read('hvem står for BBR-opgaven?').intent).not.toBe('agenda.today');
  });
});
