import { concrete } from '../live.js';
import type { Knowledge } from '../registry.js';
import type { Pilot } from '../schemas/pilots.js';
import { words } from '../text.js';

/** One organisation solution the SAPA pilots use, and the pilots that use it. */
export interface PilotSolution {
  solution: string;
  vendor: string | null;
  pilots: Pilot[];
}

// Words every kind of solution has, which name none of them ("løsning", "STS ORG")
const generic = new Set(['loesning', 'solution', 'org', 'sts', 'organisation', 'digital']);
// "own", "homegrown": the pilots' "Egen løsning", where a solution is what is owned ("deres egen
// org-løsning", "their own solution"; not "deres egen projektleder")
const ownWords = /^(egen|eget|egne|own|homegrown|homemade|inhouse|selvudviklet|egenudviklet|hjemmelavet)$/;
const solutionWord = /^(loesning\w*|solution\w*|organisationsloesning\w*|orgloesning\w*)$/;
const ownReach = 3;
// a word shorter than this is no start of a solution's name ("os" of "OS2")
const shortestStart = 4;

const grouped = new WeakMap<Knowledge, PilotSolution[]>();

/** The SAPA pilots grouped by the organisation solution they use, in the material's order (made once per load). */
export function pilotSolutions(knowledge: Knowledge): PilotSolution[] {
  const known = grouped.get(concrete(knowledge));
  if (known) return known;
  const groups = new Map<string, PilotSolution>();
  for (const pilot of knowledge.pilots) {
    const group = groups.get(pilot.solution);
    if (group) group.pilots.push(pilot);
    else groups.set(pilot.solution, { solution: pilot.solution, vendor: pilot.vendor, pilots: [pilot] });
  }
  const solutions = [...groups.values()];
  grouped.set(concrete(knowledge), solutions);
  return solutions;
}

/** Whether a question's word says a solution of one's own: "egen" with "løsning" after it. */
function saysOwn(tokens: string[], index: number): boolean {
  return (
    ownWords.test(tokens[index] ?? '') &&
    tokens.slice(index + 1, index + 1 + ownReach).some((token) => solutionWord.test(token))
  );
}

const nameWords = new Map<string, string[]>();

/** The folded words of a name, read once. */
function wordsOf(name: string): string[] {
  let known = nameWords.get(name);
  if (!known) nameWords.set(name, (known = words(name)));
  return known;
}

/**
 * How many of a question's words name a solution: a word of its name, or its start ("sync");
 * the vendor only by its whole name ("Digital Identity", "Signaturgruppen"), as its words alone
 * ("identity") mean other things.
 */
function wordsNaming(solution: PilotSolution, tokens: string[]): number {
  const names = wordsOf(solution.solution).filter((word) => !generic.has(word));
  const vendor = wordsOf(solution.vendor ?? '');
  // "OS2" is read as "os" and "2" by the question's reading, and written as one word in the name
  const joined = tokens.flatMap((token, index) =>
    /^\d+$/.test(tokens[index + 1] ?? '') && /^\p{L}+$/u.test(token) ? [token + tokens[index + 1]] : [],
  );
  const byName = [...tokens, ...joined].filter((token, index) => {
    if (ownWords.test(token)) return names.includes('egen') && saysOwn(tokens, index);
    if (generic.has(token)) return false;
    return names.some((name) => name === token || (token.length >= shortestStart && name.startsWith(token)));
  }).length;
  // … also written in two words ("signatur gruppen"), or with the Danish genitive ("Digital Identitys")
  const pairs = tokens.slice(1).map((token, index) => tokens[index]! + token);
  const byVendor =
    vendor.length > 0 &&
    solution.vendor !== solution.solution &&
    vendor.every((word) => tokens.includes(word) || tokens.includes(`${word}s`) || pairs.includes(word));
  return byName + (byVendor ? vendor.length : 0);
}

/**
 * The pilots' solution a question names ("OS2 sync", "deres egen løsning", "NetIQ"), where one
 * fits better than every other; undefined where none or several fit as well.
 */
export function pilotSolutionNamed(knowledge: Knowledge, tokens: string[]): PilotSolution | undefined {
  const scored = pilotSolutions(knowledge)
    .map((solution) => ({ solution, count: wordsNaming(solution, tokens) }))
    .filter(({ count }) => count > 0)
    .sort((x, y) => y.count - x.count);
  const [best, next] = scored;
  if (!best || (next && next.count === best.count)) return undefined;
  return best.solution;
}
