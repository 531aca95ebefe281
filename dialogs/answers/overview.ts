import type { Reply, ReplyButton } from '../../src/core/types.js';
import {
  interfacesOfSystem,
  supportSystemsOf,
  systemsUsingInterface,
  systemsUsingSupportSystem,
  type Interface,
  type ItSystem,
  type SupportBasis,
  type SupportLink,
  type SupportSystem,
  type UsageState,
} from '../../src/knowledge/systems-queries.js';
import { findTopic, IMPLEMENTATION_OVERVIEW_TOPIC } from '../../src/knowledge/schemas/topics.js';
import type { Dialog, DialogContext } from '../types.js';
import { joinAnd } from '../shared/text.js';
import { say, sourcesLine } from '../shared/say.js';
import { dialogButton } from '../shared/buttons.js';
import { listReply, unknownReply } from '../shared/replies.js';
import { ANSWER_DIALOGS } from '../names.js';
import { supportSystemListReply } from './support-system-list.js';

/** "i gang" / "in progress"; a year stays a year. */
function stateText(context: DialogContext, state: UsageState): string {
  if (state === 'gennemført') return say(context, 'gennemført', 'done');
  if (state === 'i gang') return say(context, 'i gang', 'in progress');
  if (state === 'ny') return say(context, 'ny', 'new');
  return state;
}

/**
 * How often the overview is updated, from the data ("Opdateres kvartalsvis" on the slide):
 * "Overblikket opdateres kvartalsvis."; nothing when the data does not say.
 */
function updateNote(context: DialogContext): string[] {
  const frequency = findTopic(context.knowledge, IMPLEMENTATION_OVERVIEW_TOPIC)?.updateFrequency;
  if (frequency === undefined) return [];
  const words = frequency.charAt(0).toLowerCase() + frequency.slice(1);
  return [
    say(
      context,
      `Overblikket ${words}.`,
      `How often the overview is updated, in the material's words: "${frequency}".`,
    ),
  ];
}

function interfaceOf(context: DialogContext, id: string): Interface | undefined {
  return context.knowledge.interfaces.find((item) => item.id === id);
}

/** How an IT system stands on a support system: its state per interface, or what the seed's link rests on. */
function linkDetail(context: DialogContext, link: SupportLink): string {
  const states = link.basis.flatMap((basis: SupportBasis) => {
    if (typeof basis === 'object') {
      const item = interfaceOf(context, basis.interface);
      const user = item?.users.find((candidate) => candidate.itSystem === link.itSystem.id);
      return item && user ? [`${item.code}: ${stateText(context, user.state)}`] : [];
    }
    return [];
  });
  const distinct = new Set(states.map((state) => state.split(': ')[1]));
  if (distinct.size === 1) return [...distinct][0] ?? '';
  if (states.length > 0) return states.join(', ');
  const words: Record<string, [string, string]> = {
    'status-adgangsstyring-slide': ['på sliden "Status på Adgangsstyring"', 'on the slide "Status på Adgangsstyring"'],
    'coming-klik-task': ['kommende KLIK-opgave', 'coming KLIK task'],
    'organisation-diagram': ['læser organisationsdata', 'reads organisation data'],
  };
  const reasons = link.basis.flatMap((basis) =>
    typeof basis === 'string' && words[basis] ? [say(context, words[basis][0], words[basis][1])] : [],
  );
  return [[...new Set(reasons)].join(', '), neededFor(context, link)].filter(Boolean).join('; ');
}

/** "behov: Sagsfordeling; Brevfletning": what the IT system needs the support system's data for, where the slide says. */
function neededFor(context: DialogContext, link: SupportLink): string {
  const need = link.supportSystem.businessNeeds?.find((candidate) => candidate.itSystem === link.itSystem.id);
  if (!need) return '';
  // (in English each need with the slide's Danish beside it, as a quoted slide line has)
  const english = need.needsEn?.map((line, index) => `${line} (_${need.needs[index] ?? ''}_)`);
  return say(context, `behov: ${need.needs.join('; ')}`, `needs: ${(english ?? need.needs).join('; ')}`);
}

