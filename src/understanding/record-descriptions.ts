import type { Knowledge, KnowledgeKind } from '../knowledge/registry.js';
import type { DescribedSpan } from './described-things.js';
import type { EntityMatch } from './entity-index.js';
import type { EntityKind } from './entity-forms.js';
import { keyOfPassage, shortSlide } from './reading-groups.js';
import type { FactSearch } from './search/fact-search.js';
import { contentStems, isSearchStopword, queryTerms } from './search/terms.js';
import { editDistance } from './fuzzy.js';
import { queryWords } from './query-words.js';
import type { Understanding } from './types.js';

// "hvad er …", "hvad gør …", "what is …", "tell me about …": the whole thing asked about
const danishOpeners = new Set([
  'er',
  'var',
  'goer',
  'laver',
  'betyder',
  'bruges',
  'handler',
  'gaar',
  'menes',
  'forstaas',
  'daekker',
]);
const englishOpeners = new Set(['is', 's', 'are', 'does', 'do']);
const askingAlone = new Set([
  'fortael',
  'fortaelle',
  'forklar',
  'forklare',
  'beskriv',
  'beskrive',
  'tell',
  'explain',
  'describe',
]);
// "kan du …", "could you please …": how a request opens, before what is asked
const politeOpening = /^(kan|vil|gider|could|can|would|will|please|du|i|you|lige)$/;
// the rest of how such a question is put, and the kind of thing it names ("støttesystemet")
const frameWords =
  /^(hvad|what|tell|fortael|fortaelle|forklar|forklare|beskriv|beskrive|explain|describe|kan|vil|du|you|can|could|please|lige|er|var|goer|laver|betyder|bruges|handler|gaar|is|s|are|me|us|mig|os|about|om|lidt|egentlig|egentligt|noget|for|helt|kort|fortalt|ud|paa|til|do|does|mean|actually|exactly|really|it|the|det|den|der|dette|support|system|systemet|stoettesystem\w*|snitflade\w*|interface|it-system\w*|fagsystem\w*|slide\w*|sliden|siger|sagde|staar|stod|materialet|material|say|says|plancher\w*|menes|forstaas|daekker|over|med|ved|stand|meant|by)$/;

// the kind of thing asked about, which may itself be the word asked about ("hvad er støttesystemer?")
const kindNames = /^(stoettesystem\w*|snitflade\w*|it-system\w*|fagsystem\w*)$/;

// "piloterne", "kommunedagene": the things themselves rather than the word for them
const definitePlural = /\p{L}{3}(?:erne|ene)$/u;

// what a word asked about may be said of, or called ("en opgave udgår", "ordet udgår")
const wordOf = /^(opgave\w*|tasks?|ord|ordet|begreb\w*|udtryk\w*|word|term)$/;

// the kinds of named things whose record says what they are; roles, tasks and strategies have
// their own answers, and an interface is told by the systems that use it
const describedKinds: Partial<Record<EntityKind, KnowledgeKind>> = {
  supportSystem: 'supportSystems',
  itSystem: 'itSystems',
};
// fields that only name the record again
const namingOnly = /^(title|details)$/;

// … and those whose own answer says what they are ("what does strategy C mean?"), with the word for their kind
const ownAnswers: Partial<Record<EntityKind, Understanding['intent']>> = {
  strategy: 'strategy.describe',
  role: 'role.describe',
  task: 'task.describe',
};
const kindWord = /^(strategi\w*|strateg(?:y|ies)|rolle\w*|roles?|opgave\w*|tasks?)$/;

/** The describing intent of the one strategy, role or task whose name covers every word left. */
function ownAnswer(
  rest: { token: string; index: number }[],
  matches: EntityMatch[],
): Understanding['intent'] | undefined {
  const left = rest.filter(({ token }) => !kindWord.test(token));
  const fitting = matches.filter(
    (match) =>
      ownAnswers[match.kind] !== undefined &&
      match.certainty === 'named' &&
      left.every(({ index }) => index >= match.start && index < match.end),
  );
  const ids = new Set(fitting.map((match) => `${match.kind}/${match.id}`));
  return ids.size === 1 && left.length > 0 ? ownAnswers[fitting[0]!.kind] : undefined;
}

// "hvad siger materialet om Indekser?", "hvad står der om …": what the material says of it
const saysOf = new Set(['siger', 'sagde', 'stod']);

/** "hvad står KLIK for?", "what does SKI stand for?", "er det en forkortelse?" */
function asksWhatItStandsFor(tokens: string[]): boolean {
  const said = (word: string) => tokens.includes(word);
  return (
    (said('staar') && said('for')) ||
    (said('stand') && said('for')) ||
    (said('short') && said('for')) ||
    tokens.some((token) => /^(forkortelse\w*|abbreviation\w*|acronym\w*)$/.test(token))
  );
}

