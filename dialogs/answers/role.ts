import type { Reply, ReplyButton } from '../../src/core/types.js';
import { findRole, slidesAboutRole, tasksForRole, type Role } from '../../src/knowledge/queries.js';
import { roleAreaTitles } from '../../src/knowledge/schemas/roles.js';
import type { Dialog, DialogContext } from '../types.js';
import { materialText, say, sourceLine } from '../shared/say.js';
import { ANSWER_DIALOGS } from '../names.js';
import { dialogButton } from '../shared/buttons.js';

const categoryWords = {
  organisational: { da: 'en organisatorisk rolle', en: 'an organisational role' },
  project: { da: 'en projekt- og programrolle', en: 'a project and programme role' },
  technical: { da: 'en teknisk rolle', en: 'a technical role' },
} as const;

const phaseWords = {
  implementation: { da: 'implementering', en: 'implementation' },
  operations: { da: 'drift og forvaltning', en: 'operations' },
} as const;

/** Where the role stands: May list category, then the September draft (with how sure that is). */
function placementSentence(context: DialogContext, role: Role): string {
  const lang = context.language;
  const kind = role.category ? categoryWords[role.category][lang] : say(context, 'en rolle', 'a role');
  const opening = say(
    context,
    `**${role.name}** er ${kind} i rollegalleriet.`,
    `**${role.name}** is ${kind} in the role gallery.`,
  );
  const placed = role.placements.filter((placement) => placement.area !== null);
  if (placed.length > 0) {
    const area = roleAreaTitles[placed[0]!.area!];
    const phases = [...new Set(role.placements.map((placement) => phaseWords[placement.phase][lang]))].join(
      say(context, ' og i ', ' and in '),
    );
    const unsure = placed.some((placement) => !placement.placementCertain)
      ? say(
          context,
          ' (aflæst af et udkast; placeringen er usikker)',
          ' (read from a draft; the placement is uncertain)',
        )
      : '';
    return `${opening} ${say(context, `I udkastet fra september 2018 står den under _${area}_, i ${phases}${unsure}.`, `In the September 2018 draft it sits under _${area}_, in ${phases}${unsure}.`)}`;
  }
  if (role.groupedUnder) {
    const group = findRole(context.knowledge, role.groupedUnder.role)?.name ?? role.groupedUnder.role;
    const hedge = role.groupedUnder.certain ? '' : say(context, 'formentlig ', 'probably ');
    return `${opening} ${say(context, `I udkastet fra september 2018 hører den ${hedge}under _${group}_.`, `In the September 2018 draft it ${hedge}belongs to _${group}_.`)}`;
  }
  // the draft shows the phase even where its flattened columns hide the area ("KOMBIT-SPOC" is in operations)
  if (role.placements.length > 0) {
    const phases = [...new Set(role.placements.map((placement) => phaseWords[placement.phase][lang]))].join(
      say(context, ' og i ', ' and in '),
    );
    return `${opening} ${say(context, `I udkastet fra september 2018 står den i ${phases} (området kan ikke aflæses).`, `In the September 2018 draft it sits in ${phases} (the area cannot be read).`)}`;
  }
  return opening;
}

function profileReply(context: DialogContext, role: Role, profile: NonNullable<Role['profile']>): Reply {
  const intro = placementSentence(context, role);
  const list = profile.tasks.map((task) => task.text);
  const facts = [
    { label: say(context, 'Effekt', 'Effect'), value: profile.effect },
    {
      label: say(context, 'Ansvar', 'Responsibility'),
      value: profile.responsibility.map((line) => line.text).join(' '),
    },
    { label: say(context, 'Kendetegn', 'Characteristics'), value: profile.characteristics },
  ];
  const text = [
    intro,
    ...facts.map((fact) => `${fact.label}: ${fact.value}`),
    // (the count answers "hvor mange opgaver har rollen?")
    `${say(context, `${list.length} opgaver`, `${list.length} tasks`)}:`,
    ...list.map((line) => `- ${line}`),
  ].join('\n');
  return { heading: role.name, text, intro, facts, list, source: sourceLine(context, role.source.label) };
}

