import { readFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ZONE } from '../../src/clock.js';
import { findDateSpan } from '../../src/understanding/dates.js';

// The first run of the seed's meeting: Thursday 6 September 2018, 10:00 in Copenhagen.
const meeting = DateTime.fromISO('2018-09-06T10:00:00+02:00', { zone: ZONE });
const at = (iso: string) => DateTime.fromISO(iso, { setZone: true });

/** [text, start, end (defaults to start), kind] read at the meeting. */
type Row = [string, string, string | undefined, string];

function expectSpans(rows: Row[], language: 'da' | 'en', now = meeting): void {
  for (const [text, start, end, kind] of rows) {
    const found = findDateSpan(text, now, language);
    expect({ text, span: found?.span, kind: found?.kind }).toEqual({ text, span: { start, end: end ?? start }, kind });
  }
}

describe('findDateSpan in Danish', () => {
  it('reads two months joined as the months from the first to the last', () => {
    expectSpans(
      [
        ['hvornår er opstartsmøderne i oktober/november?', '2018-10-01', '2018-11-30', 'range'],
        ['hvad sker der i oktober og november', '2018-10-01', '2018-11-30', 'range'],
        ['deadlines i december eller januar', '2018-12-01', '2019-01-31', 'range'],
        ['deadlines fra december til januar 2019', '2018-12-01', '2019-01-31', 'range'],
        ['hvad sker der i okt/nov', '2018-10-01', '2018-11-30', 'range'],
      ],
      'da',
    );
    expectSpans([['what happens from October to December?', '2018-10-01', '2018-12-31', 'range']], 'en');
  });

  it('reads the rest of a week, month or year as today up to its end', () => {
    expectSpans(
      [
        ['hvad mangler vi resten af ugen', '2018-09-06', '2018-09-09', 'range'],
        ['inden udgangen af måneden', '2018-09-06', '2018-09-30', 'range'],
        ['what is left for the rest of the year', '2018-09-06', '2018-12-31', 'range'],
      ],
      'da',
    );
  });

  it('marks a date said as a limit, so a question about what comes before it spans from today', () => {
    expect(findDateSpan('hvad skal vi nå inden udgangen af oktober?', meeting, 'da')?.upTo).toEqual({
      start: '2018-09-06',
      end: '2018-10-31',
    });
    expect(findDateSpan('what is due before 1 November?', meeting, 'en')?.upTo).toEqual({
      start: '2018-09-06',
      end: '2018-11-01',
    });
    expect(findDateSpan('hvad sker der den 1. november?', meeting, 'da')?.upTo).toBeUndefined();
  });

  it('reads a named day, with or without a year, in words or in digits', () => {
    expectSpans(
      [
        ['1. november', '2018-11-01', undefined, 'day'],
        ['1 november', '2018-11-01', undefined, 'day'],
        ['hvad sker der den 1. november?', '2018-11-01', undefined, 'day'],
        ['1. nov', '2018-11-01', undefined, 'day'],
        ['1. november 2018', '2018-11-01', undefined, 'day'],
        ['1. november 2019', '2019-11-01', undefined, 'day'],
        ['den 20. september', '2018-09-20', undefined, 'day'],
        ['d. 20. september', '2018-09-20', undefined, 'day'],
        ['20/9', '2018-09-20', undefined, 'day'],
        ['12/12-2018', '2018-12-12', undefined, 'day'],
        ['12.12.2018', '2018-12-12', undefined, 'day'],
        ['12-12-2018', '2018-12-12', undefined, 'day'],
        ['12/12-18', '2018-12-12', undefined, 'day'],
        ['2018-12-12', '2018-12-12', undefined, 'day'],
        ['inden den 20.9', '2018-09-20', undefined, 'day'],
        ['fredag den 1. november', '2018-11-01', undefined, 'day'],
        ['hvad sker der den 20.?', '2018-09-20', undefined, 'day'],
        ['hvornår starter mødet d. 12?', '2018-09-12', undefined, 'day'],
        ['hvornår starter mødet d 14', '2018-09-14', undefined, 'day'],
        ['vi er med d. 12. hvornår starter mødet?', '2018-09-12', undefined, 'day'],
        ['hvad står der på programmet den 14, kl 11', '2018-09-14', undefined, 'day'],
        ['hvornår er pausen den 12. på mødet?', '2018-09-12', undefined, 'day'],
        ['hvad sker der den 12. og hvornår starter det?', '2018-09-12', undefined, 'day'],
        ['udgangen af november', '2018-11-30', undefined, 'day'],
      ],
      'da',
    );
    expectSpans(
      [
        ['when does the meeting on the 12th start?', '2018-09-12', undefined, 'day'],
        ['what time is the SKI item on the 14th', '2018-09-14', undefined, 'day'],
        ['what is on the agenda the 14th at the meeting?', '2018-09-14', undefined, 'day'],
        ['what happens on the 1st of November?', '2018-11-01', undefined, 'day'],
      ],
      'en',
    );
    // a number of days is no day of the month, nor is an ordinal ("den 2. pause", "the 2nd break")
    expect(findDateSpan('kan det nås inden for den 14 dage?', meeting, 'da')?.span).not.toEqual({
      start: '2018-09-14',
      end: '2018-09-14',
    });
    expect(findDateSpan('hvornår er den 2. pause?', meeting, 'da')).toBeUndefined();
    // a bare abbreviation elsewhere is no month ("Jan" is a name, "jul" Christmas)
    expect(findDateSpan('hvad sagde jan om deadlines', meeting, 'da')).toBeUndefined();
    expect(findDateSpan('deadlines jul', meeting, 'da')).toBeUndefined();
    expect(findDateSpan('hvilke møder jan skal med til?', meeting, 'da')).toBeUndefined();
    expect(findDateSpan('hvad handler den 3. del af mødet om?', meeting, 'da')).toBeUndefined();
    expect(findDateSpan('when is the 2nd break?', meeting, 'en')).toBeUndefined();
    // a month that names a version of a thing is no time
    expect(findDateSpan('how does the sept draft sort the roles?', meeting, 'en')).toBeUndefined();
    expect(findDateSpan('hvordan er rollerne inddelt i september-udkastet?', meeting, 'da')).toBeUndefined();
  });

  it('reads the seasons, "mellem nu og nytår", and two spans from now as one plan', () => {
    expectSpans(
      [
        ['hvad sker der resten af efteråret?', '2018-09-06', '2018-11-30', 'range'],
        ['møder i vinteren', '2018-12-01', '2019-02-28', 'range'],
        ['hvad skal vi nå i foråret', '2019-03-01', '2019-05-31', 'range'],
        ['hvad skete der i foråret', '2018-03-01', '2018-05-31', 'range'],
        ['frister mellem nu og nytår', '2018-09-06', '2018-12-31', 'range'],
        ['en plan for resten af efteråret, alt fra nu og frem til jul', '2018-09-06', '2018-12-24', 'range'],
      ],
      'da',
    );
    // "fall" is a verb as often as a season
    expectSpans([['which deadlines fall in December?', '2018-12-01', '2018-12-31', 'month']], 'en');
  });

  it('reads "the week of" a day as the week that day falls in, Monday to Sunday', () => {
    expectSpans(
      [
        ['hvad sker der i ugen med 19. november', '2018-11-19', '2018-11-25', 'week'],
        ['ugen omkring d. 1. november', '2018-10-29', '2018-11-04', 'week'],
      ],
      'da',
    );
    expectSpans([["What's on in the week of 21 November?", '2018-11-19', '2018-11-25', 'week']], 'en');
  });

  it('reads months, weeks and years as whole spans', () => {
    expectSpans(
      [
        ['hvilke deadlines har vi i december?', '2018-12-01', '2018-12-31', 'month'],
        ['december', '2018-12-01', '2018-12-31', 'month'],
        ['i dec', '2018-12-01', '2018-12-31', 'month'],
        // a bare abbreviation right after the dated things asked for
        ['deadlines nov?', '2018-11-01', '2018-11-30', 'month'],
        ['frister dec', '2018-12-01', '2018-12-31', 'month'],
        ['december 2018', '2018-12-01', '2018-12-31', 'month'],
        ['i september', '2018-09-01', '2018-09-30', 'month'], // not ended yet: this year's
        ['i august', '2019-08-01', '2019-08-31', 'month'], // ended: next year's
        ['i næste måned', '2018-10-01', '2018-10-31', 'month'],
        ['denne måned', '2018-09-01', '2018-09-30', 'month'],
        ['sidste måned', '2018-08-01', '2018-08-31', 'month'],
        ['11/2018', '2018-11-01', '2018-11-30', 'month'],
        ['uge 45', '2018-11-05', '2018-11-11', 'week'],
        ['i uge 1', '2018-12-31', '2019-01-06', 'week'],
        ['uge 53', '2020-12-28', '2021-01-03', 'week'], // the next year that has a week 53
        ['næste uge', '2018-09-10', '2018-09-16', 'week'],
        ['i næste uge', '2018-09-10', '2018-09-16', 'week'],
        ['denne uge', '2018-09-03', '2018-09-09', 'week'],
        ['i denne uge', '2018-09-03', '2018-09-09', 'week'],
        ['sidste uge', '2018-08-27', '2018-09-02', 'week'],
        ['uge 45-47', '2018-11-05', '2018-11-25', 'range'],
        ['i år', '2018-01-01', '2018-12-31', 'range'],
        ['i 2019', '2019-01-01', '2019-12-31', 'range'],
        ['i efteråret', '2018-09-01', '2018-11-30', 'range'],
        ['primo november', '2018-11-01', '2018-11-10', 'range'],
        ['ultimo december', '2018-12-21', '2018-12-31', 'range'],
      ],
      'da',
    );
  });

  it('reads days and windows relative to today, with number words', () => {
    expectSpans(
      [
        ['i dag', '2018-09-06', undefined, 'relative'],
        ['i morgen', '2018-09-07', undefined, 'relative'],
        ['i overmorgen', '2018-09-08', undefined, 'relative'],
        ['i går', '2018-09-05', undefined, 'relative'],
        ['om 14 dage', '2018-09-20', undefined, 'relative'],
        ['om 3 uger', '2018-09-27', undefined, 'relative'],
        ['om en uge', '2018-09-13', undefined, 'relative'],
        ['om to uger', '2018-09-20', undefined, 'relative'],
        ['om tre dage', '2018-09-09', undefined, 'relative'],
        ['om fjorten dage', '2018-09-20', undefined, 'relative'],
        ['om tyve dage', '2018-09-26', undefined, 'relative'],
        ['om en måned', '2018-10-06', undefined, 'relative'],
        ['for 3 dage siden', '2018-09-03', undefined, 'relative'],
        ['på fredag', '2018-09-07', undefined, 'relative'],
        ['i mandags', '2018-09-03', undefined, 'relative'],
        ['om fredagen', '2018-09-07', undefined, 'relative'],
        ['inden for 14 dage', '2018-09-06', '2018-09-20', 'range'],
        ['inden 14 dage', '2018-09-06', '2018-09-20', 'range'],
        ['de næste 14 dage', '2018-09-06', '2018-09-20', 'range'],
        ['næste 30 dage', '2018-09-06', '2018-10-06', 'range'],
        ['de sidste 14 dage', '2018-08-23', '2018-09-06', 'range'],
        ['inden jul', '2018-09-06', '2018-12-24', 'range'],
        ['før jul', '2018-09-06', '2018-12-24', 'range'],
        ['inden nytår', '2018-09-06', '2018-12-31', 'range'],
        ['før nytår', '2018-09-06', '2018-12-31', 'range'],
      ],
      'da',
    );
  });

  it('reads ranges between two dates', () => {
    expectSpans(
      [
        ['fra 1. november til 15. december', '2018-11-01', '2018-12-15', 'range'],
        ['mellem 1. og 15. november', '2018-11-01', '2018-11-15', 'range'],
        ['1.-15. november', '2018-11-01', '2018-11-15', 'range'],
        ['mellem 1/11 og 15/12', '2018-11-01', '2018-12-15', 'range'],
        ['fra 1. december til 15. januar', '2018-12-01', '2019-01-15', 'range'],
        ['fra i dag til 1. november', '2018-09-06', '2018-11-01', 'range'],
        ['fra 1. november til jul', '2018-11-01', '2018-12-24', 'range'],
        ['fra 1. september til 30. september', '2018-09-01', '2018-09-30', 'range'], // still running
        // "og" without "mellem" lists two days: the first one is meant first
        ['1. november og 12. december', '2018-11-01', undefined, 'day'],
      ],
      'da',
    );
  });

  it('tolerates capitals, missing æøå and typos in month names', () => {
    expectSpans(
      [
        ['I MORGEN', '2018-09-07', undefined, 'relative'],
        ['NÆSTE UGE', '2018-09-10', '2018-09-16', 'week'],
        ['i naeste uge', '2018-09-10', '2018-09-16', 'week'],
        ['naeste maaned', '2018-10-01', '2018-10-31', 'month'],
        ['igår', '2018-09-05', undefined, 'relative'],
        ['imorgen', '2018-09-07', undefined, 'relative'],
        ['inden nytaar', '2018-09-06', '2018-12-31', 'range'],
        ['1. novmber', '2018-11-01', undefined, 'day'],
        ['i septemper', '2018-09-01', '2018-09-30', 'month'],
        ['i decmber', '2018-12-01', '2018-12-31', 'month'],
      ],
      'da',
    );
  });

  it('gives the time of day said with the day, and reports the words it read', () => {
    expect(findDateSpan('i morgen kl. 9', meeting, 'da')).toEqual({
      span: { start: '2018-09-07', end: '2018-09-07' },
      matched: 'i morgen kl. 9',
      time: '09:00',
      kind: 'relative',
    });
    expect(findDateSpan('kl. 9.30 i morgen', meeting, 'da')?.time).toBe('09:30');
    expect(findDateSpan('i dag klokken 14', meeting, 'da')?.time).toBe('14:00');
    expect(findDateSpan('mødet 1. november kl 09:00', meeting, 'da')?.time).toBe('09:00');
    expect(findDateSpan('hvilke deadlines har vi i december?', meeting, 'da')?.matched).toBe('i december');
    expect(findDateSpan('i december', meeting, 'da')?.time).toBeUndefined();
  });

  it("takes the next such day, or this year's when the question is in the past tense", () => {
    const secondNovember = at('2018-11-02T10:00:00+01:00');
    expectSpans(
      [
        ['1. november', '2019-11-01', undefined, 'day'],
        ['hvad var fristen 1. november?', '2018-11-01', undefined, 'day'],
        ['i oktober', '2019-10-01', '2019-10-31', 'month'],
        ['i november', '2018-11-01', '2018-11-30', 'month'],
        ['uge 44', '2018-10-29', '2018-11-04', 'week'],
        ['uge 43', '2019-10-21', '2019-10-27', 'week'],
      ],
      'da',
      secondNovember,
    );
    expectSpans([['inden jul', '2018-12-27', '2019-12-24', 'range']], 'da', at('2018-12-27T10:00:00+01:00'));
    expectSpans([['29. februar', '2020-02-29', undefined, 'day']], 'da');
    expectSpans([['om en måned', '2018-02-28', undefined, 'relative']], 'da', at('2018-01-31T10:00:00+01:00'));
  });

  it('finds nothing in codes, counts, step numbers, times alone or days that do not exist', () => {
    for (const text of [
      'SKI 02.19',
      'hvad skal leverandører på SKI 02.19 gøre?',
      'trin 3',
      'hvad er trin 3 i BBR?',
      'SF1511',
      'hvilke systemer bruger SF1511?',
      'Q1/2019',
      'hvornår skal Aarhus på SAPA i Q1/2019?',
      '98 kommuner',
      'hvor mange af de 98 kommuner er færdige?',
      'kl.',
      'kl. 9',
      'kl. 10.10-11.10',
      'status 22/6/70',
      '31. november',
      'uge 54',
      'hvem er Jan?',
      'hvad laver en superbruger?',
      'sat op til 10 mand',
      'om 2-3 uger',
    ]) {
      expect({ text, found: findDateSpan(text, meeting, 'da') }).toEqual({ text, found: undefined });
      expect({ text, found: findDateSpan(text, meeting, 'en') }).toEqual({ text, found: undefined });
    }
  });
});

