import { z } from 'zod';
import { dataFile, linkUrl, recordId, source } from '../common.js';
import type { DataProblem } from '../problems.js';

/** A mailbox or a person to write to, with what the seed says to write about. */
export const emailContact = z.object({
  id: recordId,
  kind: z.literal('email'),
  email: z.email(),
  /** The person behind the address, when the seed names one. */
  person: z.string().min(1).optional(),
  /** A phone number as written, "2327 5876". */
  phone: z
    .string()
    .regex(/^\d{4} \d{4}$/, 'must be a Danish phone number written "1234 5678"')
    .optional(),
  organisation: z.string().min(1),
  purposes: z.array(z.string().min(1)).min(1),
  /** A subject line the seed asks for, e.g. "programledermøde september". */
  subject: z.string().min(1).optional(),
  /** For operators (English): how the seed gives the address, where that is worth knowing. */
  note: z.string().min(1).optional(),
  source,
});
export type EmailContact = z.infer<typeof emailContact>;

/** A web address the seed points to. */
export const webContact = z.object({
  id: recordId,
  kind: z.literal('web'),
  /** How the slide writes it, e.g. "Kombit.dk/programlederindsats". */
  display: z.string().min(1),
  url: linkUrl,
  organisation: z.string().min(1),
  purposes: z.array(z.string().min(1)).min(1),
  source,
});
export type WebContact = z.infer<typeof webContact>;

/** A record of contacts.json. */
export const record = z.discriminatedUnion('kind', [emailContact, webContact]);
export type Contact = z.infer<typeof record>;

/** The file contacts.json. */
export const file = dataFile(record);

/** contacts.json refers to no other file. */
export function references(_knowledge: unknown): DataProblem[] {
  return [];
}
