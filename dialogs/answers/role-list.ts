import { z } from 'zod';
import type { Reply, ReplyButton } from '../../src/core/types.js';
import type { Role } from '../../src/knowledge/queries.js';
import { roleAreaTitles } from '../../src/knowledge/schemas/roles.js';
import type { Dialog, DialogContext } from '../types.js';
import { say, sourcesLine } from '../shared/say.js';
import { dialogButton } from '../shared/buttons.js';
import { listReply, unknownReply } from '../shared/replies.js';
import { ANSWER_DIALOGS } from '../names.js';
import { editDistance } from '../../src/understanding/fuzzy.js';
import { supportSystemRolesReply } from './support-system-roles.js';
import { draftOrder, galleryMeaning, gallerySlideLines } from './role-gallery.js';

const argsSchema = z.object({
  category: z.enum(['organisational', 'project', 'technical']).optional(),
  phase: z.enum(['implementation', 'operations']).optional(),
  supportSystemId: z.string().optional(),
  // 'true': the gallery itself is asked about ("hvad er rollegalleriet?"), not only its roles
  gallery: z.enum(['true']).optional(),
});
type Category = NonNullable<z.infer<typeof argsSchema>['category']>;
type Phase = NonNullable<z.infer<typeof argsSchema>['phase']>;

const categoryWords: Record<Category, [string, string]> = {
  organisational: ['organisatoriske roller', 'organisational roles'],
  project: ['projekt- og programroller', 'project and programme roles'],
  technical: ['tekniske roller', 'technical roles'],
};

const phaseWords: Record<Phase, [string, string]> = {
  implementation: ['implementering', 'implementation'],
  operations: ['drift og forvaltning', 'operations'],
};

const DRAFT_LABEL = 'Rollegalleriet, udkast september 2018';
const MAY_LABEL = 'Rollegalleriet, maj 2018';

function draftNote(context: DialogContext): string {
  return say(
    context,
    'Rollegalleriet fra september 2018 er et udkast; rollernes placering er aflæst af udkastet og kan ændre sig.',
    'The September 2018 role gallery is a draft; the roles are placed as read from it and may change.',
  );
}

/**
 * How the May 2018 list wrote a role, where that is more than a slip of the pen away from its
 * name ("It-sikkerhedsansvarlig" for Sikkerhedsansvarlig; not "Rolleadministator").
 */
function mayTitle(role: Role): string | undefined {
  const written = role.mayList?.titleAsWritten;
  if (!written) return undefined;
  return editDistance(role.name.toLowerCase(), written.toLowerCase(), 1) <= 1 ? undefined : written;
}

/** A role's line: its name, as the May list wrote it where that differs, and in a phase list the draft area it sits under where one can be read. */
function roleLine(context: DialogContext, role: Role, phase: Phase | undefined): string {
  if (!phase) {
    const written = mayTitle(role);
    // (a title that only adds to the name is the line: "Leverandøradministrator (STS) (kommunen er egen leverandør/egen IdP)")
    if (written?.startsWith(role.name)) return written;
    return written ? `${role.name} (${say(context, 'i maj', 'in May')}: ${written})` : role.name;
  }
  const area = role.placements.find((placement) => placement.phase === phase && placement.area !== null)?.area;
  return area ? `${role.name} (${roleAreaTitles[area]})` : role.name;
}

function roleButtons(context: DialogContext, roles: Role[], category: Category | undefined): ReplyButton[] {
  const about = roles.map((role) =>
    dialogButton(say(context, `Om ${role.name}`, `About ${role.name}`), ANSWER_DIALOGS.role, { roleId: role.id }),
  );
  if (category === undefined) return [...about.slice(0, 2), categoryButton(context, 'organisational')];
  // a category is a tab of the gallery: both other tabs are one press away
  const others = (['organisational', 'project', 'technical'] as const).filter((candidate) => candidate !== category);
  return [...others.map((other) => categoryButton(context, other)), ...about.slice(0, 1)];
}

/** Switches the gallery card to another kind of role, in place: the gallery is one card with tabs. */
function categoryButton(context: DialogContext, category: Category): ReplyButton {
  const title = say(context, `Vis ${categoryWords[category][0]}`, `Show ${categoryWords[category][1]}`);
  return { ...dialogButton(title, ANSWER_DIALOGS.roleList, { category }), replacesCard: true };
}

