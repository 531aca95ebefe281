import { civil } from './calendar.js';
import { type Candidate, type Context, type Days, between, settle } from './candidate.js';

// What may stand between the two ends of a range; "og"/"and" only after "mellem"/"between".
const connector = /^\s*(-|–|—|til|to|until|through|og|and)\s*$/iu;
const opener = /(?<![\p{L}\p{N}])(fra|mellem|from|between)\s+$/iu;
const betweenOnly = /^(og|and)$/iu;
const tilEnd = /^(til|frem\s+til|indtil|until)\s/iu;

/**
 * The first date expression among the candidates: the earliest, the longest of those that
 * start together, the first listed of equals (so the caller lists its preferred source
 * first). A weekday name right before a date joins it; two dates joined by "til", "-" or
 * "mellem ... og" become one range.
 */
export function chooseFirst(candidates: Candidate[], text: string, context: Context): Candidate | undefined {
  const ordered = [...candidates].sort((a, b) => a.index - b.index || b.end - b.index - (a.end - a.index));
  const sequence: Candidate[] = [];
  for (const candidate of ordered) {
    const last = sequence.at(-1);
    if (last && candidate.index < last.end) continue;
    sequence.push(candidate);
    if (sequence.length === 4) break;
  }
  const [head, second, third] = sequence.filter((candidate) => !candidate.void);
  if (!head) return undefined;
  let [first, next] = [head, second];
  if (head.weekday && second?.kind === 'day' && /^[\s,]*$/.test(text.slice(head.end, second.index))) {
    [first, next] = [{ ...second, index: head.index }, third];
  }
  return (next && (joinRange(first, next, text, context) ?? furtherFromToday(first, next, context))) ?? first;
}

/** "resten af efteråret … fra nu og frem til jul": two spans that both hold today are one plan, to the later end. */
function furtherFromToday(a: Candidate, b: Candidate, context: Context): Candidate | undefined {
  const holdsToday = (candidate: Candidate) =>
    candidate.kind === 'range' &&
    candidate.days !== undefined &&
    candidate.days.start <= context.today &&
    candidate.days.end >= context.today;
  if (!holdsToday(a) || !holdsToday(b) || b.days!.end <= a.days!.end) return undefined;
  return { ...a, days: { start: Math.min(a.days!.start, b.days!.start), end: b.days!.end } };
}

/** `a` to `b` as one range, when the text between them joins them. */
function joinRange(a: Candidate, b: Candidate, text: string, context: Context): Candidate | undefined {
  const gap = text.slice(a.end, b.index);
  const opening = opener.exec(text.slice(0, a.index));
  // "fra 1. november til jul": the end brings its own "til"
  const endsWithTil = b.kind === 'range' && /^\s*$/.test(gap) && tilEnd.test(text.slice(b.index, b.end));
  const joint = connector.exec(gap);
  if (!joint && !endsWithTil) return undefined;
  if (betweenOnly.test(joint?.[1] ?? '') && !opening) return undefined;
  const days = endsWithTil ? between(settle(a, context)?.start, b.days?.end) : joinDays(a, b, context);
  if (!days) return undefined;
  return { index: opening ? opening.index : a.index, end: b.end, kind: 'range', days };
}

/** The span from the start of `a` to the end of `b`, settling the years of yearless ends together. */
function joinDays(a: Candidate, b: Candidate, context: Context): Days | undefined {
  const aInYear = a.inYear;
  const bInYear = b.inYear;
  if (aInYear && bInYear) {
    // "fra 1. december til 15. januar": the end falls in the year after the start
    const inYear = (year: number): Days | undefined => {
      const start = aInYear(year);
      const end = bInYear(year);
      if (!start || !end) return undefined;
      if (end.end >= start.start) return { start: start.start, end: end.end };
      const later = bInYear(year + 1);
      return later && { start: start.start, end: later.end };
    };
    return settle({ kind: 'range', inYear }, context);
  }
  if (b.days && aInYear) {
    const end = b.days.end;
    const endYear = civil(end).year;
    const inEndYear = aInYear(endYear);
    const fitted = inEndYear === undefined || inEndYear.start > end ? aInYear(endYear - 1) : inEndYear;
    return fitted && between(fitted.start, end);
  }
  const start = settle(a, context);
  if (!start) return undefined;
  const startYear = civil(start.start).year;
  let end = b.days ?? bInYear?.(startYear);
  if (bInYear && (end === undefined || end.end < start.start)) end = bInYear(startYear + 1);
  return end && between(start.start, end.end);
}