/** Whether a question asks what a thing is, whole ("hvad er …?", "what does … do?", "forklar …"). */
export function asksWhatItIs(words: string[]): boolean {
  const opening = words.findIndex((token) => !politeOpening.test(token));
  const tokens = opening > 0 ? words.slice(opening) : words;
  const [first, second] = tokens;
  if (first === undefined) return false;
  if (askingAlone.has(first)) return true;
  // ("hvad står der om …?", "hvad står IdP for?"; "hvad står vi på med BBR?" asks a status)
  if (first === 'hvad' && second === 'staar') return tokens[2] === 'der' || tokens.at(-1) === 'for';
  if (first === 'hvad') return second !== undefined && (danishOpeners.has(second) || saysOf.has(second));
  return first === 'what' && second !== undefined && englishOpeners.has(second);
}

/**
 * "hvad er Fordelingskomponenten?", "what does Organisation do?", "hvad er
 * implementeringsoverblikket egentlig for noget?": a thing of the programme asked about
 * whole, by its name and nothing else, is what the material says of it (a system's facts, a
 * slide's points), not one task or deadline that carries its name.
 */
// a description asked about whole gives way to an intent read this surely, and must fit this well
const WHOLE_OVER_INTENT = 0.7;
const WHOLE_FIT = 0.8;
// the kinds of records described whose passages say what they are (slides, news, systems)
const wholeKinds = new Set<KnowledgeKind>(['topics', 'news', 'supportSystems', 'itSystems']);

/** "hvad er det store skema over fagsystemer og snitflader?": the one record whose description says every word left. */
function describedWhole(
  rest: { index: number }[],
  spans: DescribedSpan[],
): { kind: KnowledgeKind; id: string } | undefined {
  const fitting = spans.filter(
    (span) =>
      wholeKinds.has(span.record.kind) &&
      span.score >= WHOLE_FIT &&
      rest.every(({ index }) => span.said.includes(index)),
  );
  return fitting.length === 1 ? { kind: fitting[0]!.record.kind, id: fitting[0]!.record.id } : undefined;
}

export class RecordDescriptions {
  /** Each slide's names (title and aliases), each as its search terms. */
  readonly #slideNames: { id: string; names: Set<string>[] }[];
  /** Each word of the glossary's names (the word and its other forms), the same way. */
  readonly #glossaryNames: { id: string; names: Set<string>[] }[];
  /** The words of the glossary whose explanation says what their letters stand for. */
  readonly #spelledOut: Set<string>;
  /** The strategies and recommendations, which the strategies' own answer shows. */
  readonly #shownStrategies: Set<string>;