function roleButtons(context: DialogContext, role: Role): ReplyButton[] {
  const buttons: ReplyButton[] = tasksForRole(context.knowledge, role.id)
    .slice(0, 2)
    .map((task) =>
      dialogButton(say(context, `Deadline: ${task.title}`, `Deadline: ${task.title}`), ANSWER_DIALOGS.taskDeadline, {
        taskId: task.id,
      }),
    );
  if (role.profile)
    buttons.push(
      dialogButton(say(context, 'Vis kompetencerne', 'Show the competences'), ANSWER_DIALOGS.roleCompetences, {
        roleId: role.id,
      }),
    );
  return buttons;
}

/** What a role is: its description as far as the seed gives one, and where it sits. */
export const role: Dialog = (context, args) => {
  const found = findRole(context.knowledge, args.roleId ?? '');
  if (!found) return [{ text: say(context, 'Den rolle kender jeg ikke.', "I don't know that role.") }];
  if (found.profile) return [{ ...profileReply(context, found, found.profile), buttons: roleButtons(context, found) }];
  const lines = [placementSentence(context, found)];
  if (found.description) lines.push(materialText(context, found.description));
  for (const mention of found.mentions)
    lines.push(say(context, `Nævnt i materialet: “${mention.quote}”`, `Mentioned in the material: “${mention.quote}”`));
  // what a slide about the role lists is what the material says the role is for
  for (const slide of slidesAboutRole(context.knowledge, found)) {
    lines.push(say(context, `Sliden »${slide.title}« nævner:`, `The slide »${slide.title}« lists (in Danish):`));
    lines.push(...slide.points.map((point) => `- ${point}`));
  }
  if (!found.description) {
    lines.push(
      say(
        context,
        'En præcis beskrivelse af opgaverne er ikke udgivet endnu (rollegalleriet er et udkast).',
        'A precise description of its tasks has not been published yet (the role gallery is a draft).',
      ),
    );
  }
  return [
    {
      heading: found.name,
      text: lines.join('\n'),
      source: sourceLine(context, found.source.label),
      buttons: roleButtons(context, found),
    },
  ];
};

/** The competences of a role that has a full profile (the KOMBIT-programleder). */
export const roleCompetences: Dialog = (context, args) => {
  const found = findRole(context.knowledge, args.roleId ?? '');
  const competences = found?.profile?.competences;
  if (!found) return [{ text: say(context, 'Den rolle kender jeg ikke.', "I don't know that role.") }];
  if (!competences) {
    return [
      {
        heading: found.name,
        text: say(
          context,
          `Materialet beskriver ikke kompetencer for **${found.name}**; kun KOMBIT-programlederens rolle er beskrevet i detaljer (rollegalleriet er et udkast).`,
          `The material describes no competences for the **${found.name}**; only the KOMBIT programme leader's role is described in detail (the role gallery is a draft).`,
        ),
        source: sourceLine(context, found.source.label),
        buttons: [
          dialogButton(say(context, 'Om rollen', 'About the role'), ANSWER_DIALOGS.role, { roleId: found.id }),
          dialogButton(
            say(context, 'KOMBIT-programlederens kompetencer', "The programme leader's competences"),
            ANSWER_DIALOGS.roleCompetences,
            { roleId: 'kombit-programleder' },
          ),
        ],
      },
    ];
  }
  const count = competences.length;
  const intro = say(
    context,
    `Kompetencer for **${found.name}** (${count}):`,
    `Competences of the **${found.name}** (${count}):`,
  );
  return [
    {
      heading: found.name,
      text: [intro, ...competences.map((line) => `- ${line}`)].join('\n'),
      intro,
      list: competences,
      source: sourceLine(context, found.source.label),
      buttons: [dialogButton(say(context, 'Om rollen', 'About the role'), ANSWER_DIALOGS.role, { roleId: found.id })],
    },
  ];
};
