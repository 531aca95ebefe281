import { randomUUID } from 'node:crypto';
import { nowIso, type Clock } from '../clock.js';
import type { Actor, DeepReadonly, State, StatusUpdate, TaskStatus } from './schema.js';
import { ListIndex } from './list-index.js';
import type { Store } from './store.js';

export type { Actor, StatusUpdate, TaskStatus } from './schema.js';

/** A change to record; the repository adds the id, the time and the previous status. */
export interface StatusChange {
  municipalityId: string;
  taskId: string;
  step?: number;
  status: TaskStatus;
  by: Actor;
}

/** Why an update could not be undone. */
export type UndoRefusal = 'not-found' | 'already-undone' | 'superseded';

/** The status before anyone recorded one. */
export const DEFAULT_STATUS: TaskStatus = 'not-started';

type Updates = State['statusUpdates'] | DeepReadonly<State['statusUpdates']>;

function sameTarget(municipalityId: string, taskId: string, step: number | undefined) {
  return (u: { municipalityId: string; taskId: string; step?: number }) =>
    u.municipalityId === municipalityId && u.taskId === taskId && u.step === step;
}

/** The last update of a municipality × task × step still in force (not undone). */
function latestInForce<U extends Updates[number]>(
  updates: readonly U[],
  municipalityId: string,
  taskId: string,
  step: number | undefined,
): U | undefined {
  const matches = sameTarget(municipalityId, taskId, step);
  return updates.findLast((u) => matches(u) && u.undoneAt === undefined);
}

/** Where one municipality stands on one task (or step) according to its updates. */
export interface StatusStanding {
  municipalityId: string;
  taskId: string;
  step?: number;
  /** The status in force: the last update not undone, else not started. */
  status: TaskStatus;
  /** The update in force, if any: a municipality whose updates were all undone has reported nothing. */
  inForce?: DeepReadonly<StatusUpdate>;
  /** The latest change, a record or an undo, with who made it. */
  lastChange: { at: string; by: DeepReadonly<Actor> };
}

/** The key `standings` files a municipality × task × step under. */
export function standingKey(municipalityId: string, taskId: string, step?: number): string {
  return JSON.stringify([municipalityId, taskId, step ?? null]);
}

function laterOf(a: { at: string; by: DeepReadonly<Actor> }, b: { at: string; by: DeepReadonly<Actor> }) {
  // instants may carry different offsets, so they are compared as instants, not as text; the
  // state keeps them in ISO form with an offset, which Date.parse reads exactly and far faster than luxon
  return Date.parse(b.at) >= Date.parse(a.at) ? b : a;
}

/** Every municipality × task × step with at least one update, keyed by `standingKey`, from a log of updates. */
export function standingsOf(updates: Updates): ReadonlyMap<string, StatusStanding> {
  // the store's state is frozen and replaced on every change: the same list has the same standings
  const frozen = Object.isFrozen(updates);
  const known = frozen ? standingsByLog.get(updates) : undefined;
  if (known) return known;
  const result = standingsFrom(updates);
  if (frozen) standingsByLog.set(updates, result);
  return result;
}

/** The standings of each frozen log worked out so far; a log no longer held is forgotten with it. */
const standingsByLog = new WeakMap<Updates, ReadonlyMap<string, StatusStanding>>();

function standingsFrom(updates: Updates): Map<string, StatusStanding> {
  const result = new Map<string, StatusStanding>();
  for (const update of updates) {
    const key = standingKey(update.municipalityId, update.taskId, update.step);
    const before = result.get(key);
    let lastChange = before
      ? laterOf(before.lastChange, { at: update.at, by: update.by })
      : { at: update.at, by: update.by };
    if (update.undoneAt !== undefined)
      lastChange = laterOf(lastChange, { at: update.undoneAt, by: update.undoneBy ?? update.by });
    // the log is in the order recorded: a later update not undone takes over
    const inForce = update.undoneAt === undefined ? update : before?.inForce;
    result.set(key, {
      municipalityId: update.municipalityId,
      taskId: update.taskId,
      ...(update.step !== undefined ? { step: update.step } : {}),
      status: inForce?.status ?? DEFAULT_STATUS,
      ...(inForce ? { inForce } : {}),
      lastChange,
    });
  }
  return result;
}

