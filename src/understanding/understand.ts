import type { DateTime } from 'luxon';
import { ZONE } from '../clock.js';
import type { Knowledge } from '../knowledge/registry.js';
import { IntentClassifier, termOf } from './classifier.js';
import { namedBeforeAlternative, strategyOnlyAfterAlternative, withoutAlternatives } from './alternatives.js';
import {
  asksWho,
  classifierTerms,
  dateWords,
  entitiesFrom,
  hintsBesideNames,
  placeholderSpans,
  relativeStep,
} from './reading-parts.js';
import { EntityIndex, type EntityMatch, type QueryWords } from './entity-index.js';
import { withoutOwnRoleBesideAnother } from './own-role.js';
import { withoutStrategiesOfAnotherSystem } from './strategy-scope.js';
import { stepNumberOf } from './keywords.js';
import { detectLanguage } from './language.js';
import { pollRequest } from './poll-requests.js';
import { queryWords } from './query-words.js';
import type { Reading } from './reading.js';
import { resolveIntent } from './resolve.js';
import { RoleDuties, titleHeldBy } from './role-duties.js';
import { PassageReadings } from './passage-readings.js';
import { RecordDescriptions } from './record-descriptions.js';
import { DescribedThings } from './described-things.js';
import { describedStrategy } from './described-strategy.js';
import { askedDate, readByItsClause } from './asking-clauses.js';
import { ellipticQuestion, isAbout } from './elliptic-follow-ups.js';
import { bareWhen } from './follow-ups.js';
import { pronounNamed } from './pronoun-follow-ups.js';
import { onAMeetingsWeekday } from './meeting-weekdays.js';
import { AnswerCheck } from './answer-check.js';
import { pilotSolutionFollowUp } from './pilot-questions.js';
import { checkedIntent } from './intent-checks.js';
import { readAsAName } from './name-alone.js';
import { whereOfLastTopic } from './where-follow-ups.js';
import { stepToDo } from './step-to-do.js';
import { eventOnThatDay } from './event-days.js';
import { domainStems } from './domain-words.js';
import { KnownWords } from './known-words.js';
import { factSearchFor, type FactSearch } from './search/fact-search.js';
import { queryTerms } from './search/terms.js';
import { CONFIDENCE_THRESHOLD, noEntities, type Understanding } from './types.js';
import { furtherReading, type FirstReading, type ReadingTools } from './further-readings.js';

/** What the understanding needs besides the text. */
export interface UnderstandInput {
  text: string;
  now: DateTime;
  locale?: string;
  /** The last topic in this conversation, for follow-ups ("og trin 4?"). */
  previous?: Understanding;
}

// a name typed alone is a few words, a task's title at most a line: no longer text is read as one
const longestName = 16;

/** Longer texts are not read as questions. */
export const MAX_QUESTION_LENGTH = 500;

export class Understander {
  readonly #index: EntityIndex;
  #lastNames: { text: string; tokens: string[]; matches: EntityMatch[] } | undefined;
  readonly #classifier = new IntentClassifier();
  readonly #duties: RoleDuties;
  readonly #known: KnownWords;
  /** How many steps each task has, for "the next step". */
  readonly #stepCounts: Map<string, number>;
  readonly #passages: PassageReadings;
  readonly #descriptions: RecordDescriptions;
  readonly #described: DescribedThings;
  /** Whether a word is one of how questions are asked (the example questions use it). */
  readonly #phrasing = (token: string) => this.#classifier.knows(termOf(token));
  /** An intent's answer checked against the question, once a dialog has answered. */
  readonly check: AnswerCheck;
  /** The search over every passage of the knowledge. */
  readonly search: FactSearch;
  readonly #tools: ReadingTools;
  /** The strategies by their letter, small ("b" → strategi-b), for "strategi A, B og C". */
  readonly #strategyLetters: ReadonlyMap<string, string>;

