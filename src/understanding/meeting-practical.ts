import type { Knowledge } from '../knowledge/registry.js';
import type { DateSpan, Understanding } from './types.js';

// The practical side of a meeting: its sound tests, its hosts, how to speak and ask on it
const practicalWord =
  /^(lyd|lydtest\w*|lydproeve\w*|lyden|sound\w*|mikrofon\w*|mic|mics|mik|mikken|microphone\w*|chat|chatten|vaert|vaerter|vaerterne|vaertinde\w*|host|hosts|hosting|etikette|etiquette|spilleregler|regler|reglerne|rules|mute\w*)$/;
// … of which these are of a meeting whatever else is said ("should I keep my mic on?")
const meetingsOwnWord = /^(lydtest\w*|lydproeve\w*|mikrofon\w*|mic|mics|mik|mikken|microphone\w*|mute\w*|unmute\w*)$/;
// "få ordet", "say something in the debate": taking the floor ("hvad betyder ordet …?" is no such thing)
const takingTheFloor =
  /\b(f(?:å|aa)|have|bede\s+om|(?:ø|oe)nsker?)\s+ordet\b|\bthe\s+floor\b|\bsige\s+noget\b|\bsay\s+something\b|\bspeak\s+up\b/iu;
// "hvem står bag mødet?", "hvem står for programledermødet?", "who is running the september
// programme leader meeting?": up to four words between, which say which meeting, never what about
// ("hvem står for organisation på mødet?" asks who presents that point)
const between = String.raw`(?:the|this|that|today'?s|todays|september|sept|programme|program|leader|dagens|det|den|de|denne|i|dag|online|skype|naeste|næste|next|\d+\.?)`;
const behindIt = new RegExp(
  String.raw`\b(st(?:å|aa)r\s+(?:bag|for)|(?:af)?holder|styrer|runn?ing|runs?|hosts?|hosting|chairs?|chairing|facilitat\w*)\s+(?:${between}\s+){0,4}?(m(?:ø|oe)de(?:t|rne)?|programlederm(?:ø|oe)de(?:t|rne)?|meetings?|session\w*|call)\b|\bbehind\s+the\s+meeting\b`,
  'iu',
);
// … of the programme leader meeting, not a kick-off, a webinar, a talk or someone else's meeting,
// nor one point of its programme ("hvem står for punktet om Organisation?", "the session on SKI")
const anotherGathering =
  /(kick|opstart|webinar|kommunedag|oplaeg|oplæg|indlaeg|indlæg|leverandoer|leverandør|vendor|kommunen|punkt|point|item|evaluering|evaluation)|\b(m(?:ø|oe)det|meeting|session)\s+(om|on|about)\b/iu;
/** Whether the question asks who hosts or runs a meeting: its hosts, whatever role its words were taken to describe. */
export function asksWhoIsBehind(text: string): boolean {
  // ("hvor mange gange holder de mødet?" asks how often it is held)
  return behindIt.test(text) && /(?<!\p{L})(hvem|who)(?!\p{L})/iu.test(text) && !anotherGathering.test(text);
}

const meetingWord = /^(moed\w*|programledermoed\w*|skype\w*|meeting\w*|session\w*|call|opkald\w*)$/;
// testing the sound is something only a meeting has ("when do you test the sound before we start?")
const testingTheSound =
  /\b(test\w*|check\w*|tjek\w*|pr(?:ø|oe)v\w*)\s+((?:i|vi|you|we|the|af)\s+)?(sound|lyd\w*)\b|\b(sound|lyd)\s*(check|test|tjek)\w*\b/iu;

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
  if (!tokens.some((token) => practicalWord.test(token)) && !asksWhoIsBehind(text) && !takingTheFloor.test(text))
    return undefined;
  const onAMeetingDay =
    dates !== undefined &&
    knowledge.meetings.some((meeting) => meeting.date >= dates.start && meeting.date <= dates.end);
  const ofAMeeting =
    tokens.some((token) => meetingWord.test(token) || meetingsOwnWord.test(token)) || testingTheSound.test(text);
  if (!onAMeetingDay && !ofAMeeting) return undefined;
  return {
    intent: 'agenda.today',
    confidence: Math.max(resolved.confidence, 0.7),
    entities: { ...resolved.entities, aspect: 'practical' },
    language: resolved.language,
  };
}

// "bliver mødet kørt igen?", "is there a rerun of today's call?": the same programme on another day
const rerunWord = /^(gentagelse\w*|gentages|gentaget|genudsend\w*|rerun\w*|repeated|repeats|repetition)$/;
// "igen" only with a word of holding it: "starter mødet igen efter pausen?" is the same meeting resumed
const heldAgain =
  /\b(k(?:ø|oe)r(?:es|er|t)?|holdes|afholdes|held|run|runs|hold(?:ing)?)\b[^.?!]*\b(igen|again)\b|\b(igen|again)\b[^.?!]*\b(k(?:ø|oe)r(?:es|er|t)?|holdes|afholdes|held)\b/iu;