function withoutUndefined(actor: Actor): Actor {
  return JSON.parse(JSON.stringify(actor)) as Actor;
}

/**
 * Each municipality's status on each task (and step), as a log of updates: who, when, from
 * where, the old and the new value. The current status is the last update not undone.
 */
export class StatusRepository {
  // the log is in the order recorded, so the last update not undone per key is the one in force;
  // reminders and the calendar ask for many municipalities and tasks at once
  private readonly inForce = new ListIndex<DeepReadonly<StatusUpdate>>((u) =>
    u.undoneAt === undefined ? standingKey(u.municipalityId, u.taskId, u.step) : undefined,
  );

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  /**
   * Records a new status. `previous` is read inside the serialized store update, so updates
   * made at the same moment chain: each one's `previous` is the one before it.
   */
  async record(change: StatusChange): Promise<StatusUpdate | 'unchanged'> {
    // Chosen outside the mutator, which the store may run more than once.
    const id = randomUUID();
    const at = nowIso(this.clock);
    return this.store.update((draft): StatusUpdate | 'unchanged' => {
      const previous =
        latestInForce(draft.statusUpdates, change.municipalityId, change.taskId, change.step)?.status ?? DEFAULT_STATUS;
      // decided here, inside the serialized update: two identical saves at once record one change
      if (previous === change.status) return 'unchanged';
      const update: StatusUpdate = {
        id,
        municipalityId: change.municipalityId,
        taskId: change.taskId,
        ...(change.step !== undefined ? { step: change.step } : {}),
        status: change.status,
        previous,
        by: withoutUndefined(change.by),
        at,
      };
      draft.statusUpdates.push(update);
      return { ...update };
    });
  }

  /** The municipality's status on the task (or step): the last update not undone, else not started. */
  current(municipalityId: string, taskId: string, step?: number): TaskStatus {
    return (
      this.inForce.get(this.store.read().statusUpdates, standingKey(municipalityId, taskId, step))?.status ??
      DEFAULT_STATUS
    );
  }

  /** One update by id, undone or not. */
  get(updateId: string): DeepReadonly<StatusUpdate> | undefined {
    return this.store.read().statusUpdates.find((u) => u.id === updateId);
  }

  /**
   * Undoes an update, which restores its `previous` status. Only the update in force can be
   * undone: once a later one exists, undoing an earlier one would silently discard it.
   * Undoing again walks further back.
   */
  async undo(updateId: string, by: Actor): Promise<StatusUpdate | UndoRefusal> {
    const at = nowIso(this.clock);
    return this.store.update((draft): StatusUpdate | UndoRefusal => {
      const update = draft.statusUpdates.find((u) => u.id === updateId);
      if (!update) return 'not-found';
      if (update.undoneAt !== undefined) return 'already-undone';
      if (latestInForce(draft.statusUpdates, update.municipalityId, update.taskId, update.step) !== update)
        return 'superseded';
      update.undoneAt = at;
      update.undoneBy = withoutUndefined(by);
      return { ...update };
    });
  }

  /** The latest `limit` updates of a municipality × task × step, newest first, undone ones included. */
  history(
    municipalityId: string,
    taskId: string,
    step: number | undefined,
    limit: number,
  ): DeepReadonly<StatusUpdate>[] {
    if (limit <= 0) return [];
    return this.store
      .read()
      .statusUpdates.filter(sameTarget(municipalityId, taskId, step))
      .slice(-limit)
      .reverse();
  }

  /**
   * The latest `limit` updates of a municipality, newest first, undone ones included; only
   * those of a task, and of one step of it, when `of` names them.
   */
  changes(
    municipalityId: string,
    limit: number,
    of: { taskId?: string; step?: number } = {},
  ): DeepReadonly<StatusUpdate>[] {
    if (limit <= 0) return [];
    const wanted = (u: DeepReadonly<StatusUpdate>) =>
      u.municipalityId === municipalityId &&
      (of.taskId === undefined || u.taskId === of.taskId) &&
      (of.step === undefined || u.step === of.step);
    return this.store.read().statusUpdates.filter(wanted).slice(-limit).reverse();
  }

  /** Where every municipality × task × step with an update stands now (see `standingsOf`). */
  standings(): ReadonlyMap<string, StatusStanding> {
    return standingsOf(this.store.read().statusUpdates);
  }
}
