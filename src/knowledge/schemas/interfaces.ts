import { z } from 'zod';
import { dataFile, linkUrl, recordId, source } from '../common.js';
import type { DataProblem, IdRecords } from '../problems.js';

const FILE = 'interfaces.json';

/**
 * An IT system's state on an interface, as the implementation overview writes it:
 * "gennemført" (done), "i gang" (in progress), "ny" (new), or the year it is planned for.
 */
export const usageState = z.union([
  z.enum(['gennemført', 'i gang', 'ny']),
  z.string().regex(/^\d{4}$/, 'must be "gennemført", "i gang", "ny" or a year such as "2019"'),
]);
export type UsageState = z.infer<typeof usageState>;

/** One IT system that must use the interface, with its state. */
export const interfaceUser = z.object({
  itSystem: recordId,
  state: usageState,
});
export type InterfaceUser = z.infer<typeof interfaceUser>;

/** An interface (snitflade) of a support system, e.g. SF1511, and the IT systems that must use it. */
export const record = z.object({
  id: recordId,
  /** The code as written, e.g. "SF1511". */
  code: z.string().regex(/^SF\d{4}[A-Z]?$/, 'must be an interface code such as "SF1511"'),
  title: z.string().min(1),
  supportSystem: recordId,
  users: z.array(interfaceUser),
  /** Where the full overview lives, when the seed links it. */
  link: linkUrl.optional(),
  source,
});
export type Interface = z.infer<typeof record>;

/** The file interfaces.json. */
export const file = dataFile(record);

/** Cross-references from interfaces.json: its support system and each user's IT system exist. */
export function references(knowledge: {
  interfaces: Interface[];
  itSystems: IdRecords;
  supportSystems: IdRecords;
}): DataProblem[] {
  const itSystems = new Set(knowledge.itSystems.map((system) => system.id));
  const supportSystems = new Set(knowledge.supportSystems.map((system) => system.id));
  const problems: DataProblem[] = [];
  for (const item of knowledge.interfaces) {
    if (!supportSystems.has(item.supportSystem)) {
      problems.push({
        file: FILE,
        record: item.id,
        field: 'supportSystem',
        message: `names support system "${item.supportSystem}", which is not in support-systems.json`,
      });
    }
    const seen = new Set<string>();
    item.users.forEach((user, index) => {
      const field = `users.${index}.itSystem`;
      if (!itSystems.has(user.itSystem)) {
        problems.push({
          file: FILE,
          record: item.id,
          field,
          message: `names IT system "${user.itSystem}", which is not in it-systems.json`,
        });
      }
      if (seen.has(user.itSystem))
        problems.push({ file: FILE, record: item.id, field, message: `lists "${user.itSystem}" twice` });
      seen.add(user.itSystem);
    });
  }
  return problems;
}
