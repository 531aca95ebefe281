import { z } from 'zod';
import { dataFile, recordId, source } from '../common.js';
import type { DataProblem } from '../problems.js';

const FILE = 'glossary.json';

/**
 * A word of the programme and what it means ("STS", "udgår", "Monopolbruddet"), for the
 * newcomer's first question: "hvad er STS for noget?". The meaning is klikbot's explanation in
 * plain words, drawn from the material and cited as such; the records of the other files stay
 * the fuller story. Words whose meaning the material never gives ("TAC") are left out.
 */
export const record = z
  .strictObject({
    id: recordId,
    /** The word as the programme writes it. */
    term: z.string().min(1),
    /** Other ways of writing or saying it ("monopolbruddet", "Serviceplatformen"). */
    aliases: z.array(z.string().min(1)).optional(),
    /**
     * What the letters stand for, where the material says it ("Støttesystemerne"): "hvad står STS
     * for?" is answered only then, and the meaning says it too.
     */
    expansion: z.string().min(1).optional(),
    /** What it means, in Danish: one to three sentences, saying only what the material says or shows. */
    meaning: z.string().min(1),
    /** The same in English, for a question asked in English. */
    meaningEn: z.string().min(1),
    /** For operators (English): what in the material the explanation rests on. */
    notes: z.array(z.string().min(1)).optional(),
    source,
  })
  .refine((entry) => entry.expansion === undefined || entry.meaning.includes(entry.expansion), {
    path: ['meaning'],
    message: 'must say the expansion too',
  });
export type GlossaryEntry = z.infer<typeof record>;

/** The file glossary.json. */
export const file = dataFile(record);

/** No word explained twice: a question names one meaning. */
export function references(knowledge: { glossary: GlossaryEntry[] }): DataProblem[] {
  const problems: DataProblem[] = [];
  const seen = new Map<string, string>();
  for (const entry of knowledge.glossary) {
    [entry.term, ...(entry.aliases ?? [])].forEach((name, index) => {
      const key = name.toLocaleLowerCase('da');
      const other = seen.get(key);
      if (other !== undefined && other !== entry.id)
        problems.push({
          file: FILE,
          record: entry.id,
          field: index === 0 ? 'term' : `aliases.${index - 1}`,
          message: `"${name}" is already explained by "${other}"`,
        });
      seen.set(key, entry.id);
    });
  }
  return problems;
}
