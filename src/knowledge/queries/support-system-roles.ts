import type { Knowledge } from '../registry.js';
import type { Role } from '../schemas/roles.js';

/** A role the material ties to a support system, with the titles of the tasks and deadlines that tie it. */
export interface SupportSystemRole {
  role: Role;
  via: string[];
}

/**
 * The roles the material ties to a support system: those its tasks are about or make
 * responsible ("Udpeg FK-ADM og FK-ANSV" is about FK-ansvarlig and FK-administrator), and those
 * responsible for a deadline that names it ("Godkend serviceaftaler vedrørende Beskedfordeleren"),
 * and those named after it.
 * In roles.json order; empty where the material ties none.
 */
export function rolesOfSupportSystem(k: Knowledge, supportSystemId: string): SupportSystemRole[] {
  const system = k.supportSystems.find((candidate) => candidate.id === supportSystemId);
  if (!system) return [];
  const via = new Map<string, Set<string>>();
  const add = (roleIds: string[], title: string) => {
    for (const id of roleIds) via.set(id, (via.get(id) ?? new Set()).add(title));
  };
  for (const task of k.tasks)
    if (task.supportSystem === system.name) add([...task.relatedRoles, ...task.responsibleRoles], task.title);
  const name = system.name.toLowerCase();
  for (const deadline of k.deadlines)
    if (deadline.title.toLowerCase().includes(name)) add(deadline.responsibleRoles, deadline.title);
  // the gallery names a system's own roles after it: "ØiR-administrator", "Organisationsadministrator"
  const names = [system.name, ...system.aliases].map((one) => one.toLowerCase());
  const namedAfter = (role: Role) =>
    names.some((one) => role.name.toLowerCase().startsWith(`${one}-`) || role.name.toLowerCase().startsWith(`${one}s`));
  return k.roles
    .filter((role) => via.has(role.id) || namedAfter(role))
    .map((role) => ({ role, via: [...(via.get(role.id) ?? [])] }));
}
