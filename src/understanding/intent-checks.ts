import { asksWhenCounted } from './settled-intent.js';
import { asksTheKnowledge, namesSomething, undatedIntents } from './reading-groups.js';
import type { Knowledge } from '../knowledge/registry.js';
import { findTask, rolesOfSupportSystem } from '../knowledge/queries.js';
import { dateOfAnotherSystem } from './answered-record.js';
import { CONFIDENCE_THRESHOLD, type Entities, type Understanding } from './types.js';
import {
  comingDeadlines,
  deadlinesAskedAsTasks,
  deadlinesOfASpan,
  deadlinesOfASystem,
  meetingDuration,
  meetingEnd,
  lateWithSomething,
  passedDeadlines,
} from './time-checks.js';
import { statusOfADroppedTask } from './status-checks.js';
import { strategyChoice } from './strategy-choices.js';

/**
 * An intent read from how a question is phrased, checked against what it names: help that is
 * about someone else, past deadlines asked of one task, a list of roles asked of one role, when
 * asked of one task or dated fact, a day's programme asked up to a day, a mail's subject line,
 * whom the asker writes to, the roles of one support system, a date asked of a system its
 * record is not about. The intent is corrected and the other readings still follow
 * (understand.ts).
 */

// "kan du hjælpe?", "hvad kan jeg spørge om?", "hvordan går jeg videre?", "mange tak": help,
// greetings and thanks are short or speak to klikbot or of what the asker does with it;
// "kan Mimi Rasmussen hjælpe os med vores IdP?" asks about someone else
const botWords = new Set([
  'du',
  'dig',
  'din',
  'klikbot',
  'bot',
  'you',
  'your',
  'spoerge',
  'ask',
  'tak',
  'thanks',
  'thank',
  'hej',
  'hi',
  'hello',
]);
const howDoI = /^(hvordan|how)$/;
const botWord = /^(klikbot\w*|bot\w*|chatbot\w*)$/;
const forMe = /^(mig|me|please)$/;
const helpWord = /^(hjaelp|help)$/;
const shortGreeting = 4;

/** Help as help only where it is about klikbot; otherwise not understood, for the other readings. */
function aboutTheBot(read: Understanding, tokens: string[]): Understanding {
  if (read.intent !== 'help' || tokens.length <= shortGreeting) return read;
  if (tokens.some((token) => botWords.has(token) || botWord.test(token))) return read;
  // "kan du hjælpe mig?", "help me please": asked for oneself, where nothing else is named
  if (!namesSomething(read.entities) && tokens.some((token) => forMe.test(token))) return read;
  // "hjælp mig med at komme i gang", "help please": asked of klikbot by how it opens
  if (helpWord.test(tokens[0] ?? '')) return read;
  if (tokens.some((token) => howDoI.test(token)) && tokens.some((token) => token === 'jeg' || token === 'i'))
    return read;
  return { ...read, intent: 'unknown', confidence: 0 };
}

// a group of the SAPA rollout ("gruppe 3", "group 3")
const groupWord = /^(gruppe\w*|group\w*|udrulningsgrupp\w*)$/;

/**
 * "hvor mange kommuner er der i gruppe 3?": a count of municipalities asked of a rollout group,
 * with no task or system named, is no status of a task: not understood, for the other readings
 * (the group's members).
 */
function countOfAGroup(read: Understanding, tokens: string[]): Understanding {
  if (!read.intent.startsWith('status.') || namesSomething(read.entities)) return read;
  return tokens.some((token) => groupWord.test(token)) ? { ...read, intent: 'unknown', confidence: 0 } : read;
}

// the words that ask for roles in the plural, or for how many
const asksForAList = /^(hvilke|which|list\w*|roller|rollerne|roles|mange|many|andre|other|others)$/;

/**
 * "er KOMBIT-SPOC en rolle i implementering eller drift?", "er it-arkitekten med i
 * rollegalleriet?": one role asked about is that role's answer (where it stands in the
 * gallery), not the list.
 */
