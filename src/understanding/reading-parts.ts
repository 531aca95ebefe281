import { placeholder, termOf } from './classifier.js';
import type { EntityKind } from './entity-forms.js';
import type { EntityMatch } from './entity-index.js';
import { aspectOf, eventKindsOf, roleCategoryOf, rolePhaseOf } from './keywords.js';
import { queryWords } from './query-words.js';
import { isGlueWord } from './stopwords.js';
import { stem } from './stem.js';
import { noEntities, type DateSpan, type Entities } from './types.js';

/*
 * The parts of a question the understanding reads before it settles an intent: which words
 * name things (and stand in the classifier as their kind), where the date is, the entities.
 */

const placeholderOfKind: Record<EntityKind, string> = {
  task: 'task',
  step: 'step',
  role: 'role',
  itSystem: 'system',
  interface: 'interface',
  supportSystem: 'support',
  municipality: 'municipality',
  strategy: 'strategy',
  deadline: 'deadline',
};

/** Named things that do not overlap, best first: they become placeholders for the classifier. */
export function placeholderSpans(matches: EntityMatch[]): EntityMatch[] {
  const chosen: EntityMatch[] = [];
  // The longest name wins a contested stretch ("BBR på Adgangsstyring" is the task, not the
  // support system inside it); among equally long ones, the best match.
  const byStrength = [...matches]
    .filter((match) => match.certainty === 'named')
    .sort((a, b) => b.end - b.start - (a.end - a.start) || b.score - a.score);
  for (const match of byStrength) {
    if (chosen.every((other) => match.end <= other.start || match.start >= other.end)) chosen.push(match);
  }
  return chosen;
}

/** The stems of the words that name things in the question. */
export function namedStems(tokens: string[], matches: EntityMatch[]): Set<string> {
  return new Set(
    placeholderSpans(matches).flatMap((match) => tokens.slice(match.start, match.end).map((token) => stem(token))),
  );
}

/** Where in the words a date expression stands, so it can become "xdate". */
export function dateWords(tokens: string[], matched: string): [number, number] | undefined {
  const wanted = queryWords(matched).tokens;
  for (let start = 0; start + wanted.length <= tokens.length; start += 1) {
    if (wanted.every((token, offset) => tokens[start + offset] === token)) return [start, start + wanted.length];
  }
  return undefined;
}

/**
 * The question as the classifier sees it. A stretch several kinds of thing could be ("BBR"
 * is an IT system and, in part, a task) becomes every one of their placeholders: the
 * examples then decide which reading fits the way the question is asked.
 */
// the words a question asks with, which no name of a thing holds
const askingWord =
  /^(hvornaar|hvem|hvad|hvor|hvilke|hvilken|hvilket|hvordan|hvorfor|when|who|what|where|which|how|why)$/;

export function classifierTerms(
  tokens: string[],
  spans: EntityMatch[],
  matches: EntityMatch[],
  date: [number, number] | undefined,
): string[] {
  const terms: string[] = [];
  for (let index = 0; index < tokens.length;) {
    const span = spans.find((match) => match.start === index);
    if (date && date[0] === index) {
      terms.push(placeholder('date'));
      index = date[1];
    } else if (span) {
      const kinds = new Set(
        matches
          .filter((match) => match.start === span.start && match.end === span.end && match.score >= 0.5)
          .map((match) => match.kind),
      );
      for (const kind of kinds) terms.push(placeholder(placeholderOfKind[kind]));
      // a thing described in words around the question's ("BBR: hvornår kan folk ikke logge ind den
      // gamle vej?") leaves the asking words asked: no name holds them
      for (const token of tokens.slice(span.start, span.end)) if (askingWord.test(token)) terms.push(termOf(token));
      index = span.end;
    } else {
      if (!isGlueWord(tokens[index]!)) terms.push(termOf(tokens[index]!));
      index += 1;
    }
  }
  return terms;
}

// "strategi A, B og C", "strategy a and b", "strategierne a b c": the letters after the word are strategies too
const strategyWord = /^(strategi|strategien|strategierne|strategier|strategy|strategies)$/;
const listJoin = /^(og|and|eller|or)$/;

/** The strategies named, with those named by a letter alone in a list after the first (`letters`: id by small letter). */
function withLettersAfter(named: string[], tokens: string[], letters: ReadonlyMap<string, string>): string[] {
  const ids = [...named];
  const isLetter = (token: string) => letters.has(token);
  tokens.forEach((token, index) => {
    if (!strategyWord.test(token)) return;
    const said: string[] = [];
    for (let at = index + 1; at < tokens.length; at += 1) {
      const [token, next = ''] = [tokens[at]!, tokens[at + 1]];
      // ("strategy B and a compliance test": an article before a word is no strategy A)
      const article = token === 'a' && next !== '' && !isLetter(next) && !listJoin.test(next);
      if (isLetter(token) && !article) said.push(letters.get(token)!);
      else if (!listJoin.test(token)) break;
    }
    if (said.length < 2) return;
    for (const id of said) if (!ids.includes(id)) ids.push(id);
  });
  return ids;
}