/** The role gallery as a whole: what it is, the draft's order, May's three kinds of role, and the gallery's other slides. */
function summaryReply(context: DialogContext, gallery: boolean): Reply {
  const roles = context.knowledge.roles;
  const kinds = (['organisational', 'project', 'technical'] as const).map((category) => {
    const inCategory = roles.filter((role) => role.category === category);
    // the names, not only the count: "vis rollegalleriet" wants to see the roles
    return `${inCategory.length} ${say(context, categoryWords[category][0], categoryWords[category][1])}: ${inCategory.map((role) => role.name).join(', ')}`;
  });
  const draftOnly = roles.filter((role) => role.category === undefined).length;
  const meaning = galleryMeaning(context);
  // (its own slides are for the gallery asked about, not for "hvilke roller er der?")
  const slides = gallery ? gallerySlideLines(context) : { lines: [], labels: [] };
  const intro = say(
    context,
    'Rollegalleriet fra maj 2018 har tre slags roller:',
    'The May 2018 role gallery has three kinds of roles:',
  );
  const buttons = (['organisational', 'project', 'technical'] as const).map((category) =>
    categoryButton(context, category),
  );
  return listReply({
    heading: say(context, 'Rollegalleriet', 'The role gallery'),
    intro: [...(meaning ? [meaning.text] : []), intro].join('\n'),
    list: kinds,
    after: [draftOrder(context, draftOnly), ...slides.lines, draftNote(context)],
    source: sourcesLine(context, [...(meaning ? [meaning.label] : []), MAY_LABEL, DRAFT_LABEL, ...slides.labels]),
    buttons,
    summary: meaning?.text ?? intro,
  });
}

/**
 * Roles by May 2018 category and/or September 2018 draft phase; says the September gallery is a
 * draft. The roles of one support system where one is asked about and the material ties roles to it.
 */
export const roleList: Dialog = (context, args) => {
  const parsed = argsSchema.safeParse(args);
  if (!parsed.success)
    return unknownReply(context, 'Den rollegruppe kender jeg ikke.', "I don't know that group of roles.");
  const { category, phase, supportSystemId, gallery } = parsed.data;
  // (a kind or phase of role asked for is the gallery's: the system's roles are too few to sort)
  const ofSystem =
    supportSystemId && !category && !phase ? supportSystemRolesReply(context, supportSystemId) : undefined;
  if (ofSystem) return [ofSystem];
  if (!category && !phase) return [summaryReply(context, gallery === 'true')];
  const roles = context.knowledge.roles.filter(
    (role) =>
      (!category || role.category === category) &&
      (!phase || role.placements.some((placement) => placement.phase === phase)),
  );
  const lang = context.language;
  const kind = category ? categoryWords[category][lang === 'da' ? 0 : 1] : say(context, 'roller', 'roles');
  const inPhase = phase ? say(context, ` i ${phaseWords[phase][0]}`, ` in ${phaseWords[phase][1]}`) : '';
  const labels = [...(category ? [MAY_LABEL] : []), ...(phase ? [DRAFT_LABEL] : [])];
  if (roles.length === 0) {
    return [
      {
        text: say(context, `Rollegalleriet har ingen ${kind}${inPhase}.`, `The role gallery has no ${kind}${inPhase}.`),
        source: sourcesLine(context, labels),
        buttons: roleButtons(context, [], category),
      },
    ];
  }
  const mayOnly = category !== undefined && phase === undefined;
  const intro = mayOnly
    ? say(
        context,
        `Rollegalleriets liste fra maj 2018 har **${roles.length} ${kind}**:`,
        `The role gallery's May 2018 list has **${roles.length} ${kind}**:`,
      )
    : say(
        context,
        `Rollegalleriets udkast fra september 2018 har **${roles.length} ${kind}**${inPhase}:`,
        `The September 2018 draft of the role gallery has **${roles.length} ${kind}**${inPhase}:`,
      );
  const after = [draftNote(context)];
  if (mayOnly)
    after.unshift(say(context, 'Listen fra maj 2018 var ikke udtømmende.', 'The May 2018 list was not complete.'));
  return [
    listReply({
      heading: say(context, 'Rollegalleriet', 'The role gallery'),
      intro,
      list: roles.map((role) => roleLine(context, role, phase)),
      after,
      source: sourcesLine(context, labels),
      buttons: roleButtons(context, roles, category),
    }),
  ];
};