function oneRole(read: Understanding, tokens: string[]): Understanding {
  if (read.intent !== 'role.list' || read.entities.roles.length !== 1) return read;
  return tokens.some((token) => asksForAList.test(token)) ? read : { ...read, intent: 'role.describe' };
}

// "hvornår" and "when" ask when
const whenWord = /^(hvornaar|hvornar|when)$/;

/**
 * What a question names besides one task and what belongs to it: its steps, its support system
 * and IT systems ("BBRs egen adgangsstyring" is a step of BBR på Adgangsstyring), and, where
 * the question asks what is due ("vi i Vejen …, hvornår er det for sent?"), the municipalities,
 * which every task concerns. "hvornår er Aarhus færdig med BBR?" asks of Aarhus, not of the date.
 */
function namesBesideTask(entities: Entities, knowledge: Knowledge, due: boolean): boolean {
  const task = findTask(knowledge, entities.tasks[0] ?? '');
  if (!task) return true;
  const own = (records: { id: string; name: string }[], names: (string | null)[]) =>
    new Set(records.filter((record) => names.includes(record.name)).map((record) => record.id));
  const supportSystems = own(knowledge.supportSystems, [task.supportSystem]);
  const itSystems = own(knowledge.itSystems, task.itSystems);
  return namesSomething({
    ...entities,
    tasks: [],
    steps: entities.steps.filter((step) => step.taskId !== task.id),
    supportSystems: entities.supportSystems.filter((id) => !supportSystems.has(id)),
    itSystems: entities.itSystems.filter((id) => !itSystems.has(id)),
    municipalities: due ? [] : entities.municipalities,
  });
}

// "hvornår er det for sent?", "too late": a deadline asked without the word
const tooLate = /^(sent|late)$/;
// the words that name a deadline (not "missing", "behind": what is missing of a task is no date)
const namesADeadline = /^(deadline\w*|frist\w*|tidsfrist\w*|due)$/;
// … and what must be done by when: the deadline's word, "senest", "skal", "must"
const dueWord = /^(sent|late|senest|skal|must|deadline\w*|frist\w*|due)$/;

/** Read as nothing, as an answer without dates (a role, a task's kind) or only as a guess. */
function readWithoutDates(read: Understanding): boolean {
  return read.intent === 'unknown' || undatedIntents.has(read.intent) || read.confidence < CONFIDENCE_THRESHOLD;
}

/** Whether the question asks when, how late, or for a deadline by its word. */
function asksWhenDue(tokens: string[]): boolean {
  return tokens.some((token) => whenWord.test(token) || tooLate.test(token) || namesADeadline.test(token));
}

/**
 * "hvornår bliver opgaven om at lave en arbejdsgang for driften lagt ud i KLIK?", "hvad er
 * deadline for at få lavet arbejdsgangen for drift?": when, how late or a deadline, asked of one
 * task and what belongs to it, is that task's dates, where the question was read as nothing, as
 * an answer without dates, only as a guess, or as a status ("få lavet" sounds like one).
 */
function whenOfATask(read: Understanding, tokens: string[], knowledge: Knowledge): Understanding {
  // (an answer without dates, such as the task's kind, cannot say when)
  const undated = readWithoutDates(read);
  const statusOfADate = read.intent === 'status.mine' && tokens.some((token) => namesADeadline.test(token));
  if (!(undated || statusOfADate) || read.entities.tasks.length !== 1) return read;
  if (!asksWhenDue(tokens)) return read;
  if (asksWhenCounted(tokens))
    return { ...read, intent: 'status.national', confidence: Math.max(read.confidence, CONFIDENCE_THRESHOLD) };
  if (
    namesBesideTask(
      read.entities,
      knowledge,
      tokens.some((token) => dueWord.test(token)),
    )
  )
    return read;
  return { ...read, intent: 'deadline.task', confidence: Math.max(read.confidence, CONFIDENCE_THRESHOLD) };
}

// what happened or began ("blev", "startede", "did", "launched"): no dated fact's date answers it
const pastOrStart =
  /^(blev|var|startede|begyndte|lanceret|lanceredes|indfoert|indfoertes|did|was|were|started|began|launched|introduced)$/;

