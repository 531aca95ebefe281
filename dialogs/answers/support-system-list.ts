import type { Reply } from '../../src/core/types.js';
import { systemsUsingSupportSystem } from '../../src/knowledge/systems-queries.js';
import type { DialogContext } from '../types.js';
import { joinAnd } from '../shared/text.js';
import { say, sourcesLine } from '../shared/say.js';
import { dialogButton } from '../shared/buttons.js';
import { listReply } from '../shared/replies.js';
import { ANSWER_DIALOGS } from '../names.js';

/**
 * "hvilke støttesystemer findes der?", "which other shared support systems are there besides
 * Adgangsstyring?": every support system the material names, with the IT systems that must use it.
 */
export function supportSystemListReply(context: DialogContext): Reply {
  const systems = context.knowledge.supportSystems;
  const list = systems.map((system) => {
    const name = system.platform ? `**${system.name}** (${system.platform})` : `**${system.name}**`;
    const users = systemsUsingSupportSystem(context.knowledge, system.id).map((link) => link.itSystem.name);
    if (users.length === 0)
      return say(
        context,
        `${name}: materialet nævner ingen it-systemer, der skal anvende det`,
        `${name}: the material names no IT systems that must use it`,
      );
    const named = joinAnd(users, context.language);
    return say(context, `${name}: skal anvendes af ${named}`, `${name}: to be used by ${named}`);
  });
  const intro = say(
    context,
    `Materialet nævner **${systems.length} fælleskommunale støttesystemer**:`,
    `The material names **${systems.length} shared support systems** (fælleskommunale støttesystemer):`,
  );
  return listReply({
    heading: say(context, 'Støttesystemerne', 'The support systems'),
    intro,
    list,
    source: sourcesLine(
      context,
      systems.map((system) => system.source.label),
    ),
    buttons: systems
      .slice(0, 3)
      .map((system) => dialogButton(system.name, ANSWER_DIALOGS.overview, { supportSystemId: system.id })),
  });
}
