import { CONFIDENCE_THRESHOLD, type Understanding } from './types.js';

/*
 * "hvem hos os kontakter KOMBIT, når et projekt ikke leverer?", "who on our side approves the
 * agreements?": a who-question about the asker's own organisation asks for one of its roles, never
 * for KOMBIT's contacts, though it speaks of contacting KOMBIT. The role whose duties the question
 * describes (role-duties.ts) answers it.
 */

// the asker's own side: "hos os", "i kommunen", "i vores kommune", "on our side", "in our municipality"
const ownSide: string[][] = [
  ['hos', 'os'],
  ['i', 'kommunen'],
  ['i', 'vores', 'kommune'],
  ['paa', 'vores', 'side'],
  ['on', 'our', 'side'],
  ['at', 'our', 'end'],
  ['in', 'our', 'municipality'],
  ['in', 'the', 'municipality'],
  ['in', 'the', 'kommune'],
];

function saysOwnSide(tokens: string[]): boolean {
  return tokens.some((_, index) => ownSide.some((phrase) => phrase.every((word, at) => tokens[index + at] === word)));
}

/** The role a who-question about the asker's own side describes, where it was read as whom to contact. */
export function roleOnOwnSide(
  resolved: Understanding,
  tokens: string[],
  describedRole: string | undefined,
): Understanding | undefined {
  if (resolved.intent !== 'contact' || describedRole === undefined || !saysOwnSide(tokens)) return undefined;
  return {
    ...resolved,
    intent: 'role.responsible',
    confidence: Math.max(resolved.confidence, CONFIDENCE_THRESHOLD),
    entities: { ...resolved.entities, roles: [describedRole], roleCategory: undefined },
  };
}
