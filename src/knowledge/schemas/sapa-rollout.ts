import { z } from 'zod';
import { dataFile, linkUrl, recordId, source } from '../common.js';
import type { DataProblem } from '../problems.js';

const FILE = 'sapa-rollout.json';

/** A document the seed links, e.g. "Notat vedr. SAPAs udrulningsplan". */
export const document = z.object({ title: z.string().min(1), url: linkUrl });

/** The rollout plan itself: its time labels in reading order and how rough they are. */
export const plan = z.object({
  id: recordId,
  kind: z.literal('plan'),
  title: z.string().min(1),
  /** The column labels left to right; repeats are kept ("Q2/2019" twice). */
  timeLabels: z.array(z.string().min(1)).min(1),
  /** True when the plan itself calls its times rough ("tidsangivelse i træskolængder"). */
  timesApproximate: z.boolean(),
  /** Whether the seed shows which group falls under which label. */
  mappingCertain: z.boolean(),
  notes: z.array(z.string().min(1)),
  document: document.optional(),
  source,
});
export type SapaPlan = z.infer<typeof plan>;

/** One group of municipalities on the plan, numbered in the order the seed lists them. */
export const group = z.object({
  id: recordId,
  kind: z.literal('group'),
  number: z.number().int().positive(),
  members: z.array(recordId).min(1),
  /** The plan's time label for this group, or null where the seed does not show it. */
  timeLabel: z.string().min(1).nullable(),
  /** True only when the label is known, not read off the layout. */
  timeLabelCertain: z.boolean(),
  note: z.string().min(1).optional(),
  source,
});
export type SapaGroup = z.infer<typeof group>;

/** A record of sapa-rollout.json: the plan, or one of its groups. */
export const record = z.discriminatedUnion('kind', [plan, group]);
export type SapaRolloutRecord = z.infer<typeof record>;

/** The file sapa-rollout.json. */
export const file = dataFile(record);

function planChecks(plans: SapaPlan[], groups: SapaGroup[]): DataProblem[] {
  const problems: DataProblem[] = [];
  if (plans.length !== 1)
    problems.push({
      file: FILE,
      field: 'records',
      message: `must hold exactly one record of kind "plan", holds ${plans.length}`,
    });
  const labels = new Set(plans[0]?.timeLabels ?? []);
  groups.forEach((item, index) => {
    if (item.number !== index + 1) {
      problems.push({
        file: FILE,
        record: item.id,
        field: 'number',
        message: `groups must be numbered 1, 2, 3, ... in file order; expected ${index + 1}`,
      });
    }
    if (item.timeLabel !== null && !labels.has(item.timeLabel)) {
      problems.push({
        file: FILE,
        record: item.id,
        field: 'timeLabel',
        message: `"${item.timeLabel}" is not one of the plan's timeLabels`,
      });
    }
    if (item.timeLabel === null && item.timeLabelCertain) {
      problems.push({
        file: FILE,
        record: item.id,
        field: 'timeLabelCertain',
        message: 'cannot be true while timeLabel is null',
      });
    }
  });
  return problems;
}

function memberChecks(
  knowledge: { municipalities: { id: string; name: string }[] },
  plans: SapaPlan[],
  groups: SapaGroup[],
): DataProblem[] {
  const problems: DataProblem[] = [];
  const known = new Set(knowledge.municipalities.map((municipality) => municipality.id));
  const placed = new Map<string, string>();
  for (const item of groups) {
    item.members.forEach((member, index) => {
      const field = `members.${index}`;
      if (!known.has(member))
        problems.push({
          file: FILE,
          record: item.id,
          field,
          message: `names municipality "${member}", which is not in municipalities.json`,
        });
      const earlier = placed.get(member);
      if (earlier !== undefined)
        problems.push({ file: FILE, record: item.id, field, message: `"${member}" is already in group "${earlier}"` });
      else placed.set(member, item.id);
    });
  }
  const planId = plans[0]?.id;
  for (const municipality of knowledge.municipalities) {
    if (!placed.has(municipality.id)) {
      problems.push({
        file: FILE,
        record: planId,
        field: 'members',
        message: `${municipality.name} ("${municipality.id}") is in no group`,
      });
    }
  }
  return problems;
}

/** The plan is unique, groups are numbered in order, and every municipality is in exactly one group. */
export function references(knowledge: {
  sapaRollout: SapaRolloutRecord[];
  municipalities: { id: string; name: string }[];
}): DataProblem[] {
  const plans = knowledge.sapaRollout.filter((item): item is SapaPlan => item.kind === 'plan');
  const groups = knowledge.sapaRollout.filter((item): item is SapaGroup => item.kind === 'group');
  return [...planChecks(plans, groups), ...memberChecks(knowledge, plans, groups)];
}
