import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { z } from 'zod';
import { ErrorCode, KlikbotError } from '../errors.js';
import { LineFile } from '../lib/line-file.js';
import { changeSchema, type Change } from './changes.js';
import { StateMirror, type Tentative } from './mirror.js';
import { collectionRules } from './collections.js';
import { emptyState, type DeepReadonly, type State } from './schema.js';
import { StateFile, type StateSnapshot } from './state-file.js';
import { ChangeUnconfirmed, SerialStore, type Committed, type Durability } from './serial-store.js';
import { RenamedUnsyncedError } from './durable-file.js';

/** The store on files: the state document and the journal of changes since it was written. */
export class FileStore extends SerialStore {
  constructor(
    readonly filePath: string,
    readonly journalPath: string,
    state: State,
    durability: Durability,
  ) {
    super(`the state file ${filePath}`, state, durability);
  }
}

/** The journal beside the state file, named after it (`klikbot.json` → `klikbot.changes.jsonl`). */
export function journalPathFor(statePath: string): string {
  const parsed = path.parse(statePath);
  return path.join(parsed.dir, `${parsed.name}.changes.jsonl`);
}

const journalLineSchema = z.strictObject({ seq: z.int().positive(), changes: z.array(changeSchema) });

function corruptJournal(journalPath: string, line: number, reason: string, cause?: unknown): KlikbotError {
  return new KlikbotError(
    ErrorCode.StateCorrupt,
    `The state journal ${journalPath} is damaged at line ${line}: ${reason}\n` +
      'klikbot has left it untouched. Restore the state file and its journal from a backup.',
    cause === undefined ? undefined : { cause },
  );
}

/**
 * Appends each batch of changes as one line of the journal and fsyncs it: what a write
 * costs follows what it changes, not how much the state holds. The state document itself is
 * rewritten at start, with the journal folded in, and when a change touches a private
 * collection (votes, evaluation answers), which must not be kept in the order it came.
 */
class JournalDurability implements Durability {
  /**
   * A whole write was not confirmed: a power cut could bring the document before it back,
   * whose ordinals the journal lines after it would not match, so writes stay whole until one is.
   */
  #wholeUntilConfirmed = false;

  constructor(
    private readonly journal: LineFile,
    private readonly file: StateFile,
    private seq: number,
  ) {}

  async commit(_mirror: StateMirror, decide: () => Tentative): Promise<Committed> {
    const { changes, state } = decide();
    if (changes.length === 0) return {};
    const seq = this.seq + 1;
    if (this.#wholeUntilConfirmed || changes.some((change) => change.some((part) => collectionRules[part.c].private))) {
      // the whole document, journal folded in; then the journal holds nothing it has not
      try {
        await this.file.write({ state: state as State, journalSeq: seq });
      } catch (cause) {
        if (!(cause instanceof RenamedUnsyncedError)) throw cause;
        this.seq = seq;
        this.#wholeUntilConfirmed = true;
        throw new ChangeUnconfirmed(cause.message, cause, { renumbered: true });
      }
      this.seq = seq;
      this.#wholeUntilConfirmed = false;
      // the document says which lines it holds: lines left by a failed clear are skipped at the next start
      await this.journal.clear().catch(() => undefined);
      // the next start reads the document with ordinals 1…n: the journal lines after this one must say them so
      return { renumbered: true };
    }
    await this.journal.append(`${JSON.stringify({ seq, changes })}\n`);
    this.seq = seq;
    return {};
  }

  close(): Promise<void> {
    return this.journal.close();
  }
}

/** A journal line still to apply: its line number in the file, its number and its changes. */
interface JournalEntry {
  line: number;
  seq: number;
  changes: Change[];
}

