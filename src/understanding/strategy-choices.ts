import { CONFIDENCE_THRESHOLD, type Understanding } from './types.js';

/*
 * "hvilken af måderne at få vores organisationsdata ind på giver mest mening for os?", "why
 * would we pick the interim strategy?": which way to choose is the strategies' answer (one
 * strategy's, where it is named), which holds KOMBIT's recommendations with their conditions.
 */

// below this an intent was guessed from the words alone, and a question of choosing a way is likelier
const guessed = 0.7;

// the words for a way of doing it, and those of choosing one
const wayWord =
  /^(strategi\w*|maade\w*|vej|vejen|vejene|metode\w*|mulighed\w*|strategy|strategies|way|ways|option\w*|approach\w*)$/;
const choiceWord =
  /^(vaelge|vaelger|vaelg|valg|valget|mening|bedst|bedste|anbefal\w*|passer|egner|god|godt|klog|klogt|smart|fornuftig\w*|choose|pick|choice|best|recommend\w*|sense|suits?|good|wise|sensible)$/;
// … asked which, or what is recommended ("hvis vi vælger B, hvad er fordelene?" has chosen)
const whichWord = /^(hvilken|hvilke|hvilket|which|anbefal\w*|recommend\w*)$/;
// the words of the ways to choose between ("hvilke muligheder har vi?", "what options do they have?")
// … or the ways themselves, more than one ("de tre måder", "which approaches do we have?")
const optionWord =
  /^(mulighed\w*|valgmulighed\w*|alternativ\w*|options?|choices|alternatives?|maader|maaderne|metoder|metoderne|veje|vejene|ways|approaches|routes)$/;
// "hvad kan vi vælge imellem?", "what can we choose between?"
const chooseWord = /^(vaelge|vaelger|choose|pick)$/;
const betweenWord = /^(imellem|mellem|between|from)$/;

/**
 * Whether the ways are asked for: which (or what) way, options, what there is to choose
 * between, or which one right after the strategies ("and which one do they recommend …?").
 */
function asksForTheWays(tokens: string[], afterTheStrategies: boolean): boolean {
  if (afterTheStrategies && tokens.some((token) => whichWord.test(token))) return true;
  const asking = tokens.some((token) => whichWord.test(token) || token === 'hvad' || token === 'what');
  if (asking && tokens.some((token) => wayWord.test(token))) return true;
  return tokens.some(
    (token, index) =>
      chooseWord.test(token) && tokens.slice(index + 1, index + 3).some((next) => betweenWord.test(next)),
  );
}
// what the strategies are about: Organisation, and the systems their recommendations speak of
const strategyContext = new Set(['organisation']);
const recommendationSystems = new Set(['sapa', 'kmd-sag']);

// the words of what the strategies are for, the organisation data ("hvilken metode anbefaler I til
// at rydde op i brugerne?" or "… til at tildele roller i STS Organisation?" choose another way)
const strategyWord = /^(strategi\w*|strategy|strategies|orgdata|organisationsdata\w*)$/;
const orgWord = /^(org|organisation|organization)$/;

function aboutTheStrategies(read: Understanding, tokens: string[]): boolean {
  return (
    tokens.some((token, index) => strategyWord.test(token) || (orgWord.test(token) && tokens[index + 1] === 'data')) ||
    read.entities.itSystems.includes('kmd-sag') ||
    // "vores AD-data ind i den fælles org-service": data into Organisation
    (read.entities.supportSystems.includes('organisation') && tokens.includes('data'))
  );
}

function namesOnlyStrategyThings(read: Understanding): boolean {
  const { entities } = read;
  return (
    entities.tasks.length === 0 &&
    entities.roles.length === 0 &&
    entities.deadlines.length === 0 &&
    entities.interfaces.length === 0 &&
    entities.municipalities.length === 0 &&
    entities.supportSystems.every((id) => strategyContext.has(id)) &&
    entities.itSystems.every((id) => recommendationSystems.has(id))
  );
}

// when something makes sense or is best is its condition ("vælge" asks when it must be decided)
const senseWord =
  /^(mening|bedst|bedste|anbefal\w*|passer|egner|god|godt|klog|klogt|smart|fornuftig\w*|best|recommend\w*|sense|suits?|good|wise|sensible)$/;

/** "hvornår giver interim-strategien mening?": when a strategy makes sense asks its condition, no date. */
export function asksWhenToChoose(read: Understanding, tokens: string[]): boolean {
  const ofStrategies = read.entities.strategies.length > 0 || tokens.some((token) => strategyWord.test(token));
  return ofStrategies && tokens.some((token) => senseWord.test(token));
}

// who, when or where a follow-up asks, or what it denies ("og hvis vi ikke har KMD Sag?"), is no strategy's answer
const otherAsking = /^(hvem|hvornaar|hvor|who|when|where|ikke|not|no|dont|don|haven|havent)$/;

/**
 * "og hvis vi bare taster det ind i hånden i stedet?" right after the strategies: the one strategy
 * the question names or describes, asked what the last question asked (its duration, its cons).
 */
function strategyAfterStrategies(
  read: Understanding,
  tokens: string[],
  previous: Understanding | undefined,
): Understanding | undefined {
  if (previous?.intent !== 'strategy.describe' || read.entities.strategies.length !== 1) return undefined;
  if (tokens.some((token) => otherAsking.test(token)) || !namesOnlyStrategyThings(read)) return undefined;
  const aspect = read.entities.aspect ?? previous.entities.aspect;
  return {
    ...read,
    intent: 'strategy.describe',
    confidence: Math.max(read.confidence, guessed),
    entities: { ...read.entities, ...(aspect && aspect !== 'ways' ? { aspect } : {}) },
  };
}

/** A question of which way to choose, read as nothing sure, is the strategies' answer. */
export function strategyChoice(read: Understanding, tokens: string[], previous?: Understanding): Understanding {
  if (read.intent !== 'unknown' && read.confidence >= guessed) return read;
  const followed = strategyAfterStrategies(read, tokens, previous);
  if (followed) return followed;
  const choosing = tokens.some((token) => choiceWord.test(token));
  // (a strategy named is asked why or when to choose it: its own answer holds the recommendation)
  const named = choosing && read.entities.strategies.length > 0;
  const ways =
    read.entities.strategies.length === 0 &&
    (choosing || tokens.some((token) => optionWord.test(token))) &&
    asksForTheWays(tokens, previous?.intent === 'strategy.describe') &&
    aboutTheStrategies(read, tokens);
  if (!named && !ways) return read;
  if (!namesOnlyStrategyThings(read)) return read;
  if (!ways)
    return { ...read, intent: 'strategy.describe', confidence: Math.max(read.confidence, CONFIDENCE_THRESHOLD) };
  // (the ways asked for in so many words is sure, however it is put: no passage holds the three of them)
  return {
    ...read,
    intent: 'strategy.describe',
    confidence: Math.max(read.confidence, guessed),
    entities: { ...read.entities, aspect: 'ways' },
  };
}
