import { DateTime } from 'luxon';
import { ZONE } from '../clock.js';
import type { Knowledge } from '../knowledge/registry.js';
import { findTimes } from './dates/time-of-day.js';
import type { FactSearch, SearchHit } from './search/fact-search.js';
import type { DateSpan } from './types.js';

// Words that ask about a point of a meeting's programme rather than the programme whole.
const itemCue =
  /^(punkt|oplaeg|praesent|fremlaeg|fortaeller|fortalte|gennemgaar|gennemgik|session|agenda|buffer|item|slot|present|talk|evaluering|pause)/;
// the cues that name a point of a programme and nothing else ("evaluering" and a time of day may be about a deadline)
const namedItemCue =
  /^(punkt|oplaeg|praesent|fremlaeg|fortaeller|fortalte|gennemgaar|gennemgik|session|agenda|item|slot|present|pause|break)/;
const meetingCue = /moede|meeting|skype|program|agenda|dagsorden/;
// "den del af mødet", "the part of the meeting": a point, where a meeting is named
const partCue = /^(del|delen|part|bit|evaluering|evaluation|pause|pausen|break)$/;
// "hvor mange minutter har vi til nyhederne i dag?", "hvad er mit tidsvindue?": how long or
// when, asked on a meeting's day, is about a point of its programme
const timingCue =
  /^(hvornaar|when|minutter|minutes|tidsvindue\w*|tidspunkt\w*|tidsrum|time|timeslot|slot|varer|lasts|long|lang)$/;
// the start or the end of a meeting
const startOrEnd = /^(starter|start|starts|begynder|begin|begins|slutter|slut|ends|end|over|finish|finishes)$/;
const monthWord = /^(jan|feb|mar|apr|maj|may|jun|jul|aug|sep|okt|oct|nov|dec)/;
const weekdays: Record<string, number> = {
  mandag: 1,
  tirsdag: 2,
  onsdag: 3,
  torsdag: 4,
  fredag: 5,
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
};
// an item's words must carry at least this share of the question once the cues are left out
const minimumCoverage = 0.3;

type Meeting = Knowledge['meetings'][number];

/** The weekday a question names, alone or in a compound ("onsdagsmødet"), 1 = Monday. */
function weekdayOf(tokens: string[]): number | undefined {
  for (const token of tokens) {
    const day = Object.keys(weekdays).find((name) => token.startsWith(name));
    if (day) return weekdays[day];
  }
  return undefined;
}

/**
 * Whether the question names a meeting by the weekday it is held on ("fredagsmødet", "mødet om
 * fredagen"): a meeting said, and a weekday one is held on ("deadline for BBR fredag" names none).
 */
export function namesAMeetingsWeekday(knowledge: Knowledge, tokens: string[]): boolean {
  const weekday = weekdayOf(tokens);
  return (
    weekday !== undefined &&
    tokens.some((token) => meetingCue.test(token)) &&
    knowledge.meetings.some((meeting) => DateTime.fromISO(meeting.date, { zone: ZONE }).weekday === weekday)
  );
}

/** Whether a date's words are a weekday alone ("på fredag", "om fredagen"), no day of a month. */
export function onlyAWeekday(tokens: string[]): boolean {
  return (
    tokens.some((token) => weekdayOf([token]) !== undefined) &&
    tokens.every((token) => weekdayOf([token]) !== undefined || /^(paa|om|naeste|kommende|on|next|this)$/.test(token))
  );
}

/** The meetings a question is about: those in its dates, on its weekday, today's, else the next one. */
function meetingsAsked(knowledge: Knowledge, tokens: string[], now: DateTime, dates: DateSpan | undefined): Meeting[] {
  const dated = dates
    ? knowledge.meetings.filter((meeting) => meeting.date >= dates.start && meeting.date <= dates.end)
    : [];
  if (dated.length > 0) return dated;
  const weekday = weekdayOf(tokens);
  // a day without a meeting has no programme, unless a weekday says which ("fredag d. 14" is read as the next Friday)
  if (dates && weekday === undefined) return [];
  const on = (meeting: Meeting) =>
    now.setZone(ZONE).set({
      year: Number(meeting.date.slice(0, 4)),
      month: Number(meeting.date.slice(5, 7)),
      day: Number(meeting.date.slice(8, 10)),
    });
  if (weekday !== undefined) return knowledge.meetings.filter((meeting) => on(meeting).weekday === weekday);
  const today = now.setZone(ZONE).toISODate() ?? '';
  const todays = knowledge.meetings.filter((meeting) => meeting.date === today);
  if (todays.length > 0) return todays;
  const next = [...knowledge.meetings]
    .sort((a, b) => a.date.localeCompare(b.date))
    .find((meeting) => meeting.date >= today);
  return next ? [next] : [];
}

