import { ordinals } from './keywords.js';
import type { Reading } from './reading.js';
import type { DateSpan, Entities, Intent, Understanding } from './types.js';

/**
 * Follow-ups: when a question leans on the conversation's last topic ("og trin 4?", "hvem er
 * ansvarlig?"), and what it keeps of it.
 */

const followUpOpeners = [['og'], ['hvad', 'med'], ['and'], ['what', 'about'], ['samme'], ['også']];

/** Whether the intent changes what is stored: made once, by its own sentence, never by a follow-up. */
export function changesState(intent: Intent): boolean {
  return ['status.update', 'membership.set', 'reminder.subscribe', 'reminder.unsubscribe', 'reminder.snooze'].includes(
    intent,
  );
}

/** Whether the question opens as a follow-up ("og …", "hvad med …") and is short. */
export function isFollowUp(tokens: string[]): boolean {
  return tokens.length <= 8 && followUpOpeners.some((opener) => opener.every((word, index) => tokens[index] === word));
}

// question words after the opener ask something new of the same topic: "og hvornår?", "and by when?"
const questionWords = new Set(['hvornaar', 'hvem', 'hvor', 'hvordan', 'hvorfor', 'when', 'who', 'where', 'how', 'why']);

/** Whether a follow-up asks its own question of the last topic rather than repeating the last question for something else. */
export function asksAnew(tokens: string[]): boolean {
  const opener = followUpOpeners.find((words) => words.every((word, index) => tokens[index] === word)) ?? [];
  // "og de to andre basisopgaver?" asks for several tasks, not the last question of one
  return tokens.slice(opener.length).some((token) => questionWords.has(token) || severalTasks.test(token));
}

const severalTasks = /^\w*(opgaver|opgaverne|tasks)$/;

// "hvilke deadlines kommer nu?" asks for the list even right after a task; "hvornår er fristen?" does not
const listWords = new Set([
  'deadlines',
  'frister',
  'fristerne',
  'kommende',
  'kommer',
  'naeste',
  'upcoming',
  'next',
  'coming',
  'nu',
  'snart',
  'alle',
]);

/** Whether the question asks for one deadline rather than the list. */
export function asksOneDeadline(tokens: string[]): boolean {
  return !tokens.some((token) => listWords.has(token));
}

/** The kinds of thing a question can name, as `Entities` lists them. */
export const namedKinds = [
  'tasks',
  'roles',
  'itSystems',
  'interfaces',
  'supportSystems',
  'municipalities',
  'strategies',
  'deadlines',
] as const;

/**
 * A short question that names nothing of its own ("hvor lang tid tager det?", "og ulemperne?")
 * is about the conversation's last topic: it keeps that topic's things, and its own aspect,
 * step or event kind where it names one.
 */
export function inheritTopic(reading: Reading, previous: Understanding | undefined): Reading {
  if (!previous || reading.tokens.length > 8) return reading;
  const own = reading.entities;
  // keep what the question names itself; take the rest from the last topic
  // what an earlier sentence reported is no part of this one, nor the passages quoted for it
  const { report: _reported, passages: _quoted, evidence: _evidence, ...earlier } = previous.entities;
  const entities: Entities = { ...earlier, ...own };
  for (const kind of namedKinds) if (own[kind].length === 0) entities[kind] = previous.entities[kind];
  if (own.steps.length === 0) entities.steps = previous.entities.steps;
  if (own.eventKinds.length === 0) entities.eventKinds = previous.entities.eventKinds;
  if (!own.dates) entities.dates = previous.entities.dates;
  // "hvad med trin 4?" names a step, it does not ask for the steps: the earlier question's aspect stays
  const namesAStep = reading.stepNumber !== undefined && own.aspect === 'steps';
  if (!own.aspect || namesAStep) entities.aspect = previous.entities.aspect;
  const letter = strategyLetter(reading, previous);
  if (letter) entities.strategies = [letter];
  // "og d 14?" after a point of one meeting's programme: the same point on that day's meeting
  if (own.dates && previous.entities.agendaItems)
    entities.agendaItems = sameItemsOn(reading.knowledge, previous.entities.agendaItems, own.dates);
  const stepNumber = reading.stepNumber ?? ordinalStep(reading.tokens);
  return { ...reading, stepNumber, entities };
}

/** The points titled as these ("meetingId#index") on the meetings in `dates`; none where there is no meeting. */
function sameItemsOn(knowledge: Reading['knowledge'], items: string[], dates: DateSpan): string[] {
  const titleOf = (key: string) => {
    const [meetingId, index] = key.split('#');
    return knowledge.meetings.find((meeting) => meeting.id === meetingId)?.agenda[Number(index)]?.title;
  };
  const titles = new Set(items.map(titleOf));
  const moved = knowledge.meetings
    .filter((meeting) => meeting.date >= dates.start && meeting.date <= dates.end)
    .flatMap((meeting) =>
      meeting.agenda.flatMap((item, index) => (titles.has(item.title) ? [`${meeting.id}#${index}`] : [])),
    );
  // a day without that meeting has no such point: the programme's answer says so
  return moved;
}

// "hvad med B?" after a question about the strategies: the letter is the strategy.
function strategyLetter(reading: Reading, previous: Understanding): string | undefined {
  if (previous.intent !== 'strategy.describe') return undefined;
  const letter = reading.tokens.find((token) => /^[abc]$/.test(token));
  return letter
    ? reading.knowledge.strategies.find((item) => item.kind === 'strategy' && item.letter.toLowerCase() === letter)?.id
    : undefined;
}

