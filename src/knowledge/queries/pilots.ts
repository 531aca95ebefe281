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
// "own", "homegrown": the pilots' "Egen løsning"
const ownWords = /^(egen|eget|egne|own|homegrown|homemade|inhouse|selvudviklet|egenudviklet|hjemmelavet)$/;
// a word shorter than this is no start of a solution's name ("os" of "OS2")
const shortestStart = 4;

/** The SAPA pilots grouped by the organisation solution they use, in the material's order. */
export function pilotSolutions(knowledge: Knowledge): PilotSolution[] {
  const groups = new Map<string, PilotSolution>();
  for (const pilot of knowledge.pilots) {
    const group = groups.get(pilot.solution);
    if (group) group.pilots.push(pilot);
    else groups.set(pilot.solution, { solution: pilot.solution, vendor: pilot.vendor, pilots: [pilot] });
  }
  return [...groups.values()];
}

function nameWords(solution: PilotSolution): string[] {
  return words(`${solution.solution} ${solution.vendor ?? ''}`).filter((word) => !generic.has(word));
}

/** How many of a question's words name a solution: a word of its name or vendor, or its start ("sync"). */
function wordsNaming(solution: PilotSolution, tokens: string[]): number {
  const names = nameWords(solution);
  // "OS2" is read as "os" and "2" by the question's reading, and written as one word in the name
  const joined = tokens.flatMap((token, index) =>
    /^\d+$/.test(tokens[index + 1] ?? '') && /^\p{L}+$/u.test(token) ? [token + tokens[index + 1]] : [],
  );
  return [...tokens, ...joined].filter((token) => {
    if (ownWords.test(token)) return names.includes('egen');
    if (generic.has(token)) return false;
    return names.some((name) => name === token || (token.length >= shortestStart && name.startsWith(token)));
  }).length;
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
