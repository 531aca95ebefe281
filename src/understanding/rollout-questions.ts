import { namesSomething } from './reading-groups.js';
import type { Understanding } from './types.js';

// "gruppen", "group", "wave": a group, of SAPA's rollout plan where the rollout is said beside it
const groupWord = /^(gruppe|gruppen|grupper|grupperne|group|groups|wave|waves|batch|batches|boelge|boelgen)$/;
// … or in the same word ("udrulningsgruppe", "rolloutgroup")
const rolloutGroupWord = /^(udrulningsgrupp\w*|rolloutgroup\w*|sapagrupp\w*)$/;
// … the rollout, said or implied by SAPA
const rolloutWord = /^(udrul\w*|rollout\w*|roll|sapa)$/;
const inWord = /^(i|in|for|til|er|is|are|the|den|det)$/;
// how far after the group word the rollout may be said, with only such words between
const rolloutReach = 3;
// "en gruppe af medarbejdere", "a group of users" is no group of the plan
const ofWord = /^(af|of)$/;
// the ordinals people count groups with; "last" is the last group ("en anden gruppe" is another one)
const ordinals: Record<string, number> = {
  foerste: 1,
  first: 1,
  '1st': 1,
  anden: 2,
  andet: 2,
  second: 2,
  '2nd': 2,
  tredje: 3,
  third: 3,
  '3rd': 3,
  fjerde: 4,
  fourth: 4,
  femte: 5,
  fifth: 5,
};
const lastWord = /^(sidste|last|final)$/;
const indefinite = /^(en|et|an|another)$/;
// below this the rollout plan is the likelier reading than the intent the words alone suggested
const rolloutConfidence = 0.7;

/**
 * Where the question speaks of a group of the rollout plan: the group word's place, or -1. Asked
 * of the plan already (`saidOfThePlan`), any group is one of its groups.
 */
function rolloutGroupAt(tokens: string[], saidOfThePlan = false): number {
  return tokens.findIndex((token, index) => {
    if (ofWord.test(tokens[index + 1] ?? '')) return false;
    if (rolloutGroupWord.test(token)) return true;
    if (!groupWord.test(token)) return false;
    if (saidOfThePlan) return true;
    // "the first SAPA rollout group", "SAPA-gruppen", "gruppe i udrulningen", "grupper er SAPA-udrulningen
    // delt i" (not "en gruppe om SAPA")
    if (tokens.slice(Math.max(0, index - 2), index).some((word) => rolloutWord.test(word))) return true;
    const after = tokens.slice(index + 1, index + 1 + rolloutReach);
    const rollout = after.findIndex((word) => rolloutWord.test(word));
    return rollout >= 0 && after.slice(0, rollout).every((word) => inWord.test(word));
  });
}

/**
 * The group of SAPA's rollout plan a question about the plan counts ("den første gruppe",
 * "group 3", "the last wave"): its number from 1, or "last"; undefined where no group is counted.
 */
export function rolloutGroupAsked(tokens: string[]): number | 'last' | undefined {
  const index = rolloutGroupAt(tokens, true);
  if (index < 0) return undefined;
  // ("the first SAPA rollout group": the ordinal may stand before the words of the rollout)
  let skip = 1;
  while (rolloutWord.test(tokens[index - skip] ?? '')) skip += 1;
  const [before, after] = [tokens[index - skip] ?? '', tokens[index + 1] ?? ''];
  if (lastWord.test(before)) return 'last';
  const ordinal = ordinals[before];
  if (ordinal !== undefined && !indefinite.test(tokens[index - skip - 1] ?? '')) return ordinal;
  if (/^\d{1,2}$/.test(after)) return Number(after);
  if (/^\d{1,2}$/.test(before)) return Number(before);
  return undefined;
}

// "udrulningsplanen", "the rollout plan": the one rollout plan the material has is SAPA's
const planWord = /^(udrulningsplan\w*|rolloutplan\w*)$/;
// … asked of, where the words alone read as a guess or the national status, which has no plan
const planMisread = new Set(['unknown', 'status.national', 'fact']);

function thePlanAsked(tokens: string[], resolved: Understanding): boolean {
  const weak = planMisread.has(resolved.intent) || resolved.confidence < rolloutConfidence;
  return weak && resolved.entities.tasks.length === 0 && tokens.some((token) => planWord.test(token));
}

/**
 * "hvilke kommuner er i samme udrulningsgruppe som Køge?", "which municipalities are in the first
 * SAPA group?": a group of the rollout asked about, nothing but SAPA and municipalities named,
 * is the rollout plan (one municipality's group, or the plan, which gives a counted group).
 */
export function rolloutGroupReading(tokens: string[], resolved: Understanding): Understanding | undefined {
  if (rolloutGroupAt(tokens) < 0 && !thePlanAsked(tokens, resolved)) return undefined;
  const { entities } = resolved;
  const others = { ...entities, municipalities: [], itSystems: entities.itSystems.filter((id) => id !== 'sapa') };
  if (namesSomething(others)) return undefined;
  return { ...resolved, intent: 'rollout.sapa', confidence: Math.max(resolved.confidence, rolloutConfidence) };
}
