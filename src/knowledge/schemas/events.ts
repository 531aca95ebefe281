import { z } from 'zod';
import { clockTime, dataFile, datePrecision, isoDate, isoMonth, linkUrl, recordId, source } from '../common.js';
import type { DataProblem, IdRecords } from '../problems.js';

const FILE = 'events.json';

/** One occurrence of an event: a meeting, webinar or municipality day on one date. */
export const record = z
  .object({
    id: recordId,
    title: z.string().min(1),
    kind: z.enum(['kick-off', 'webinar', 'municipality-day', 'meeting', 'workshop']),
    /** YYYY-MM-DD, or YYYY-MM when `datePrecision` is "month". */
    date: z.union([isoDate, isoMonth]),
    datePrecision,
    start: clockTime.optional(),
    end: clockTime.optional(),
    /** The place as written, e.g. "Århus". */
    place: z.string().min(1).optional(),
    /** The municipality the place lies in, an id in municipalities.json. */
    placeMunicipality: recordId.optional(),
    /** True when the seed calls the date preliminary ("foreløbige datoer"). */
    preliminary: z.boolean(),
    audience: z.string().min(1).optional(),
    /** What happens there, as the seed says it. */
    details: z.array(z.string().min(1)).optional(),
    link: linkUrl.optional(),
    note: z.string().min(1).optional(),
    source,
  })
  .superRefine((event, context) => {
    const monthOnly = /^\d{4}-\d{2}$/.test(event.date);
    if (monthOnly !== (event.datePrecision === 'month')) {
      context.addIssue({
        code: 'custom',
        path: ['datePrecision'],
        message: 'must be "month" exactly when date is written YYYY-MM',
      });
    }
    if (event.start !== undefined && event.end !== undefined && event.end <= event.start) {
      context.addIssue({
        code: 'custom',
        path: ['end'],
        message: `ends (${event.end}) before it starts (${event.start})`,
      });
    }
  });
export type KlikEvent = z.infer<typeof record>;

/** The file events.json. */
export const file = dataFile(record);

/** Cross-references from events.json: a place's municipality exists. */
export function references(knowledge: { events: KlikEvent[]; municipalities: IdRecords }): DataProblem[] {
  const known = new Set(knowledge.municipalities.map((municipality) => municipality.id));
  return knowledge.events
    .filter((event) => event.placeMunicipality !== undefined && !known.has(event.placeMunicipality))
    .map((event) => ({
      file: FILE,
      record: event.id,
      field: 'placeMunicipality',
      message: `names municipality "${event.placeMunicipality}", which is not in municipalities.json`,
    }));
}
