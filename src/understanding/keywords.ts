import { editDistance } from './fuzzy.js';
import { stem } from './stem.js';

/**
 * Words that say which side of a topic is asked about, by stem. Kept apart from the
 * entity index: these are ways of asking, not things in the data.
 */
const aspectWords: [string, string[]][] = [
  [
    'pros',
    ['fordel', 'fordelene', 'pros', 'advantages', 'advantage', 'benefits', 'plus', 'upside', 'upsides', 'gevinst'],
  ],
  [
    'cons',
    [
      'ulemper',
      'ulempe',
      'ulempen',
      'bagside',
      'bagsiden',
      'cons',
      'disadvantages',
      'disadvantage',
      'drawbacks',
      'drawback',
      'downside',
      'downsides',
      'minus',
    ],
  ],
  // not "varighed": its Danish stem is "var", which is also the past tense of "er"
  // not "take": the Danish stemmer makes it "tak" (thanks)
  ['duration', ['lang', 'længe', 'tager', 'long', 'duration']],
  ['steps', ['trin', 'trinene', 'skridt', 'steps', 'step']],
  ['competences', ['kompetencer', 'kompetence', 'kvalifikationer', 'competences', 'skills', 'profil']],
  ['not-started', ['mangler', 'ikke', 'not', 'missing']],
  ['done', ['fuldfoert', 'faerdig', 'faerdige', 'done', 'finished', 'completed', 'klar']],
  ['started', ['paabegyndt', 'gang', 'started', 'progress']],
  ['kind', ['basisopgave', 'basis', 'loesningsspecifik', 'loesningsspecifikke', 'type', 'slags', 'kind']],
];

const eventKindWords: [string, string[]][] = [
  ['webinar', ['webinar', 'webinarer', 'webinarerne', 'webinaret', 'webinars']],
  ['municipality-day', ['kommunedag', 'kommunedage', 'kommunedagene', 'kommunedagen']],
  ['kick-off', ['opstartsmoede', 'opstartsmoeder', 'opstartsmoederne', 'opstartsmoedet', 'kick', 'kickoff']],
  ['meeting', ['programledermoede', 'programledermoedet', 'programledermoeder']],
];

const categoryWords: [string, string[]][] = [
  ['technical', ['tekniske', 'teknisk', 'technical']],
  ['organisational', ['organisatoriske', 'organisatorisk', 'organisational', 'organizational']],
  ['project', ['projektroller', 'projektrolle', 'projekt', 'project']],
];

const phaseWords: [string, string[]][] = [
  ['operations', ['drift', 'forvaltning', 'operations']],
  ['implementation', ['implementering', 'implementeringen', 'implementation']],
];

function lookup(table: [string, string[]][]): Map<string, string> {
  const map = new Map<string, string>();
  for (const [name, list] of table) for (const word of list) map.set(stem(word), name);
  return map;
}

const aspects = lookup(aspectWords);
const eventKinds = lookup(eventKindWords);
const categories = lookup(categoryWords);
const phases = lookup(phaseWords);

function firstIn(map: Map<string, string>, tokens: string[], forgiveTypos = false): string | undefined {
  for (const token of tokens) {
    const found = map.get(stem(token)) ?? (forgiveTypos ? nearest(map, stem(token)) : undefined);
    if (found) return found;
  }
  return undefined;
}

// "teknsike" for "tekniske": one typo in a longer keyword is still that keyword
function nearest(map: Map<string, string>, term: string): string | undefined {
  if (term.length < 6) return undefined;
  for (const [known, value] of map) if (known.length >= 6 && editDistance(term, known, 1) <= 1) return value;
  return undefined;
}

// How often a task is done says its kind: a basis task once (typically for the first receiving
// system), a solution-specific one again for every new receiving system (the FK slide's words)
const everyTime =
  /\b(hver gang|hvert nyt|hver ny|for hvert|gentag\w*|every time|each time|every new|each new|for every|for each|redo|redone|redoing|repeat\w*)\b/;