describe('findDateSpan across the change from summer time (28 October 2018, 03:00 → 02:00)', () => {
  it('counts calendar days in Copenhagen, whatever zone `now` comes in', () => {
    const lateSaturday = at('2018-10-27T23:30:00+02:00');
    expectSpans([['i morgen', '2018-10-28', undefined, 'relative']], 'da', lateSaturday);
    expectSpans([['tomorrow', '2018-10-28', undefined, 'relative']], 'en', lateSaturday);
    for (const earlySunday of [at('2018-10-28T00:30:00+02:00'), at('2018-10-27T22:30:00Z')]) {
      expectSpans(
        [
          ['i dag', '2018-10-28', undefined, 'relative'],
          ['i morgen', '2018-10-29', undefined, 'relative'],
          ['i går', '2018-10-27', undefined, 'relative'],
          ['denne uge', '2018-10-22', '2018-10-28', 'week'],
        ],
        'da',
        earlySunday,
      );
      expectSpans(
        [
          ['tomorrow', '2018-10-29', undefined, 'relative'],
          ['today', '2018-10-28', undefined, 'relative'],
        ],
        'en',
        earlySunday,
      );
    }
    // 02:30 comes twice that night; both are the 28th
    expectSpans([['i dag', '2018-10-28', undefined, 'relative']], 'da', at('2018-10-28T02:30:00+02:00'));
    expectSpans([['i dag', '2018-10-28', undefined, 'relative']], 'da', at('2018-10-28T02:30:00+01:00'));
    expectSpans([['i morgen', '2018-10-29', undefined, 'relative']], 'da', at('2018-10-28T23:30:00+01:00'));
    expectSpans([['om 14 dage', '2018-11-03', undefined, 'relative']], 'da', at('2018-10-20T10:00:00+02:00'));
    expectSpans([['i morgen', '2018-03-26', undefined, 'relative']], 'da', at('2018-03-25T01:30:00+01:00'));
  });
});