function labelsOf(context: DialogContext, links: SupportLink[]): string[] {
  return links.flatMap((link) =>
    link.basis.map((basis) =>
      typeof basis === 'object'
        ? (interfaceOf(context, basis.interface)?.source.label ?? link.itSystem.source.label)
        : link.supportSystem.source.label,
    ),
  );
}

function interfaceReply(context: DialogContext, item: Interface): Reply {
  const usages = systemsUsingInterface(context.knowledge, item.id);
  const support = context.knowledge.supportSystems.find((system) => system.id === item.supportSystem);
  const list = usages.map((usage) => `${usage.itSystem.name} (${stateText(context, usage.state)})`);
  const intro = say(
    context,
    `**${usages.length} ${usages.length === 1 ? 'it-system' : 'it-systemer'}** skal anvende ${item.code} _${item.title}_${support ? ` (${support.name})` : ''}:`,
    `**${usages.length} ${usages.length === 1 ? 'IT system' : 'IT systems'}** must use ${item.code} _${item.title}_${support ? ` (${support.name})` : ''}:`,
  );
  const after = [
    ...updateNote(context),
    ...(item.link ? [say(context, `Hele overblikket: ${item.link}`, `The whole overview: ${item.link}`)] : []),
  ];
  const buttons: ReplyButton[] = usages.slice(0, 2).map((usage) =>
    dialogButton(say(context, `Om ${usage.itSystem.name}`, `About ${usage.itSystem.name}`), ANSWER_DIALOGS.overview, {
      itSystemId: usage.itSystem.id,
    }),
  );
  if (support)
    buttons.push(
      dialogButton(say(context, `Hvem bruger ${support.name}?`, `Who uses ${support.name}?`), ANSWER_DIALOGS.overview, {
        supportSystemId: support.id,
      }),
    );
  return listReply({
    heading: item.code,
    intro,
    list,
    after,
    source: sourcesLine(context, [item.source.label]),
    buttons,
  });
}

function supportSystemReply(context: DialogContext, system: SupportSystem): Reply {
  const links = systemsUsingSupportSystem(context.knowledge, system.id);
  if (links.length === 0) {
    const text = say(
      context,
      `Materialet nævner ingen it-systemer, der skal anvende ${system.name}.`,
      `The material names no IT systems that must use ${system.name}.`,
    );
    return {
      heading: system.name,
      text,
      notKnown: true,
      source: sourcesLine(context, [system.source.label]),
      buttons: [
        dialogButton(
          say(context, 'Implementeringsoverblikket', 'The implementation overview'),
          ANSWER_DIALOGS.overview,
        ),
      ],
    };
  }
  const list = links.map((link) => `${link.itSystem.name} (${linkDetail(context, link)})`);
  const intro = say(
    context,
    `**${links.length} ${links.length === 1 ? 'it-system' : 'it-systemer'}** skal anvende ${system.name}:`,
    `**${links.length} ${links.length === 1 ? 'IT system' : 'IT systems'}** must use ${system.name}:`,
  );
  const fromOverview = links.some((link) => link.basis.some((basis) => typeof basis === 'object'));
  const buttons = links.slice(0, 3).map((link) =>
    dialogButton(say(context, `Om ${link.itSystem.name}`, `About ${link.itSystem.name}`), ANSWER_DIALOGS.overview, {
      itSystemId: link.itSystem.id,
    }),
  );
  return listReply({
    heading: system.name,
    intro,
    list,
    after: fromOverview ? updateNote(context) : [],
    source: sourcesLine(context, labelsOf(context, links)),
    buttons,
  });
}

