import { DateTime } from 'luxon';
import { ZONE } from '../clock.js';
import type { Knowledge } from '../knowledge/registry.js';
import type { FoundDate } from './dates.js';

/*
 * "hvad er på programmet fredag?", "what time does Friday's session start?" asked on Thursday
 * 6 September: no meeting is held the next day, but the meeting's third run is on Friday the
 * 14th. A weekday said of a meeting is the day of the run held on it, as a person who knows
 * the meeting's dates reads it.
 */

const weekdayWord =
  /\b(mandag|tirsdag|onsdag|torsdag|fredag|l(?:ø|oe|o)rdag|s(?:ø|oe|o)ndag|monday|tuesday|wednesday|thursday|friday|saturday|sunday)/iu;
const meetingWord =
  /^(m(?:ø|oe)de\p{L}*|programledermoede\p{L}*|program|programmet|programme|agenda\p{L}*|dagsorden\p{L}*|meeting\p{L}*|session\p{L}*|punkt\p{L}*|opl(?:æ|ae)g\p{L}*|pause\p{L}*|break\p{L}*)$/u;
const weekOn = /(?<!\p{L})(n(?:æ|ae)ste|kommende|f(?:ø|oe)rstkommende|next|p(?:å|aa|a))(?!\p{L})/iu;
// the runs of a meeting are held within a few weeks: a weekday further off is another week's
const furthest = 21;

/** The day of the meeting held on the weekday the question names, where the date read has none. */
export function onAMeetingsWeekday(
  found: FoundDate | undefined,
  tokens: string[],
  knowledge: Knowledge,
  today: string,
): FoundDate | undefined {
  // (a weekday passed, "i fredags", "last Friday", is the one it says)
  if (!found || found.kind !== 'relative' || found.span.start !== found.span.end || found.span.start < today)
    return found;
  if (!weekdayWord.test(found.matched) || !tokens.some((token) => meetingWord.test(token))) return found;
  const day = DateTime.fromISO(found.span.start, { zone: ZONE });
  const dates = new Set(knowledge.meetings.map((meeting) => meeting.date));
  const at = (start: string): FoundDate => ({ ...found, span: { start, end: start } });
  // (asked on the day of a run, its weekday is today: "om onsdagen" on Wednesday the 12th;
  // "næste onsdag", "på onsdag" said on a Wednesday are a week on)
  const weekAgo = day.minus({ weeks: 1 }).toISODate() ?? '';
  if (weekAgo === today && dates.has(today) && !weekOn.test(found.matched)) return at(today);
  if (dates.has(found.span.start)) return found;
  for (let weeks = 1; weeks * 7 <= furthest; weeks += 1) {
    const later = day.plus({ weeks }).toISODate() ?? '';
    if (dates.has(later)) return at(later);
  }
  return found;
}
