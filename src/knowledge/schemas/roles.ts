import { z } from 'zod';
import { dataFile, isoMonth, recordId, source } from '../common.js';
import type { DataProblem, IdRecords } from '../problems.js';

/** The three headings of the May 2018 role list. */
export const roleCategory = z.enum(['organisational', 'project', 'technical']);

/** The two phases of the September 2018 draft: Implementering, Drift og forvaltning. */
export const rolePhase = z.enum(['implementation', 'operations']);

/** The four areas of the September 2018 draft; their Danish headings are in `roleAreaTitles`. */
export const roleArea = z.enum(['core-business', 'it-environment', 'implementation', 'strategy-infrastructure']);

/** Tværgående (cross-cutting) or Systemspecifikke (system-specific). */
export const roleScope = z.enum(['cross-cutting', 'system-specific']);

/** The draft's area headings as written on the slides. */
export const roleAreaTitles: Record<z.infer<typeof roleArea>, string> = {
  'core-business': 'Kerneopgaver og brugerne på fagområdet',
  'it-environment': 'Teknik, it-miljø/-infrastruktur i kommunen',
  implementation: 'Implementering af it-systemet',
  'strategy-infrastructure': 'Strategi, Monopolbrud og fælleskommunal/-offentlig infrastruktur',
};

const placement = z
  .strictObject({
    phase: rolePhase,
    /** The role's name on that slide, with its star if it has one. */
    titleAsWritten: z.string().min(1),
    /** Written with * on the draft slide; the seed does not say what the star means. */
    starred: z.boolean(),
    area: roleArea.nullable(),
    scope: roleScope.nullable(),
    /** True only when area and scope are both read from the seed beyond doubt. */
    placementCertain: z.boolean(),
    note: z.string().min(1).optional(),
  })
  .superRefine((p, ctx) => {
    if (!p.placementCertain && !p.note) {
      ctx.addIssue({
        code: 'custom',
        path: ['note'],
        message: 'an uncertain placement needs a note saying what it is read from',
      });
    }
    if (p.placementCertain && (p.area === null || p.scope === null)) {
      ctx.addIssue({
        code: 'custom',
        path: ['placementCertain'],
        message: 'a placement with an unknown area or scope cannot be certain',
      });
    }
  });

const phaseMark = z.strictObject({
  text: z.string().min(1),
  /** How many X marks the extract shows for the line. */
  marks: z.int().nonnegative(),
  /** The phase column the mark is under, or null where the flattened extract does not show it. */
  markedPhase: rolePhase.nullable(),
});

/** The full role description the seed gives for the KOMBIT-programleder. */
const profile = z.strictObject({
  effect: z.string().min(1),
  tasks: z.array(phaseMark).min(1),
  responsibility: z.array(phaseMark).min(1),
  phaseMarksNote: z.string().min(1).optional(),
  competences: z.array(z.string().min(1)).min(1),
  characteristics: z.string().min(1),
  renamed: isoMonth.optional(),
  phasedOut: z.string().min(1).optional(),
  clarifications: z.array(z.string().min(1)),
  shareExperiencesWith: z.string().min(1).optional(),
  municipalityInput: z.array(z.string().min(1)),
  discussionPoints: z.array(z.string().min(1)),
});

/** One role of the role gallery, from the May 2018 list and/or the September 2018 draft. */
export const record = z
  .strictObject({
    id: recordId,
    name: z.string().min(1),
    /** Other names: short forms (FK-ADM), the other list's wording, misspellings in the seed. */
    aliases: z.array(z.string().min(1)),
    /** The May 2018 heading; absent when the role is only in the September draft. */
    category: roleCategory.optional(),
    /** Where the role stands in the May 2018 list, as written there. */
    mayList: z
      .strictObject({ positions: z.array(z.int().positive()).min(1), titleAsWritten: z.string().min(1) })
      .optional(),
    /** The role's places in the September 2018 draft; empty when the draft does not name it. */
    placements: z.array(placement),
    /** A draft group the role is taken to belong to (e.g. STS-administratorer), with how sure that is. */
    groupedUnder: z.strictObject({ role: recordId, certain: z.boolean(), note: z.string().min(1) }).optional(),
    /** The seed's own description (Danish, fit to show a user). */
    description: z.string().min(1).optional(),
    /** Sentences elsewhere in the seed that say something about the role. */
    mentions: z.array(z.strictObject({ quote: z.string().min(1), section: z.string().min(1) })),
    /** Notes for operators: where the seed is unclear and how it was read. */
    notes: z.array(z.string().min(1)),
    profile: profile.optional(),
    source,
    otherSources: z.array(source),
  })
  .superRefine((role, ctx) => {
    if ((role.category === undefined) !== (role.mayList === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['category'],
        message: 'category and mayList go together: both for a role in the May 2018 list, neither otherwise',
      });
    }
  });

/** A role from roles.json. */
export type Role = z.infer<typeof record>;
export type RolePlacement = z.infer<typeof placement>;
export type RoleArea = z.infer<typeof roleArea>;

/** The file roles.json. */
export const file = dataFile(record);

/** Problems for every role id in `roleIds` that roles.json does not hold. */
export function roleReferenceProblems(
  knowledge: { roles: IdRecords },
  file: string,
  recordIdValue: string,
  field: string,
  roleIds: string[],
): DataProblem[] {
  const known = new Set(knowledge.roles.map((role) => role.id));
  return roleIds.flatMap((roleId, index) =>
    known.has(roleId)
      ? []
      : [
          {
            file,
            record: recordIdValue,
            field: `${field}.${index}`,
            message: `no role with id "${roleId}" in roles.json`,
          },
        ],
  );
}

/** Cross-references inside roles.json: a role's group is itself a role. */
export function references(knowledge: { roles: Role[] }): DataProblem[] {
  return knowledge.roles.flatMap((role) =>
    role.groupedUnder
      ? roleReferenceProblems(knowledge, 'roles.json', role.id, 'groupedUnder.role', [role.groupedUnder.role]).map(
          (p) => ({ ...p, field: 'groupedUnder.role' }),
        )
      : [],
  );
}
