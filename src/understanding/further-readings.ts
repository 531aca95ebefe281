import type { DateTime } from 'luxon';
import type { Knowledge } from '../knowledge/registry.js';
import { ZONE } from '../clock.js';
import type { IntentClassifier } from './classifier.js';
import type { EntityMatch } from './entity-index.js';
import type { FoundDate } from './dates.js';
import type { KnownWords } from './known-words.js';
import type { PassageReadings } from './passage-readings.js';
import { asksWhatItIs, type RecordDescriptions } from './record-descriptions.js';
import type { DescribedThings } from './described-things.js';
import type { FactSearch } from './search/fact-search.js';
import { outsideWordsOf } from './search/outside.js';
import { asksForADate, asksWhen } from './search/answerable.js';
import { passageOverGuess } from './passage-over-guess.js';
import { namedStems } from './reading-parts.js';
import { agendaItemReading, asksWhoPresents } from './agenda-reading.js';
import { dayOfMeetings, nationalProgress } from './day-readings.js';
import { eventBySubject } from './event-titles.js';
import { withinLastRecord } from './pointing-back.js';
import { whoOfARecordWithoutOne } from './no-one-responsible.js';
import { asksWhenToChoose } from './strategy-choices.js';
import { stepsOfAnotherRecord } from './stepless-tasks.js';
import { particularQuestion } from './particular-questions.js';
import { obligationReading } from './obligation-questions.js';
import { pilotSolutionReading } from './pilot-questions.js';
import { rolloutGroupReading } from './rollout-questions.js';
import { supportSystemsAsked } from './support-system-list.js';
import { systemNeedsAsked } from './system-needs.js';
import { galleryAsked } from './gallery-asked.js';
import { kombitsPart } from './kombit-plans.js';
import { vendorAdvice } from './vendor-advice.js';
import {
  PASSAGE_OVER_GUESS,
  UNREAD_PASSAGE,
  asksForDatedThings,
  asksTheKnowledge,
  undatedIntents,
} from './reading-groups.js';
import { CONFIDENCE_THRESHOLD, type Entities, type Understanding } from './types.js';

/** The parts of the understanding that read a question again, past its words' intent. */
export interface ReadingTools {
  knowledge: Knowledge;
  search: FactSearch;
  passages: PassageReadings;
  descriptions: RecordDescriptions;
  described: DescribedThings;
  classifier: IntentClassifier;
  known: KnownWords;
  /** Whether a word is one of how questions are asked. */
  phrasing: (token: string) => boolean;
}

/** A question as its words were first read: the intent they resolve to, with what was found in them. */
export interface FirstReading {
  input: { text: string; now: DateTime; previous?: Understanding };
  tokens: string[];
  /** The names in the question (without those that belong to another name). */
  names: EntityMatch[];
  /** The names with the things described in the question's own words. */
  matches: EntityMatch[];
  entities: Entities;
  resolved: Understanding;
  language: Understanding['language'];
  found: FoundDate | undefined;
  /** Where the date stands in the tokens. */
  dateSpan: [number, number] | undefined;
}

/**
 * The reading a question ends with. Each reader below knows one kind of question the words'
 * intent gets wrong or cannot answer alone; the first that recognises the question reads it,
 * in the order of how surely each recognises its own.
 */
export function furtherReading(tools: ReadingTools, first: FirstReading): Understanding {
  const { resolved, tokens } = first;
  // a salary, a price, lunch: klikbot never knows, whatever the rest of the question names
  if (asksTheKnowledge.has(resolved.intent) && outsideWordsOf(tokens).length > 0)
    return { ...resolved, intent: 'unknown', confidence: 1 };
  return thingAsked(tools, first) ?? materialAsked(tools, first) ?? lastReading(tools, first);
}

/** A question about one thing, recognised by what it asks whatever the words' intent. */
function thingAsked(tools: ReadingTools, first: FirstReading): Understanding | undefined {
  const { knowledge, search, passages, phrasing } = tools;
  const { input, tokens, names, resolved, entities, found } = first;
  const now = input.now.setZone(ZONE);
  // "hvor tit bliver den opdateret?" after an answer from one slide: that slide's passages
  const asked = { input, tokens, names, resolved, dated: found !== undefined };
  const particular = () =>
    particularQuestion({
      knowledge,
      passages,
      text: input.text,
      tokens,
      resolved,
      dates: entities.dates,
      at: { today: now.toISODate() ?? '', time: now.toFormat('HH.mm') },
    });
  const obligation = () =>
    resolved.intent === 'unknown' || asksTheKnowledge.has(resolved.intent)
      ? obligationReading(search, input.text, tokens, resolved)
      : undefined;
  const day = () =>
    dayOfMeetings({ tokens, resolved, entities, dates: found ? entities.dates : undefined, previous: input.previous });
  return (
    withinLastRecord(search, phrasing, asked) ??
    particular() ??
    // a thing asked about by what it is, however the words alone were read: the pilots of a
    // solution, a rollout group, the support systems
    obligation() ??
    pilotSolutionReading(knowledge, tokens, resolved) ??
    rolloutGroupReading(tokens, resolved) ??
    supportSystemsAsked(tokens, resolved) ??
    systemNeedsAsked(knowledge, search, input.text, tokens, resolved) ??
    vendorAdvice(knowledge, search, { tokens, names, resolved, previous: input.previous }) ??
    kombitsPart(knowledge, search, tokens, resolved) ??
    eventBySubject(knowledge, tokens, resolved) ??
    day() ??
    // who presents a thing is the programme's, before what the material says of the thing
    (asksWhoPresents(tokens) ? agendaItem(tools, first) : undefined) ??
    passages.compared(input.text, tokens, resolved) ??
    nationalProgress(knowledge, resolved, tokens)
  );
}

