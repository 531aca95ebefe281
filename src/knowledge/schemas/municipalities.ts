import { z } from 'zod';
import { dataFile, recordId, source } from '../common.js';
import type { DataProblem } from '../problems.js';

const FILE = 'municipalities.json';

/** Denmark has had 98 municipalities since the 2007 reform; the seed's SAPA plan lists all of them. */
export const MUNICIPALITY_COUNT = 98;

/** The five Danish regions. */
export const region = z.enum([
  'Region Hovedstaden',
  'Region Sjælland',
  'Region Syddanmark',
  'Region Midtjylland',
  'Region Nordjylland',
]);
export type Region = z.infer<typeof region>;

/** A Danish municipality (kommune). */
export const record = z.object({
  id: recordId,
  /** The official name, e.g. "Københavns Kommune", "Bornholms Regionskommune". */
  name: z.string().min(1),
  /** The everyday short name, e.g. "København". */
  shortName: z.string().min(1),
  /** Other spellings a user may write, e.g. "Århus", "Høje-Tåstrup". */
  aliases: z.array(z.string().min(1)),
  region,
  /** The seed never names regions: they are general knowledge, marked so. */
  regionSource: z.enum(['seed', 'common-knowledge']),
  source,
});
export type Municipality = z.infer<typeof record>;

/** The file municipalities.json. */
export const file = dataFile(record);

/**
 * Folds the spellings a Dane may type into one key: case, "æ/ø/å" vs "ae/oe/aa",
 * hyphens vs spaces. Used to find names and to refuse names that two records share.
 */
export function nameKey(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replaceAll('æ', 'ae')
    .replaceAll('ø', 'oe')
    .replaceAll('å', 'aa')
    .replace(/[\s\-–]+/g, ' ')
    .trim();
}

/** Every name a municipality answers to: official, short and aliases. */
export function namesOf(municipality: Municipality): string[] {
  return [municipality.name, municipality.shortName, ...municipality.aliases];
}

function namedFields(municipality: Municipality): [string, string][] {
  return [
    ['name', municipality.name],
    ['shortName', municipality.shortName],
    ...municipality.aliases.map((alias, index): [string, string] => [`aliases.${index}`, alias]),
  ];
}

/** The file holds all 98 municipalities, and no name or alias points at two of them. */
export function references(knowledge: { municipalities: Municipality[] }): DataProblem[] {
  const problems: DataProblem[] = [];
  const count = knowledge.municipalities.length;
  if (count !== MUNICIPALITY_COUNT) {
    problems.push({
      file: FILE,
      field: 'records',
      message: `must list all ${MUNICIPALITY_COUNT} municipalities, lists ${count}`,
    });
  }
  const owner = new Map<string, string>();
  for (const municipality of knowledge.municipalities) {
    for (const [field, name] of namedFields(municipality)) {
      const key = nameKey(name);
      const other = owner.get(key);
      if (other === undefined) owner.set(key, municipality.id);
      else if (other !== municipality.id) {
        problems.push({
          file: FILE,
          record: municipality.id,
          field,
          message: `"${name}" is also a name of "${other}"`,
        });
      }
    }
  }
  return problems;
}
