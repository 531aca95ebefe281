import { ASKERS_ROLE, askersRoleWords } from './entity-forms.js';
import type { EntityMatch } from './entity-index.js';

const ownRoleKinds = new Set<EntityMatch['kind']>(['role', 'task', 'step']);
const wholeName = 0.9;

/**
 * "hvad er min rolle som FK-ansvarlig?", "hvad er min rolle i BBR-opgaven?": the asker's own
 * role ("min rolle") is the programme leader's only where the question names no other role
 * or task; one named is the role or task asked about.
 */
export function withoutOwnRoleBesideAnother(matches: EntityMatch[], tokens: string[]): EntityMatch[] {
  const own = (match: EntityMatch) =>
    match.kind === 'role' &&
    match.id === ASKERS_ROLE &&
    askersRoleWords.includes(tokens.slice(match.start, match.end).join(' '));
  // (named whole: "project" in "my role in the project" is only part of "projektleder")
  const another = matches.some(
    (match) => match.certainty === 'named' && match.score >= wholeName && ownRoleKinds.has(match.kind) && !own(match),
  );
  return another ? matches.filter((match) => !own(match)) : matches;
}
