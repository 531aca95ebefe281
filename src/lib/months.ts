/** The months' names, January first, as Danish writes them (lower case) and as English does. */
export const DANISH_MONTHS: readonly string[] = [
  'januar',
  'februar',
  'marts',
  'april',
  'maj',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'december',
];

export const ENGLISH_MONTHS: readonly string[] = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** The Danish name of the month a lower-case word cuts short ("sept", "okt", "nov"), if it does. */
export function monthCutShort(word: string): string | undefined {
  if (word.length < 3) return undefined;
  const index = [DANISH_MONTHS, ENGLISH_MONTHS].map((months) =>
    months.findIndex((month) => month.length > word.length && month.toLowerCase().startsWith(word)),
  );
  const found = index.find((one) => one >= 0);
  return found === undefined ? undefined : DANISH_MONTHS[found];
}
