import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { ErrorCode, KlikbotError } from '../errors.js';
import { RenamedUnsyncedError } from './durable-file.js';
import { emptyState, stateSchema, type DeepReadonly, type State } from './schema.js';
import { describeSchemaIssues, StateFile } from './state-file.js';

/**
 * A change to the state: edits the draft in place, synchronously, and may return a result.
 * It must not do anything else: it may run more than once (see `applyTogether`).
 */
export type Mutator<T> = (draft: State) => T;

/** The bot's durable state: one validated JSON document, changed only through `update`. */
export interface Store {
  /** The absolute path of the state file. */
  readonly filePath: string;
  /** The current state. Frozen: change it through `update`. */
  read(): DeepReadonly<State>;
  /**
   * Applies `mutator` to a copy of the state, validates the result and writes it. Resolves
   * with the mutator's result once the change is on disk; on failure nothing changes.
   */
  update<T>(mutator: Mutator<T>): Promise<T>;
}

interface Pending {
  mutator: Mutator<unknown>;
  resolve: (result: unknown) => void;
  reject: (error: unknown) => void;
}

type Accepted = { pending: Pending; result: unknown };
type Batch = { next: State; accepted: Accepted[] };
type Applied = { ok: true; state: State; result: unknown } | { ok: false; error: unknown };

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

function applyOne(filePath: string, state: State, mutator: Mutator<unknown>): Applied {
  const draft = structuredClone(state);
  let result: unknown;
  try {
    result = mutator(draft);
  } catch (error) {
    // The mutator's own error (a domain rule it enforces) is the caller's to handle as is.
    return { ok: false, error };
  }
  if (result instanceof Promise) {
    // Edits made after an await would land on a draft already validated and written.
    return { ok: false, error: new TypeError('A state mutator must be synchronous') };
  }
  const parsed = stateSchema.safeParse(draft);
  if (!parsed.success) {
    const message = `Refused a change to ${filePath}: the result does not match the expected layout:\n${describeSchemaIssues(parsed.error)}`;
    return { ok: false, error: new KlikbotError(ErrorCode.StateWriteFailed, message, { cause: parsed.error }) };
  }
  return { ok: true, state: parsed.data, result };
}

/**
 * The fast path for a batch: every mutator on one copy, validated once. Undefined when any
 * mutator throws or the result is invalid; the batch is then run again one by one, which
 * is why a mutator must only edit its draft.
 */
function applyTogether(state: State, batch: Pending[]): Batch | undefined {
  const draft = structuredClone(state);
  const results: unknown[] = [];
  for (const pending of batch) {
    try {
      results.push(pending.mutator(draft));
    } catch {
      // Not lost: the one-by-one run meets the same error and hands it to its caller.
      return undefined;
    }
  }
  if (results.some((result) => result instanceof Promise)) return undefined;
  const parsed = stateSchema.safeParse(draft);
  if (!parsed.success) return undefined;
  return { next: parsed.data, accepted: batch.map((pending, i) => ({ pending, result: results[i] })) };
}

function writeFailed(filePath: string, cause: unknown): KlikbotError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new KlikbotError(
    ErrorCode.StateWriteFailed,
    `Could not write the state file ${filePath} (${reason}); the change was not saved. Check the free disk space and the permissions of ${path.dirname(filePath)}.`,
    { cause },
  );
}

/**
 * Runs updates one batch at a time. Updates that arrive while a write is in progress are
 * applied in order and written together (group commit); each caller hears back only after
 * the write holding its change has finished.
 */
class SerialStore implements Store {
  readonly #db: Low<State>;
  readonly #file: StateFile;
  #pending: Pending[] = [];
  #draining = false;

  constructor(db: Low<State>, file: StateFile) {
    this.#db = db;
    this.#file = file;
    deepFreeze(db.data);
  }

  get filePath(): string {
    return this.#file.filePath;
  }

  read(): DeepReadonly<State> {
    return this.#db.data;
  }

  update<T>(mutator: Mutator<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#pending.push({ mutator, resolve: resolve as (result: unknown) => void, reject });
      if (!this.#draining) void this.#drain();
    });
  }

  async #drain(): Promise<void> {
    this.#draining = true;
    try {
      while (this.#pending.length > 0) {
        const batch = this.#pending;
        this.#pending = [];
        await this.#commit(batch);
      }
    } finally {
      this.#draining = false;
    }
  }

  /** Each mutator on its own copy, so one that throws or breaks the schema fails alone. */
  #applyEach(batch: Pending[]): Batch {
    let next = this.#db.data;
    const accepted: Accepted[] = [];
    for (const pending of batch) {
      const applied = applyOne(this.filePath, next, pending.mutator);
      if (applied.ok) {
        next = applied.state;
        accepted.push({ pending, result: applied.result });
      } else {
        pending.reject(applied.error);
      }
    }
    return { next, accepted };
  }

  /** Never throws: every outcome goes to the callers in `batch`. */
  async #commit(batch: Pending[]): Promise<void> {
    const together = batch.length > 1 ? applyTogether(this.#db.data, batch) : undefined;
    const { next, accepted } = together ?? this.#applyEach(batch);
    if (accepted.length === 0) return;
    try {
      // Not Low.write/update: they change `data` before writing, and memory must only
      // change once the file has.
      await this.#db.adapter.write(next);
    } catch (cause) {
      if (cause instanceof RenamedUnsyncedError) {
        // The file already holds the change: memory follows the file, and the callers hear
        // that it may not survive a power cut rather than that nothing changed.
        this.#db.data = deepFreeze(next);
        const error = new KlikbotError(
          ErrorCode.StateWriteUnconfirmed,
          `${cause.message}: the change may not survive a power cut`,
          { cause },
        );
        for (const { pending } of accepted) pending.reject(error);
        return;
      }
      const error = writeFailed(this.filePath, cause);
      for (const { pending } of accepted) pending.reject(error);
      return;
    }
    this.#db.data = deepFreeze(next);
    for (const { pending, result } of accepted) pending.resolve(result);
  }
}

/**
 * Opens the state file at `filePath`. A missing file starts an empty state, written at once
 * so that a folder klikbot cannot write fails now rather than on a user's first message. A
 * file that cannot be read or is damaged throws (StateUnreadable, StateCorrupt) and is left
 * exactly as it was. One store per file: two processes on one file would overwrite each other.
 */
export async function openStore(filePath: string): Promise<Store> {
  const file = new StateFile(path.resolve(filePath));
  const existing = await file.read();
  const db = new Low<State>(file, existing ?? emptyState());
  if (existing === null) {
    try {
      await mkdir(path.dirname(file.filePath), { recursive: true });
      await file.write(db.data);
    } catch (cause) {
      throw writeFailed(file.filePath, cause);
    }
  }
  return new SerialStore(db, file);
}