function readJournal(journalPath: string, lines: string[], after: number): JournalEntry[] {
  const entries: JournalEntry[] = [];
  lines.forEach((text, index) => {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (cause) {
      throw corruptJournal(journalPath, index + 1, 'it is not JSON', cause);
    }
    const line = journalLineSchema.safeParse(raw);
    if (!line.success) throw corruptJournal(journalPath, index + 1, line.error.issues[0]?.message ?? 'invalid');
    // a line the document already holds: the last start stopped between writing it and emptying the journal
    if (line.data.seq <= after) return;
    // each line follows the one before it: a gap means the journal belongs to another document
    const expected = (entries.at(-1)?.seq ?? after) + 1;
    if (line.data.seq !== expected)
      throw new JournalGap(
        corruptJournal(journalPath, index + 1, `it is change ${line.data.seq}, where change ${expected} was due`),
      );
    entries.push({ line: index + 1, seq: line.data.seq, changes: line.data.changes });
  });
  return entries;
}

/** A journal that does not follow its document (read while a running klikbot rewrote both, or mixed up). */
class JournalGap extends Error {
  constructor(readonly refusal: KlikbotError) {
    super(refusal.message);
  }
}

/** The entries applied to `mirror` in order; a change that breaks the layout names its line. */
function replayJournal(mirror: StateMirror, journalPath: string, entries: readonly JournalEntry[]): void {
  for (const entry of entries) {
    try {
      mirror.replay(entry.changes, journalPath);
    } catch (cause) {
      throw corruptJournal(journalPath, entry.line, cause instanceof Error ? cause.message : String(cause), cause);
    }
  }
}

/**
 * The state as the files hold it (the document with its journal folded in), read without
 * changing either: for tools and checks beside a running klikbot.
 */
export async function readStoredState(filePath: string): Promise<DeepReadonly<State>> {
  const file = new StateFile(path.resolve(filePath));
  const snapshot = (await file.read()) ?? { state: emptyState(), journalSeq: 0 };
  const journalPath = journalPathFor(file.filePath);
  const text = await readFile(journalPath, 'utf8').catch(() => '');
  const lines = text
    .slice(0, text.lastIndexOf('\n') + 1)
    .split('\n')
    .slice(0, -1);
  const mirror = new StateMirror(snapshot.state);
  replayJournal(mirror, journalPath, readJournal(journalPath, lines, snapshot.journalSeq));
  return mirror.state;
}

function writeFailed(filePath: string, cause: unknown): KlikbotError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new KlikbotError(
    ErrorCode.StateWriteFailed,
    `Could not write the state file ${filePath} (${reason}). Check the free disk space and the permissions of ${path.dirname(filePath)}.`,
    { cause },
  );
}

/**
 * Opens the state at `filePath` with its journal. A missing file starts an empty state,
 * written at once so that a folder klikbot cannot write fails now rather than on a user's
 * first message. The journal's changes are folded into the document, which is written anew
 * before the journal is emptied. A file that cannot be read or is damaged throws
 * (StateUnreadable, StateCorrupt) and is left as it was. One store per file: two processes on
 * one file would overwrite each other (PostgreSQL serves several).
 */
export async function openStore(filePath: string): Promise<FileStore> {
  const file = new StateFile(path.resolve(filePath));
  const db = new Low<StateSnapshot>(file, { state: emptyState(), journalSeq: 0 });
  const existing = await file.read();
  if (existing) db.data = existing;
  const journalPath = journalPathFor(file.filePath);
  try {
    await mkdir(path.dirname(file.filePath), { recursive: true });
  } catch (cause) {
    throw writeFailed(file.filePath, cause);
  }
  const { file: journal, lines } = await LineFile.open(journalPath);
  let entries: JournalEntry[];
  try {
    entries = readJournal(journalPath, lines, db.data.journalSeq);
  } catch (error) {
    throw error instanceof JournalGap ? error.refusal : error;
  }
  const mirror = new StateMirror(db.data.state);
  replayJournal(mirror, journalPath, entries);
  const seq = entries.at(-1)?.seq ?? db.data.journalSeq;
  if (existing === null || lines.length > 0) {
    db.data = { state: structuredClone(mirror.state) as StateSnapshot['state'], journalSeq: seq };
    try {
      await db.write();
      await journal.clear();
    } catch (cause) {
      throw writeFailed(file.filePath, cause);
    }
  }
  return new FileStore(file.filePath, journalPath, db.data.state, new JournalDurability(journal, file, seq));
}
