import type { Reading } from './reading.js';
import type { Intent, Understanding } from './types.js';

/**
 * A meeting host's commands: "start møde", "næste punkt", "forrige punkt", "gå til punkt 5",
 * "pause 10", "afslut møde", the roll call's "jeg er her" and "hvem er her?" (and the
 * English ones). Short imperatives recognised by their whole wording, never by resemblance: a
 * question about the meeting ("hvornår er der pause?", "hvad er næste punkt?") stays a question.
 */

/** The intents of a host running a meeting. */
export const meetingIntents: readonly Intent[] = [
  'meeting.start',
  'meeting.next',
  'meeting.previous',
  'meeting.goto',
  'meeting.pause',
  'meeting.end',
  'meeting.here',
  'meeting.attendance',
  'meeting.remind',
  'meeting.remind-stop',
];

// Words around a command that change nothing: "ok klikbot, næste punkt tak", "lad os holde pause".
const leading = new Set([
  'ok',
  'okay',
  'klikbot',
  'please',
  'venligst',
  'lad',
  'os',
  'vi',
  'saa',
  'nu',
  'let',
  's',
  'lets',
]);
const trailing = new Set(['tak', 'please', 'nu', 'now', 'venligst', 'klikbot']);

const startVerbs = new Set(['start', 'starte', 'starter', 'begynd', 'begynde', 'begynder', 'begin', 'open']);
const endVerbs = new Set(['afslut', 'afslutte', 'afslutter', 'slut', 'luk', 'lukke', 'end', 'close', 'finish', 'stop']);
const meetingNouns = new Set(['moede', 'moedet', 'meeting', 'programledermoede', 'programledermoedet']);
const articles = new Set(['dagens', 'the', 'today', 's', 'todays', 'this']);
const minuteWords = new Set(['m', 'min', 'mins', 'minut', 'minutter', 'minute', 'minutes', 'minutters']);

const nextPhrases = [
  ['naeste', 'punkt'],
  ['naeste', 'punkt', 'paa', 'dagsordenen'],
  ['videre', 'til', 'naeste', 'punkt'],
  ['gaa', 'videre', 'til', 'naeste', 'punkt'],
  ['gaar', 'videre', 'til', 'naeste', 'punkt'],
  ['gaa', 'videre'],
  ['videre'],
  ['next', 'item'],
  ['next', 'agenda', 'item'],
  ['next', 'point'],
  ['next', 'topic'],
  ['move', 'on'],
  ['move', 'on', 'to', 'the', 'next', 'item'],
];
const previousPhrases = [
  ['forrige', 'punkt'],
  ['tilbage', 'til', 'forrige', 'punkt'],
  ['gaa', 'tilbage', 'til', 'forrige', 'punkt'],
  ['et', 'punkt', 'tilbage'],
  ['gaa', 'et', 'punkt', 'tilbage'],
  ['previous', 'item'],
  ['previous', 'agenda', 'item'],
  ['back', 'to', 'the', 'previous', 'item'],
  ['go', 'back', 'to', 'the', 'previous', 'item'],
];
// "gå til punkt 5", "hop til punkt 5", "go to item 5": the number follows
const gotoPhrases = [
  ['gaa', 'til', 'punkt'],
  ['hop', 'til', 'punkt'],
  ['spring', 'til', 'punkt'],
  ['videre', 'til', 'punkt'],
  ['tilbage', 'til', 'punkt'],
  ['gaa', 'tilbage', 'til', 'punkt'],
  ['go', 'to', 'item'],
  ['jump', 'to', 'item'],
  ['go', 'to', 'agenda', 'item'],
];
const overPhrases = [
  ['moedet', 'er', 'slut'],
  ['moedet', 'er', 'afsluttet'],
  ['the', 'meeting', 'is', 'over'],
  ['meeting', 'over'],
];

// the roll call: a participant says they are here; the host asks who is (a question is fine)
const herePhrases = [
  ['jeg', 'er', 'her'],
  ['jeg', 'er', 'til', 'stede'],
  ['til', 'stede'],
  ['her'],
  ['i', 'm', 'here'],
  ['im', 'here'],
  ['i', 'am', 'here'],
  ['here'],
  ['present'],
];
const attendancePhrases = [
  ['hvem', 'er', 'her'],
  ['hvem', 'er', 'til', 'stede'],
  ['hvor', 'mange', 'er', 'her'],
  ['fremmoede'],
  ['fremmoedet'],
  ['who', 'is', 'here'],
  ['who', 's', 'here'],
  ['how', 'many', 'are', 'here'],
  ['attendance'],
  ['roll', 'call'],
];
// "fremmøde med navne": the host asks for the names too
const withNames = [
  ['med', 'navne'],
  ['with', 'names'],
];

