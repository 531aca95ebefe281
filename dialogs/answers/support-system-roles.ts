import type { Reply } from '../../src/core/types.js';
import { rolesOfSupportSystem } from '../../src/knowledge/queries.js';
import type { DialogContext } from '../types.js';
import { dialogButton } from '../shared/buttons.js';
import { listReply } from '../shared/replies.js';
import { say, sourcesLine } from '../shared/say.js';
import { ANSWER_DIALOGS } from '../names.js';

/**
 * "hvilke roller er der for Fordelingskomponenten?": the roles the material ties to one support
 * system, each with the tasks and deadlines that tie it; undefined where it ties none (the role
 * gallery answers then).
 */
export function supportSystemRolesReply(context: DialogContext, supportSystemId: string): Reply | undefined {
  const system = context.knowledge.supportSystems.find((candidate) => candidate.id === supportSystemId);
  const roles = rolesOfSupportSystem(context.knowledge, supportSystemId);
  if (!system || roles.length === 0) return undefined;
  const labels = [...new Set(roles.map(({ role }) => role.source.label))];
  return listReply({
    heading: say(context, `Roller for ${system.name}`, `Roles for ${system.name}`),
    intro: say(
      context,
      `Materialet knytter **${roles.length} ${roles.length === 1 ? 'rolle' : 'roller'}** til ${system.name}:`,
      `The material ties **${roles.length} ${roles.length === 1 ? 'role' : 'roles'}** to ${system.name}:`,
    ),
    list: roles.map(({ role, via }) =>
      via.length === 0 ? role.name : `${role.name}: ${via.map((title) => `»${title}«`).join(', ')}`,
    ),
    source: sourcesLine(context, labels),
    buttons: roles
      .slice(0, 3)
      .map(({ role }) =>
        dialogButton(say(context, `Om ${role.name}`, `About ${role.name}`), ANSWER_DIALOGS.role, { roleId: role.id }),
      ),
  });
}
