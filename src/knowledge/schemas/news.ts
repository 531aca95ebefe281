import { z } from 'zod';
import {
  dataFile,
  englishLines,
  isoDate,
  isoMonth,
  linkUrl,
  recordId,
  sameLength,
  sameLengthMessage,
  source,
} from '../common.js';
import type { DataProblem, IdRecords } from '../problems.js';

const FILE = 'news.json';

/** A date a news item names: when something happens ("on") or the day it must be done before. */
export const newsDate = z.object({
  date: z.union([isoDate, isoMonth]),
  relation: z.enum(['on', 'before', 'during']),
  what: z.string().min(1),
});

/** A link shown with a news item. */
export const newsLink = z.object({ label: z.string().min(1), url: linkUrl });

/** One item of "KOMBIT-programleder NYT". */
export const record = z.object({
  id: recordId,
  title: z.string().min(1),
  /** The item's points, in the seed's words. */
  points: z.array(z.string().min(1)).min(1),
  /** The same points in English, one for one, for a question asked in English. */
  pointsEn: englishLines,
  dates: z.array(newsDate),
  links: z.array(newsLink),
  /** Ids in contacts.json, events.json, support-systems.json and it-systems.json. */
  contacts: z.array(recordId),
  events: z.array(recordId),
  supportSystems: z.array(recordId),
  itSystems: z.array(recordId),
  source,
});
export type NewsItem = z.infer<typeof record>;

/** The file news.json. */
export const file = dataFile(
  record.refine(sameLength('points', 'pointsEn'), { ...sameLengthMessage('points'), path: ['pointsEn'] }),
);

type Target = 'contacts' | 'events' | 'supportSystems' | 'itSystems';
const targetFiles: Record<Target, string> = {
  contacts: 'contacts.json',
  events: 'events.json',
  supportSystems: 'support-systems.json',
  itSystems: 'it-systems.json',
};

/** Cross-references from news.json: every contact, event and system it names exists. */
export function references(knowledge: { news: NewsItem[] } & Record<Target, IdRecords>): DataProblem[] {
  const problems: DataProblem[] = [];
  for (const target of Object.keys(targetFiles) as Target[]) {
    const known = new Set(knowledge[target].map((item) => item.id));
    for (const item of knowledge.news) {
      item[target].forEach((id, index) => {
        if (!known.has(id)) {
          problems.push({
            file: FILE,
            record: item.id,
            field: `${target}.${index}`,
            message: `names "${id}", which is not in ${targetFiles[target]}`,
          });
        }
      });
    }
  }
  return problems;
}