  constructor(readonly knowledge: Knowledge) {
    this.#index = new EntityIndex(knowledge);
    this.search = factSearchFor(knowledge);
    this.#described = new DescribedThings(knowledge);
    this.#passages = new PassageReadings(knowledge, this.search, this.#phrasing, this.#described);
    this.#descriptions = new RecordDescriptions(knowledge, this.search);
    this.check = new AnswerCheck(
      this.#passages,
      this.#index,
      this.#described,
      knowledge.municipalities.map((municipality) => municipality.shortName),
    );
    this.#duties = new RoleDuties(knowledge);
    this.#known = new KnownWords(this.#index, this.#classifier, domainStems(knowledge), this.search.vocabulary);
    this.#stepCounts = new Map(knowledge.tasks.map((task) => [task.id, task.steps.length]));
    this.#strategyLetters = new Map(
      knowledge.strategies.flatMap((record) =>
        record.kind === 'strategy' ? [[record.letter.toLowerCase(), record.id]] : [],
      ),
    );
    this.#tools = {
      knowledge,
      search: this.search,
      passages: this.#passages,
      descriptions: this.#descriptions,
      described: this.#described,
      classifier: this.#classifier,
      known: this.#known,
      phrasing: this.#phrasing,
    };
  }

  /** The intent, entities and confidence of one question. */
  understand(input: UnderstandInput): Understanding {
    const language = detectLanguage(input.text, input.locale);
    const tokens = queryWords(input.text).tokens;
    const followUp =
      this.#askedAgain(input, language) ??
      pilotSolutionFollowUp(this.knowledge, tokens, input.previous, language) ??
      whereOfLastTopic(this.search, tokens, input.previous, language);
    if (followUp) return followUp;
    // "hvad tid?" after a topic asks when, of that topic (asking words alone are a few words:
    // a longer text is not read for them)
    const when = input.previous && input.text.length <= 40 && bareWhen(tokens, language);
    const read = this.#read(when ? { ...input, text: when } : input);
    const reread = (text: string) => this.#read({ ...input, text });
    // (after another question, a name alone may be what it lacked: only a name read as nothing, or too unsure, is asked about whole)
    const unread = read.intent === 'unknown' || read.confidence < CONFIDENCE_THRESHOLD;
    const aName = tokens.length <= longestName && (!input.previous || unread);
    const named = unread ? this.#pronounNamed(input, reread) : undefined;
    if (named) return named;
    const answered =
      readByItsClause(input.text, read, reread) ?? (aName ? this.#asAName(input.text, read, reread) : undefined);
    if (answered) return answered;
    return read.intent === 'fact' ? { ...read, asked: input.text } : read;
  }

  /** "hvornår skal vi have udpeget en?": the pronoun read as the last answer's one thing, where that reads surely. */
  #pronounNamed(input: UnderstandInput, reread: (text: string) => Understanding): Understanding | undefined {
    const text = pronounNamed(input.text, input.previous, this.knowledge);
    if (text === undefined) return undefined;
    const read = reread(text);
    // (a passage found for the words put together is too loose a guess at what was meant, and a
    // list is no answer about the one thing: "hvornår skal vi have den?" of KY, which has no task)
    const loose = read.intent === 'fact' || read.intent.endsWith('.list') || read.intent === 'deadline.upcoming';
    if (read.intent === 'unknown' || loose || read.confidence < CONFIDENCE_THRESHOLD) return undefined;
    return read;
  }

  /** A text read as a name alone (name-alone.ts), by the names its reading found where it was the last read. */
  #asAName(text: string, read: Understanding, reread: (text: string) => Understanding): Understanding | undefined {
    const last = this.#lastNames;
    // (the names found are placed in the words they were found in: a compound typed as two words is one)
    if (last?.text === text) return readAsAName(text, read, last.tokens, last.matches, reread);
    const words = queryWords(text);
    return readAsAName(text, read, words.tokens, this.#index.match(words), reread);
  }

  /** "og KY?": the last question asked again of another thing, where the reading is about it (in the follow-up's language). */
  #askedAgain(input: UnderstandInput, language: Understanding['language']): Understanding | undefined {
    const again = ellipticQuestion(input.text, input.previous, this.#index);
    if (!again) return undefined;
    const reread = this.#read({ ...input, text: again.text, previous: undefined });
    if (!isAbout(reread, again, this.#index, this.search)) return undefined;
    return { ...reread, language, ...(reread.intent === 'fact' ? { asked: again.text } : {}) };
  }

  #read(input: UnderstandInput): Understanding {
    const language = detectLanguage(input.text.slice(0, MAX_QUESTION_LENGTH), input.locale);
    // a poll sentence is read by how it opens, however long: the poll dialog says what is wrong with it
    const poll = pollRequest(input.text, language);
    if (poll) return poll;
    // a question is a line or two; a page of text is no question, and reading it would cost time
    if (input.text.length > MAX_QUESTION_LENGTH)
      return { intent: 'unknown', confidence: 1, entities: noEntities(), language };
    const words = this.#known.spellStatusWords(queryWords(input.text), language);
    const tokens = words.tokens;
    const { names, matches } = this.#namesIn(input.text, words);
    const today = input.now.setZone(ZONE).toISODate() ?? '';
    const found = onAMeetingsWeekday(askedDate(input.text, input.now, language), tokens, this.knowledge, today);
    const dateSpan = found ? dateWords(tokens, found.matched) : undefined;
    const parts = { input, tokens, names, matches, language, found, dateSpan };
    return furtherReading(this.#tools, { ...parts, ...this.#wordsIntent(parts) });
  }

  /** The names in a question, and the things it describes in its own words. */
  #namesIn(text: string, words: QueryWords): { names: EntityMatch[]; matches: EntityMatch[] } {
    const matched = this.#index.match(words);
    // (kept for the question as a whole: a name alone is looked up once)
    this.#lastNames = { text, tokens: words.tokens, matches: matched };
    const tokens = words.tokens;
    const names = withoutStrategiesOfAnotherSystem(
      withoutOwnRoleBesideAnother(matched, tokens),
      tokens,
      this.knowledge,
    );
    const described = this.#described.beside(tokens, namedBeforeAlternative(names, tokens));
    return { names, matches: withoutAlternatives([...names, ...described], tokens) };
  }

  /** What the words of a question ask, as the classifier and the names in it resolve it. */
  #wordsIntent(parts: Omit<FirstReading, 'entities' | 'resolved'>): Pick<FirstReading, 'entities' | 'resolved'> {
    const { input, tokens, names, matches, language, found, dateSpan } = parts;
    const terms = classifierTerms(tokens, placeholderSpans(matches), matches, dateSpan);
    const entities = entitiesFrom(matches, tokens, found?.span, this.#strategyLetters);
    const describedRole = asksWho(tokens) ? this.#duties.bestFor(input.text, language) : undefined;
    if (describedRole) titleHeldBy(this.#duties, describedRole, matches, tokens, entities, language);
    if (found?.upTo) entities.upTo = found.upTo;
    const reading: Reading = {
      classification: this.#classifier.classify(terms),
      entities,
      hints: hintsBesideNames(matches),
      named: matches.filter((match) => match.certainty === 'named'),
      questionMark: /\?\s*$/.test(input.text),
      stepNumber: stepNumberOf(tokens),
      tokens,
      language,
      knowledge: this.knowledge,
      knownShare: this.#known.knownShare(tokens, matches, dateSpan),
      describedRole,
      asksSomething: terms.some((term) => !term.startsWith('x')),
      materialWords: () => queryTerms(tokens, this.search.vocabulary).terms.length,
    };
    const checked = checkedIntent(resolveIntent(reading, input.previous), tokens, this.knowledge, input.previous);
    const read = eventOnThatDay(this.knowledge, checked, found);
    const resolved =
      read.intent === 'task.steps'
        ? { ...read, entities: relativeStep(tokens, read.entities, this.#stepCounts, names) }
        : (stepToDo(read, tokens, this.#stepCounts) ??
          describedStrategy(this.search, this.#phrasing, tokens, read, strategyOnlyAfterAlternative(matches, tokens)) ??
          read);
    return { entities, resolved };
  }
}