/**
 * Whether the question is about a point of a meeting's programme: named so, a part of a
 * meeting, a time of day, or how long or when on a meeting's day. `strictly`: only a word
 * that names a point ("punktet", "oplægget") counts, for a question another reading answered well.
 */
export function asksAboutAgendaItem(
  tokens: string[],
  text: string,
  { strictly = false, afterMeeting = false, meetingDay = false } = {},
): boolean {
  if (strictly) return tokens.some((token) => namedItemCue.test(token));
  // "when does the programme leader meeting start, and when is it over?" is the meeting, whole
  const wholeMeeting =
    tokens.some((token) => meetingCue.test(token)) &&
    tokens.some((token) => startOrEnd.test(token)) &&
    !tokens.some((token) => itemCue.test(token));
  if (wholeMeeting) return false;
  if (tokens.some((token) => itemCue.test(token)) || findTimes(text).length > 0) return true;
  if (meetingDay && tokens.some((token) => timingCue.test(token))) return true;
  // "and the Organisation part?" right after a question about a meeting: its meeting is named already
  const meetingNamed = afterMeeting || tokens.some((token) => meetingCue.test(token));
  return meetingNamed && tokens.some((token) => partCue.test(token));
}

// "hvornår kommer punktet om …", "the bit about …": how a point is asked for, not which point
// ("kommer" would otherwise be the "kommende" of "Aktuelle og kommende KLIK-opgaver")
const askingWord = /^(kommer|komme|kom|come|comes|coming|punkt|punktet|punkter|punkterne|item|items|bit|part)$/;

/**
 * The agenda items a question asks about ("hvem præsenterer Organisation på onsdagsmødet?",
 * "hvad sker der kl. 11.20?"), as "meetingId#index", best first; undefined when no item fits.
 */
export function agendaItemsAsked(input: {
  knowledge: Knowledge;
  search: FactSearch;
  text: string;
  tokens: string[];
  now: DateTime;
  dates?: DateSpan;
  /** Where in the tokens the date stands, [start, end): its words say when, not which point. */
  dateWords?: [number, number];
}): string[] | undefined {
  const meetings = meetingsAsked(input.knowledge, input.tokens, input.now, input.dates);
  if (meetings.length === 0) return undefined;
  const [time] = findTimes(input.text);
  if (time) {
    const at = time.time.replace(':', '.');
    const covering = meetings.flatMap((meeting) =>
      meeting.agenda.flatMap((item, index) => {
        // "11.10 - 10.20" as printed ends before it starts: it runs until the next point begins
        const end = item.end > item.start ? item.end : (meeting.agenda[index + 1]?.start ?? item.end);
        return item.start <= at && at < end ? [`${meeting.id}#${index}`] : [];
      }),
    );
    if (covering.length > 0) return covering;
  }
  const ids = new Set(meetings.map((meeting) => meeting.id));
  // the words that say which point: not the cues, the day or the numbers of a date, nor words
  // the programme never uses (they would only dilute a fit)
  const [from, to] = input.dateWords ?? [0, 0];
  const content = input.tokens.filter(
    (token, index) =>
      (index < from || index >= to) &&
      // (the "programme leader" is a person, not the meeting)
      (!meetingCue.test(token) || (token === 'programme' && /^leaders?$/.test(input.tokens[index + 1] ?? ''))) &&
      weekdayOf([token]) === undefined &&
      !/^\d+$/.test(token) &&
      !(monthWord.test(token) && token.length <= 9) &&
      !askingWord.test(token) &&
      input.search.knows(token),
  );
  const result = input.search.search(content, {
    within: (passage) =>
      passage.kind === 'meetings' && ids.has(passage.recordId) && passage.field.startsWith('agenda.'),
    limit: 10,
  });
  const best = result.hits[0];
  if (!best) return undefined;
  // the same item in each meeting asked about (the runs of one meeting are separate records)
  const close = result.hits.filter((hit) => hit.score >= best.score * 0.95);
  // a point the programme has twice ("Pause") is asked about both times
  const title = (hit: SearchHit) => hit.passage.text.replace(/^[\d.–]+\s*/, '');
  const same = close.filter((hit) => title(hit) === title(best));
  const fitting = same.length > 1 ? same : close.slice(0, meetings.length);
  // one point stands out (the same title in every run asked about): a word or two of it is enough
  const titles = new Set(fitting.map(title));
  const needed = titles.size === 1 ? minimumCoverage / 2 : minimumCoverage;
  if (best.textCoverage < needed) return undefined;
  return fitting.map((hit) => `${hit.passage.recordId}#${hit.passage.field.split('.')[1] ?? ''}`);
}
