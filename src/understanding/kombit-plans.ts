import type { Knowledge } from '../knowledge/registry.js';
import { queryWords } from './query-words.js';
import { keyOfPassage } from './reading-groups.js';
import type { FactSearch } from './search/fact-search.js';
import type { Topic } from '../knowledge/schemas/topics.js';
import type { Entities, Understanding } from './types.js';

/*
 * "hvad gør KOMBIT nu?", "what is KOMBIT going to do next for SAPA?", "kombit next step sapa":
 * what KOMBIT itself does next, which a slide of the material lists ("Next step for KOMBIT"),
 * and "what does KOMBIT do in relation to SKI 02.19?", which a slide gives KOMBIT's role in.
 * The words alone read as KOMBIT's contacts, the next meeting, the rollout or a deadline.
 */

const kombitWord = /^(kombit|kombits)$/;
// … beside a word of what comes next and one of doing, within a few words of KOMBIT
const nextWord =
  /^(naeste|next|videre|fremover|herefter|efterfoelgende|kommende|upcoming|nu|now|skal|will|going|plan|planer|planen|plans|planned|planning)$/;
const doWord =
  /^(goer|goere|gore|lave|laver|do|doing|going|arbejder|work|working|skridt|step|steps|sker|happen\w*|hjaelpe|help|helping)$/;
const reach = 3;
const askerWord = /^(jeg|vi|we)$/;
// (KOMBIT's next steps for the role gallery are the gallery's slide; a meeting, a date or a role asked is another question)
const elsewhere =
  /^(rollegalleri\w*|roller|rollerne|roles?|moede\w*|meetings?|hvornaar|when|deadline\w*|frist\w*|hvem|who)$/;
const nextStepTitle = /next steps?|næste skridt/i;

/** The answer of a slide, as a reading of the question. */
function slideReading(search: FactSearch, id: string, resolved: Understanding): Understanding | undefined {
  const passages = search.passagesOf('topics', id);
  if (passages.length === 0) return undefined;
  return {
    intent: 'fact',
    confidence: 0.8,
    entities: { ...resolved.entities, passages: passages.map(keyOfPassage) },
    language: resolved.language,
  };
}

/**
 * What KOMBIT itself does: next (the slide of its next steps, where the question names nothing
 * of another slide), or about a thing a slide gives KOMBIT's role in ("what does KOMBIT do in
 * relation to SKI 02.19?": "KOMBITs rolle ift. SKI 02.19").
 */
export function kombitsPart(
  knowledge: Knowledge,
  search: FactSearch,
  tokens: string[],
  resolved: Understanding,
): Understanding | undefined {
  const at = tokens.findIndex((token) => kombitWord.test(token));
  if (at < 0) return undefined;
  // (KOMBIT must be who does it: "hvad skal vi gøre for KOMBIT?", "hvad anbefaler KOMBIT at vi gør?" are the asker's doing)
  const askersDoing = (index: number) =>
    askerWord.test(tokens[index]!) &&
    tokens.slice(Math.max(0, index - 1), index + 3).some((token) => doWord.test(token));
  if (tokens.some((_, index) => askersDoing(index))) return undefined;
  const near = tokens.slice(Math.max(0, at - reach), at + reach + 1);
  if (!near.some((token) => doWord.test(token))) return undefined;
  if (!near.some((token) => nextWord.test(token))) return roleInAThing(knowledge, search, tokens, resolved);
  // (by a day or a limit, what is due is the timeline's: "hvad skal KOMBIT gøre inden 1. november?")
  const { dates, upTo } = resolved.entities;
  if (tokens.some((token) => elsewhere.test(token)) || upTo || (dates && dates.start === dates.end)) return undefined;
  const slide = knowledge.topics.find((topic) => nextStepTitle.test(topic.title) && /kombit/i.test(topic.title));
  // (what KOMBIT does next about BBR is no point of the slide's: it names only what the slide is about)
  if (!slide || !namesOnlyWhatItIsAbout(knowledge, search, resolved.entities, slide)) return undefined;
  return slideReading(search, slide.id, resolved);
}

/**
 * Whether the question names no system the slide is not about: its related records, or one its
 * points name ("KMD"; a task is of its systems).
 */
function namesOnlyWhatItIsAbout(knowledge: Knowledge, search: FactSearch, entities: Entities, slide: Topic): boolean {
  const { steps, roles, deadlines, municipalities, eventKinds } = entities;
  if (steps.length + roles.length + deadlines.length + municipalities.length + eventKinds.length > 0) return false;
  const related = (slide.related ?? {}) as Partial<Record<string, string[]>>;
  const text = search
    .passagesOf('topics', slide.id)
    .map((passage) => passage.text.toLowerCase())
    .join(' ');
  const about = (kind: 'itSystems' | 'interfaces' | 'supportSystems' | 'strategies', ids: string[]) =>
    ids.every((id) => {
      const records: { id: string; name?: string; title?: string }[] = knowledge[kind];
      const name = records.find((record) => record.id === id);
      const said = (name?.name ?? name?.title ?? '').toLowerCase();
      return related[kind]?.includes(id) || (said.length > 0 && text.includes(said.split(' ')[0]!));
    });
  return (
    about('itSystems', entities.itSystems) &&
    about('interfaces', entities.interfaces) &&
    about('supportSystems', entities.supportSystems) &&
    // (a strategy is one of its support system's: the slide about Organisation is about its strategies)
    entities.strategies.every((id) => {
      const own = knowledge.strategies.find((strategy) => strategy.id === id)?.supportSystem;
      return about('strategies', [id]) || (own !== undefined && related.supportSystems?.includes(own));
    })
  );
}

// "KOMBITs rolle ift. SKI 02.19": the thing is what the title names after "ift."
const roleTitle = /kombits?\s+rolle\s+(?:ift\.?|i forhold til)\s+(.+)$/iu;

/** The slide of KOMBIT's role in a thing the question names, where there is one. */
function roleInAThing(
  knowledge: Knowledge,
  search: FactSearch,
  tokens: string[],
  resolved: Understanding,
): Understanding | undefined {
  const said = new Set(tokens);
  const slide = knowledge.topics.find((topic) => {
    const thing = roleTitle.exec(topic.title)?.[1];
    const words = thing ? queryWords(thing).tokens : [];
    return words.length > 0 && words.every((word) => said.has(word));
  });
  return slide && slideReading(search, slide.id, resolved);
}
