import type { Knowledge } from '../knowledge/registry.js';
import { countSources } from './count-sources.js';
import { meetingAgain, meetingPractical } from './meeting-practical.js';
import type { PassageReadings } from './passage-readings.js';
import { PASSAGE_OVER_GUESS, asksTheKnowledge, namesSomething } from './reading-groups.js';
import { asksWho } from './reading-parts.js';
import type { DateSpan, Understanding } from './types.js';

// the words that ask for roles in the plural, or for how many
const asksForAList = /^(hvilke|which|list\w*|roller|rollerne|roles|mange|many|andre|other|others)$/;

/**
 * Questions of a kind the examples cannot tell apart, read by their words: a meeting's
 * practical side, where the national figures come from, the meeting held again.
 */
export function particularQuestion(question: {
  knowledge: Knowledge;
  passages: PassageReadings;
  text: string;
  tokens: string[];
  resolved: Understanding;
  dates: DateSpan | undefined;
}): Understanding | undefined {
  const { knowledge, passages, text, tokens, resolved, dates } = question;
  const { roles, municipalities, tasks, steps, itSystems, supportSystems } = resolved.entities;
  // "hvad var første skridt i BBR-opgaverne, der skulle gøres klar?": a step named is that step,
  // and a task named its deadline; the past deadlines are asked for with neither
  if (resolved.intent === 'deadline.overdue' && steps.length > 0) return { ...resolved, intent: 'task.steps' };
  if (resolved.intent === 'deadline.overdue' && tasks.length > 0) return { ...resolved, intent: 'deadline.task' };
  if (resolved.intent !== 'unknown' && !asksTheKnowledge.has(resolved.intent)) return undefined;
  // "hvem er KOMBIT-programleder i Kolding?": a person in a municipality, whom the material never names
  const nothingElse = tasks.length + steps.length + itSystems.length + supportSystems.length === 0;
  if (asksWho(tokens) && roles.length > 0 && municipalities.length > 0 && nothingElse)
    return { ...resolved, intent: 'unknown', confidence: 1 };
  // "er KOMBIT-SPOC en rolle i implementering eller drift?", "er it-arkitekten med i rollegalleriet?":
  // one role asked about is that role's answer (where it stands in the gallery), not the list
  if (resolved.intent === 'role.list' && roles.length === 1 && !tokens.some((token) => asksForAList.test(token)))
    return { ...resolved, intent: 'role.describe' };
  // (the next meeting's practicalities are not announced: it has its own answer)
  const practical =
    resolved.intent === 'event.next-meeting' ? undefined : meetingPractical(knowledge, text, tokens, dates, resolved);
  // … unless a passage holds the whole question ("hvor finder jeg plancherne fra mødet?")
  if (practical && !namesSomething(resolved.entities)) {
    const fact = passages.fromPassages(text, tokens, resolved);
    return fact && fact.confidence >= PASSAGE_OVER_GUESS ? fact : practical;
  }
  const sources = countSources(knowledge, tokens, resolved);
  if (sources) return sources;
  // the meeting held again, wherever the asker says they are from
  const again = meetingAgain(text, tokens, resolved);
  return again && !namesSomething({ ...resolved.entities, municipalities: [] }) ? again : undefined;
}
