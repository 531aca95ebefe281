import { readFile } from 'node:fs/promises';
import type { Adapter } from 'lowdb';
import { z } from 'zod';
import { ErrorCode, KlikbotError } from '../errors.js';
import { writeFileDurably } from './durable-file.js';
import { stateSchema, type State } from './schema.js';

const MAX_LISTED_ISSUES = 10;

function errnoCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

function corrupt(filePath: string, what: string, cause: unknown): KlikbotError {
  return new KlikbotError(
    ErrorCode.StateCorrupt,
    `The state file ${filePath} is damaged: ${what}\n` +
      'klikbot has left it untouched. Restore it from a backup, or move it aside to start with ' +
      'an empty state (everything stored in it is then forgotten by the bot).',
    { cause },
  );
}

/** Lists schema problems by field path (`conversations.3.isGroup: expected boolean`). */
export function describeSchemaIssues(error: z.ZodError): string {
  const lines = error.issues.slice(0, MAX_LISTED_ISSUES).map((issue) => {
    const where = issue.path.length > 0 ? issue.path.map(String).join('.') : '(top level)';
    return `  ${where}: ${issue.message}`;
  });
  if (error.issues.length > MAX_LISTED_ISSUES) lines.push(`  ... and ${error.issues.length - MAX_LISTED_ISSUES} more`);
  const fromNewer = error.issues.some(
    (issue) => issue.code === 'unrecognized_keys' || (issue.path.length === 1 && issue.path[0] === 'version'),
  );
  if (fromNewer) lines.push('  (a newer klikbot may have written this file: run that version instead)');
  return lines.join('\n');
}

/** The state document and the last journal line it holds (0: none). */
export interface StateSnapshot {
  state: State;
  journalSeq: number;
}

const journalSeqSchema = z.int().min(0).default(0);

/**
 * The state document on disk, as a lowdb adapter. `read` validates what it finds and
 * throws a coded error instead of guessing; `write` replaces the file durably. Beside the
 * collections the file says up to which line of the change journal it holds (`journalSeq`).
 */
export class StateFile implements Adapter<StateSnapshot> {
  constructor(readonly filePath: string) {}

  /** The validated state, or null when there is no file yet. */
  async read(): Promise<StateSnapshot | null> {
    let text: string;
    try {
      text = await readFile(this.filePath, 'utf8');
    } catch (cause) {
      const code = errnoCode(cause);
      if (code === 'ENOENT') return null;
      throw new KlikbotError(
        ErrorCode.StateUnreadable,
        `Cannot read the state file ${this.filePath} (${code ?? String(cause)}). It must be a file ` +
          'that the user running klikbot may read and write, in a folder it may write; fix the ' +
          'permissions or set KLIKBOT_DB to another path.',
        { cause },
      );
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (cause) {
      const reason = cause instanceof Error ? cause.message : String(cause);
      throw corrupt(this.filePath, `it is not valid JSON (${reason}).`, cause);
    }
    const { journalSeq, ...document } = (raw ?? {}) as { journalSeq?: unknown };
    const seq = journalSeqSchema.safeParse(journalSeq);
    const result = stateSchema.safeParse(document);
    if (!result.success || !seq.success) {
      const error = result.error ?? seq.error!;
      throw corrupt(this.filePath, `it does not match the expected layout:\n${describeSchemaIssues(error)}`, error);
    }
    return { state: result.data, journalSeq: seq.data };
  }

  /** Writes the whole document; resolves once it is on disk. */
  async write(data: StateSnapshot): Promise<void> {
    const { version, ...collections } = data.state;
    const document = { version, journalSeq: data.journalSeq, ...collections };
    await writeFileDurably(this.filePath, `${JSON.stringify(document, null, 2)}\n`);
  }
}