// reminders before each meeting in this conversation: "mind os om mødet", "stop mødepåmindelser"
const remindWho = new Set(['os', 'mig', 'us', 'me']);
const remindWhat = new Set(['moedet', 'moederne', 'programledermoedet', 'programledermoederne', 'meeting', 'meetings']);
const reminderNouns = new Set(['moedepaamindelser', 'moedepaamindelserne', 'moedepaamindelse']);

/** "mind os om mødet", "remind us about the meeting(s)". */
function asksReminders(words: readonly string[]): boolean {
  const [verb, who, about, ...rest] = words;
  const what = rest[0] === 'the' || rest[0] === 'next' ? rest.slice(1) : rest;
  const danish = verb === 'mind' && about === 'om';
  const english = verb === 'remind' && (about === 'about' || about === 'of');
  return (danish || english) && remindWho.has(who ?? '') && what.length === 1 && remindWhat.has(what[0]!);
}

/** "stop mødepåmindelser", "slå mødepåmindelser fra", "stop meeting reminders". */
function stopsReminders(words: readonly string[]): boolean {
  if (same(words, ['stop', 'meeting', 'reminders'])) return true;
  if (words.length === 2 && ['stop', 'stoppe'].includes(words[0]!)) return reminderNouns.has(words[1]!);
  return words.length === 3 && words[0] === 'slaa' && reminderNouns.has(words[1]!) && words[2] === 'fra';
}

/** Whether the words ask for the roll call, with or without "med navne". */
function asksAttendance(words: readonly string[]): boolean {
  const plain = withNames.some((tail) => same(words.slice(-2), tail)) ? words.slice(0, -2) : words;
  return attendancePhrases.some((phrase) => same(plain, phrase));
}

/** Whether "fremmøde med navne" asks for the names of those present. */
export function asksForNames(tokens: readonly string[]): boolean {
  return withNames.some((tail) => same(core(tokens).slice(-2), tail));
}

function same(tokens: readonly string[], phrase: readonly string[]): boolean {
  return tokens.length === phrase.length && phrase.every((word, index) => tokens[index] === word);
}

/** The command's own words: courtesy words at either end left out. */
function core(tokens: readonly string[]): string[] {
  let start = 0;
  let end = tokens.length;
  while (start < end && leading.has(tokens[start]!)) start += 1;
  while (end > start && trailing.has(tokens[end - 1]!)) end -= 1;
  return tokens.slice(start, end);
}

/** "<verb> [dagens|the] møde" and what follows the noun, or undefined when the words are not that. */
function verbMeeting(words: readonly string[], verbs: ReadonlySet<string>): string[] | undefined {
  if (!verbs.has(words[0] ?? '')) return undefined;
  let at = 1;
  while (at < words.length && articles.has(words[at]!)) at += 1;
  return meetingNouns.has(words[at] ?? '') ? words.slice(at + 1) : undefined;
}

function isNumber(token: string | undefined): boolean {
  return token !== undefined && /^\d{1,3}$/.test(token);
}

/**
 * "pause 10", "pause i 10 min", "10 minutters pause", "hold pause", "break 15", "take a 10
 * minute break": a break asked for, with or without its length.
 */
function asksForBreak(words: readonly string[]): boolean {
  const rest = ['holder', 'hold', 'holde', 'take'].includes(words[0] ?? '')
    ? words.slice(words[1] === 'a' ? 2 : 1)
    : words;
  const [first, ...after] = rest;
  const length = (part: readonly string[]) => {
    const from = part[0] === 'i' || part[0] === 'paa' || part[0] === 'for' ? 1 : 0;
    return (
      isNumber(part[from]) && part.slice(from + 1).every((word) => minuteWords.has(word)) && part.length - from <= 2
    );
  };
  if (first === 'pause' || first === 'break') return after.length === 0 ? rest !== words : length(after);
  // "10 minutters pause", "10 minute break"
  return (
    isNumber(first) &&
    rest.length <= 3 &&
    ['pause', 'break'].includes(rest.at(-1) ?? '') &&
    rest.slice(1, -1).every((word) => minuteWords.has(word))
  );
}

