import type { Knowledge } from '../knowledge/registry.js';
import { countSources } from './count-sources.js';
import { tasksBeingUpdated } from './task-updates.js';
import { asksWhoIsBehind, meetingAgain, meetingPractical, meetingTopics } from './meeting-practical.js';
import type { PassageReadings } from './passage-readings.js';
import { PASSAGE_OVER_GUESS, asksTheKnowledge, namesSomething } from './reading-groups.js';
import type { DateSpan, Understanding } from './types.js';

/**
 * Questions of a kind the examples cannot tell apart, read by their words: who holds a role in
 * a municipality, a meeting's practical side, what a meeting is about, where the national
 * figures come from, the tasks being updated, the meeting held again.
 */
export function particularQuestion(question: {
  knowledge: Knowledge;
  passages: PassageReadings;
  text: string;
  tokens: string[];
  resolved: Understanding;
  dates: DateSpan | undefined;
  /** The asker's day (Copenhagen) as an ISO date, and time of day as the material writes it ("10.05"). */
  at: { today: string; time: string };
}): Understanding | undefined {
  const { knowledge, passages, text, tokens, resolved, dates } = question;
  const { roles, municipalities, tasks, steps, itSystems, supportSystems } = resolved.entities;
  if (resolved.intent !== 'unknown' && !asksTheKnowledge.has(resolved.intent)) return undefined;
  // "hvem er KOMBIT-programleder i Kolding?": a person in a municipality, whom the material never names
  const nothingElse = tasks.length + steps.length + itSystems.length + supportSystems.length === 0;
  // ("hvad hedder programlederen i Vejle?", "what's the name of …" ask for someone too)
  const asksForSomeone =
    tokens.some((token) => /^(hvem|who|whom)$/.test(token)) ||
    (tokens.some((token, index) => /^(hedder|name|navn|navnet)$/.test(token) && index < 3) &&
      !tokens.some((token) => /^(rolle\w*|roles?)$/.test(token)));
  if (asksForSomeone && roles.length > 0 && municipalities.length > 0 && nothingElse)
    return { ...resolved, intent: 'unknown', confidence: 1 };
  // (the next meeting's practicalities are not announced: it has its own answer)
  // … but who runs "the meeting" is the hosts of the meeting the material has, unless the next one is asked
  const ofTheNext = tokens.some((token) => /^(naeste|next|kommende|upcoming)$/.test(token));
  const nextMeeting = resolved.intent === 'event.next-meeting' && (ofTheNext || !asksWhoIsBehind(text));
  const practical = nextMeeting ? undefined : meetingPractical(knowledge, text, tokens, dates, resolved);
  // … unless a passage holds the whole question ("hvor finder jeg plancherne fra mødet?")
  if (practical && (!namesSomething(resolved.entities) || asksWhoIsBehind(text))) {
    // (who runs the meeting is its hosts, whatever passage mentions the day's meeting)
    if (asksWhoIsBehind(text)) return practical;
    const fact = passages.fromPassages(text, tokens, resolved);
    return fact && fact.confidence >= PASSAGE_OVER_GUESS ? fact : practical;
  }
  // "hvad handlede mødet om?": the meeting's programme, unless the question names a thing of it
  const topics = meetingTopics(knowledge, text, tokens, resolved, question.at);
  if (topics && !namesSomething(resolved.entities)) return topics;
  const sources = countSources(knowledge, tokens, resolved) ?? tasksBeingUpdated(tokens, resolved);
  if (sources) return sources;
  // the meeting held again, wherever the asker says they are from
  const again = meetingAgain(text, tokens, resolved);
  return again && !namesSomething({ ...resolved.entities, municipalities: [] }) ? again : undefined;
}