describe('findDateSpan in English', () => {
  it('reads English through chrono, with months, weeks and windows as spans', () => {
    expectSpans(
      [
        ['which deadlines are in December?', '2018-12-01', '2018-12-31', 'month'],
        ['what is due next week?', '2018-09-10', '2018-09-16', 'week'],
        ['this week', '2018-09-03', '2018-09-09', 'week'],
        ['last month', '2018-08-01', '2018-08-31', 'month'],
        ['December 12', '2018-12-12', undefined, 'day'],
        ['September 1', '2019-09-01', undefined, 'day'],
        ['tasks due within 14 days', '2018-09-06', '2018-09-20', 'range'],
        ['the next 30 days', '2018-09-06', '2018-10-06', 'range'],
        ['between Nov 1 and Dec 15', '2018-11-01', '2018-12-15', 'range'],
        ['on Friday', '2018-09-07', undefined, 'relative'],
        ['which tasks are due before Christmas?', '2018-09-06', '2018-12-24', 'range'],
        ['week 45', '2018-11-05', '2018-11-11', 'week'],
        ['in 2019', '2019-01-01', '2019-12-31', 'range'],
      ],
      'en',
    );
    expect(findDateSpan('remind me tomorrow at 9am', meeting, 'en')).toEqual({
      span: { start: '2018-09-07', end: '2018-09-07' },
      matched: 'tomorrow at 9am',
      time: '09:00',
      kind: 'relative',
    });
    expect(findDateSpan('at 9', meeting, 'en')).toBeUndefined(); // a time names no day
  });

  it('reads numeric and Danish dates in English text the Danish way', () => {
    expectSpans(
      [
        ['what happens 12/12-2018?', '2018-12-12', undefined, 'day'],
        ['what is due 12/11?', '2018-11-12', undefined, 'day'], // day first, not 11 December
        ['what is due 1. november?', '2018-11-01', undefined, 'day'],
        ['from 1. november to 15. december', '2018-11-01', '2018-12-15', 'range'],
        ['what happens i morgen?', '2018-09-07', undefined, 'relative'],
      ],
      'en',
    );
  });

  it('reads an English date in a question taken for Danish', () => {
    expectSpans([['hvad sker der next week?', '2018-09-10', '2018-09-16', 'week']], 'da');
  });
});

describe('findDateSpan on the labelled question set', () => {
  const questionSet = z
    .object({
      now: z.string(),
      questions: z.array(
        z.object({
          id: z.string(),
          text: z.string(),
          lang: z.enum(['da', 'en']),
          entities: z.object({ dates: z.object({ start: z.string(), end: z.string() }).optional() }).optional(),
        }),
      ),
    })
    .parse(JSON.parse(readFileSync(new URL('./questions.json', import.meta.url), 'utf8')));

  it('reads every labelled date span as labelled', () => {
    const now = DateTime.fromISO(questionSet.now, { setZone: true });
    const labelled = questionSet.questions.filter((q) => q.entities?.dates);
    expect(labelled.length).toBeGreaterThan(10);
    for (const q of labelled) {
      expect({ id: q.id, span: findDateSpan(q.text, now, q.lang)?.span }).toEqual({
        id: q.id,
        span: q.entities?.dates,
      });
    }
  });
});
