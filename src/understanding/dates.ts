import type { DateTime } from 'luxon';
import { ZONE } from '../clock.js';
import { dayOf, format, mondayOf, shift } from './dates/calendar.js';
import { type Candidate, type Days, contextAt, settle } from './dates/candidate.js';
import { chooseFirst } from './dates/choose.js';
import { calendarRules } from './dates/danish-calendar.js';
import { relativeRules } from './dates/danish-relative.js';
import { englishCandidates } from './dates/english.js';
import { scan } from './dates/rule.js';
import { findTimes } from './dates/time-of-day.js';
import { B0, B1 } from './dates/words.js';
import type { DateSpan } from './types.js';

/** A date expression found in a question and what it means on the calendar. */
export interface FoundDate {
  span: DateSpan;
  /** the matched text */
  matched: string;
  /** the time of day if one was given, "09:00" */
  time?: string;
  kind: 'day' | 'week' | 'month' | 'range' | 'relative';
  /** Said as a limit ("inden 1. november", "before the end of September"): the question means today up to it. */
  upTo?: DateSpan;
}

const danishRules = [...calendarRules, ...relativeRules];

// A question in the past tense keeps a passed date in this year rather than moving it to next year.
const pastTense = new RegExp(
  `${B0}(var|blev|havde|fik|skete|nåede|naaede|handlede|gennemgik|snakkede|drøftede|droeftede|præsenterede|praesenterede|was|were|did|had)${B1}`,
  'iu',
);

// English date words that may turn up in a Danish question ("hvad sker der next week?").
const englishDateWord = new RegExp(
  `${B0}(today|tomorrow|tonight|yesterday|weeks?|months?|years?|january|february|march|june|july|october|monday|tuesday|wednesday|thursday|friday|saturday|sunday)${B1}`,
  'iu',
);

// Anything chrono could read as a date in English: a digit, or a word about days, weeks,
// months, seasons or holidays.
const englishDateCue = new RegExp(
  `\\d|${B0}(today|tomorrow|tonight|yesterday|days?|weeks?|weekends?|months?|years?|ago|noon|morning|evening|christmas|easter|spring|summer|autumn|fall|winter|jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|sept|september|oct|october|nov|november|dec|december|mon|monday|tue|tues|tuesday|wed|wednesday|thu|thur|thurs|thursday|fri|friday|sat|saturday|sun|sunday)${B1}`,
  'iu',
);

/**
 * The first date expression in the text, resolved against `now` (Copenhagen), or undefined.
 * Danish uses klikbot's own grammar; English uses chrono-node, weighed together with the
 * Danish grammar (which reads numeric dates day first, as Danes write them even in English).
 */
export function findDateSpan(text: string, now: DateTime, language: 'da' | 'en'): FoundDate | undefined {
  return weekAround(text, now, language) ?? firstDate(text, now, language);
}

// "the week of 19 November", "ugen med d. 19. november": the week the day falls in
const weekOf = new RegExp(
  `${B0}(?:the\\s+)?week\\s+(?:of|around|starting)\\s+(?:the\\s+)?|${B0}ugen\\s+(?:med|omkring|hvor|fra|der\\s+starter)\\s+(?:den\\s+|d\\.\\s*)?`,
  'iu',
);

function weekAround(text: string, now: DateTime, language: 'da' | 'en'): FoundDate | undefined {
  const cue = weekOf.exec(text);
  if (!cue) return undefined;
  const after = cue.index + cue[0].length;
  const day = firstDate(text.slice(after), now, language);
  if (!day || day.kind !== 'day' || !text.slice(after).startsWith(day.matched)) return undefined;
  const [year = 0, month = 0, date = 0] = day.span.start.split('-').map(Number);
  const said = dayOf(year, month, date);
  if (said === undefined) return undefined;
  const monday = mondayOf(said);
  return {
    span: { start: format(monday), end: format(shift(monday, 'days', 6)) },
    matched: text.slice(cue.index, after + day.matched.length),
    kind: 'week',
  };
}

function firstDate(text: string, now: DateTime, language: 'da' | 'en'): FoundDate | undefined {
  const local = now.setZone(ZONE);
  const context = contextAt(local, pastTense.test(text));
  let candidates = scan(danishRules, text, context);
  if (language === 'en') {
    // chrono is the slow part of a question: run it only where there is something to read
    if (englishDateCue.test(text)) candidates = [...candidates, ...englishCandidates(text, local, context.today)];
  } else if (candidates.length === 0 && englishDateWord.test(text)) {
    // chrono reads Danish words as English ("sat", "mon"): keep only what holds an English date word
    candidates = englishCandidates(text, local, context.today).filter((c) =>
      englishDateWord.test(text.slice(c.index, c.end)),
    );
  }
  const chosen = chooseFirst(
    candidates.filter((candidate) => !namesAVersion(text, candidate)),
    text,
    context,
  );
  const days = chosen && settle(chosen, context);
  return chosen && days && describe(chosen, days, text, context.today);
}

function describe(chosen: Candidate, days: Days, text: string, today: Days['start']): FoundDate {
  let { index, end } = chosen;
  let time = chosen.time;
  if (time === undefined && (chosen.kind === 'day' || chosen.kind === 'relative')) {
    const times = findTimes(text);
    // the time said with the day: the first one after it, else the last one before it
    const said = times.find((t) => t.index >= chosen.end) ?? times.filter((t) => t.end <= chosen.index).at(-1);
    if (said) {
      time = said.time;
      const gap = said.index >= end ? text.slice(end, said.index) : text.slice(said.end, index);
      if (/^[\s,]*$/.test(gap)) [index, end] = [Math.min(index, said.index), Math.max(end, said.end)];
    }
  }
  const found: FoundDate = {
    span: { start: format(days.start), end: format(days.end) },
    matched: text.slice(index, end),
    kind: chosen.kind,
  };
  if (time !== undefined) found.time = time;
  if (saidAsLimit(text, chosen) && days.start > today) found.upTo = { start: format(today), end: found.span.end };
  return found;
}

// "the sept draft", "maj-galleriet", "september-udkastet": a month that names a version of a thing, not a time
const versionAfter = /^[\s-]*(draft|udkast\w*|version\w*|galleri\w*|gallery|edition|udgave\w*)/iu;

function namesAVersion(text: string, candidate: Candidate): boolean {
  return candidate.kind === 'month' && versionAfter.test(text.slice(candidate.end));
}

// "inden udgangen af september", "før 1. november", "by 1 November": a limit, not a day
const limitBefore = new RegExp(
  `${B0}(inden|før|foer|senest|indtil|before|by|until)\\s+(?:(?:den|d\\.|the)\\s*)?$`,
  'iu',
);
const limitInside = /^(inden|før|foer|senest|before|until)\s/iu;

function saidAsLimit(text: string, chosen: Candidate): boolean {
  return limitBefore.test(text.slice(0, chosen.index)) || limitInside.test(text.slice(chosen.index, chosen.end));
}
