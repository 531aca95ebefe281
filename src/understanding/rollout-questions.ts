import type { Understanding } from './types.js';

// "udrulningsgruppe", "gruppen", "group", "wave": a group of SAPA's rollout plan
const groupWord = /^(gruppe\w*|grupper\w*|group|groups|udrulningsgrupp\w*|rolloutgroup\w*|wave|waves|boelge\w*)$/;
// … of the rollout, said or implied by SAPA
const rolloutWord = /^(udrul\w*|rollout\w*|roll|sapa)$/;
// the ordinals people count groups with; "last" is the last group
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
// below this the rollout plan is the likelier reading than the intent the words alone suggested
const rolloutConfidence = 0.7;

/**
 * The group of SAPA's rollout plan a question counts ("den første gruppe", "group 3", "the last
 * wave"): its number from 1, or "last"; undefined where no group is counted.
 */
export function rolloutGroupAsked(tokens: string[]): number | 'last' | undefined {
  for (let index = 0; index < tokens.length; index += 1) {
    if (!groupWord.test(tokens[index]!)) continue;
    // ("the first SAPA rollout group": the ordinal may stand before the words of the rollout)
    let skip = 1;
    while (rolloutWord.test(tokens[index - skip] ?? '')) skip += 1;
    const [before, after] = [tokens[index - skip] ?? '', tokens[index + 1] ?? ''];
    if (lastWord.test(before)) return 'last';
    const ordinal = ordinals[before];
    if (ordinal !== undefined) return ordinal;
    if (/^\d{1,2}$/.test(after)) return Number(after);
    if (/^\d{1,2}$/.test(before)) return Number(before);
  }
  return undefined;
}

/**
 * "hvilke kommuner er i samme udrulningsgruppe som Køge?", "which municipalities are in the first
 * SAPA group?": a group of the rollout asked about, nothing but SAPA and municipalities named,
 * is the rollout plan (one municipality's group, or the plan, which gives a counted group).
 */
export function rolloutGroupReading(tokens: string[], resolved: Understanding): Understanding | undefined {
  if (!tokens.some((token) => groupWord.test(token)) || !tokens.some((token) => rolloutWord.test(token)))
    return undefined;
  const { entities } = resolved;
  const others = entities.tasks.length + entities.interfaces.length + entities.supportSystems.length;
  if (others > 0 || entities.itSystems.some((id) => id !== 'sapa') || entities.roles.length > 0) return undefined;
  return { ...resolved, intent: 'rollout.sapa', confidence: Math.max(resolved.confidence, rolloutConfidence) };
}
