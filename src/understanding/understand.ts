import type { DateTime } from 'luxon';
import type { Knowledge } from '../knowledge/registry.js';
import { IntentClassifier, placeholder, termOf } from './classifier.js';
import { findDateSpan } from './dates.js';
import { findTimes } from './dates/time-of-day.js';
import type { EntityKind } from './entity-forms.js';
import { EntityIndex, type EntityMatch, type QueryWords } from './entity-index.js';
import { agendaItemsAsked, asksAboutAgendaItem } from './agenda-items.js';
import { aspectOf, eventKindsOf, roleCategoryOf, rolePhaseOf, stepNumberOf } from './keywords.js';
import { detectLanguage } from './language.js';
import { pollRequest } from './poll-requests.js';
import { queryWords } from './query-words.js';
import { reminderWordFor } from './reminder-requests.js';
import type { Reading } from './reading.js';
import { resolveIntent } from './resolve.js';
import { statusWordFor } from './statements.js';
import { RoleDuties, titleHeldBy } from './role-duties.js';
import { PassageReadings } from './passage-readings.js';
import { domainStems } from './domain-words.js';
import { stem } from './stem.js';
import { isGlueWord, isStopword } from './stopwords.js';
import { factSearchFor, type FactSearch } from './search/fact-search.js';
import { isEverydayWord } from './search/everyday-words.js';
import { isOutsideWord } from './search/outside.js';
import {
  answersFromKnowledge,
  asksTheKnowledge,
  contactWord,
  meetingIntents,
  namesSomething,
  undatedIntents,
} from './reading-groups.js';
import { CONFIDENCE_THRESHOLD, noEntities, type DateSpan, type Entities, type Understanding } from './types.js';
import { asksWhen } from './search/answerable.js';

/** What the understanding needs besides the text. */
export interface UnderstandInput {
  text: string;
  now: DateTime;
  locale?: string;
  /** The last topic in this conversation, for follow-ups ("og trin 4?"). */
  previous?: Understanding;
}

// "frister og møder frem til jul", "alt hvad der har en dato": the kinds of dated things, by name
const datedThing = /^(frist|deadline|moede|moeder|dato|datoer|begivenhed|kalender|meeting|event|date|dates)/;

/** The kinds of dated things asked for, nothing named: over a span, the timeline, however the rest is worded (one day's meeting may be asked about in detail). */
function asksForDatedThings(tokens: string[], entities: Entities): boolean {
  return !namesSomething(entities) && tokens.some((token) => datedThing.test(token));
}

const startOrEnd = /^(starter|start|begynder|begin|begins|slutter|ends|end)$/;
/** Longer texts are not read as questions. */
export // Below this an intent read from the words alone is a guess, and a passage holding this share
// of the question (weighed by rarity) is the better answer.
const GUESS_CONFIDENCE = 0.7;
const PASSAGE_OVER_GUESS = 0.9;

const MAX_QUESTION_LENGTH = 500;

const placeholderOfKind: Record<EntityKind, string> = {
  task: 'task',
  step: 'step',
  role: 'role',
  itSystem: 'system',
  interface: 'interface',
  supportSystem: 'support',
  municipality: 'municipality',
  strategy: 'strategy',
  deadline: 'deadline',
};

/** Named things that do not overlap, best first: they become placeholders for the classifier. */
function placeholderSpans(matches: EntityMatch[]): EntityMatch[] {
  const chosen: EntityMatch[] = [];
  // The longest name wins a contested stretch ("BBR på Adgangsstyring" is the task, not the
  // support system inside it); among equally long ones, the best match.
  const byStrength = [...matches]
    .filter((match) => match.certainty === 'named')
    .sort((a, b) => b.end - b.start - (a.end - a.start) || b.score - a.score);
  for (const match of byStrength) {
    if (chosen.every((other) => match.end <= other.start || match.start >= other.end)) chosen.push(match);
  }
  return chosen;
}

/** Where in the words a date expression stands, so it can become "xdate". */
function dateWords(tokens: string[], matched: string): [number, number] | undefined {
  const wanted = queryWords(matched).tokens;
  for (let start = 0; start + wanted.length <= tokens.length; start += 1) {
    if (wanted.every((token, offset) => tokens[start + offset] === token)) return [start, start + wanted.length];
  }
  return undefined;
}

/**
 * The question as the classifier sees it. A stretch several kinds of thing could be ("BBR"
 * is an IT system and, in part, a task) becomes every one of their placeholders: the
 * examples then decide which reading fits the way the question is asked.
 */