const onlyOnce =
  /(^| )(kun (\p{L}+ ){0,2}(en|én) (enkelt )?gang|(en|én) gang for alle|engangs\p{L}*|one time|once|one off|only once)( |$)/u;

/** The kind of task a question describes by how often it is done, if it does. */
export function taskKindByFrequency(tokens: string[]): 'basis' | 'solution-specific' | undefined {
  const joined = tokens.join(' ');
  if (everyTime.test(joined)) return 'solution-specific';
  return onlyOnce.test(joined) ? 'basis' : undefined;
}

// a kind of task by its name: "basisopgaver", "de løsningsspecifikke", "solution specific ones"
const kindNames: [TaskKindWord, RegExp][] = [
  ['basis', /(^| )basis\p{L}*( |$)/u],
  [
    'solution-specific',
    /(^| )(loe?sningsspecifik\p{L}*|solution specific|per (nyt |new )?system|pr (nyt )?system)( |$)/u,
  ],
  ['operations', /(^| )(drift og forvaltning|driftsopgave\p{L}*|operations tasks?)( |$)/u],
];
type TaskKindWord = 'basis' | 'solution-specific' | 'operations';

/**
 * The kinds of task a question names or describes by how often they are done, in the order
 * of the kinds ("forskellen på dem der kun laves én gang og dem der laves hver gang"); by name
 * only where nothing is compared ("hvilke basisopgaver og løsningsspecifikke opgaver er der?").
 */
export function taskKindsNamed(tokens: string[], byNameOnly = false): TaskKindWord[] {
  const joined = tokens.join(' ');
  // (by name only: "per system" or "for each" said beside one kind names no second one)
  const named = (kind: TaskKindWord, name: RegExp) =>
    byNameOnly ? name.test(joined.replace(/\b(per|pr) (nyt |new )?system\b/g, '')) : name.test(joined);
  return kindNames
    .filter(
      ([kind, name]) =>
        named(kind, name) ||
        (!byNameOnly && kind === 'basis' && onlyOnce.test(joined)) ||
        (!byNameOnly && kind === 'solution-specific' && everyTime.test(joined)),
    )
    .map(([kind]) => kind);
}

// ("vi er startet på trin 3" is a municipality's own progress, a status said; "vi er startet
// som programledere" is the askers' own start)
const askerStarted =
  /\b(jeg|i|i ve|i m) (er|har|am|have|just|only)( \w+)? (startet|begyndt|started|begun)\b|\b(vi|we|we ve|we re) (er|har|are|have|just|only)( \w+)? (startet|begyndt|started|begun) (som|as)\b/g;

// "type" asks a kind only as a noun ("what type of task", "hvilken type"), not as "type it into the GUI"
const typingVerb = (tokens: string[], index: number) =>
  tokens[index] === 'type' &&
  tokens[index + 1] !== 'of' &&
  !/^(what|which|hvilken|hvilke)$/.test(tokens[index - 1] ?? '');

/** The aspects a question names, in the order written ("ikke påbegyndt" → not-started first). */
export function aspectOf(tokens: string[]): string | undefined {
  const joined = tokens.join(' ');
  // a negated start ("ikke startet", "haven't started", "slet ikke gået i gang") is its own count
  if (
    /\b(ikke|not|haven t|hasn t|havent|hasnt|aren t|isn t)( \w+)? (paabegyndt|startet|started|begyndt|i gang|igang|gaaet i gang|begun)\b|\bmangler\b/.test(
      joined,
    )
  ) {
    return 'not-started';
  }
  if (taskKindByFrequency(tokens) && tokens.some((token) => /^(opgave|task|klik)/.test(token))) return 'kind';
  // (the asker's own start, "jeg er lige startet som programleder", is no count of the municipalities)
  const ofTheTasks = joined.replace(askerStarted, '');
  if (/\bi gang\b|\bigang\b|\bpaabegyndt\b|\bin progress\b|\bstarted\b|\bstartet\b/.test(ofTheTasks)) return 'started';
  // "ikke længere", "no longer": no more from then on, not how long something takes
  const noLonger = (token: string, index: number) =>
    /^(laengere|longer)$/.test(token) && /^(ikke|no|not)$/.test(tokens[index - 1] ?? '');
  const found = firstIn(
    aspects,
    // ("hvor mange gange": how many times, not "i gang")
    tokens.filter(
      (token, index) =>
        token !== 'ikke' &&
        token !== 'not' &&
        token !== 'gange' &&
        !noLonger(token, index) &&
        !typingVerb(tokens, index),
    ),
  );
  // "fordele og ulemper": both sides, which is the whole strategy
  if (
    (found === 'pros' || found === 'cons') &&
    firstIn(
      aspects,
      tokens.filter((token) => aspects.get(stem(token)) !== found),
    ) === (found === 'pros' ? 'cons' : 'pros')
  ) {
    return undefined;
  }
  return found;
}

