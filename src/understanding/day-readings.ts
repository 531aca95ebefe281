import type { Knowledge } from '../knowledge/registry.js';
import { asksTheKnowledge, meetingIntents, namesSomething } from './reading-groups.js';
import { CONFIDENCE_THRESHOLD, type DateSpan, type Entities, type Understanding } from './types.js';

const startOrEnd = /^(starter|start|begynder|begin|begins|slutter|ends|end)$/;
// "hvornår er vi færdige?" asks when the day ends; "hvor mange er færdige?" asks a status
const doneWord = /^(faerdige|faerdig|finished)$/;
const whenWord = /^(hvornaar|when)$/;
const countWord = /^(mange|many|hvilke|which)$/;

/** Whether the question asks when something starts or ends. */
function asksStartOrEnd(tokens: string[]): boolean {
  if (tokens.some((token) => startOrEnd.test(token))) return true;
  return (
    tokens.some((token) => doneWord.test(token)) &&
    tokens.some((token) => whenWord.test(token)) &&
    !tokens.some((token) => countWord.test(token))
  );
}
const meetingWord = /^(moede\w*|meeting|meetings|programledermoede\w*)$/;
// "punktet", "the item": a point of the programme asked for, not the meeting
const pointWord = /^(punkt\w*|item|items|bit|part|point)$/;
// … and "næste møde" is the next meeting, whatever day was asked about before
const nextWord = /^(naeste|next)$/;
// the confidence of a day's meetings read from a day and when it starts or ends
const dayConfidence = 0.6;

/**
 * "what time do we start today?": a day and when it starts or ends, nothing named, is that
 * day's meetings; "when does it end?" right after it is the same day's. "the programme leader
 * meeting" is the meeting, not the programme leader.
 */
export function dayOfMeetings(reading: {
  tokens: string[];
  resolved: Understanding;
  entities: Entities;
  /** The day the question names, if it names one. */
  dates: DateSpan | undefined;
  previous: Understanding | undefined;
}): Understanding | undefined {
  const { tokens, resolved, entities, previous } = reading;
  const meeting = tokens.some((token) => meetingWord.test(token));
  // (a point of the programme is no answer to when the meeting itself starts: "og hvornår
  // starter mødet den dag?" after the programme's evaluation)
  // (after a day's programme or its meetings: "… og hvornår starter mødet den dag?")
  const afterADay =
    previous?.intent === 'event.list' ||
    previous?.intent === 'agenda.today' ||
    previous?.intent === 'event.next-meeting';
  const theMeetingAfterAPoint =
    meeting &&
    afterADay &&
    !reading.dates &&
    (resolved.intent === 'agenda.today' || resolved.intent === 'event.next-meeting') &&
    !tokens.some((token) => pointWord.test(token) || nextWord.test(token));
  const asks =
    resolved.intent === 'unknown' ||
    (asksTheKnowledge.has(resolved.intent) && !meetingIntents.has(resolved.intent)) ||
    theMeetingAfterAPoint;
  const day = reading.dates ?? (afterADay ? previous.entities.dates : undefined);
  const meetingNames = meeting ? { ...resolved.entities, roles: [] } : resolved.entities;
  if (!day || !asks || namesSomething(meetingNames) || !asksStartOrEnd(tokens)) return undefined;
  return {
    intent: 'event.list',
    confidence: Math.max(resolved.confidence, dayConfidence),
    entities: { ...entities, ...(meeting ? { roles: [] } : {}), dates: day },
    language: resolved.language,
  };
}

// A status asked of the municipalities, and the word for them
const progressAspects = new Set(['done', 'started', 'not-started']);
const municipalitiesWord = /^(kommuner\w*|municipalities|municipality|councils|landet|country|nationally)$/;

/**
 * "how many municipalities are in progress with BBR?": a status (done, started, not started)
 * of the municipalities, on a task the national table has, is that table, where nothing else
 * read the question well.
 */
export function nationalProgress(
  knowledge: Knowledge,
  resolved: Understanding,
  tokens: string[],
): Understanding | undefined {
  const { entities } = resolved;
  if (resolved.intent !== 'unknown' && resolved.confidence >= CONFIDENCE_THRESHOLD) return undefined;
  if (!progressAspects.has(entities.aspect ?? '') || !tokens.some((token) => municipalitiesWord.test(token)))
    return undefined;
  const counted = new Set(knowledge.bbrStatus.map((row) => row.task));
  if (!entities.tasks.some((taskId) => counted.has(taskId))) return undefined;
  return { ...resolved, intent: 'status.national', confidence: CONFIDENCE_THRESHOLD };
}