function classifierTerms(
  tokens: string[],
  spans: EntityMatch[],
  matches: EntityMatch[],
  date: [number, number] | undefined,
): string[] {
  const terms: string[] = [];
  for (let index = 0; index < tokens.length;) {
    const span = spans.find((match) => match.start === index);
    if (date && date[0] === index) {
      terms.push(placeholder('date'));
      index = date[1];
    } else if (span) {
      const kinds = new Set(
        matches
          .filter((match) => match.start === span.start && match.end === span.end && match.score >= 0.5)
          .map((match) => match.kind),
      );
      for (const kind of kinds) terms.push(placeholder(placeholderOfKind[kind]));
      index = span.end;
    } else {
      if (!isGlueWord(tokens[index]!)) terms.push(termOf(tokens[index]!));
      index += 1;
    }
  }
  return terms;
}

function entitiesFrom(matches: EntityMatch[], tokens: string[], dates: DateSpan | undefined): Entities {
  const entities = noEntities();
  const named = matches.filter((match) => match.certainty === 'named');
  const ids = (kind: EntityKind) => named.filter((match) => match.kind === kind).map((match) => match.id);
  entities.tasks = ids('task');
  // a step named only in part ("adgangsstyring" is in step 4's title) is no step asked about
  entities.steps = named
    .filter((match) => match.kind === 'step' && match.score >= 0.75)
    .map((match) => match.id)
    .map((id) => {
      const [taskId = '', number = '0'] = id.split('#');
      return { taskId, number: Number(number) };
    });
  entities.roles = ids('role');
  entities.itSystems = ids('itSystem');
  entities.interfaces = ids('interface');
  entities.supportSystems = ids('supportSystem');
  entities.municipalities = ids('municipality');
  entities.strategies = ids('strategy');
  entities.deadlines = ids('deadline');
  entities.eventKinds = eventKindsOf(tokens);
  const aspect = aspectOf(tokens);
  if (aspect) entities.aspect = aspect;
  const category = roleCategoryOf(tokens);
  if (category) entities.roleCategory = category;
  const phase = rolePhaseOf(tokens);
  if (phase) entities.rolePhase = phase;
  if (dates) entities.dates = dates;
  return entities;
}

function asksWho(tokens: string[]): boolean {
  return tokens.includes('hvem') || tokens.includes('who') || tokens.includes('hvis');
}

// A status asked of the municipalities, and the word for them
const progressAspects = new Set(['done', 'started', 'not-started']);
const municipalitiesWord = /^(kommuner\w*|municipalities|municipality|landet|country)$/;

// Answers about a meeting, which a short follow-up about one of its points leans on
const meetingTopics = new Set<string>(['agenda.today', 'event.list', 'meeting.start']);

/**
 * The things only hinted at, leaving out a role hinted by a word that names something else in
 * full: in "opgaver for Organisation" the support system is named, and the role
 * Organisationsadministrator only shares its word. (A task hinted there stays: a task is
 * often named after its system.)
 */
function hintsBesideNames(matches: EntityMatch[]): EntityMatch[] {
  const named = matches.filter((match) => match.certainty === 'named');
  return matches.filter(
    (match) =>
      match.certainty === 'hinted' &&
      !(
        match.kind === 'role' &&
        named.some((other) => other.kind !== 'role' && other.start <= match.start && match.end <= other.end)
      ),
  );
}

export class Understander {
  readonly #index: EntityIndex;
  readonly #classifier = new IntentClassifier();
  readonly #duties: RoleDuties;
  readonly #domainStems: Set<string>;
  readonly #passages: PassageReadings;
  /** The search over every passage of the knowledge. */
  readonly search: FactSearch;

  constructor(readonly knowledge: Knowledge) {
    this.#index = new EntityIndex(knowledge);
    this.search = factSearchFor(knowledge);
    this.#passages = new PassageReadings(knowledge, this.search, (token) => this.#classifier.knows(termOf(token)));
    this.#duties = new RoleDuties(knowledge);
    this.#domainStems = domainStems(knowledge);
  }

