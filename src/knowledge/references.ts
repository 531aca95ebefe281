import { knowledgeFiles, type Knowledge } from './registry.js';
import type { DataProblem } from './problems.js';

/** Duplicate ids within a file, then each kind's own cross-references into the others. */
export function checkReferences(knowledge: Knowledge): DataProblem[] {
  const problems: DataProblem[] = [];
  for (const [kind, { file, references }] of Object.entries(knowledgeFiles)) {
    const seen = new Set<string>();
    for (const record of knowledge[kind as keyof Knowledge] as { id: string }[]) {
      if (seen.has(record.id))
        problems.push({ file, record: record.id, field: 'id', message: 'the same id is used twice in this file' });
      seen.add(record.id);
    }
    problems.push(...references(knowledge));
  }
  return problems;
}
