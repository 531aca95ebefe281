import type { DateTime } from 'luxon';
import { ZONE } from '../clock.js';

/** What a poll sentence may say about how the poll works; unset means the default. */
export interface PollFlags {
  multiple?: boolean;
  anonymous?: boolean;
  live?: boolean;
  /** When it closes, as an ISO instant. */
  closesAt?: string;
  /** The person asked for the form ("indstillinger", "formular"). */
  form?: boolean;
}

/** What is wrong with a flag: a closing time that has passed, cannot be read, or flags that contradict each other. */
export type FlagProblem = 'closes-past' | 'closes-unreadable' | 'closes-too-late' | 'contradiction';

/** The longest a poll can stay open when given a closing time: one day. */
export const MAX_OPEN_MINUTES = 24 * 60;

// Letters on either side would make a flag part of another word ("live" in "delivery").
const edge = (body: string) => new RegExp(`(?<![\\p{L}\\d])(?:${body})(?![\\p{L}\\d])`, 'giu');

type Setter = { pattern: RegExp; set: (flags: PollFlags) => void };

// Longer phrases first: "ikke anonym" must be read before "anonym".
const setters: Setter[] = [
  {
    pattern: edge('ikke anonym|not anonymous|navngiven|navngivet|med navn|named|non-anonymous'),
    set: (f) => (f.anonymous = false),
  },
  { pattern: edge('anonym|anonymous'), set: (f) => (f.anonymous = true) },
  { pattern: edge('flere valg|flere svar|flervalg|multiple choice|multiple|multi'), set: (f) => (f.multiple = true) },
  { pattern: edge('ét valg|et valg|eet valg|enkelt valg|single choice|single'), set: (f) => (f.multiple = false) },
  {
    pattern: edge(
      'vis resultatet løbende|vis resultat løbende|vis resultatet|vis resultat|løbende resultat|løbende|live|show results',
    ),
    set: (f) => (f.live = true),
  },
  {
    pattern: edge('skjult resultat|skjul resultatet|skjul resultat|skjult|hidden|hide results'),
    set: (f) => (f.live = false),
  },
  {
    pattern: edge('med formular|formular|med indstillinger|indstillinger|with settings|settings|form'),
    set: (f) => (f.form = true),
  },
];

const closesAtPattern = edge('(?:lukker|luk|closes|close)?\\s*(?:kl\\.?|klokken|at)\\s*(\\d{1,2})(?:[.:](\\d{2}))?');
const closesInPattern = edge(
  '(?:lukker|luk|closes|close)?\\s*(?:om|in|efter|after)\\s*(\\d{1,4})\\s*(minutter|minutes|minut|minute|mins|min|m|timer|time|hours|hour|t|h)',
);

// What may stand between flags: separators and small words.
const fillerPattern = edge('og|and|med|with|resultater|results');
const separators = /[\s,;:.()[\]·/&+-]+/gu;

/** Reads a closing time ("lukker kl. 11.30", "lukker om 10 min"), removing it from the text. */
function readClosing(text: string, now: DateTime): { rest: string; closesAt?: string; problem?: FlagProblem } {
  let problem: FlagProblem | undefined;
  let closesAt: string | undefined;
  const local = now.setZone(ZONE);
  let rest = text.replace(closesAtPattern, (_match, hour: string, minute: string | undefined) => {
    const at = local.set({ hour: Number(hour), minute: Number(minute ?? 0), second: 0, millisecond: 0 });
    if (Number(hour) > 23 || Number(minute ?? 0) > 59 || !at.isValid) problem = 'closes-unreadable';
    else if (at <= local) problem = 'closes-past';
    else closesAt = at.toISO() ?? undefined;
    return ' ';
  });
  rest = rest.replace(closesInPattern, (_match, count: string, unit: string) => {
    const minutes = /^(t|h|time|timer|hour|hours)$/i.test(unit) ? Number(count) * 60 : Number(count);
    if (minutes < 1) problem = 'closes-unreadable';
    else if (minutes > MAX_OPEN_MINUTES) problem = 'closes-too-late';
    else closesAt = local.plus({ minutes }).set({ second: 0, millisecond: 0 }).toISO() ?? undefined;
    return ' ';
  });
  return { rest, ...(closesAt !== undefined ? { closesAt } : {}), ...(problem ? { problem } : {}) };
}

/** The flags read from a piece of text, what is left of it once they are taken out, and any problem. */
export interface ReadFlags {
  flags: PollFlags;
  /** The text without the flags, separators and small words: empty when it held nothing else. */
  rest: string;
  problem?: FlagProblem;
}

/**
 * Reads the flags in a piece of a poll sentence: "flere valg", "navngiven" / "ikke anonym",
 * "anonym", "vis resultat" / "live", "skjult", "lukker kl. 11.30", "lukker om 10 min" (and
 * the English words), "indstillinger" / "formular" for the form. Times are Copenhagen time;
 * a clock time must be later today.
 */
export function readFlags(text: string, now: DateTime): ReadFlags {
  const closing = readClosing(text, now);
  const flags: PollFlags = closing.closesAt !== undefined ? { closesAt: closing.closesAt } : {};
  let contradiction = false;
  let rest = closing.rest;
  for (const { pattern, set } of setters) {
    rest = rest.replace(pattern, () => {
      const before = { ...flags };
      set(flags);
      // the same flag set both ways ("anonym, navngiven") is no choice at all
      if (
        (before.anonymous !== undefined && before.anonymous !== flags.anonymous) ||
        (before.multiple !== undefined && before.multiple !== flags.multiple) ||
        (before.live !== undefined && before.live !== flags.live)
      ) {
        contradiction = true;
      }
      return ' ';
    });
  }
  rest = rest.replace(fillerPattern, ' ').replace(separators, ' ').trim();
  const problem = closing.problem ?? (contradiction ? 'contradiction' : undefined);
  return { flags, rest, ...(problem ? { problem } : {}) };
}