// events in general ("møder" alone is any meeting, not the programme leader meeting)
const kindBefore = /^(off|up|leader|kickoff|webinar|day|days)$/;
const anyEvent = /^(moeder|moederne|arrangement\w*|begivenhed\w*|events?|meetings|aktiviteter\w*|activities)$/;

/** Whether the question names events in general ("møder", "arrangementer", "events"). */
export function namesEventsInGeneral(tokens: string[]): boolean {
  return tokens.some((token) => anyEvent.test(token));
}

/** Event kinds the question names ("webinar", "kommunedage"). */
export function eventKindsOf(tokens: string[]): string[] {
  const found = tokens.map((token) => eventKinds.get(stem(token))).filter((kind): kind is string => kind !== undefined);
  const joined = tokens.join(' ');
  if (/\bmunicipality days?\b/.test(joined)) found.push('municipality-day');
  if (/\bkick offs?\b|\bstart up meetings?\b/.test(joined)) found.push('kick-off');
  if (/\bprogramme leader meetings?\b|\bprogram leader meetings?\b/.test(joined)) found.push('meeting');
  // "møder, webinarer og arrangementer i november": a kind named beside events in general asks for them all
  // (but "kick-off meetings", "programme leader meetings", "municipality day events" are the kind)
  const ofAKind = (index: number) => {
    const before = tokens[index - 1] ?? '';
    // (a kind in the plural before it is one of a list: "webinarer, møder i november")
    return kindBefore.test(before) || (eventKinds.has(stem(before)) && !/(er|erne|s)$/.test(before));
  };
  if (tokens.some((token, index) => anyEvent.test(token) && !ofAKind(index))) return [];
  return [...new Set(found)];
}

/** A role category ("tekniske roller") the question names. */
export function roleCategoryOf(tokens: string[]): string | undefined {
  return firstIn(categories, tokens, true);
}

/** A phase ("drift og forvaltning") the question names. */
export function rolePhaseOf(tokens: string[]): string | undefined {
  return firstIn(phases, tokens, true);
}

/** Ordinal words as step numbers ("det første", "the last"); -1 stands for the last step, whatever its number. */
export const ordinals: Readonly<Record<string, number>> = {
  foerste: 1,
  andet: 2,
  anden: 2,
  tredje: 3,
  fjerde: 4,
  femte: 5,
  sidste: -1,
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  last: -1,
  final: -1,
};

/** The step number written after "trin"/"step" ("trin 3", "step 4"), if any. */
export function stepNumberOf(tokens: string[]): number | undefined {
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index]!;
    const joined = /^(trin|step)(\d+)$/.exec(token);
    if (joined) return Number(joined[2]);
    const next = tokens[index + 1];
    if (['trin', 'step', 'skridt'].includes(token) && next && /^\d+$/.test(next)) return Number(next);
    // "det første trin", "step one"? ordinals only when a step word follows
    const ordinal = ordinals[token];
    if (ordinal && next && ['trin', 'step', 'skridt'].includes(next)) return ordinal;
  }
  return undefined;
}
