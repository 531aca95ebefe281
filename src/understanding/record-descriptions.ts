import type { Knowledge, KnowledgeKind } from '../knowledge/registry.js';
import type { DescribedSpan } from './described-things.js';
import type { EntityMatch } from './entity-index.js';
import type { EntityKind } from './entity-forms.js';
import { keyOfPassage, shortSlide } from './reading-groups.js';
import type { FactSearch } from './search/fact-search.js';
import { isSearchStopword, queryTerms } from './search/terms.js';
import { GlossaryReading } from './glossary-reading.js';
import { eachShortForm, isShortFor, lettersAsked, saidLetters } from './abbreviations.js';
import { seedFullName } from '../knowledge/schemas/it-systems.js';
import { queryWords } from './query-words.js';
import { CONFIDENCE_THRESHOLD, type Understanding } from './types.js';

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

/** Whether a question asks what a thing is, whole ("hvad er …?", "what does … do?", "forklar …"). */
export function asksWhatItIs(words: string[]): boolean {
  const opening = words.findIndex((token) => !politeOpening.test(token));
  const tokens = opening > 0 ? words.slice(opening) : words;
  const [first, second] = tokens;
  if (first === undefined) return false;
  if (askingAlone.has(first)) return true;
  // ("hvad står der om …?", "hvad står programlederen for?"; "hvad står vi på med BBR?" asks a status)
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
  /** The programme's words explained. */
  readonly #glossary: GlossaryReading;
  /** The IT systems whose full name the material gives ("KY" is Kommunernes Ydelsessystem). */
  readonly #fullNames: Set<string>;
  /** The names of roles and support systems, by "kind/id", for short forms of them. */
  readonly #names: Map<string, string>;
  /** The strategies and recommendations, which the strategies' own answer shows. */
  readonly #shownStrategies: Set<string>;
  /** The tasks that have steps of their own. */
  readonly #stepped: Set<string>;

  constructor(
    knowledge: Knowledge,
    private readonly search: FactSearch,
  ) {
    this.#stepped = new Set(knowledge.tasks.filter((task) => task.steps.length > 0).map((task) => task.id));
    this.#shownStrategies = new Set(
      knowledge.strategies.filter((item) => item.kind !== 'compliance-model').map((item) => item.id),
    );
    this.#slideNames = knowledge.topics.map((topic) => ({
      id: topic.id,
      names: [topic.title, ...(topic.aliases ?? [])].map(
        (name) => new Set(queryTerms(queryWords(name).tokens, search.vocabulary).terms),
      ),
    }));
    this.#glossary = new GlossaryReading(knowledge);
    // (only as the material gives it: a full name known from elsewhere is not the material's)
    this.#fullNames = new Set(
      knowledge.itSystems.filter((system) => seedFullName(system) !== undefined).map((system) => system.id),
    );
    this.#names = new Map([
      ...knowledge.roles.map((role) => [`roles/${role.id}`, role.name] as const),
      ...knowledge.supportSystems.map((system) => [`supportSystems/${system.id}`, system.name] as const),
    ]);
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
    text: string,
    tokens: string[],
    matches: EntityMatch[],
    resolved: Understanding,
    spans: DescribedSpan[] = [],
  ): Understanding | undefined {
    // (a short name typed in small letters is one the knowledge has: "ky", "sts")
    const known = (token: string) =>
      this.#glossary.names(token) ||
      matches.some((match) => match.certainty === 'named' && tokens.slice(match.start, match.end).includes(token));
    const letters = lettersAsked(tokens, text, known);
    if (letters) return this.#eachSpelledOut(letters, tokens, matches, resolved);
    if (!asksWhatItIs(tokens)) return undefined;
    const rest = tokens
      .map((token, index) => ({ token, index }))
      .filter(({ token }) => !frameWords.test(token) && !isSearchStopword(token));
    const unsure = resolved.intent === 'unknown' || resolved.confidence < WHOLE_OVER_INTENT;
    // ("hvad er støttesystemer?": the word asked about may be the kind of thing)
    if (rest.length === 0) return this.#explanation(tokens, unsure, resolved);
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
    // ("what are the steps in BBR?": a part of the thing asked for, and read, is no question of the whole)
    // (… where the thing has such a part: "what are the steps in KY?" is answered by KY's record)
    const { aspect, tasks } = resolved.entities;
    const hasThePart = aspect !== 'steps' || tasks.some((id) => this.#stepped.has(id));
    const partRead =
      aspect !== undefined &&
      hasThePart &&
      resolved.intent !== 'unknown' &&
      resolved.confidence >= CONFIDENCE_THRESHOLD;
    const record = partRead
      ? undefined
      : (this.#namedRecord(rest, matches) ?? this.#namedSlide(rest.map(({ token }) => token)));
    if (record) return this.#wholeRecord(record, resolved);
    const described = unsure ? describedWhole(rest, spans) : undefined;
    return this.#explanation(tokens, unsure, resolved) ?? (described && this.#wholeRecord(described, resolved));
  }

  /** "hvad står STS og SP for?": each short form spelled out, the answers together where both are known. */
  #eachSpelledOut(
    letters: [number, number],
    tokens: string[],
    matches: EntityMatch[],
    resolved: Understanding,
  ): Understanding | undefined {
    const spans = eachShortForm(tokens, letters);
    const readings = spans.map((span) => this.#spelledOut(span, tokens, matches, resolved));
    if (readings.length === 1) return readings[0];
    // (two asked at once are answered together where the material spells out both; else the
    // words are read otherwise: "FK og ADM" may be one name, "STS og FK-ADM" a role beside a word)
    if (!readings.every((reading) => reading?.intent === 'fact')) return undefined;
    const passages = [...new Set(readings.flatMap((reading) => reading!.entities.passages ?? []))];
    return { ...readings[0]!, entities: { ...readings[0]!.entities, passages } };
  }

  /** "hvad står KSD for?": the system's full name, a glossary word's expansion, else not known. */
  #spelledOut(
    letters: [number, number],
    tokens: string[],
    matches: EntityMatch[],
    resolved: Understanding,
  ): Understanding | undefined {
    const [start, end] = letters;
    const named = matches.find((match) => match.certainty === 'named' && match.start >= start && match.end <= end);
    const said = saidLetters(tokens, letters).join('');
    if (named?.kind === 'itSystem' && this.#fullNames.has(named.id))
      return this.#wholeRecord({ kind: 'itSystems', id: named.id }, resolved, true);
    // an interface's code stands for its title ("SF1511 Hent Token fra Context Handler")
    if (named?.kind === 'interface') return this.#wholeRecord({ kind: 'interfaces', id: named.id }, resolved, true);
    // a short form of a role or a support system ("FK-ADM", "FK") is answered by its record,
    // whose longer name spells it out ("SPOC" is no short form of "KOMBIT-SPOC", nor "ØiR" of itself)
    if (named?.kind === 'supportSystem' && this.#spells('supportSystems', named.id, said))
      return this.#wholeRecord({ kind: 'supportSystems', id: named.id }, resolved);
    if (named?.kind === 'role' && this.#spells('roles', named.id, said))
      return {
        ...resolved,
        intent: 'role.describe',
        confidence: 0.9,
        entities: { ...resolved.entities, roles: [named.id] },
      };
    return this.#explanation(tokens, true, resolved, true) ?? { ...resolved, intent: 'unknown', confidence: 1 };
  }

  /** Whether a role's or a support system's longer name is what a short form is short for. */
  #spells(kind: 'roles' | 'supportSystems', id: string, said: string): boolean {
    return isShortFor(said, queryWords(this.#names.get(`${kind}/${id}`) ?? '').tokens.join(''));
  }

  /** A word of the programme explained (glossary-reading.ts); what its letters stand for, where the material never says, is not known. */
  #explanation(
    tokens: string[],
    unsure: boolean,
    resolved: Understanding,
    spelling = false,
  ): Understanding | undefined {
    const asked = this.#glossary.asked(tokens, unsure, spelling, resolved.intent === 'unknown');
    if (asked === 'not-spelled-out') return { ...resolved, intent: 'unknown', confidence: 1 };
    if (!asked) return undefined;
    const one = this.#wholeRecord({ kind: 'glossary', id: asked.id }, resolved);
    const other =
      asked.also === undefined ? undefined : this.#wholeRecord({ kind: 'glossary', id: asked.also }, resolved);
    if (!one || !other) return one;
    return {
      ...one,
      entities: { ...one.entities, passages: [...one.entities.passages!, ...other.entities.passages!] },
    };
  }

  /** A record's passages as the answer; `named`: its name alone answers too ("DAR", said with its full name). */
  #wholeRecord(
    record: { kind: KnowledgeKind; id: string },
    resolved: Understanding,
    named = false,
  ): Understanding | undefined {
    const all = this.search.passagesOf(record.kind, record.id);
    const saying = all.filter((passage) => !namingOnly.test(passage.field));
    const passages = (saying.length > 0 || !named ? saying : all).slice(0, shortSlide);
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

  /** The one slide named in full by the words left, and by nothing more ("implementeringsoverblikket"). */
  #namedSlide(rest: string[]): { kind: KnowledgeKind; id: string } | undefined {
    const { terms, unknown } = queryTerms(rest, this.search.vocabulary);
    if (terms.length === 0 || unknown.length > 0) return undefined;
    const said = new Set(terms);
    const slides = this.#slideNames.filter(({ names }) =>
      names.some((name) => name.size > 0 && name.size === said.size && [...name].every((term) => said.has(term))),
    );
    return slides.length === 1 ? { kind: 'topics', id: slides[0]!.id } : undefined;
  }
}