// "hvor mange er færdige med det første?" after a question about steps: the first step.
function ordinalStep(tokens: string[]): number | undefined {
  for (const token of tokens) if (ordinals[token] !== undefined) return ordinals[token];
  return undefined;
}

// Words that point back at the conversation's last topic ("hvad laver den rolle?").
const pointingBack = new Set([
  'de',
  'den',
  'det',
  'dem',
  'denne',
  'dette',
  'disse',
  'it',
  'that',
  'them',
  'this',
  'those',
  'they',
  // "hvad skal han så hjælpe med?" after a role: the one who holds it ("her" is Danish "here")
  'han',
  'hun',
  'ham',
  'hende',
  // "hvad skal vedkommende hjælpe med?": the one just named, said formally
  'vedkommende',
  'he',
  'she',
  'him',
  // "hvad er hans nummer?", "and her e-mail?": whose, of the one just named
  'hans',
  'hendes',
  'his',
  'deres',
  'their',
]);

/** Whether the question names no thing of its own. */
export function namesNothing(reading: Reading): boolean {
  return namedKinds.every((kind) => reading.entities[kind].length === 0);
}

// a message of asking words alone ("hvornår?", "hvem så?", "hvad tid så?", "who then?") asks
// them of the last topic; when and who only ("hvor?" after a task has no answer of its own)
const bareQuestionWords = new Set(['hvornaar', 'hvem', 'when', 'who']);
const bareAsking = new Set([
  ...bareQuestionWords,
  'hvad',
  'tid',
  'tidspunkt',
  'klokken',
  'saa',
  'da',
  'egentlig',
  'lige',
  'what',
  'time',
  'then',
]);
const bareAskingLength = 3;

/** Whether the message is nothing but asking words. */
export function onlyAsks(tokens: string[]): boolean {
  return (
    tokens.length > 0 &&
    tokens.length <= bareAskingLength &&
    tokens.every((token) => bareAsking.has(token)) &&
    tokens.some((token) => bareQuestionWords.has(token) || token === 'tid' || token === 'time')
  );
}

// ("time" is an hour in Danish)
const timeWords = { da: new Set(['tid', 'tidspunkt', 'klokken']), en: new Set(['time']) };

/**
 * "hvad tid?" or "what time?" alone, asked of the last topic, is "hvornår?": said as a
 * question of its own, the time words would be read as how long something takes.
 */
export function bareWhen(tokens: string[], language: 'da' | 'en'): string | undefined {
  if (!onlyAsks(tokens) || !tokens.some((token) => timeWords[language].has(token))) return undefined;
  return language === 'en' ? 'when?' : 'hvornår?';
}

/** Whether the question leans on the last topic: a follow-up opener, a word pointing back, asking words alone, or "hvornår er fristen?". */
export function refersBack(reading: Reading): boolean {
  const { tokens } = reading;
  if (isFollowUp(tokens) || tokens.some((token) => pointingBack.has(token)) || onlyAsks(tokens)) return true;
  if (!namesNothing(reading)) return false;
  return (
    tokens.length <= 4 &&
    asksOneDeadline(tokens) &&
    tokens.some((token) => ['deadline', 'deadlinen', 'frist', 'fristen'].includes(token))
  );
}

const personWords = new Set([
  'person',
  'personen',
  'han',
  'hun',
  'ham',
  'hende',
  'hans',
  'hendes',
  'vedkommende',
  'he',
  'she',
  'him',
  'his',
]);

// … asked what they do, not of klikbot ("kan du hjælpe ham?") nor how to reach or replace them
const dutyWord =
  /^(hjaelp\w*|lave|laver|goer|gore|opgave\w*|ansvar\w*|rolle|rollen|do|does|doing|help|helps|task\w*|responsib\w*|role)$/;
const botWord = /^(du|dig|you|klikbot)$/;

/** Whether a follow-up asks what the one just named does ("hvad skal han så hjælpe med?"). */
export function asksWhatThePersonDoes(tokens: string[]): boolean {
  return (
    tokens.some((token) => personWords.has(token)) &&
    tokens.some((token) => dutyWord.test(token)) &&
    !tokens.some((token) => botWord.test(token))
  );
}

// a question word or mark, to the bot's material, in a few words ("er de datoer endelige?"):
// not a remark ("det er forkert"), nor asked of klikbot ("kan du oversætte det?") or of a thing
// the material never speaks of ("er de gratis?", "kan de streames?"), nor who ("hvem har valgt den?"),
// which the last answer does not say
const shortQuestion = 6;
const askingWord =
  /^(hvad|hvem|hvornaar|hvor|hvilke|hvilken|hvilket|hvordan|hvorfor|what|who|when|where|which|how|why)$/;

/** Whether a short follow-up asks something of the last topic in the material's words. */
export function asksOfTheTopic(reading: Reading): boolean {
  const { tokens } = reading;
  return (
    tokens.length <= shortQuestion &&
    (reading.questionMark || askingWord.test(tokens[0] ?? '')) &&
    reading.materialWords() > 0 &&
    !tokens.some((token) => botWord.test(token) || token === 'hvem' || token === 'who')
  );
}