  /** The intent, entities and confidence of one question. */
  understand(input: UnderstandInput): Understanding {
    const language = detectLanguage(input.text.slice(0, MAX_QUESTION_LENGTH), input.locale);
    // a poll sentence is read by how it opens, however long: the poll dialog says what is wrong with it
    const poll = pollRequest(input.text, language);
    if (poll) return poll;
    // a question is a line or two; a page of text is no question, and reading it would cost time
    if (input.text.length > MAX_QUESTION_LENGTH)
      return { intent: 'unknown', confidence: 1, entities: noEntities(), language };
    const words = this.#spellStatusWords(queryWords(input.text));
    const matches = this.#index.match(words);
    const found = findDateSpan(input.text, input.now, language);
    const dateSpan = found ? dateWords(words.tokens, found.matched) : undefined;
    const terms = classifierTerms(words.tokens, placeholderSpans(matches), matches, dateSpan);
    const classification = this.#classifier.classify(terms);
    const entities = entitiesFrom(matches, words.tokens, found?.span);
    const describedRole = asksWho(words.tokens) ? this.#duties.bestFor(input.text) : undefined;
    if (describedRole) titleHeldBy(this.#duties, describedRole, matches, words.tokens, entities);
    if (found?.upTo) entities.upTo = found.upTo;
    const stepNumber = stepNumberOf(words.tokens);
    const reading: Reading = {
      classification,
      entities,
      hints: hintsBesideNames(matches),
      named: matches.filter((match) => match.certainty === 'named'),
      questionMark: /\?\s*$/.test(input.text),
      stepNumber,
      tokens: words.tokens,
      language,
      knowledge: this.knowledge,
      knownShare: this.#knownShare(words.tokens, matches, dateSpan),
      describedRole,
      asksSomething: terms.some((term) => !term.startsWith('x')),
    };
    const resolved = resolveIntent(reading, input.previous);
    // a salary, a price, lunch: klikbot never knows, whatever the rest of the question names
    if (asksTheKnowledge.has(resolved.intent) && words.tokens.some((token) => isOutsideWord(token)))
      return { ...resolved, intent: 'unknown', confidence: 1 };
    // "what time do we start today?": a day and when it starts or ends, nothing named, is that day's meetings
    const asks =
      resolved.intent === 'unknown' || (asksTheKnowledge.has(resolved.intent) && !meetingIntents.has(resolved.intent));
    // … and "when does it end?" right after it is the same day's
    const day = found
      ? entities.dates
      : input.previous?.intent === 'event.list'
        ? input.previous.entities.dates
        : undefined;
    if (day && asks && !namesSomething(resolved.entities) && words.tokens.some((token) => startOrEnd.test(token))) {
      return {
        intent: 'event.list',
        confidence: Math.max(resolved.confidence, 0.6),
        entities: { ...entities, dates: day },
        language,
      };
    }
    const national = this.#nationalProgress(resolved, words.tokens);
    if (national) return national;
    const material =
      this.#passages.material(words.tokens, resolved) ?? this.#passages.whereToFind(input.text, words.tokens, resolved);
    if (material) return material;
    const item = this.#agendaItem(input, words.tokens, resolved, found?.span, dateSpan);
    if (item) return item;
    // "hvem kan se beskederne i KLIK?" names no one to write to: the material's words answer it better than the contact list
    if (resolved.intent === 'contact' && !words.tokens.some((token) => contactWord.test(token))) {
      const fact = this.#passages.fromPassages(input.text, words.tokens, resolved);
      if (fact) return fact;
    }
    // "when will the role gallery be finished?": a role, a strategy or a list of them has no date to give
    if (undatedIntents.has(resolved.intent) && asksWhen.test(input.text))
      return this.#passages.fromPassages(input.text, words.tokens, resolved) ?? { ...resolved, intent: 'unknown' };
    const quoted = this.#passageOverGuess(input.text, words.tokens, resolved);
    if (quoted) return quoted;
    if (resolved.intent !== 'unknown' && resolved.confidence >= CONFIDENCE_THRESHOLD) {
      const named = new Set(
        placeholderSpans(matches).flatMap((match) =>
          words.tokens.slice(match.start, match.end).map((token) => stem(token)),
        ),
      );
      return this.#passages.withEvidence(input.text, words.tokens, resolved, named);
    }
    if (
      found &&
      (this.#onlyAsksWhatHappens(words.tokens, dateSpan) ||
        (found.kind !== 'day' && asksForDatedThings(words.tokens, entities)))
    )
      return { intent: 'event.list', confidence: 0.6, entities, language };
    return this.#passages.fromPassages(input.text, words.tokens, resolved) ?? resolved;
  }

  /**
   * An intent guessed from the question's words alone (nothing named, a middling confidence)
   * gives way to a passage that holds nearly all of the question: "hvem er værter på
   * programledermøderne?" is the meetings' hosts, not the day's programme.
   */
  #passageOverGuess(text: string, tokens: string[], resolved: Understanding): Understanding | undefined {
    const guessed =
      answersFromKnowledge.has(resolved.intent) &&
      !namesSomething(resolved.entities) &&
      resolved.confidence >= CONFIDENCE_THRESHOLD &&
      resolved.confidence < GUESS_CONFIDENCE;
    if (!guessed) return undefined;
    const fact = this.#passages.fromPassages(text, tokens, resolved);
    return fact && fact.confidence >= PASSAGE_OVER_GUESS ? fact : undefined;
  }

