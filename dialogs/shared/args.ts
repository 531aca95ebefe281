import { z } from 'zod';
import { isoDate } from '../../src/knowledge/common.js';

/** A comma-separated argument as a list of trimmed, non-empty values. */
export function listArg(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** A span argument pair, both YYYY-MM-DD real dates, start not after end. */
export const spanArgs = z
  .object({ start: isoDate, end: isoDate })
  .refine((span) => span.start <= span.end, { message: 'start must not be after end' });

/** An optional span: both ends or neither. */
export const optionalSpanArgs = z.union([
  spanArgs,
  z.object({ start: z.undefined().optional(), end: z.undefined().optional() }),
]);
