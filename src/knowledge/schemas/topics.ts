import { z } from 'zod';
import { dataFile, englishLines, linkUrl, recordId, sameLength, source } from '../common.js';
import type { DataProblem, IdRecords } from '../problems.js';

const FILE = 'topics.json';

/** The topic that describes the implementation overview itself (what it shows, how often it is updated). */
export const IMPLEMENTATION_OVERVIEW_TOPIC = 'implementeringsoverblikket';

/** The kinds a topic may point to, named as the knowledge base names them, with their files. */
const relatedFiles = {
  tasks: 'tasks.json',
  deadlines: 'deadlines.json',
  roles: 'roles.json',
  meetings: 'meetings.json',
  interfaces: 'interfaces.json',
  itSystems: 'it-systems.json',
  supportSystems: 'support-systems.json',
  municipalities: 'municipalities.json',
  pilots: 'pilots.json',
  strategies: 'strategies.json',
  events: 'events.json',
  news: 'news.json',
  contacts: 'contacts.json',
  topics: 'topics.json',
} as const;
type RelatedKind = keyof typeof relatedFiles;
export const relatedKinds = Object.keys(relatedFiles) as RelatedKind[];

const ids = z.array(recordId).min(1);

/** Records of other files the topic is about, by kind: `{ "supportSystems": ["adgangsstyring"] }`. */
export const related = z.strictObject(
  Object.fromEntries(relatedKinds.map((kind) => [kind, ids.optional()])) as Record<
    RelatedKind,
    z.ZodOptional<typeof ids>
  >,
);

/**
 * A question the slide poses ("Hvad gør støttesystemet Organisation?") and the record that
 * answers it, as "kind/id" ("supportSystems/organisation"): people ask the slide's questions.
 */
export const topicAnswer = z.strictObject({
  question: z.string().min(1),
  answeredIn: z.string().regex(/^[a-zA-Z]+\/[a-z0-9]+(?:-[a-z0-9]+)*$/),
});

/** A link on the slide, shown with a label. */
export const topicLink = z.strictObject({ label: z.string().min(1), url: linkUrl });

/**
 * General slide content (an "emne"): one slide or slide section that no other file holds, at
 * the level a person asks about ("KOMBITs rolle ift. SKI 02.19", "Next step for KOMBIT").
 */
export const record = z
  .strictObject({
    id: recordId,
    /** The slide's own heading, in Danish as written. */
    title: z.string().min(1),
    /** Other ways people name it; the bot matches questions against title and aliases. */
    aliases: z.array(z.string().min(1)).optional(),
    /** A sentence that stands above the bullets on the slide, in the seed's words. */
    summary: z.string().min(1).optional(),
    /** The same sentence in English. */
    summaryEn: z.string().min(1).optional(),
    /** The slide's bullets, one per bullet, in the seed's Danish words. */
    points: z.array(z.string().min(1)),
    /** The same bullets in English, one for one, for a question asked in English. */
    pointsEn: englishLines,
    /**
     * How often the thing is updated, in the slide's words and starting with the verb
     * ("Opdateres kvartalsvis"); also one of the points. Shown as "Overblikket opdateres kvartalsvis."
     */
    updateFrequency: z.string().min(1).optional(),
    links: z.array(topicLink).optional(),
    related: related.optional(),
    /** The slide's questions with the records that answer them; each question is one of the points. */
    answers: z.array(topicAnswer).optional(),
    /** For operators (English): where the slide is unclear and how it was read. */
    notes: z.array(z.string().min(1)).optional(),
    source,
  })
  .superRefine((topic, ctx) => {
    if (!sameLength('points', 'pointsEn')(topic))
      ctx.addIssue({ code: 'custom', path: ['pointsEn'], message: 'must have as many lines as points' });
    if (topic.points.length === 0 && topic.summary === undefined) {
      ctx.addIssue({ code: 'custom', path: ['points'], message: 'a topic needs at least one point or a summary' });
    }
    topic.answers?.forEach((answer, index) => {
      if (!topic.points.includes(answer.question))
        ctx.addIssue({
          code: 'custom',
          path: ['answers', index, 'question'],
          message: `must be one of the points, as on the slide ("${answer.question}" is not)`,
        });
    });
    if (topic.updateFrequency !== undefined && !topic.points.includes(topic.updateFrequency)) {
      ctx.addIssue({
        code: 'custom',
        path: ['updateFrequency'],
        message: `must also be one of the points, as on the slide ("${topic.updateFrequency}" is not)`,
      });
    }
  });
export type Topic = z.infer<typeof record>;

/** The file topics.json. */
export const file = dataFile(record);

/** The topic with this id, if the data has it. */
export function findTopic(knowledge: { topics: Topic[] }, id: string): Topic | undefined {
  return knowledge.topics.find((topic) => topic.id === id);
}

/**
 * Cross-references from topics.json: every related record exists in its file, once, and no
 * topic names itself. The knowledge base is handed in here, so each related kind must be one
 * of its kinds or this does not compile.
 */
export function references(knowledge: { topics: Topic[] } & Record<RelatedKind, IdRecords>): DataProblem[] {
  const problems: DataProblem[] = [];
  for (const topic of knowledge.topics) {
    for (const kind of relatedKinds) {
      const wanted = topic.related?.[kind] ?? [];
      const known = new Set(knowledge[kind].map((item) => item.id));
      const seen = new Set<string>();
      wanted.forEach((id, index) => {
        const field = `related.${kind}.${index}`;
        if (!known.has(id))
          problems.push({
            file: FILE,
            record: topic.id,
            field,
            message: `names "${id}", which is not in ${relatedFiles[kind]}`,
          });
        if (seen.has(id)) problems.push({ file: FILE, record: topic.id, field, message: `names "${id}" twice` });
        if (kind === 'topics' && id === topic.id)
          problems.push({ file: FILE, record: topic.id, field, message: 'a topic cannot be related to itself' });
        seen.add(id);
      });
    }
    topic.answers?.forEach((answer, index) => {
      const [kind = '', id = ''] = answer.answeredIn.split('/');
      const records = (relatedKinds as string[]).includes(kind)
        ? (knowledge[kind as RelatedKind] as { id: string }[])
        : undefined;
      if (!records?.some((item) => item.id === id))
        problems.push({
          file: FILE,
          record: topic.id,
          field: `answers.${index}.answeredIn`,
          message: `names "${answer.answeredIn}", which is no record of the knowledge`,
        });
    });
  }
  return problems;
}