  /** "hvem præsenterer Organisation på onsdagsmødet?": a point of a meeting's programme, where no better reading names something else. */
  #agendaItem(
    input: UnderstandInput,
    tokens: string[],
    resolved: Understanding,
    dates: DateSpan | undefined,
    dateWords: [number, number] | undefined,
  ): Understanding | undefined {
    // "hvad sker der kl. 11.10 den 14. september?": a time of day on a meeting's day asks for its point
    const open =
      resolved.intent === 'unknown' ||
      resolved.confidence < CONFIDENCE_THRESHOLD ||
      meetingIntents.has(resolved.intent) ||
      (resolved.intent === 'event.list' && findTimes(input.text).length > 0);
    // a question read well as something else, about a named thing ("deadline for BBR kl. 12"), stays that
    const strictly = !open && answersFromKnowledge.has(resolved.intent) && !namesSomething(resolved.entities);
    // "and the Organisation part?" right after "when does the 12 September meeting start?" is that meeting's
    const previous = input.previous;
    const afterMeeting =
      !dates && previous !== undefined && meetingTopics.has(previous.intent) && previous.entities.dates !== undefined;
    const day = afterMeeting ? previous.entities.dates : dates;
    const asks = asksAboutAgendaItem(tokens, input.text, strictly && !afterMeeting, afterMeeting);
    if (!(open || strictly || afterMeeting) || !asks) return undefined;
    const agendaItems = agendaItemsAsked({
      knowledge: this.knowledge,
      search: this.search,
      text: input.text,
      tokens,
      now: input.now,
      ...(day ? { dates: day } : {}),
      ...(dateWords ? { dateWords } : {}),
    });
    if (!agendaItems) return undefined;
    return {
      intent: 'agenda.today',
      confidence: Math.max(resolved.confidence, CONFIDENCE_THRESHOLD),
      entities: { ...resolved.entities, agendaItems },
      language: resolved.language,
    };
  }

  /**
   * "how many municipalities are in progress with BBR?": a status (done, started, not started)
   * of the municipalities, on a task the national table has, is that table, where nothing else
   * read the question well.
   */
  #nationalProgress(resolved: Understanding, tokens: string[]): Understanding | undefined {
    const { entities } = resolved;
    if (resolved.intent !== 'unknown' && resolved.confidence >= CONFIDENCE_THRESHOLD) return undefined;
    if (!progressAspects.has(entities.aspect ?? '') || !tokens.some((token) => municipalitiesWord.test(token)))
      return undefined;
    const counted = new Set(this.knowledge.bbrStatus.map((row) => row.task));
    if (!entities.tasks.some((taskId) => counted.has(taskId))) return undefined;
    return { ...resolved, intent: 'status.national', confidence: CONFIDENCE_THRESHOLD };
  }

  /**
   * "what's happening next week?", "noget jeg skal vide om 1. november?": a date and nothing
   * else the material could be about asks for everything dated then.
   */
  #onlyAsksWhatHappens(tokens: string[], date: [number, number] | undefined): boolean {
    if (!date || tokens.some((token) => isOutsideWord(token))) return false;
    return tokens.every(
      (token, index) =>
        (index >= date[0] && index < date[1]) ||
        isStopword(token) ||
        isEverydayWord(token) ||
        this.#classifier.knows(termOf(token)),
    );
  }

  /**
   * "fædige" is "færdige": a status word one typo off, where the word is nothing else the bot
   * knows, is read as that word (the examples' stems forgive typos only in longer stems); so
   * is a misspelt "påmindelser" ("påmindelsrne").
   */
  #spellStatusWords(words: QueryWords): QueryWords {
    const tokens = words.tokens.map((token) => {
      if (token.length < 6 || isStopword(token) || this.#classifier.knows(termOf(token)) || this.#index.knows(token))
        return token;
      return statusWordFor(token) ?? reminderWordFor(token) ?? token;
    });
    return { ...words, tokens };
  }

  /** The share of content words the bot knows: from its names, its example questions or a date. */
  #knownShare(tokens: string[], matches: EntityMatch[], date: [number, number] | undefined): number {
    const covered = new Set<number>();
    for (const match of matches) for (let index = match.start; index < match.end; index += 1) covered.add(index);
    if (date) for (let index = date[0]; index < date[1]; index += 1) covered.add(index);
    let content = 0;
    let known = 0;
    tokens.forEach((token, index) => {
      const term = termOf(token);
      if (isStopword(token)) return;
      content += 1;
      // cheapest checks first: the typo-tolerant ones generate every one-letter deletion
      if (
        covered.has(index) ||
        this.#domainStems.has(stem(token)) ||
        this.#classifier.knows(term) ||
        this.#index.knows(token)
      )
        known += 1;
    });
    return content === 0 ? 1 : known / content;
  }
}