/**
 * "they'll start billing us … when can they actually invoice from?": when, asked of one dated
 * fact named and no task, is its date, where the question was read as nothing or as an answer
 * without dates (other things may be named beside it: the dated fact is the one dated thing).
 */
function whenOfADeadline(read: Understanding, tokens: string[]): Understanding {
  const undated = readWithoutDates(read);
  const { deadlines, tasks } = read.entities;
  if (!undated || deadlines.length !== 1 || tasks.length > 0) return read;
  // "hvornår blev KIGO lanceret?", "when did we start using KIGO?" ask of a past the material does not date
  if (tokens.some((token) => pastOrStart.test(token))) return read;
  if (!asksWhenDue(tokens)) return read;
  return { ...read, intent: 'deadline.task', confidence: Math.max(read.confidence, CONFIDENCE_THRESHOLD) };
}

// "emnefeltet", "emnelinjen": the subject of a mail; "emne" and "subject" only beside a word of writing,
// and not as a topic ("om emnet rollegalleriet", "on the subject of SAPA")
const subjectField = /^(emnefelt\w*|emnelinje\w*|subjectline|subjectfield)$/;
const subjectWord = /^(emne|emnet|subject)$/;
const writingWord = /^(skriv\w*|write|writing|mail\w*|email\w*|line|field|sender|send)$/;
const topicBefore = /^(om|on|about)$/;
const topicAfter = /^(of|om|about|for)$/;

/** Whether a question asks what to write in a mail's subject ("hvad skal jeg skrive i emnefeltet?"). */
export function asksTheSubjectLine(tokens: string[]): boolean {
  if (tokens.some((token) => subjectField.test(token))) return true;
  const subject = tokens.some(
    (token, index) =>
      subjectWord.test(token) &&
      !topicBefore.test(tokens[index - 1] ?? '') &&
      !topicAfter.test(tokens[index + 1] ?? ''),
  );
  return subject && tokens.some((token) => writingWord.test(token));
}

/**
 * "what should I write in the subject line?": a mail's subject is asked of the contacts, which
 * say it, however the words alone were read ("line" is no role's).
 */
function subjectLine(read: Understanding, tokens: string[]): Understanding {
  if (read.intent === 'contact' || !asksTheSubjectLine(tokens)) return read;
  if (namesSomething({ ...read.entities, roles: [] })) return read;
  return {
    ...read,
    intent: 'contact',
    confidence: Math.max(read.confidence, CONFIDENCE_THRESHOLD),
    entities: { ...read.entities, roles: [] },
  };
}

// "who do I mail?", "hvem skal vi skrive til?": whom the asker writes to (not "who can the
// vendors call?"): the asker right before the verb
const askerWord = /^(i|we|jeg|vi)$/;
const askerReach = 3;
const whoWord = /^(who|whom|hvem)$/;
const writeVerb = /^(mail|email|e-mail|write|contact|call|reach|skrive|skriv|kontakte|maile|ringe|ring)$/;

/**
 * "we'd like to share how we do the programme leader role, who do I mail?": whom the asker
 * writes to is the contacts' answer, though a role is named (it says what about).
 */
function whomToWrite(read: Understanding, tokens: string[]): Understanding {
  if (read.intent === 'contact' || !asksTheKnowledge.has(read.intent)) return read;
  const writes = tokens.some(
    (token, index) =>
      writeVerb.test(token) &&
      tokens.slice(Math.max(0, index - askerReach), index).some((word) => askerWord.test(word)),
  );
  const asks = writes && tokens.some((token) => whoWord.test(token));
  return asks ? { ...read, intent: 'contact', confidence: Math.max(read.confidence, CONFIDENCE_THRESHOLD) } : read;
}

/**
 * "hvem skal udpeges før 1/11?": a day's programme is of that day; asked up to a day ("før",
 * "inden", "by"), the question is what is due by then.
 */
function dueBy(read: Understanding): Understanding {
  if (read.intent !== 'agenda.today' || read.entities.upTo === undefined) return read;
  return { ...read, intent: 'deadline.range' };
}

