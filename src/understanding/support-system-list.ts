import { namesSomething } from './reading-groups.js';
import { CONFIDENCE_THRESHOLD, type Understanding } from './types.js';

/*
 * "hvilke støttesystemer findes der?", "besides adgangsstyring, which other shared support
 * systems are there?": the support systems themselves asked for, which no example question
 * asks, so the words alone read as the systems that use one of them, or as the roles.
 */

// the support systems said as a kind: "støttesystemerne", "de fælles systemer", "shared support systems"
const supportSystemsWord = /^(stoettesystemer\w*|supportsystemer\w*)$/;
const kindPairs = new Set(['faelles systemer', 'faelleskommunale systemer', 'support systems', 'shared systems']);
// … asked which there are
const asksWhich = /^(hvilke|hvilken|which|findes|list|liste|oversigt\w*|andre|other|others)$/;
// … and not what the word means ("hvad betyder støttesystemer?" is the glossary's)
const meaningWord = /^(betyder|betyde|betydning\w*|mean|means|meaning)$/;
// … not which of them a system uses ("hvilke støttesystemer bruger DUBU?" is DUBU's)
const usingWord = /^(bruge|bruger|bruges|anvende|anvender|anvendes|use|uses|used|using|integrere\w*|integrate\w*)$/;

function saysTheKind(tokens: string[]): boolean {
  return tokens.some(
    (token, index) => supportSystemsWord.test(token) || kindPairs.has(`${token} ${tokens[index + 1] ?? ''}`),
  );
}

// … nor another thing of theirs asked for: "hvilke opgaver / roller / deadlines er der til støttesystemerne?"
const otherThing =
  /^(\w*opgave\w*|tasks?|roller?|rollerne|roles?|deadline\w*|frist\w*|problem\w*|issues?|snitflade\w*|interfaces?|trin\w*|steps?)$/;
// the readings the words alone give such a question: the systems that use one, or a guess
const misreadAs = new Set([
  'unknown',
  'overview.systems-using',
  'overview.used-by',
  'role.list',
  'task.list',
  'deadline.upcoming',
  'fact',
]);

/**
 * The support systems' list, where the question asks which there are and names nothing else
 * (but a support system), and the words alone were read as the overview, the roles or too
 * weakly to answer.
 */
export function supportSystemsAsked(tokens: string[], resolved: Understanding): Understanding | undefined {
  if (!saysTheKind(tokens) || !tokens.some((token) => asksWhich.test(token))) return undefined;
  const weak = misreadAs.has(resolved.intent) || resolved.confidence < CONFIDENCE_THRESHOLD;
  // (a span asks what is dated in it; one day, "i dag", is as often "currently")
  const dates = resolved.entities.dates;
  if (!weak || (dates && dates.start !== dates.end)) return undefined;
  if (tokens.some((token) => usingWord.test(token) || meaningWord.test(token) || otherThing.test(token)))
    return undefined;
  if (namesSomething({ ...resolved.entities, supportSystems: [] })) return undefined;
  return {
    ...resolved,
    intent: 'overview.systems-using',
    confidence: Math.max(resolved.confidence, 0.8),
    entities: { ...resolved.entities, supportSystems: [], aspect: 'support-systems' },
  };
}