export function entitiesFrom(
  matches: EntityMatch[],
  tokens: string[],
  dates: DateSpan | undefined,
  strategyLetters: ReadonlyMap<string, string> = new Map(),
): Entities {
  const entities = noEntities();
  const named = matches.filter((match) => match.certainty === 'named');
  const ids = (kind: EntityKind) => named.filter((match) => match.kind === kind).map((match) => match.id);
  entities.tasks = ids('task');
  // a step named only in part ("adgangsstyring" is in step 4's title) is no step asked about
  entities.steps = named
    .filter((match) => match.kind === 'step' && match.score >= 0.75)
    .map((match) => match.id)
    .map((id) => {
      const [taskId = '', number = '0'] = id.split('#');
      return { taskId, number: Number(number) };
    });
  // a step named by what it does ("lukke BBRs egen adgangsstyring") is of its task, as "trin 5 i BBR" is
  for (const step of entities.steps) if (!entities.tasks.includes(step.taskId)) entities.tasks.push(step.taskId);
  entities.roles = ids('role');
  entities.itSystems = ids('itSystem');
  entities.interfaces = ids('interface');
  entities.supportSystems = ids('supportSystem');
  entities.municipalities = ids('municipality');
  entities.strategies = withLettersAfter(ids('strategy'), tokens, strategyLetters);
  entities.deadlines = ids('deadline');
  entities.eventKinds = eventKindsOf(tokens);
  const aspect = aspectOf(tokens);
  if (aspect) entities.aspect = aspect;
  const category = roleCategoryOf(tokens);
  if (category) entities.roleCategory = category;
  const phase = rolePhaseOf(tokens);
  if (phase) entities.rolePhase = phase;
  if (dates) entities.dates = dates;
  return entities;
}

// "hvilken rolle …?", "which role …?", "what is the role called?" ask who, by the role's name ("hvad
// hedder STS-projektlederen i drift?" asks of a role named, not who)
const whichRole = /\b(hvilken|which|what) (rolle|role)\b|\bwhat (s|is) the role called\b/;

export function asksWho(tokens: string[]): boolean {
  return (
    tokens.includes('hvem') || tokens.includes('who') || tokens.includes('hvis') || whichRole.test(tokens.join(' '))
  );
}

const hintedByASystem = new Set<EntityMatch['kind']>(['task', 'step', 'deadline']);

/**
 * The things only hinted at, leaving out a role hinted by a word that names something else in
 * full: in "opgaver for Organisation" the support system is named, and the role
 * Organisationsadministrator only shares its word. (A task hinted there stays, unless other
 * words hint at another: a task is often named after its system.)
 */

export function hintsBesideNames(matches: EntityMatch[]): EntityMatch[] {
  const named = matches.filter((match) => match.certainty === 'named');
  const within = (match: EntityMatch, kinds: (kind: EntityMatch['kind']) => boolean) =>
    named.some((other) => kinds(other.kind) && other.start <= match.start && match.end <= other.end);
  // ("Adgangsstyring" named is the support system, not a hint of "BBR på Adgangsstyring", where
  // other words hint at another task: "… SKI vendor can start billing for the Adgangsstyring integration")
  const bySystem = (match: EntityMatch) =>
    hintedByASystem.has(match.kind) && within(match, (kind) => kind === 'supportSystem');
  const otherwise = matches.some(
    (match) => match.certainty === 'hinted' && hintedByASystem.has(match.kind) && !within(match, () => true),
  );
  return matches.filter(
    (match) =>
      match.certainty === 'hinted' &&
      !(match.kind === 'role' && within(match, (kind) => kind !== 'role')) &&
      !(otherwise && bySystem(match)),
  );
}

// "hvad er næste trin?", "what comes after step 2?": the step beside the one named
const nextCue = /^(naeste|efter|derefter|after|next|following)$/;
const previousCue = /^(foer|forrige|forudgaaende|before|previous)$/;

/**
 * The step asked about when the question names one step and asks for the one after (or
 * before) it: "vi er færdige med at rydde op i BBR-brugerne, hvad er næste trin?" is step 3.
 * The entities as they were when nothing is asked relative to the step, or there is no such step.
 */
export function relativeStep(
  tokens: string[],
  entities: Entities,
  stepCounts: Map<string, number>,
  matches: EntityMatch[] = [],
): Entities {
  const [step] = entities.steps;
  if (!step || entities.steps.some((other) => other.taskId !== step.taskId)) return entities;
  // "vi har lavet TAC-listen og ryddet op i brugerne, hvad er det næste trin?": several steps of
  // the task said done, in part too ("ryddet op i brugerne"), and the next is after the last of
  // them (the one before, before the first)
  const mentioned = matches
    .filter((match) => match.kind === 'step' && match.certainty === 'named' && match.id.startsWith(`${step.taskId}#`))
    .map((match) => Number(match.id.split('#')[1]));
  const numbers = [...entities.steps.map((other) => other.number), ...mentioned];
  const shift = tokens.some((token) => nextCue.test(token))
    ? 1
    : tokens.some((token) => previousCue.test(token))
      ? -1
      : 0;
  const number = shift > 0 ? Math.max(...numbers) + 1 : Math.min(...numbers) + shift;
  if (shift === 0 || number < 1 || number > (stepCounts.get(step.taskId) ?? 0)) return entities;
  return { ...entities, steps: [{ ...step, number }] };
}
