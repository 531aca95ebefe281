import type { Knowledge } from '../knowledge/registry.js';
import type { DateSpan, Understanding } from './types.js';

// The practical side of a meeting: its sound tests, its hosts, how to speak and ask on it
const practicalWord =
  /^(lyd|lydtest\w*|lydproeve\w*|lyden|sound\w*|mikrofon\w*|mic|mics|mik|mikken|microphone\w*|chat|chatten|ordet|debat\w*|debate|vaert|vaerter|vaerterne|vaertinde\w*|host|hosts|hosting|etikette|spilleregler|mute\w*)$/;
// "hvem står bag mødet?", "who is running the meeting?"
const behindIt = /\b(st(?:å|aa)r\s+bag|holder\s+m(?:ø|oe)det|running\s+the\s+meeting|behind\s+the\s+meeting)\b/iu;
const meetingWord = /^(moed\w*|programledermoed\w*|skype\w*|meeting\w*|call|opkald\w*)$/;

/**
 * "hvornår tester vi lyd før mødet i dag?", "hvem står bag mødet?", "hvad gør jeg, hvis jeg vil
 * sige noget i debatten på Skype?": the practical side of a programme leader meeting (its sound
 * tests, hosts and how to take part) asked about a meeting, by name or by its day.
 */
export function meetingPractical(
  knowledge: Knowledge,
  text: string,
  tokens: string[],
  dates: DateSpan | undefined,
  resolved: Understanding,
): Understanding | undefined {
  if (!tokens.some((token) => practicalWord.test(token)) && !behindIt.test(text)) return undefined;
  const onAMeetingDay =
    dates !== undefined &&
    knowledge.meetings.some((meeting) => meeting.date >= dates.start && meeting.date <= dates.end);
  if (!onAMeetingDay && !tokens.some((token) => meetingWord.test(token))) return undefined;
  return {
    intent: 'agenda.today',
    confidence: Math.max(resolved.confidence, 0.7),
    entities: { ...resolved.entities, aspect: 'practical' },
    language: resolved.language,
  };
}