// resuming, rejoining or a break: the meeting going on, not held again
const resumeWord = /^(pause\w*|pausen|break|tilbage|back|resume\w*|rejoin\w*)$/;
const accessWord = /^(link\w*|url|adresse\w*|password|adgangskode\w*|pinkode\w*)$/;
const anotherDay = /\b(en\s+anden\s+dag|andre\s+dage|another\s+day|other\s+days|a\s+later\s+date)\b/iu;

/**
 * "bliver programledermødet kørt igen en anden dag?", "is there a repeat of the meeting next
 * week?": the meeting held again, which the next-meeting answer gives (the same programme's
 * other runs, then the next meeting).
 */
export function meetingAgain(text: string, tokens: string[], resolved: Understanding): Understanding | undefined {
  // "the link for the rerun" asks for a thing of it, not whether it is held
  if (!tokens.some((token) => meetingWord.test(token)) || tokens.some((token) => accessWord.test(token)))
    return undefined;
  const again = tokens.some((token) => rerunWord.test(token)) || heldAgain.test(text) || anotherDay.test(text);
  if (!again || tokens.some((token) => resumeWord.test(token))) return undefined;
  return {
    intent: 'event.next-meeting',
    confidence: Math.max(resolved.confidence, 0.7),
    entities: resolved.entities,
    language: resolved.language,
  };
}

// what a meeting is or was about: its topics, its programme, what was gone through on it
const topicsWord =
  /^(emne|emner|emnerne|emnet|topics?|dagsorden\w*|agenda\w*|programmet|indhold\w*|gennemgaaet|gennemgaar|gennemgik|snakket|snakkede|talt|droeftet|droeftede|praesenteret|praesenterede|discussed|covered|presented)$/;
// "hvad handler/handlede mødet om?", "hvad gik mødet ud på?", "what's the meeting about?", "tell me about the meeting"
const aboutIt =
  /(?<!\p{L})(handle[rt]?|handlede)(?!\p{L})[^?!]*(?<!\p{L})om(?!\p{L})|(?<!\p{L})(går|gaar|gik)(?!\p{L})[^?!]*(?<!\p{L})ud\s+p(?:å|aa)(?!\p{L})|(?<!\p{L})(what|whats|tell)(?!\p{L})[^?!]*(?<!\p{L})about(?!\p{L})/iu;
// a question put in the past: the meeting held last, not the next
const pastWord =
  /^(var|stod|handlede|gik|blev|gennemgik|snakkede|droeftede|praesenterede|was|were|did|discussed|covered|presented)$/;
// … not the next meeting, whose programme is not out, whom to write to, nor another kind of event
const otherAsking =
  /^(naeste|kommende|next|upcoming|later|senere|skrive|skriv|kontakt\w*|feedback|mail\w*|ring|call|send|sende|spoerg\w*|forbered\w*|prepare|emnefelt\w*|webinar\w*|kommunedag\w*|opstartsmoed\w*|kick)$/;
// the words that name a meeting, with its programme's own ("dagsordenen", "agenda")
const meetingOrAgenda = /^(moed\w*|programledermoed\w*|skype\w*|meeting\w*|dagsorden\w*|agenda\w*)$/;

/**
 * "hvad handlede programledermødet om?", "what was the meeting about?", "hvad stod på
 * dagsordenen?": a programme leader meeting asked about whole is its programme: today's on a
 * meeting day; asked in the past, that of the meeting held last; on another day, that of the
 * next run of the series, or the last; asked of a span ("skypemøderne i september"), that of the
 * first in it still to come.
 */
export function meetingTopics(
  knowledge: Knowledge,
  text: string,
  tokens: string[],
  resolved: Understanding,
  at: { today: string; time: string },
): Understanding | undefined {
  const { today } = at;
  if (!tokens.some((token) => meetingOrAgenda.test(token))) return undefined;
  if (!(tokens.some((token) => topicsWord.test(token)) || aboutIt.test(text))) return undefined;
  if (tokens.some((token) => otherAsking.test(token))) return undefined;
  // (a kick-off meeting, a webinar: another kind of event, with its own answer)
  if ((resolved.entities.eventKinds ?? []).some((kind) => kind !== 'meeting')) return undefined;
  const past = tokens.some((token) => pastWord.test(token));
  // (today's programme is what the programme answer says already)
  if (resolved.intent === 'agenda.today' && !past) return undefined;
  const span = resolved.entities.dates;
  const meetings = knowledge.meetings
    .filter((meeting) => (span ? meeting.date >= span.start && meeting.date <= span.end : true))
    .sort((a, b) => a.date.localeCompare(b.date));
  const days = meetings.map((meeting) => meeting.date);
  // (held: before today, or today and begun)
  const held = meetings
    .filter((meeting) => meeting.date < today || (meeting.date === today && meeting.start <= at.time))
    .at(-1)?.date;
  const coming = days.find((date) => date >= today);
  const day = past ? held : span ? coming : (coming ?? held);
  if (day === undefined) return undefined;
  return {
    intent: 'agenda.today',
    confidence: Math.max(resolved.confidence, 0.7),
    entities: { ...resolved.entities, ...(day === today && !span ? {} : { dates: { start: day, end: day } }) },
    language: resolved.language,
  };
}
