import type { Knowledge } from '../knowledge/registry.js';
import type { PassageReadings } from './passage-readings.js';
// a slide or news item that holds this much of a who-question answers it better than "no role is
// named" ("who should we advise about job function roles … SKI 02.19" is the slide's "adviser
// STS-projektlederen"): the dialog's answer is no answer to who, so less than a guess's share will do
const SLIDE_OVER_NO_ONE = 0.8;
import type { Understanding } from './types.js';

/*
 * "who is the SKI 02.19 contract between?" names a deadline and asks who: read as who is
 * responsible, the answer would be that the material names no one. Where the record named has
 * no responsible role and a passage of another record (a slide) holds the whole question, the
 * passage answers.
 */

function namesNoOneResponsible(knowledge: Knowledge, read: Understanding): boolean {
  const { deadlines, tasks, roles } = read.entities;
  if (roles.length > 0 || deadlines.length + tasks.length === 0) return false;
  const records = [
    ...knowledge.deadlines.filter((deadline) => deadlines.includes(deadline.id)),
    ...knowledge.tasks.filter((task) => tasks.includes(task.id)),
  ];
  return records.length > 0 && records.every((record) => record.responsibleRoles.length === 0);
}

/** The passage that holds a who-question asked of a record no one is responsible for, if one does. */
export function whoOfARecordWithoutOne(
  knowledge: Knowledge,
  passages: PassageReadings,
  question: { text: string; tokens: string[]; resolved: Understanding },
): Understanding | undefined {
  const { text, tokens, resolved } = question;
  if (resolved.intent !== 'role.responsible' || !namesNoOneResponsible(knowledge, resolved)) return undefined;
  const fact = passages.fromPassages(text, tokens, resolved);
  // (only a slide or a news item: a task's, a deadline's or a system's own record holds its name,
  // which says nothing of who, and the dialog says that no role is named and who usually takes it)
  const [best] = fact?.entities.passages ?? [];
  if (!fact || !best || !/^(topics|news)\//.test(best)) return undefined;
  return fact.confidence >= SLIDE_OVER_NO_ONE ? fact : undefined;
}
