import type { DateTime } from 'luxon';
import type { Knowledge } from '../knowledge/registry.js';
import { ZONE } from '../clock.js';
import { IntentClassifier, termOf } from './classifier.js';
import { passageOverGuess } from './passage-over-guess.js';
import { namedBeforeAlternative, withoutAlternatives } from './alternatives.js';
import {
  asksWho,
  classifierTerms,
  dateWords,
  entitiesFrom,
  hintsBesideNames,
  namedStems,
  placeholderSpans,
  relativeStep,
} from './reading-parts.js';
import { EntityIndex, type EntityMatch } from './entity-index.js';
import { withoutOwnRoleBesideAnother } from './own-role.js';
import { withoutStrategiesOfAnotherSystem } from './strategy-scope.js';
import { agendaItemReading, asksWhoPresents } from './agenda-reading.js';
import { dayOfMeetings, nationalProgress } from './day-readings.js';
import { stepNumberOf } from './keywords.js';
import { detectLanguage } from './language.js';
import { pollRequest } from './poll-requests.js';
import { queryWords } from './query-words.js';
import type { Reading } from './reading.js';
import { resolveIntent } from './resolve.js';
import { RoleDuties, titleHeldBy } from './role-duties.js';
import { PassageReadings } from './passage-readings.js';
import { asksWhatItIs, RecordDescriptions } from './record-descriptions.js';
import { DescribedThings } from './described-things.js';
import { withinLastRecord } from './pointing-back.js';
import { whoOfARecordWithoutOne } from './no-one-responsible.js';
import { asksWhenToChoose } from './strategy-choices.js';
import { describedStrategy } from './described-strategy.js';
import { askedDate, readByItsClause } from './asking-clauses.js';
import { ellipticQuestion, isAbout } from './elliptic-follow-ups.js';
import { bareWhen } from './follow-ups.js';
import { stepsOfAnotherRecord } from './stepless-tasks.js';
import { AnswerCheck } from './answer-check.js';
import { particularQuestion } from './particular-questions.js';
import { obligationReading } from './obligation-questions.js';
import { pilotSolutionFollowUp, pilotSolutionReading } from './pilot-questions.js';
import { rolloutGroupReading } from './rollout-questions.js';
import { supportSystemsAsked } from './support-system-list.js';
import { checkedIntent } from './intent-checks.js';
import { readAsAName } from './name-alone.js';
import { kombitsPart } from './kombit-plans.js';
import { eventOnThatDay } from './event-days.js';
import { domainStems } from './domain-words.js';
import { KnownWords } from './known-words.js';
import { factSearchFor, type FactSearch } from './search/fact-search.js';
import { outsideWordsOf } from './search/outside.js';
import { queryTerms } from './search/terms.js';
import {
  PASSAGE_OVER_GUESS,
  UNREAD_PASSAGE,
  asksForDatedThings,
  asksTheKnowledge,
  undatedIntents,
} from './reading-groups.js';
import { CONFIDENCE_THRESHOLD, noEntities, type DateSpan, type Understanding } from './types.js';
import { asksForADate, asksWhen } from './search/answerable.js';

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
  #lastNames: { text: string; matches: EntityMatch[] } | undefined;
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
  }

  /** The intent, entities and confidence of one question. */
  understand(input: UnderstandInput): Understanding {
    const language = detectLanguage(input.text, input.locale);
    const tokens = queryWords(input.text).tokens;
    const followUp =
      this.#askedAgain(input, language) ?? pilotSolutionFollowUp(this.knowledge, tokens, input.previous, language);
    if (followUp) return followUp;
    // "hvad tid?" after a topic asks when, of that topic (asking words alone are a few words:
    // a longer text is not read for them)
    const when = input.previous && input.text.length <= 40 && bareWhen(tokens, language);
    const read = this.#read(when ? { ...input, text: when } : input);
    const reread = (text: string) => this.#read({ ...input, text });
    // (after another question, a name alone may be what it lacked: only a name read as nothing, or too unsure, is asked about whole)
    const unread = read.intent === 'unknown' || read.confidence < CONFIDENCE_THRESHOLD;
    const aName = tokens.length <= longestName && (!input.previous || unread);
    const answered =
      readByItsClause(input.text, read, reread) ??
      (aName ? readAsAName(input.text, read, tokens, this.#namesOf(input.text), reread) : undefined);
    if (answered) return answered;
    return read.intent === 'fact' ? { ...read, asked: input.text } : read;
  }

  /** The names in a text, as its reading found them where it was the last read. */
  #namesOf(text: string): EntityMatch[] {
    const last = this.#lastNames;
    return last?.text === text ? last.matches : this.#index.match(queryWords(text));
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
    const matched = this.#index.match(words);
    // (kept for the question as a whole: a name alone is looked up once)
    this.#lastNames = { text: input.text, matches: matched };
    const names = withoutStrategiesOfAnotherSystem(
      withoutOwnRoleBesideAnother(matched, words.tokens),
      words.tokens,
      this.knowledge,
    );
    const described = this.#described.beside(words.tokens, namedBeforeAlternative(names, words.tokens));
    const matches = withoutAlternatives([...names, ...described], words.tokens);
    const found = askedDate(input.text, input.now, language);
    const dateSpan = found ? dateWords(words.tokens, found.matched) : undefined;
    const terms = classifierTerms(words.tokens, placeholderSpans(matches), matches, dateSpan);
    const classification = this.#classifier.classify(terms);
    const entities = entitiesFrom(matches, words.tokens, found?.span);
    const describedRole = asksWho(words.tokens) ? this.#duties.bestFor(input.text, language) : undefined;
    if (describedRole) titleHeldBy(this.#duties, describedRole, matches, words.tokens, entities, language);
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
      knownShare: this.#known.knownShare(words.tokens, matches, dateSpan),
      describedRole,
      asksSomething: terms.some((term) => !term.startsWith('x')),
      materialWords: () => queryTerms(words.tokens, this.search.vocabulary).terms.length,
    };
    const checked = checkedIntent(resolveIntent(reading, input.previous), words.tokens, this.knowledge);
    const read = eventOnThatDay(this.knowledge, checked, found);
    const resolved =
      read.intent === 'task.steps'
        ? { ...read, entities: relativeStep(words.tokens, read.entities, this.#stepCounts, names) }
        : (describedStrategy(this.search, this.#phrasing, words.tokens, read) ?? read);
    // a salary, a price, lunch: klikbot never knows, whatever the rest of the question names
    if (asksTheKnowledge.has(resolved.intent) && outsideWordsOf(words.tokens).length > 0)
      return { ...resolved, intent: 'unknown', confidence: 1 };
    // "hvor tit bliver den opdateret?" after an answer from one slide: that slide's passages
    const asked = { input, tokens: words.tokens, names, resolved, dated: found !== undefined };
    const pointed = withinLastRecord(this.search, this.#phrasing, asked);
    if (pointed) return pointed;
    const particular = particularQuestion({
      knowledge: this.knowledge,
      passages: this.#passages,
      text: input.text,
      tokens: words.tokens,
      resolved,
      dates: entities.dates,
      at: { today: input.now.setZone(ZONE).toISODate() ?? '', time: input.now.setZone(ZONE).toFormat('HH.mm') },
    });
    if (particular) return particular;
    const obligation =
      resolved.intent === 'unknown' || asksTheKnowledge.has(resolved.intent)
        ? obligationReading(this.search, input.text, words.tokens, resolved)
        : undefined;
    // a thing asked about by what it is, however the words alone were read: the pilots of a solution, a rollout group, the support systems
    const thing =
      obligation ??
      pilotSolutionReading(this.knowledge, words.tokens, resolved) ??
      rolloutGroupReading(words.tokens, resolved) ??
      supportSystemsAsked(words.tokens, resolved) ??
      kombitsPart(this.knowledge, this.search, words.tokens, resolved);
    if (thing) return thing;
    const day = dayOfMeetings({
      tokens: words.tokens,
      resolved,
      entities,
      dates: found ? entities.dates : undefined,
      previous: input.previous,
    });
    if (day) return day;
    // who presents a thing is the programme's, before what the material says of the thing
    const presenter =
      asksWhoPresents(words.tokens) && this.#agendaItem(input, words.tokens, resolved, found?.span, dateSpan);
    if (presenter) return presenter;
    const sides = this.#passages.compared(input.text, words.tokens, resolved);
    if (sides) return sides;
    const national = nationalProgress(this.knowledge, resolved, words.tokens);
    if (national) return national;
    const material =
      this.#descriptions.described(input.text, words.tokens, matches, resolved, this.#described.spans(words.tokens)) ??
      this.#passages.material(words.tokens, resolved) ??
      this.#passages.whereToFind(input.text, words.tokens, resolved);
    if (material) return material;
    // the compliance model, which the strategies' answer does not show: the passage that holds
    // the question (nearly all of it, where the question asks what the model is), else all of it
    const ownless = this.#descriptions.withoutItsDialog(resolved);
    if (ownless) {
      const part = this.#passages.fromPassages(input.text, words.tokens, resolved);
      const enough = asksWhatItIs(words.tokens) ? PASSAGE_OVER_GUESS : 0;
      return part && part.confidence >= enough ? part : ownless;
    }
    const item = this.#agendaItem(input, words.tokens, resolved, found?.span, dateSpan);
    if (item) return item;
    const written = this.#passages.insteadOfContacts(input.text, words.tokens, resolved);
    if (written) return written;
    // "when will the role gallery be finished?", "hvad er deadline for strategi A?": a role, a strategy
    // or a list of them has no date to give (a system's overview gives the year it is due)
    // … though "the programme leader news" may be a point of the day's programme
    const datedAsked = asksWhen(input.text) || (!resolved.intent.startsWith('overview.') && asksForADate(input.text));
    if (undatedIntents.has(resolved.intent) && datedAsked && !asksWhenToChoose(resolved, words.tokens)) {
      const unread = { ...resolved, intent: 'unknown' as const };
      return (
        this.#passages.fromPassages(input.text, words.tokens, resolved) ??
        this.#agendaItem(input, words.tokens, unread, found?.span, dateSpan) ??
        unread
      );
    }
    const stepless = stepsOfAnotherRecord(this.knowledge, this.#passages, { ...asked, text: input.text });
    if (stepless) return stepless;
    // what happens by a date is the timeline, however well a passage's dates match the words
    const timeline = found && (resolved.intent === 'event.list' || resolved.intent.startsWith('deadline.'));
    const named = namedStems(words.tokens, names);
    const quoted = timeline
      ? undefined
      : passageOverGuess({
          passages: this.#passages,
          classifier: this.#classifier,
          text: input.text,
          tokens: words.tokens,
          resolved,
          named,
        });
    if (quoted) return quoted;
    const whose = whoOfARecordWithoutOne(this.knowledge, this.#passages, { ...asked, text: input.text });
    if (whose) return whose;
    if (resolved.intent !== 'unknown' && resolved.confidence >= CONFIDENCE_THRESHOLD)
      return this.#passages.withEvidence(input.text, words.tokens, resolved, named);
    if (
      found &&
      (this.#known.onlyAsksWhatHappens(words.tokens, dateSpan) ||
        (found.kind !== 'day' && asksForDatedThings(words.tokens, entities)))
    )
      return { intent: 'event.list', confidence: 0.6, entities, language };
    const loose = { minimum: UNREAD_PASSAGE, named };
    return (
      this.#passages.fromPassages(input.text, words.tokens, resolved, loose) ??
      this.#passages.wholeRecord(words.tokens, resolved) ??
      resolved
    );
  }

  /** A point of a meeting's programme (agenda-reading.ts), with this knowledge and its search. */
  #agendaItem(
    input: UnderstandInput,
    tokens: string[],
    resolved: Understanding,
    dates: DateSpan | undefined,
    dateWords: [number, number] | undefined,
  ): Understanding | undefined {
    return agendaItemReading({
      knowledge: this.knowledge,
      search: this.search,
      input,
      tokens,
      resolved,
      dates,
      dateWords,
    });
  }
}