/** What the material says of a thing, where the question asks it of the material. */
function materialAsked(tools: ReadingTools, first: FirstReading): Understanding | undefined {
  const { passages, descriptions, described } = tools;
  const { input, tokens, matches, resolved } = first;
  const material =
    descriptions.described(input.text, tokens, matches, resolved, described.spans(tokens)) ??
    galleryAsked(input.text, tokens, resolved) ??
    passages.material(tokens, resolved) ??
    passages.whereToFind(input.text, tokens, resolved);
  if (material) return material;
  // the compliance model, which the strategies' answer does not show: the passage that holds
  // the question (nearly all of it, where the question asks what the model is), else all of it
  const ownless = descriptions.withoutItsDialog(resolved);
  if (ownless) {
    const part = passages.fromPassages(input.text, tokens, resolved);
    const enough = asksWhatItIs(tokens) ? PASSAGE_OVER_GUESS : 0;
    return part && part.confidence >= enough ? part : ownless;
  }
  return (
    agendaItem(tools, first) ?? passages.insteadOfContacts(input.text, tokens, resolved) ?? undatedAsked(tools, first)
  );
}

/**
 * "when will the role gallery be finished?", "hvad er deadline for strategi A?": a role, a strategy
 * or a list of them has no date to give (a system's overview gives the year it is due) … though
 * "the programme leader news" may be a point of the day's programme.
 */
function undatedAsked(tools: ReadingTools, first: FirstReading): Understanding | undefined {
  const { input, tokens, resolved } = first;
  const datedAsked = asksWhen(input.text) || (!resolved.intent.startsWith('overview.') && asksForADate(input.text));
  if (!undatedIntents.has(resolved.intent) || !datedAsked || asksWhenToChoose(resolved, tokens)) return undefined;
  const unread = { ...resolved, intent: 'unknown' as const };
  return (
    tools.passages.fromPassages(input.text, tokens, resolved) ??
    agendaItem(tools, { ...first, resolved: unread }) ??
    unread
  );
}

/** The words' own intent where it is sure enough, with a passage where one answers better; else the best passage. */
function lastReading(tools: ReadingTools, first: FirstReading): Understanding {
  const { knowledge, passages, classifier, known } = tools;
  const { input, tokens, names, resolved, entities, found, dateSpan, language } = first;
  const asked = { input, text: input.text, tokens, names, resolved, dated: found !== undefined };
  const stepless = stepsOfAnotherRecord(knowledge, passages, asked);
  if (stepless) return stepless;
  // what happens by a date is the timeline, however well a passage's dates match the words
  const timeline = found && (resolved.intent === 'event.list' || resolved.intent.startsWith('deadline.'));
  const named = namedStems(tokens, names);
  const quoted = timeline
    ? undefined
    : passageOverGuess({ passages, classifier, text: input.text, tokens, resolved, named });
  if (quoted) return quoted;
  const whose = whoOfARecordWithoutOne(knowledge, passages, asked);
  if (whose) return whose;
  if (resolved.intent !== 'unknown' && resolved.confidence >= CONFIDENCE_THRESHOLD)
    return passages.withEvidence(input.text, tokens, resolved, named);
  const happens =
    known.onlyAsksWhatHappens(tokens, dateSpan) || (found?.kind !== 'day' && asksForDatedThings(tokens, entities));
  if (found && happens) return { intent: 'event.list', confidence: 0.6, entities, language };
  const loose = { minimum: UNREAD_PASSAGE, named };
  return (
    passages.fromPassages(input.text, tokens, resolved, loose) ?? passages.wholeRecord(tokens, resolved) ?? resolved
  );
}

/** A point of a meeting's programme (agenda-reading.ts). */
function agendaItem(tools: ReadingTools, first: FirstReading): Understanding | undefined {
  return agendaItemReading({
    knowledge: tools.knowledge,
    search: tools.search,
    input: first.input,
    tokens: first.tokens,
    resolved: first.resolved,
    dates: first.found?.span,
    dateWords: first.dateSpan,
  });
}
