import { ErrorCode, KlikbotError } from '../errors.js';
import { StateMirror, type Mutator, type Tentative } from './mirror.js';
import type { DeepReadonly, State } from './schema.js';

export type { Mutator } from './mirror.js';

/** The bot's durable state: one validated document, changed only through `update`. */
export interface Store {
  /** Where the state is kept, for messages ("the state file /srv/klikbot.json", "PostgreSQL klikbot@db"). */
  readonly where: string;
  /** The current state. Frozen: change it through `update`. */
  read(): DeepReadonly<State>;
  /**
   * Applies `mutator` to the state, validates what it changed and makes it durable. Resolves
   * with the mutator's result once the change is durable; on failure nothing changes.
   */
  update<T>(mutator: Mutator<T>): Promise<T>;
  /** Finishes the writes in progress and lets go of the files or connections. */
  close(): Promise<void>;
}

/** How a store makes its changes durable: a journal file, a database. */
export interface Durability {
  /**
   * Brings `mirror` up to date with changes made elsewhere, then, under one lock, lets
   * `decide` try the waiting changes and makes the ones it accepted durable. Resolves once
   * they are; throws when they are not (a `ChangeUnconfirmed` when they may be).
   */
  commit(mirror: StateMirror, decide: () => Tentative): Promise<Committed | void>;
  /** Brings `mirror` up to date with changes made elsewhere, where there can be any. */
  catchUp?(mirror: StateMirror): Promise<void>;
  close(): Promise<void>;
}

/** What a durability says of a commit beside that it is durable. */
export interface Committed {
  /** The whole state was written anew and is read back with its ordinals 1…n: memory must count them so too. */
  renumbered?: boolean;
}

/** The changes were written but not confirmed durable (an fsync failed): memory keeps them, the callers hear it. */
export class ChangeUnconfirmed extends Error {
  constructor(
    message: string,
    cause: unknown,
    readonly committed: Committed = {},
  ) {
    super(message, { cause });
    this.name = 'ChangeUnconfirmed';
  }
}

interface Pending {
  mutator: Mutator<unknown>;
  resolve: (result: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; result: unknown } | { ok: false; error: unknown };

function writeFailed(where: string, cause: unknown): KlikbotError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new KlikbotError(
    ErrorCode.StateWriteFailed,
    `Could not write to ${where} (${reason}); the change was not saved.`,
    { cause },
  );
}

/**
 * Runs updates one batch at a time. Updates that arrive while a write is in progress are
 * tried in order and written together (group commit); each caller hears back only after the
 * write holding its change has finished. A mutator that throws or breaks the layout fails
 * alone: the others in its batch go on.
 */
export class SerialStore implements Store {
  readonly #mirror: StateMirror;
  #pending: Pending[] = [];
  #draining: Promise<void> | undefined;
  #exclusive: Promise<void> = Promise.resolve();
  #closed: Promise<void> | undefined;

  constructor(
    readonly where: string,
    state: State | StateMirror,
    private readonly durability: Durability,
  ) {
    this.#mirror = state instanceof StateMirror ? state : new StateMirror(state);
  }

  read(): DeepReadonly<State> {
    return this.#mirror.state;
  }

  update<T>(mutator: Mutator<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#pending.push({ mutator, resolve: resolve as (result: unknown) => void, reject });
      this.#draining ??= this.#drain();
    });
  }

  /** Catches up with changes made elsewhere (another instance on the same database). */
  refresh(): Promise<void> {
    return this.#serially(async () => {
      await this.durability.catchUp?.(this.#mirror);
    });
  }

  /** Finishes the writes in progress and lets go of the durability; closing again does nothing more. */
  close(): Promise<void> {
    this.#closed ??= (async () => {
      await this.#draining;
      await this.#exclusive;
      await this.durability.close();
    })();
    return this.#closed;
  }

  /** Runs `work` when nothing else touches the mirror: commits and catch-ups take turns. */
  #serially(work: () => Promise<void>): Promise<void> {
    const run = this.#exclusive.then(work);
    this.#exclusive = run.catch(() => undefined);
    return run;
  }

  async #drain(): Promise<void> {
    try {
      while (this.#pending.length > 0) {
        const batch = this.#pending;
        this.#pending = [];
        await this.#serially(() => this.#commit(batch));
      }
    } finally {
      this.#draining = undefined;
    }
  }

  /** Never throws: every outcome goes to the callers in `batch`. */
  async #commit(batch: Pending[]): Promise<void> {
    let tentative: Tentative | undefined;
    let outcomes: Outcome[] = [];
    const decide = () => {
      tentative = this.#mirror.begin(this.where);
      const trying = tentative;
      outcomes = batch.map((pending): Outcome => {
        try {
          return { ok: true, result: trying.run(pending.mutator) };
        } catch (error) {
          return { ok: false, error };
        }
      });
      return trying;
    };
    let failure: unknown;
    let committed: Committed | void = undefined;
    try {
      committed = await this.durability.commit(this.#mirror, decide);
    } catch (cause) {
      failure = cause;
      if (cause instanceof ChangeUnconfirmed) committed = cause.committed;
    }
    if (tentative && (failure === undefined || failure instanceof ChangeUnconfirmed)) {
      this.#mirror.adopt(tentative);
      if (committed?.renumbered) this.#mirror.renumber();
    }
    const error =
      failure === undefined
        ? undefined
        : failure instanceof ChangeUnconfirmed
          ? new KlikbotError(
              ErrorCode.StateWriteUnconfirmed,
              `${failure.message}: the change may not survive a power cut`,
              {
                cause: failure,
              },
            )
          : writeFailed(this.where, failure);
    batch.forEach((pending, index) => {
      const outcome = outcomes[index];
      if (!outcome) pending.reject(error ?? writeFailed(this.where, 'not tried'));
      else if (!outcome.ok) pending.reject(outcome.error);
      else if (error) pending.reject(error);
      else pending.resolve(outcome.result);
    });
  }
}