  constructor(
    knowledge: Knowledge,
    private readonly search: FactSearch,
  ) {
    this.#shownStrategies = new Set(
      knowledge.strategies.filter((item) => item.kind !== 'compliance-model').map((item) => item.id),
    );
    const termsOf = (name: string) => new Set(queryTerms(queryWords(name).tokens, search.vocabulary).terms);
    this.#slideNames = knowledge.topics.map((topic) => ({
      id: topic.id,
      names: [topic.title, ...(topic.aliases ?? [])].map(termsOf),
    }));
    this.#glossaryNames = knowledge.glossary.map((entry) => ({
      id: entry.id,
      names: [entry.term, ...(entry.aliases ?? [])].map((name) => new Set(contentStems(name))),
    }));
    this.#spelledOut = new Set(
      knowledge.glossary.filter((entry) => /\bstår for\b/u.test(entry.meaning)).map((entry) => entry.id),
    );
  }

  /**
   * "what's the point of the compliance test?": a record of the strategies that is none of
   * them, which the strategies' answer does not show, is told by its own passages.
   */
  withoutItsDialog(resolved: Understanding): Understanding | undefined {
    const id = this.#unshownStrategy(resolved);
    return id === undefined ? undefined : this.#wholeRecord({ kind: 'strategies', id }, resolved);
  }

  /** The one record of the strategies named that the strategies' answer does not show, if so read. */
  #unshownStrategy(resolved: Understanding): string | undefined {
    if (resolved.intent !== 'strategy.describe') return undefined;
    const [id, ...others] = resolved.entities.strategies;
    return id === undefined || others.length > 0 || this.#shownStrategies.has(id) ? undefined : id;
  }

  described(
    tokens: string[],
    matches: EntityMatch[],
    resolved: Understanding,
    spans: DescribedSpan[] = [],
  ): Understanding | undefined {
    if (!asksWhatItIs(tokens)) return undefined;
    const rest = tokens
      .map((token, index) => ({ token, index }))
      .filter(({ token }) => !frameWords.test(token) && !isSearchStopword(token));
    const unsure = resolved.intent === 'unknown' || resolved.confidence < WHOLE_OVER_INTENT;
    if (rest.length === 0) {
      const kinds = tokens.filter((token) => kindNames.test(token));
      const word = kinds.length > 0 ? this.#explained(kinds) : undefined;
      return word ? this.#wholeRecord(word, resolved) : undefined;
    }
    // (where the intents did not read it: "what are the steps for BBR?" asks for its steps)
    // (and the compliance model asked about whole however it was read: the strategies do not show it)
    const own =
      resolved.intent === 'unknown' || this.#unshownStrategy(resolved) !== undefined
        ? ownAnswer(rest, matches)
        : undefined;
    if (own) {
      const read = { ...resolved, intent: own, confidence: Math.max(resolved.confidence, 0.9) };
      return this.withoutItsDialog(read) ?? read;
    }
    const said = rest.map(({ token }) => token);
    // a word of the programme ("STS", "udgår", "rollegalleriet") asked about by itself is
    // explained; "hvad er piloterne?" asks which they are, where an answer of its own reads that
    const which = !unsure && said.some((token) => definitePlural.test(token));
    const record =
      this.#namedRecord(rest, matches) ??
      this.#namedIn(this.#slideNames, 'topics', said) ??
      (which ? undefined : this.#explained(said)) ??
      (unsure ? describedWhole(rest, spans) : undefined);
    // "hvad står KLIK for?" asks for the words behind the letters, which the material never spells out
    if (record?.kind === 'glossary' && asksWhatItStandsFor(tokens) && !this.#spelledOut.has(record.id))
      return { ...resolved, intent: 'unknown', confidence: 1 };
    return record ? this.#wholeRecord(record, resolved) : undefined;
  }

  #wholeRecord(record: { kind: KnowledgeKind; id: string }, resolved: Understanding): Understanding | undefined {
    const passages = this.search
      .passagesOf(record.kind, record.id)
      .filter((passage) => !namingOnly.test(passage.field))
      .slice(0, shortSlide);
    // a system the material only names ("DAR") is better told by what it uses
    if (passages.length === 0) return undefined;
    return {
      intent: 'fact',
      confidence: 0.9,
      entities: { ...resolved.entities, passages: passages.map(keyOfPassage) },
      language: resolved.language,
    };
  }

  /** The one system whose name covers every word left. */
  #namedRecord(rest: { index: number }[], matches: EntityMatch[]): { kind: KnowledgeKind; id: string } | undefined {
    const fitting = matches.filter(
      (match) =>
        describedKinds[match.kind] !== undefined &&
        rest.every(({ index }) => index >= match.start && index < match.end),
    );
    const ids = new Set(fitting.map((match) => `${match.kind}/${match.id}`));
    if (ids.size !== 1) return undefined;
    const [match] = fitting;
    return { kind: describedKinds[match!.kind]!, id: match!.id };
  }

  /**
   * The one word of the glossary that the words left say, and nothing more, written as the
   * glossary writes it or a letter off ("monopolbrudet"): not the search's words, since the
   * glossary's are not the material's.
   */
  #explained(rest: string[]): { kind: KnowledgeKind; id: string } | undefined {
    const whole = this.#explainedAs(contentStems(rest.join(' ')));
    if (whole) return whole;
    // "hvad betyder det at en opgave udgår?", "hvad betyder ordet udgår?": what the word is said of
    const word = rest.filter((token) => !wordOf.test(token));
    return word.length < rest.length ? this.#explainedAs(contentStems(word.join(' '))) : undefined;
  }

  #explainedAs(said: string[]): { kind: KnowledgeKind; id: string } | undefined {
    if (said.length === 0) return undefined;
    const close = (one: string, other: string) =>
      one === other || (Math.min(one.length, other.length) >= 5 && editDistance(one, other, 1) <= 1);
    const named = this.#glossaryNames.filter(({ names }) =>
      names.some(
        (name) =>
          name.size === new Set(said).size && said.every((term) => [...name].some((known) => close(term, known))),
      ),
    );
    return named.length === 1 ? { kind: 'glossary', id: named[0]!.id } : undefined;
  }

  /** The one slide (or word of the glossary) named in full by the words left, and by nothing more ("implementeringsoverblikket"). */
  #namedIn(
    records: { id: string; names: Set<string>[] }[],
    kind: KnowledgeKind,
    rest: string[],
  ): { kind: KnowledgeKind; id: string } | undefined {
    const { terms, unknown } = queryTerms(rest, this.search.vocabulary);
    if (terms.length === 0 || unknown.length > 0) return undefined;
    const said = new Set(terms);
    const named = records.filter(({ names }) =>
      names.some((name) => name.size > 0 && name.size === said.size && [...name].every((term) => said.has(term))),
    );
    return named.length === 1 ? { kind, id: named[0]!.id } : undefined;
  }
}
