import type { Knowledge } from '../knowledge/registry.js';
import { editDistance } from './fuzzy.js';
import type { Reading } from './reading.js';
import { isQuestion, joinOpener, onlyTheName, reportedStatus } from './statements.js';
import type { Entities, StatusTarget, Understanding } from './types.js';

// Where the answer is about "us" rather than the country: "hvor langt er vi med BBR?".
const ourWords = new Set(['vi', 'vores', 'vor', 'os', 'we', 'our', 'us', 'jeg', 'min', 'mit', 'my']);
const nationalWords = new Set([
  'mange',
  'hvormange',
  'kommuner',
  'kommunerne',
  'landet',
  'national',
  'nationalt',
  'many',
  'municipalities',
  'country',
]);

// A list of who is missing something says so: "hvem mangler trin 3?", "which have not finished BBR?"
const missingWords = [
  'mangler',
  'mangle',
  'manglende',
  'ikke',
  'bagud',
  'endnu',
  'stadig',
  'missing',
  'not',
  'behind',
  'haven',
  'hasn',
  'yet',
  'still',
];
// A question about changes says so: "historik BBR trin 3", "hvem har ændret trin 3?"
const changeWords = [
  'historik',
  'historikken',
  'statushistorik',
  'history',
  'aendret',
  'aendrede',
  'aendring',
  'aendringer',
  'aendringerne',
  'changed',
  'changes',
  'opdateret',
  'opdaterede',
  'satte',
  'sat',
  'log',
  'loggen',
  'updated',
  'set',
];

// "manlger", "histrorik": one typo in a longer word is still that word
function saysAny(tokens: string[], words: string[]): boolean {
  return tokens.some(
    (token) =>
      words.includes(token) ||
      (token.length >= 6 && words.some((word) => word.length >= 6 && editDistance(token, word, 1) <= 1)),
  );
}

/** Whether the question asks who has not done something. */
export function asksWhoIsMissing(tokens: string[]): boolean {
  return saysAny(tokens, missingWords);
}

/** Whether the question asks about changes made. */
export function asksForChanges(tokens: string[]): boolean {
  return saysAny(tokens, changeWords);
}

/** Whether a status question asks about the asker's own municipality, not the country. */
export function asksAboutUs(tokens: string[]): boolean {
  return speaksOfUs(tokens) && !tokens.some((token) => nationalWords.has(token));
}

/** Whether the question says "vi", "vores", "we", "our" …: the asker's own municipality. */
export function speaksOfUs(tokens: string[]): boolean {
  return tokens.some((token) => ourWords.has(token));
}

/** Whether a status question asks about the country ("status på BBR for alle kommuner"), not the asker's own. */
export function asksAboutTheCountry(tokens: string[]): boolean {
  return tokens.some((token) => nationalWords.has(token)) && !speaksOfUs(tokens);
}

/** The `aspect` of a joining sentence said for a group ("vi er …"): the conversation joins too. */
export const CONVERSATION_SCOPE = 'conversation';

/**
 * "vi er Aarhus Kommune", "jeg er fra Køge", "we are Aarhus municipality": joining one
 * municipality. Only a sentence that opens that way and names one municipality and nothing
 * else; anything more ("vi er Aarhus, hvornår skal vi på SAPA?") is a question. Said for a
 * group ("vi", "vores kommune", "we", "our"), the entities' aspect is CONVERSATION_SCOPE: the
 * dialog then links a shared conversation as well as the person.
 */
export function membershipStatement(reading: Reading): Understanding | undefined {
  const opener = joinOpener(reading.tokens);
  if (opener === undefined || opener.from >= reading.tokens.length || reading.questionMark) return undefined;
  const { from } = opener;
  const places = [...reading.named, ...reading.hints].filter(
    (match) => match.kind === 'municipality' && match.start >= from,
  );
  const ids = new Set(places.map((match) => match.id));
  const [municipality] = ids;
  if (ids.size !== 1 || municipality === undefined) return undefined;
  const roles = reading.named.filter((match) => match.kind === 'role');
  if (!onlyTheName(reading.tokens, from, [...places, ...roles])) return undefined;
  const entities: Entities = {
    ...reading.entities,
    municipalities: [municipality],
    ...(opener.plural ? { aspect: CONVERSATION_SCOPE } : {}),
  };
  return { intent: 'membership.set', confidence: 0.95, entities, language: reading.language };
}

function stepsOf(knowledge: Knowledge, taskId: string): number[] {
  return knowledge.tasks.find((task) => task.id === taskId)?.steps.map((step) => step.number) ?? [];
}

