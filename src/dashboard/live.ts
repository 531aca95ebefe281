import type { DeepReadonly, State } from '../state/schema.js';
import { standingsOf, type StatusStanding } from '../state/statuses.js';

/** A municipality × task × step whose standing changed. */
export interface StandingChange {
  municipalityId: string;
  taskId: string;
  step?: number;
  standing: StatusStanding | undefined;
}

/** What a subscriber is told: the standings that changed since the last time, and the log's position now. */
export type ChangeListener = (changes: readonly StandingChange[], position: number) => void;

/**
 * How far a log has come: its reports plus its undos. Both only ever grow (an update is never
 * removed, and is undone at most once), so a page drawn at one position has seen every change
 * below it, whichever instance or clock made them. A page and its stream are numbered by it.
 */
export function logPosition(updates: Pick<DeepReadonly<State>, 'statusUpdates'>['statusUpdates']): number {
  let undos = 0;
  for (const update of updates) if (update.undoneAt !== undefined) undos += 1;
  return updates.length + undos;
}

/** How often the state is looked at while someone watches: a status shows on the board well within a second. */
export const WATCH_INTERVAL_MS = 200;

function sameStanding(a: StatusStanding | undefined, b: StatusStanding | undefined): boolean {
  return a?.status === b?.status && a?.lastChange.at === b?.lastChange.at && a?.inForce === b?.inForce;
}

/**
 * Tells the open boards when a status changes, from whatever instance it was reported on: it
 * looks at the store's status updates while anyone watches (the state is replaced, never
 * changed in place, so an unchanged list is the same object and costs nothing to check). With
 * PostgreSQL the store follows the other instances' changes, so this one's boards do too.
 */
export class StatusWatch {
  readonly #listeners = new Set<ChangeListener>();
  #timer: NodeJS.Timeout | undefined;
  #seen: { updates: unknown; standings: ReadonlyMap<string, StatusStanding> } | undefined;

  constructor(
    private readonly state: { read(): Pick<DeepReadonly<State>, 'statusUpdates'> },
    private readonly everyMs = WATCH_INTERVAL_MS,
  ) {}

  /** Starts telling `listener` of changes; the returned function stops it. */
  watch(listener: ChangeListener): () => void {
    if (this.#listeners.size === 0) {
      const updates = this.state.read().statusUpdates;
      this.#seen = { updates, standings: standingsOf(updates) };
      this.#timer = setInterval(() => this.check(), this.everyMs);
      this.#timer.unref();
    }
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
      if (this.#listeners.size === 0) this.stop();
    };
  }

  /** Looks once: tells every listener what changed since the last look. */
  check(): void {
    const updates = this.state.read().statusUpdates;
    if (!this.#seen || updates === this.#seen.updates) return;
    const before = this.#seen.standings;
    const after = standingsOf(updates);
    this.#seen = { updates, standings: after };
    const changes: StandingChange[] = [];
    for (const key of new Set([...before.keys(), ...after.keys()])) {
      const now = after.get(key);
      if (sameStanding(before.get(key), now)) continue;
      const [municipalityId, taskId, step] = JSON.parse(key) as [string, string, number | null];
      changes.push({ municipalityId, taskId, ...(step !== null ? { step } : {}), standing: now });
    }
    if (changes.length === 0) return;
    const position = logPosition(updates);
    for (const listener of this.#listeners) listener(changes, position);
  }

  /** Stops looking (the listeners stay until they leave). */
  stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }
}
