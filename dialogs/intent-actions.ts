import type { ActionPayload } from '../src/core/types.js';
import type { Entities, Intent, Understanding } from '../src/understanding/types.js';
import { actionFor, intentDialogs } from './intent-dialogs.js';

/** The argument that names the one thing a describing dialog is about, by the entities it comes from. */
const describedArg: Partial<Record<Intent, { of: (entities: Entities) => string[]; arg: string }>> = {
  'role.describe': { of: (e) => e.roles, arg: 'roleId' },
  'strategy.describe': { of: (e) => e.strategies, arg: 'strategyId' },
  'task.describe': { of: (e) => e.tasks, arg: 'taskId' },
};
const maximumCompared = 3;
const maximumNamed = 10;
/** Dialogs that answer of one thing, asked of several at once ("hvad bruger Gladsaxe og Odense til org data?"). */
const eachNamedArg: Partial<Record<Intent, { of: (entities: Entities) => string[]; arg: string }>> = {
  'pilot.solution': { of: (e) => e.municipalities, arg: 'municipalityId' },
  // "which systems are Fjernprint and ØiR for?" (the support systems' own list, or an interface, is one answer)
  'overview.systems-using': {
    of: (e) => (e.aspect === 'support-systems' || e.interfaces.length > 0 ? [] : e.supportSystems),
    arg: 'supportSystemId',
  },
};

/**
 * The dialogs that answer: one, or one for each thing a comparison names ("forskellen på A
 * og B"), or for each of several things a one-thing answer is asked of.
 */
export function actionsFor(understanding: Understanding, tokens: string[]): ActionPayload[] {
  const action = actionFor(understanding, tokens);
  if (!action) return [];
  const { intent } = understanding;
  const each = eachNamedArg[intent];
  const severalNamed = each !== undefined && each.of(understanding.entities).length > 1;
  const described = severalNamed ? each : understanding.entities.compared ? describedArg[intent] : undefined;
  if (!described || intent === 'unknown' || action.dialog !== intentDialogs[intent].dialog) return [action];
  // (each of several named is answered, up to a page of answers; a comparison is of a few)
  const ids = described.of(understanding.entities).slice(0, severalNamed ? maximumNamed : maximumCompared);
  return ids.map((id) => ({ dialog: action.dialog, args: { ...action.args, [described.arg]: id } }));
}
