// Regex pieces and word readers shared by the date rules. JavaScript's \b knows only ASCII,
// so word edges are written as look-arounds on letters and digits (æ, ø and å included).

/** Start of a word: no letter or digit just before. */
export const B0 = '(?<![\\p{L}\\p{N}])';
/** End of a word: no letter or digit just after. */
export const B1 = '(?![\\p{L}\\p{N}])';

/** "næste", also typed "naeste", "naste", "neste" or "nste". */
export const NEXT = 'n(?:æ|ae|a|e)?ste';
/** "måned", also typed "maaned", "maned" or "mned". */
export const MONTH_WORD = 'm(?:å|aa|a)?ned';
/** "år", also typed "aar" or "ar" (only ever used after a cue word). */
export const YEAR_WORD = '(?:å|aa|a)r';

/** A month name or abbreviation: the stem and the rest of the word, two groups for readMonth. */
export const MONTH = '(jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|oct|nov|dec)(\\p{L}*)';
/** An optional four-digit year after a month ("november 2018", "nov. 2018"), one group. */
export const OPTIONAL_YEAR = `(?:\\.?\\s*,?\\s*(\\d{4})${B1})?`;

const monthNames: readonly (readonly [string, number])[] = [
  ['januar', 1],
  ['january', 1],
  ['februar', 2],
  ['february', 2],
  ['marts', 3],
  ['march', 3],
  ['april', 4],
  ['maj', 5],
  ['juni', 6],
  ['june', 6],
  ['juli', 7],
  ['july', 7],
  ['august', 8],
  ['september', 9],
  ['oktober', 10],
  ['october', 10],
  ['november', 11],
  ['december', 12],
];
const exactNames = new Map(monthNames);
const abbreviations = new Map<string, number>([
  ['jan', 1],
  ['feb', 2],
  ['mar', 3],
  ['apr', 4],
  ['jun', 6],
  ['jul', 7],
  ['aug', 8],
  ['sep', 9],
  ['sept', 9],
  ['okt', 10],
  ['oct', 10],
  ['nov', 11],
  ['dec', 12],
]);

/** A month read from a word, and whether the word was only an abbreviation ("dec"). */
export interface MonthWord {
  month: number;
  abbreviated: boolean;
}

/**
 * The month a word names, allowing a typo or two in long names ("novmber", "septemper").
 * Short names must be exact: "juli" one letter off is "juni".
 */
export function readMonth(stem: string, rest: string): MonthWord | undefined {
  const word = (stem + rest).toLowerCase();
  const abbreviated = abbreviations.get(word);
  if (abbreviated !== undefined) return { month: abbreviated, abbreviated: true };
  const named = exactNames.get(word);
  if (named !== undefined) return { month: named, abbreviated: false };
  for (const [name, month] of monthNames) {
    if (!name.startsWith(word.slice(0, 3))) continue;
    const allowed = name.length >= 8 ? 2 : name.length >= 5 ? 1 : 0;
    if (editDistance(word, name, allowed) <= allowed) return { month, abbreviated: false };
  }
  return undefined;
}

/** Edit distance counting a swap of two neighbours as one edit; gives up above `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, (before[j - 2] ?? 0) + 1);
      current.push(best);
    }
    before = previous;
    previous = current;
  }
  return previous[b.length] ?? limit + 1;
}

const numberWords = new Map<string, number>([
  ['en', 1],
  ['et', 1],
  ['én', 1],
  ['een', 1],
  ['et par', 2],
  ['to', 2],
  ['tre', 3],
  ['fire', 4],
  ['fem', 5],
  ['seks', 6],
  ['syv', 7],
  ['otte', 8],
  ['ni', 9],
  ['ti', 10],
  ['elleve', 11],
  ['tolv', 12],
  ['tretten', 13],
  ['fjorten', 14],
  ['femten', 15],
  ['seksten', 16],
  ['sytten', 17],
  ['atten', 18],
  ['nitten', 19],
  ['tyve', 20],
]);

/** A count in digits or Danish words one to twenty ("et par" is two), one group. */
export const COUNT = `(\\d{1,3}|et\\s+par|${[...numberWords.keys()].filter((w) => w !== 'et par').join('|')})`;

/** The number a COUNT group holds. */
export function readCount(word: string): number | undefined {
  const lower = word.toLowerCase().replace(/\s+/g, ' ');
  return /^\d+$/.test(lower) ? Number(lower) : numberWords.get(lower);
}

/** A unit of time after a count: days, weeks, months or years ("14 dages tid"), one group. */
export const UNIT = `(dag(?:e|s)?|døgn|uge(?:r|s)?|${MONTH_WORD}(?:er|s)?|${YEAR_WORD}s?)(?:\\s+tid)?`;

/** The luxon duration unit a UNIT group names. */
export function readUnit(word: string): 'days' | 'weeks' | 'months' | 'years' {
  const lower = word.toLowerCase();
  if (lower.startsWith('dag') || lower === 'døgn') return 'days';
  if (lower.startsWith('uge')) return 'weeks';
  if (lower.startsWith('m')) return 'months';
  return 'years';
}

/** A Danish weekday name, also "lordag"/"loerdag" and "sondag"/"soendag", one group. */
export const WEEKDAY = '(mandag|tirsdag|onsdag|torsdag|fredag|l(?:ø|oe|o)rdag|s(?:ø|oe|o)ndag)';

const weekdayPrefixes = ['ma', 'ti', 'on', 'to', 'fr', 'l', 's'];

/** The ISO weekday number (Monday 1) a WEEKDAY group names. */
export function readWeekday(word: string): number {
  const lower = word.toLowerCase();
  return weekdayPrefixes.findIndex((prefix) => lower.startsWith(prefix)) + 1;
}