/** Every target a task may mean: the step asked for, else each of its steps, else the task itself. */
function targetsOf(
  knowledge: Knowledge,
  taskId: string,
  stepNumber: number | undefined,
): { targets: StatusTarget[]; complete: boolean } {
  const steps = stepsOf(knowledge, taskId);
  if (steps.length === 0) return { targets: [{ taskId }], complete: stepNumber === undefined };
  const wanted = stepNumber === -1 ? steps.at(-1) : stepNumber;
  if (wanted !== undefined && steps.includes(wanted)) return { targets: [{ taskId, step: wanted }], complete: true };
  return { targets: steps.map((step) => ({ taskId, step })), complete: false };
}

function unique(targets: StatusTarget[]): StatusTarget[] {
  const seen = new Set<string>();
  return targets.filter((target) => {
    const key = `${target.taskId}#${target.step ?? ''}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

/** What the sentence itself names: steps by title, else tasks (with the step number written). */
function namedTargets(reading: Reading): { targets: StatusTarget[]; complete: boolean } {
  const { entities, stepNumber, knowledge } = reading;
  const titled = entities.steps.filter((step) => stepNumber === undefined || step.number === stepNumber);
  if (titled.length > 0)
    return { targets: unique(titled.map((step) => ({ taskId: step.taskId, step: step.number }))), complete: true };
  const found = entities.tasks.map((taskId) => targetsOf(knowledge, taskId, stepNumber));
  return { targets: unique(found.flatMap((item) => item.targets)), complete: found.every((item) => item.complete) };
}

/** Candidates when nothing is named: tasks hinted at, else the tasks with the step number written. */
function guessedTargets(reading: Reading): StatusTarget[] {
  const { knowledge, stepNumber } = reading;
  const hinted = [
    ...new Set(
      reading.hints
        .filter((match) => match.kind === 'task' || match.kind === 'step')
        .map((match) => match.id.split('#')[0]!),
    ),
  ];
  if (hinted.length > 0) return unique(hinted.flatMap((taskId) => targetsOf(knowledge, taskId, stepNumber).targets));
  if (stepNumber === undefined) return [];
  return knowledge.tasks
    .filter((task) => task.steps.some((step) => step.number === stepNumber))
    .map((task) => ({ taskId: task.id, step: stepNumber }));
}

/**
 * A status reported for the asker's municipality ("BBR trin 3 er fuldført"): the status in the
 * sentence's own words, and the one task or step it names. When it names none, or several,
 * or a task with steps but no step, the candidates are kept to ask back: a status is never
 * written on a guess. A question ("hvor mange er færdige med trin 3?") is no report.
 */
export function statusReport(reading: Reading): Entities | undefined {
  if (isQuestion(reading.tokens, reading.questionMark)) return undefined;
  const status = reportedStatus(reading.tokens);
  if (!status) return undefined;
  const named = namedTargets(reading);
  const sure = named.complete && named.targets.length === 1;
  const candidates = named.targets.length > 0 ? named.targets : guessedTargets(reading);
  const report = sure ? { status, target: named.targets[0]!, candidates: [] } : { status, candidates };
  const shown = sure ? named.targets : candidates;
  return {
    ...reading.entities,
    tasks: [...new Set(shown.map((target) => target.taskId))],
    steps: shown.flatMap((target) =>
      target.step === undefined ? [] : [{ taskId: target.taskId, number: target.step }],
    ),
    report,
  };
}

/**
 * The classification without a status update where the sentence cannot be one: a question,
 * or no status in its words. The other intents then keep their own ranking and margins.
 */
export function withoutMisreadStatements(reading: Reading): Reading {
  const { ranked } = reading.classification;
  const canReport = !isQuestion(reading.tokens, reading.questionMark) && reportedStatus(reading.tokens) !== undefined;
  if (canReport || !ranked.some((item) => item.intent === 'status.update')) return reading;
  return { ...reading, classification: { ranked: ranked.filter((item) => item.intent !== 'status.update') } };
}

// "hvordan er støttesystemerne opdelt …?" opens as a question of status and names none
const statusIntents = new Set(['status.mine', 'status.national', 'status.missing']);
const statusWord =
  /^(status\w*|faerdig\w*|fuldfoer\w*|paabegynd\w*|mangle\w*|done|finished|complete\w*|started|progress|fremdrift|langt|klar|behind|bagud|overdue|lukket|gjort|gang)$/;

/** A status read from how a question opens, though no word of it speaks of status. */
export function statusWithoutItsWords(resolved: Understanding, tokens: string[]): boolean {
  return statusIntents.has(resolved.intent) && !tokens.some((token) => statusWord.test(token));
}
