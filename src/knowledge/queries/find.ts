import type { Knowledge } from '../registry.js';
import type { DeadlineRecord } from '../schemas/deadlines.js';
import type { Role } from '../schemas/roles.js';
import type { Task } from '../schemas/tasks.js';
import { containsWords, sameWord, words } from '../text.js';

// Folded words that say nothing about which task or role is meant: question words, small
// words, and words every task or role name shares ("opgave", "rolle", "kombit").
const stopwords = new Set(
  [
    'og', 'i', 'for', 'at', 'er', 'en', 'et', 'de', 'den', 'det', 'til', 'paa', 'af', 'med', 'om', 'fra', 'ved', 'eller',
    'hvad', 'hvem', 'hvor', 'hvornaar', 'hvordan', 'hvilke', 'hvilken', 'hvilket', 'skal', 'vi', 'jeg', 'du', 'der',
    'som', 'kan', 'har', 'laver', 'naar', 'vores', 'min', 'mit', 'mine', 'deres', 'sin', 'ikke', 'nu', 'egen',
    'the', 'a', 'an', 'of', 'to', 'is', 'what', 'who', 'when', 'does', 'do', 'our', 'for',
    'kombit', 'klik', 'opgave', 'opgaver', 'opgaven', 'rolle', 'roller', 'rollen', 'kommune', 'kommunen',
    'deadline', 'deadlines', 'status', 'it',
    // "trinene" names no task by itself: "what are the steps of X" is about X
    'trin', 'trinene', 'trinnene', 'step', 'steps',
  ],
);

// Folded words too common in role names to identify one on their own ("ansvarlig" in
// FK-ansvarlig and E-boks ansvarlig): they count in whole-name matches only.
const weakWords = new Set(['ansvarlig', 'administrator', 'administratorer', 'bruger', 'brugere', 'brugerne', 'leder', 'chef', 'ejer', 'medarbejder']);

// A name matched only in part must have at least this share of its key words in the text.
const minimumCoverage = 0.5;

interface WeightedPhrase {
  words: string[];
  weight: number;
}

function significant(phrase: string[]): string[] {
  return phrase.filter((word) => !stopwords.has(word));
}

function phraseScore(query: string[], phrase: WeightedPhrase): number {
  const keyWords = significant(phrase.words);
  if (keyWords.length === 0) return 0;
  if (containsWords(query, phrase.words)) return phrase.weight * (1000 + 10 * keyWords.length + phrase.words.length);
  const matched = keyWords.filter((key) => !weakWords.has(key) && query.some((word) => !stopwords.has(word) && sameWord(word, key))).length;
  const coverage = matched / keyWords.length;
  return matched === 0 || coverage < minimumCoverage ? 0 : phrase.weight * (100 * coverage + matched);
}

/** A name, and the name without its parenthesis ("Rolleadministrator (STS)" → "Rolleadministrator"). */
function nameVariants(name: string): string[] {
  const bare = name.replace(/\([^)]*\)/g, ' ').trim();
  return bare !== '' && bare !== name ? [name, bare] : [name];
}

function phrasesOf(names: string[], weight: number): WeightedPhrase[] {
  return names.flatMap(nameVariants).map((name) => ({ words: words(name), weight }));
}

// The knowledge is read-only once loaded, so each item's phrases are folded once, not per question.
const phraseCache = new WeakMap<object, WeightedPhrase[]>();

function cachedPhrases<T extends object>(item: T, phrases: (item: T) => WeightedPhrase[]): WeightedPhrase[] {
  let found = phraseCache.get(item);
  if (!found) {
    found = phrases(item);
    phraseCache.set(item, found);
  }
  return found;
}

/** Items whose phrases the text names, best first; equal scores keep the items' order. */
function rank<T extends object>(items: T[], text: string, phrases: (item: T) => WeightedPhrase[]): T[] {
  const query = words(text);
  if (query.length === 0) return [];
  return items
    .map((item, index) => ({ item, index, score: Math.max(0, ...cachedPhrases(item, phrases).map((phrase) => phraseScore(query, phrase))) }))
    .filter((scored) => scored.score > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((scored) => scored.item);
}

function taskPhrases(task: Task): WeightedPhrase[] {
  const stepNames = task.steps.flatMap((step) => [step.title, ...step.aliases]);
  // A step's name points at its task, but less surely than the task's own names.
  return [...phrasesOf([task.title, ...task.aliases], 1), ...phrasesOf(stepNames, 0.8)];
}

/** The support systems (by name as in tasks.json) that the text names, through support-systems.json names and aliases. */
function supportSystemsNamed(k: Knowledge, query: string[]): Set<string> {
  const named = new Set<string>();
  for (const system of k.supportSystems) {
    if (cachedPhrases(system, (s) => phrasesOf([s.name, ...s.aliases], 1)).some((phrase) => containsWords(query, phrase.words))) named.add(system.name);
  }
  return named;
}

/**
 * Tasks the text names by title, alias or step, best first; [] when none. A task of one
 * support system is left out when the text names only other support systems
 * ("serviceaftaler for Beskedfordeleren" is not the Fordelingskomponenten task "Serviceaftaler").
 */
export function findTasks(k: Knowledge, text: string): Task[] {
  const named = supportSystemsNamed(k, words(text));
  const candidates = named.size === 0 ? k.tasks : k.tasks.filter((task) => task.supportSystem === null || named.has(task.supportSystem));
  return rank(candidates, text, taskPhrases);
}

/** Roles the text names by name or alias (short forms, the other list's wording), best first; [] when none. */
export function findRoles(k: Knowledge, text: string): Role[] {
  return rank(k.roles, text, (role) => phrasesOf([role.name, ...role.aliases], 1));
}

/** Dated records of deadlines.json the text names by title or alias, best first; [] when none. */
export function findDeadlines(k: Knowledge, text: string): DeadlineRecord[] {
  return rank(k.deadlines, text, (deadline) => phrasesOf([deadline.title, ...deadline.aliases], 1));
}

/** The task with this id. */
export function findTask(k: Knowledge, id: string): Task | undefined {
  return k.tasks.find((task) => task.id === id);
}

/** The role with this id. */
export function findRole(k: Knowledge, id: string): Role | undefined {
  return k.roles.find((role) => role.id === id);
}

/** Tasks in which the role is named responsible or which concern it (e.g. the task designating it). */
export function tasksForRole(k: Knowledge, roleId: string): Task[] {
  return k.tasks.filter((task) => task.responsibleRoles.includes(roleId) || task.relatedRoles.includes(roleId));
}
