import type { Source } from './common.js';
import type { Knowledge } from './registry.js';
import { rowTotal, type BbrStatusRow, type StatusCounts } from './schemas/bbr-status.js';
import type { Interface, UsageState } from './schemas/interfaces.js';
import type { ItSystem, LinkBasis } from './schemas/it-systems.js';
import { nameKey, namesOf, type Municipality } from './schemas/municipalities.js';
import type { SapaGroup, SapaPlan } from './schemas/sapa-rollout.js';
import type { SupportSystem } from './schemas/support-systems.js';

export type { BbrStatusRow, StatusCounts } from './schemas/bbr-status.js';
export type { Interface, InterfaceUser, UsageState } from './schemas/interfaces.js';
export type { ItSystem, LinkBasis } from './schemas/it-systems.js';
export type { Municipality, Region } from './schemas/municipalities.js';
export type { SapaGroup, SapaPlan } from './schemas/sapa-rollout.js';
export type { SupportSystem } from './schemas/support-systems.js';
export type { Pilot } from './schemas/pilots.js';
export type { Strategy, StrategyRecommendation, ComplianceModel } from './schemas/strategies.js';
export type { KlikEvent } from './schemas/events.js';
export type { NewsItem } from './schemas/news.js';
export type { Contact, EmailContact, WebContact } from './schemas/contacts.js';

/** Why an IT system uses a support system: a basis from it-systems.json, or an interface it uses. */
export type SupportBasis = LinkBasis | { interface: string };

/** An IT system that must use an interface, with its state in the implementation overview. */
export interface InterfaceUsage {
  itSystem: ItSystem;
  state: UsageState;
}

/** An interface an IT system must use, with its state. */
export interface SystemInterface {
  interface: Interface;
  state: UsageState;
}

/** A support system linked to an IT system, with every basis the seed gives for the link. */
export interface SupportLink {
  supportSystem: SupportSystem;
  itSystem: ItSystem;
  basis: SupportBasis[];
}

/** Where a municipality stands in the SAPA rollout plan. */
export interface SapaPlacement {
  group: number;
  groupCount: number;
  members: Municipality[];
  /** The plan's time label for the group, or null where the seed does not show it. */
  timeLabel: string | null;
  /** True whenever an answer must say "approximately" (always, for the 2018 plan). */
  approximate: boolean;
  plan: SapaPlan;
  source: Source;
}

/** One step of the national BBR status. */
export interface BbrNationalRow extends StatusCounts {
  step: number;
  label: string;
  total: number;
}

/** The national BBR status on Adgangsstyring, step by step, with its as-of source. */
export interface BbrNational {
  task: string;
  municipalities: number;
  rows: BbrNationalRow[];
  source: Source;
}

const byId = <T extends { id: string }>(items: readonly T[], id: string): T | undefined => {
  const wanted = id.toLowerCase();
  return items.find((item) => item.id === wanted);
};

/** The IT systems that must use an interface ("sf1511" or "SF1511"), in the overview's order. */
export function systemsUsingInterface(k: Knowledge, interfaceId: string): InterfaceUsage[] {
  const item = byId(k.interfaces, interfaceId);
  if (item === undefined) return [];
  return item.users.flatMap((user) => {
    const itSystem = byId(k.itSystems, user.itSystem);
    return itSystem ? [{ itSystem, state: user.state }] : [];
  });
}

/** The interfaces an IT system must use, with its state on each. */
export function interfacesOfSystem(k: Knowledge, itSystemId: string): SystemInterface[] {
  const wanted = itSystemId.toLowerCase();
  return k.interfaces.flatMap((item) => {
    const user = item.users.find((candidate) => candidate.itSystem === wanted);
    return user ? [{ interface: item, state: user.state }] : [];
  });
}

function allLinks(k: Knowledge): SupportLink[] {
  const links = new Map<string, SupportLink>();
  const add = (itSystemId: string, supportSystemId: string, basis: SupportBasis): void => {
    const itSystem = byId(k.itSystems, itSystemId);
    const supportSystem = byId(k.supportSystems, supportSystemId);
    if (!itSystem || !supportSystem) return;
    const key = `${itSystem.id}>${supportSystem.id}`;
    const link = links.get(key) ?? { itSystem, supportSystem, basis: [] };
    link.basis.push(basis);
    links.set(key, link);
  };
  for (const system of k.itSystems) {
    for (const link of system.supportSystems) link.basis.forEach((basis) => add(system.id, link.supportSystem, basis));
  }
  for (const item of k.interfaces) {
    for (const user of item.users) add(user.itSystem, item.supportSystem, { interface: item.id });
  }
  return [...links.values()];
}

/** The support systems an IT system must use: stated links plus those implied by its interfaces. */
export function supportSystemsOf(k: Knowledge, itSystemId: string): SupportLink[] {
  const wanted = itSystemId.toLowerCase();
  const order = k.supportSystems.map((system) => system.id);
  return allLinks(k)
    .filter((link) => link.itSystem.id === wanted)
    .sort((a, b) => order.indexOf(a.supportSystem.id) - order.indexOf(b.supportSystem.id));
}

/** The IT systems that must use a support system, in it-systems.json order. */
export function systemsUsingSupportSystem(k: Knowledge, supportSystemId: string): SupportLink[] {
  const wanted = supportSystemId.toLowerCase();
  const order = k.itSystems.map((system) => system.id);
  return allLinks(k)
    .filter((link) => link.supportSystem.id === wanted)
    .sort((a, b) => order.indexOf(a.itSystem.id) - order.indexOf(b.itSystem.id));
}

/**
 * The municipality a text names exactly (official name, short name or alias), ignoring case,
 * "æøå" vs "ae/oe/aa" and hyphens vs spaces. No fuzzy matching: "Århus" and "Koebenhavn" match,
 * "Arhus" does not.
 */
export function findMunicipality(k: Knowledge, text: string): Municipality | undefined {
  const key = nameKey(text);
  if (key === '') return undefined;
  return k.municipalities.find((municipality) => namesOf(municipality).some((name) => nameKey(name) === key));
}

/** Where a municipality stands in the SAPA rollout plan, or undefined if it is in no group. */
export function sapaGroupOf(k: Knowledge, municipalityId: string): SapaPlacement | undefined {
  const plan = k.sapaRollout.find((item): item is SapaPlan => item.kind === 'plan');
  const groups = k.sapaRollout.filter((item): item is SapaGroup => item.kind === 'group');
  const group = groups.find((item) => item.members.includes(municipalityId));
  if (plan === undefined || group === undefined) return undefined;
  const members = group.members.flatMap((id) => byId(k.municipalities, id) ?? []);
  return {
    group: group.number,
    groupCount: groups.length,
    members,
    timeLabel: group.timeLabel,
    approximate: plan.timesApproximate || !plan.mappingCertain || !group.timeLabelCertain,
    plan,
    source: group.source,
  };
}

/** The national BBR status on Adgangsstyring per step, or undefined when there is none. */
export function bbrNational(k: Knowledge, taskId = 'bbr-adgangsstyring'): BbrNational | undefined {
  const rows: BbrStatusRow[] = k.bbrStatus.filter((row) => row.task === taskId).sort((a, b) => a.step - b.step);
  const first = rows[0];
  if (first === undefined) return undefined;
  return {
    task: taskId,
    municipalities: k.municipalities.length,
    rows: rows.map((row) => ({ step: row.step, label: row.label, ...row.counts, total: rowTotal(row.counts) })),
    source: first.source,
  };
}
