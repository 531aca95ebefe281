import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { ErrorCode, KlikbotError } from '../errors.js';
import { checkReferences } from './references.js';
import { knowledgeFiles, type Knowledge, type KnowledgeKind } from './registry.js';
import { describeProblem, type DataProblem } from './problems.js';
import { notices as meetingNotices } from './schemas/meetings.js';

function recordLabel(records: unknown, index: number): string {
  const record: unknown = Array.isArray(records) ? records[index] : undefined;
  const id = record && typeof record === 'object' && 'id' in record ? record.id : undefined;
  return typeof id === 'string' ? id : `#${index + 1}`;
}

/** Turns zod's issue paths (`records.3.deadline`) into file / record id / field. */
export function problemsFromZod(file: string, raw: unknown, error: z.ZodError): DataProblem[] {
  const records = raw && typeof raw === 'object' && 'records' in raw ? raw.records : undefined;
  return error.issues.map((issue) => {
    const [head, index, ...rest] = issue.path;
    if (head === 'records' && typeof index === 'number') {
      return { file, record: recordLabel(records, index), field: rest.join('.') || undefined, message: issue.message };
    }
    return { file, field: issue.path.join('.') || undefined, message: issue.message };
  });
}

async function readJson(dir: string, file: string): Promise<unknown> {
  const fullPath = path.join(dir, file);
  let text: string;
  try {
    text = await readFile(fullPath, 'utf8');
  } catch (cause) {
    throw new KlikbotError(ErrorCode.KnowledgeUnreadable, `${file}: cannot read ${fullPath}`, { cause });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new KlikbotError(ErrorCode.KnowledgeInvalid, `${file}: not valid JSON (${reason})`, { cause });
  }
}

/**
 * Loads every data file in `dir`, validates each against its schema and then the
 * cross-references between them. Throws one KlikbotError listing every problem found.
 */
export async function loadKnowledge(dir: string): Promise<Knowledge> {
  const problems: DataProblem[] = [];
  const loaded: Partial<Record<KnowledgeKind, unknown>> = {};
  for (const [kind, { file, schema }] of Object.entries(knowledgeFiles) as [
    KnowledgeKind,
    (typeof knowledgeFiles)[KnowledgeKind],
  ][]) {
    const raw = await readJson(dir, file);
    const result = schema.safeParse(raw);
    if (result.success) loaded[kind] = result.data.records;
    else problems.push(...problemsFromZod(file, raw, result.error));
  }
  if (problems.length === 0) problems.push(...checkReferences(loaded as Knowledge));
  if (problems.length > 0) {
    const lines = problems.map((problem) => `  ${describeProblem(problem)}`);
    throw new KlikbotError(ErrorCode.KnowledgeInvalid, `Invalid data in ${dir}:\n${lines.join('\n')}`);
  }
  return loaded as Knowledge;
}

/**
 * Anomalies the data acknowledges rather than repairs (an agenda item marked "seedAnomaly"):
 * valid data, but worth logging at start and showing beside the record they concern.
 */
export function knowledgeNotices(knowledge: Knowledge): DataProblem[] {
  return [...meetingNotices(knowledge)];
}