// "hvilke roller er der for Fordelingskomponenten?", "which roles are for the distribution component?"
// (the plural: "Organisations rolle" is what the system does)
const rolesWord = /^(roller|rollerne|roles)$/;
const whichWord = /^(hvilke|hvilken|which|what)$/;
// … or asked what they are called ("hvad hedder rollerne …", "hvad er rollerne …")
const asksTheirNames = (tokens: string[]) =>
  tokens.some(
    (token, index) => token === 'hvad' && (tokens[index + 1] === 'hedder' || rolesWord.test(tokens[index + 2] ?? '')),
  );
// … not when they must be named or where their annex is, nor whether they are published
const otherAsking = /^(hvornaar|when|deadline\w*|frist\w*|link\w*|url|bilag\w*)$/;
const yesOrNo = /^(er|are|is|har|has|have|do|does|skal|kan|can)$/;

/**
 * The roles asked of one support system ("hvilke roller …", "hvad hedder rollerne …") are those
 * the material ties to it (its tasks' roles), where the words were read as nothing, as the
 * system's tasks or its news, it ties any, and no role or task of another system is named.
 */
function rolesOfASupportSystem(read: Understanding, tokens: string[], knowledge: Knowledge): Understanding {
  const { supportSystems, roles, tasks } = read.entities;
  if (!['unknown', 'task.list', 'task.steps', 'task.describe', 'news'].includes(read.intent)) return read;
  if (supportSystems.length !== 1 || roles.length > 0) return read;
  // a task of the system named beside it is part of how the system was said
  const system = knowledge.supportSystems.find((one) => one.id === supportSystems[0]);
  if (tasks.some((id) => findTask(knowledge, id)?.supportSystem !== system?.name)) return read;
  if (!tokens.some((token) => rolesWord.test(token))) return read;
  if (!tokens.some((token) => whichWord.test(token)) && !asksTheirNames(tokens)) return read;
  if (tokens.some((token) => otherAsking.test(token)) || yesOrNo.test(tokens[0] ?? '')) return read;
  if (rolesOfSupportSystem(knowledge, supportSystems[0]!).length === 0) return read;
  return { ...read, intent: 'role.list', confidence: Math.max(read.confidence, CONFIDENCE_THRESHOLD) };
}

/**
 * "hvor mange mangler trin 3?", "how many are missing step 2?": a count of those not done is
 * the national table's, not the names of those who have not reported it done.
 */
function countOfMissing(read: Understanding, tokens: string[]): Understanding {
  if (read.intent !== 'status.missing') return read;
  const howMany = tokens.some(
    (token, index) =>
      token === 'antal' ||
      token === 'antallet' ||
      ((token === 'hvor' || token === 'how') && ['mange', 'many'].includes(tokens[index + 1] ?? '')),
  );
  return howMany ? { ...read, intent: 'status.national' } : read;
}

/** The intent as the question's names and words confirm it (and the last topic, for a choice among its things). */
export function checkedIntent(
  read: Understanding,
  tokens: string[],
  knowledge: Knowledge,
  previous?: Understanding,
): Understanding {
  const deadlines = deadlinesOfASystem(
    meetingDuration(
      comingDeadlines(
        passedDeadlines(
          lateWithSomething(
            deadlinesAskedAsTasks(deadlinesOfASpan(meetingEnd(aboutTheBot(read, tokens), tokens), tokens), tokens),
            tokens,
          ),
          tokens,
        ),
        tokens,
      ),
      tokens,
    ),
    tokens,
  );
  const checked = countOfAGroup(countOfMissing(dueBy(oneRole(deadlines, tokens)), tokens), tokens);
  const dated = whenOfADeadline(whenOfATask(checked, tokens, knowledge), tokens);
  const asked = rolesOfASupportSystem(whomToWrite(subjectLine(dated, tokens), tokens), tokens, knowledge);
  return strategyChoice(statusOfADroppedTask(dateOfAnotherSystem(asked, knowledge), knowledge), tokens, previous);
}
