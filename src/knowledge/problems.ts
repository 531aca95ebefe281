/** One thing wrong with the data, located precisely enough for an operator to fix it. */
export interface DataProblem {
  file: string;
  record?: string;
  field?: string;
  message: string;
}

/** Renders a problem as one line: `tasks.json: record "x", field "deadline": must be ...`. */
export function describeProblem(problem: DataProblem): string {
  const where = [
    problem.file,
    problem.record ? `record "${problem.record}"` : undefined,
    problem.field ? `field "${problem.field}"` : undefined,
  ].filter(Boolean);
  return `${where.join(', ')}: ${problem.message}`;
}

/**
 * Another file's records as a cross-reference check reads them: by id. Each schema's check
 * names the records it reads rather than taking the whole knowledge base, whose type is made
 * from these schemas.
 */
export type IdRecords = { id: string }[];
