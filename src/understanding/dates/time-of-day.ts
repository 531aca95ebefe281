import { B0, B1 } from './words.js';

/** A time of day in the text, "09:30", and where it stands. */
export interface FoundTime {
  time: string;
  index: number;
  end: number;
}

// "kl. 9", "kl 9.30", "klokken 14", "kl. 09:00"; a bare "14:30" too. "kl." alone is no time.
const timePattern = new RegExp(
  `${B0}(?:(?:kl\\.?|klokken)\\s*(\\d{1,2})(?:[.:](\\d{2}))?|(\\d{1,2}):(\\d{2}))${B1}(?![.:]\\d)`,
  'giu',
);

/** Every time of day in the text, in order. */
export function findTimes(text: string): FoundTime[] {
  const found: FoundTime[] = [];
  timePattern.lastIndex = 0;
  for (let match = timePattern.exec(text); match; match = timePattern.exec(text)) {
    const hour = Number(match[1] ?? match[3]);
    const minute = Number(match[2] ?? match[4] ?? '0');
    if (hour > 23 || minute > 59) continue;
    const time = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
    found.push({ time, index: match.index, end: match.index + match[0].length });
  }
  return found;
}