function itSystemReply(context: DialogContext, system: ItSystem): Reply {
  const interfaces = interfacesOfSystem(context.knowledge, system.id);
  const supports = supportSystemsOf(context.knowledge, system.id);
  const lang = context.language;
  const list = [
    ...interfaces.map(
      (usage) => `${usage.interface.code} _${usage.interface.title}_ (${stateText(context, usage.state)})`,
    ),
    ...supports.map(
      (link) => `${link.supportSystem.name}${linkDetail(context, link) ? ` (${linkDetail(context, link)})` : ''}`,
    ),
  ];
  if (list.length === 0) {
    return {
      heading: system.name,
      text: say(
        context,
        `Materialet nævner ingen snitflader eller støttesystemer for ${system.name}.`,
        `The material names no interfaces or support systems for ${system.name}.`,
      ),
      notKnown: true,
      source: sourcesLine(context, [system.source.label]),
      buttons: [
        dialogButton(
          say(context, 'Implementeringsoverblikket', 'The implementation overview'),
          ANSWER_DIALOGS.overview,
        ),
      ],
    };
  }
  const supportNames = joinAnd(
    supports.map((link) => link.supportSystem.name),
    lang,
  );
  const intro =
    interfaces.length > 0
      ? say(
          context,
          `**${system.name}** skal anvende ${interfaces.length} snitflade${interfaces.length === 1 ? '' : 'r'} og støttesystemerne ${supportNames}:`,
          `**${system.name}** must use ${interfaces.length} interface${interfaces.length === 1 ? '' : 's'} and the support systems ${supportNames}:`,
        )
      : say(
          context,
          `**${system.name}** skal anvende ${supportNames}:`,
          `**${system.name}** must use ${supportNames}:`,
        );
  const buttons = supports
    .slice(0, 2)
    .map((link) =>
      dialogButton(
        say(context, `Hvem bruger ${link.supportSystem.name}?`, `Who uses ${link.supportSystem.name}?`),
        ANSWER_DIALOGS.overview,
        { supportSystemId: link.supportSystem.id },
      ),
    );
  const labels = [...interfaces.map((usage) => usage.interface.source.label), ...labelsOf(context, supports)];
  return listReply({
    heading: system.name,
    intro,
    list,
    after: interfaces.length > 0 ? updateNote(context) : [],
    source: sourcesLine(context, labels),
    buttons,
  });
}

function summaryReply(context: DialogContext): Reply {
  const items = context.knowledge.interfaces;
  const nameOf = (id: string) => context.knowledge.itSystems.find((system) => system.id === id)?.name ?? id;
  const list = items.map(
    (item) =>
      `${item.code} _${item.title}_: ${joinAnd(
        item.users.map((user) => nameOf(user.itSystem)),
        context.language,
      )}`,
  );
  const intro = say(
    context,
    `Implementeringsoverblikket viser ${items.length} snitflader med de it-systemer, der skal anvende dem:`,
    `The implementation overview shows ${items.length} interfaces with the IT systems that must use them:`,
  );
  const buttons = items
    .slice(0, 3)
    .map((item) => dialogButton(item.code, ANSWER_DIALOGS.overview, { interfaceId: item.id }));
  return listReply({
    heading: say(context, 'Implementeringsoverblikket', 'The implementation overview'),
    intro,
    list,
    after: updateNote(context),
    source: sourcesLine(
      context,
      items.map((item) => item.source.label),
    ),
    buttons,
  });
}

/**
 * The implementation overview: which IT systems use an interface or a support system, or
 * which interfaces and support systems an IT system uses, each with its state.
 */
export const overview: Dialog = (context, args) => {
  const k = context.knowledge;
  const wanted = (value: string | undefined) => value?.toLowerCase();
  if (args.interfaceId !== undefined) {
    const item = k.interfaces.find((candidate) => candidate.id === wanted(args.interfaceId));
    return item
      ? [interfaceReply(context, item)]
      : unknownReply(context, 'Den snitflade kender jeg ikke.', "I don't know that interface.");
  }
  if (args.supportSystemId !== undefined) {
    const system = k.supportSystems.find((candidate) => candidate.id === wanted(args.supportSystemId));
    return system
      ? [supportSystemReply(context, system)]
      : unknownReply(context, 'Det støttesystem kender jeg ikke.', "I don't know that support system.");
  }
  if (args.itSystemId !== undefined) {
    const system = k.itSystems.find((candidate) => candidate.id === wanted(args.itSystemId));
    return system
      ? [itSystemReply(context, system)]
      : unknownReply(context, 'Det it-system kender jeg ikke.', "I don't know that IT system.");
  }
  if (args.list === 'support-systems') return [supportSystemListReply(context)];
  if (args.list !== undefined)
    return unknownReply(context, 'Den oversigt kender jeg ikke.', "I don't know that overview.");
  return [summaryReply(context)];
};