function commandOf(reading: Reading): Intent | undefined {
  const words = core(reading.tokens);
  if (words.length === 0 || words.length > 8) return undefined;
  const afterStart = verbMeeting(words, startVerbs);
  // a date may follow: "start mødet 12. september"
  if (afterStart && (afterStart.length === 0 || (reading.entities.dates && afterStart.length <= 5)))
    return 'meeting.start';
  const afterEnd = verbMeeting(words, endVerbs);
  if ((afterEnd && afterEnd.length === 0) || overPhrases.some((phrase) => same(words, phrase))) return 'meeting.end';
  if (nextPhrases.some((phrase) => same(words, phrase))) return 'meeting.next';
  if (previousPhrases.some((phrase) => same(words, phrase))) return 'meeting.previous';
  if (isNumber(words.at(-1)) && gotoPhrases.some((phrase) => same(words.slice(0, -1), phrase))) return 'meeting.goto';
  return asksForBreak(words) ? 'meeting.pause' : undefined;
}

/** What a "hvordan …" question about running a meeting asks how to do; the help dialog names the command. */
export type MeetingHowTo = 'start' | 'next' | 'pause' | 'evaluation' | 'end' | 'cohost';

/** The `aspect` a how-to question carries to the help dialog: "meeting:start". */
export const HOW_TO_ASPECT = 'meeting:';

const howWords = new Set(['hvordan', 'how']);
const evaluationNouns = new Set(['evaluering', 'evalueringen', 'evaluation']);
const breakVerbs = new Set(['holder', 'holde', 'tager', 'tage', 'take', 'have', 'pause']);

/** "hvordan går jeg videre til næste punkt?", "how do I take a break?": which command is asked for. */
function howToOf(words: readonly string[]): MeetingHowTo | undefined {
  const has = (set: ReadonlySet<string>) => words.some((word) => set.has(word));
  const hasMeeting = has(meetingNouns);
  if (has(evaluationNouns) && has(startVerbs)) return 'evaluation';
  if (hasMeeting && has(startVerbs)) return 'start';
  if (hasMeeting && has(endVerbs)) return 'end';
  if (words.includes('medvaert') || words.includes('cohost') || words.join(' ').includes('co host')) return 'cohost';
  const at = words.findIndex((word) => word === 'naeste' || word === 'next');
  if (at !== -1 && ['punkt', 'item', 'point'].includes(words[at + 1] ?? '')) return 'next';
  if ((words.includes('pause') || words.includes('break')) && has(breakVerbs)) return 'pause';
  return undefined;
}

/**
 * "hvordan starter jeg mødet?", "how do I end the meeting?": how to run a meeting, answered
 * with the command to type (help). Only a short question that opens with "hvordan"/"how".
 */
export function meetingHowTo(reading: Reading): Understanding | undefined {
  const words = reading.tokens;
  if (!howWords.has(words[0] ?? '') || words.length > 10) return undefined;
  const topic = howToOf(words.slice(1));
  if (!topic) return undefined;
  return {
    intent: 'help',
    confidence: 0.95,
    entities: { ...reading.entities, aspect: `${HOW_TO_ASPECT}${topic}` },
    language: reading.language,
  };
}

/** A host's command to run the meeting, when the sentence is one (never a question), or how to give one. */
export function meetingCommand(reading: Reading): Understanding | undefined {
  const howTo = meetingHowTo(reading);
  if (howTo) return howTo;
  const words = core(reading.tokens);
  if (asksAttendance(words))
    return { intent: 'meeting.attendance', confidence: 0.95, entities: reading.entities, language: reading.language };
  if (reading.questionMark) return undefined;
  const intent = herePhrases.some((phrase) => same(words, phrase))
    ? 'meeting.here'
    : asksReminders(words)
      ? 'meeting.remind'
      : stopsReminders(words)
        ? 'meeting.remind-stop'
        : commandOf(reading);
  return intent ? { intent, confidence: 0.95, entities: reading.entities, language: reading.language } : undefined;
}

/** The agenda item number "gå til punkt 5" names (5), if any. */
export function agendaItemOf(tokens: readonly string[]): number | undefined {
  return pauseMinutesOf(tokens);
}

/** The minutes a break command names ("pause 10" is 10), if any. */
export function pauseMinutesOf(tokens: readonly string[]): number | undefined {
  const number = tokens.find((token) => isNumber(token));
  return number === undefined ? undefined : Number(number);
}
