import { DateTime } from 'luxon';
import { z } from 'zod';

/** A stable record id: lower-case words joined by hyphens ("udpeg-fk-adm-og-fk-ansv"). */
export const recordId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case letters, digits and hyphens, e.g. "bbr-adgangsstyring"');

/** A calendar date in Denmark, written YYYY-MM-DD. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine((text) => DateTime.fromISO(text).isValid, 'is not a real calendar date');

/**
 * A web address as the data stores it: absolute and percent-encoded, so it can be shown and
 * clicked as it is. A raw space (the slides' "Implementering  monopolbruddet") is written %20.
 */
export const linkUrl = z.url().refine((text) => !/\s/.test(text), 'must be percent-encoded: write each space as %20');

/** A clock time written as on the slides, "10.05". */
export const clockTime = z.string().regex(/^([01]\d|2[0-3])\.[0-5]\d$/, 'must be a time written HH.MM, e.g. "10.05"');

/** Where a fact comes from in the seed, and as of when it was true. */
export const source = z.object({
  /** The part of the seed, e.g. "Programledermøde september 2018, Status på BBR på Adgangsstyring". */
  section: z.string().min(1),
  /** The as-of date of the fact, e.g. 2018-09-04 for the KLIK extract. */
  asOf: isoDate,
  /** How to cite it to a user, e.g. "KLIK-udtræk 4. september 2018". */
  label: z.string().min(1),
});
export type Source = z.infer<typeof source>;

/** Every data file has the same envelope: what it holds, then its records. */
export function dataFile<T extends z.ZodType>(record: T) {
  return z.object({
    about: z.string().min(1),
    records: z.array(record),
  });
}

/** A calendar month in Denmark, written YYYY-MM: for facts the seed dates to a month only. */
export const isoMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month written YYYY-MM');

/** How exact a date is: a day (YYYY-MM-DD) or only a month (YYYY-MM). */
export const datePrecision = z.enum(['day', 'month']);
export type DatePrecision = z.infer<typeof datePrecision>;

/** The same lines in English, one for one, for a question asked in English (the Danish stays the material's words). */
export const englishLines = z.array(z.string().min(1)).optional();
/** Where a list has its English beside it, the two must say the same number of things. */
export function sameLength(danish: string, english: string) {
  return <T extends Record<string, unknown>>(record: T) => {
    const lines = record[english];
    return lines === undefined || (Array.isArray(lines) && lines.length === (record[danish] as unknown[]).length);
  };
}
export const sameLengthMessage = (danish: string) => ({ message: `must have as many lines as ${danish}` });
