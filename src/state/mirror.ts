import { current, freeze, Immer, isDraft, type Draft } from 'immer';
import { ErrorCode, KlikbotError } from '../errors.js';
import {
  applyCollectionChange,
  locate,
  diffCollection,
  freshOrdinals,
  type Change,
  type CollectionChange,
  type Ordinals,
} from './changes.js';
import { collectionNames, collectionRules, type CollectionName } from './collections.js';
import type { DeepReadonly, State } from './schema.js';

/**
 * A change to the state: edits the draft in place, synchronously, and may return a result.
 * `base` is the same state unchanged: looking things up there is cheaper than in the draft,
 * which copies what it is asked for. It must not do anything else: it may be run again.
 */
export type Mutator<T> = (draft: State, base: DeepReadonly<State>) => T;

type KeyCounts = Map<string, number>;

/** A collection's elements and ordinals after a change. */
type Applied = { items: unknown[]; ordinals: Ordinals };

// Immer's result is only compared and read: the state kept is rebuilt from the validated
// elements (see `apply`), which freezes them, so freezing the result too would be wasted work.
const immer = new Immer({ autoFreeze: false });

/**
 * A copy of `value` that lives on after the update: inside a mutator the state's objects
 * are drafts, which stop working once the update is over, so what a mutator hands out is a
 * copy of what they hold at that moment.
 */
export function plainCopy<T>(value: T): T {
  return isDraft(value) ? current<T>(value as Draft<T>) : structuredClone(value);
}

/** A string PostgreSQL can hold: no NUL character, no half of a surrogate pair (U+FFFD stands in). */
function storableText(text: string): string {
  const whole = loneSurrogate.test(text) ? text.replace(loneSurrogateAll, '\uFFFD') : text;
  return whole.includes('\u0000') ? whole.replaceAll('\u0000', '') : whole;
}

const loneSurrogateSource = '[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]';
const loneSurrogate = new RegExp(loneSurrogateSource);
const loneSurrogateAll = new RegExp(loneSurrogateSource, 'g');

/**
 * `value` with every string storable (a copy only where one was not): typed text may carry
 * NUL characters or broken surrogates, which PostgreSQL's text cannot hold, so neither store
 * keeps them.
 */
export function storable(value: unknown): unknown {
  if (typeof value === 'string') return storableText(value);
  if (Array.isArray(value)) {
    const cleaned = value.map(storable);
    return cleaned.some((inner, index) => inner !== value[index]) ? cleaned : value;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    const cleaned = entries.map(([key, inner]) => [storable(key) as string, storable(inner)] as const);
    return cleaned.some(([key, inner], index) => key !== entries[index]![0] || inner !== entries[index]![1])
      ? Object.fromEntries(cleaned)
      : value;
  }
  return value;
}

/** A mutator's result with every draft inside it replaced by a copy (`{ ...draftUpdate }` holds drafts). */
function detached(value: unknown): unknown {
  if (isDraft(value)) return current(value);
  if (Array.isArray(value)) return value.map(detached);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype)
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, detached(inner)]));
  return value;
}

function refused(where: string, detail: string, cause?: unknown): KlikbotError {
  return new KlikbotError(
    ErrorCode.StateWriteFailed,
    `Refused a change to ${where}: the result does not match the expected layout:\n  ${detail}`,
    cause === undefined ? undefined : { cause },
  );
}

function countKeys(c: CollectionName, items: readonly unknown[]): KeyCounts {
  const key = collectionRules[c].unique?.key as ((item: unknown) => string) | undefined;
  const counts: KeyCounts = new Map();
  if (key) for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

/**
 * The state as the store holds it in memory: the document, each collection's ordinals, and
 * the keys its uniqueness rules count. Frozen: a change is tried on a `Tentative` and taken
 * over with `adopt` once it is durable.
 */
export class StateMirror {
  #state: DeepReadonly<State>;
  #ordinals: Map<CollectionName, Ordinals>;
  #keys: Map<CollectionName, KeyCounts>;

  /**
   * `state` must be valid (parsed by `stateSchema`); `ordinals` are its collections'
   * ordinals where they are kept (a database's rows), else 1…n.
   */
  constructor(state: State, ordinals?: ReadonlyMap<CollectionName, Ordinals>) {
    this.#state = freeze<DeepReadonly<State>>(state, true);
    this.#ordinals = new Map(collectionNames.map((c) => [c, ordinals?.get(c) ?? freshOrdinals(state[c].length)]));
    this.#keys = new Map(collectionNames.map((c) => [c, countKeys(c, state[c])]));
  }

  /** Counts every collection's ordinals 1…n again, as a reader of the whole state written anew will. */
  renumber(): void {
    for (const c of collectionNames) this.#ordinals.set(c, freshOrdinals(this.#state[c].length));
  }

  /** Starts over from a state read afresh (a database another instance moved too far ahead of). */
  reset(other: StateMirror): void {
    this.#state = other.#state;
    this.#ordinals = other.#ordinals;
    this.#keys = other.#keys;
  }

  get state(): DeepReadonly<State> {
    return this.#state;
  }

  ordinalsOf(c: CollectionName): Ordinals {
    return this.#ordinals.get(c)!;
  }

  keysOf(c: CollectionName): ReadonlyMap<string, number> {
    return this.#keys.get(c)!;
  }

  /** A change tried on top of the state as it is now. */
  begin(where: string): Tentative {
    return new Tentative(this, where);
  }

  /** Takes over what a tentative change made, once it is durable. */
  adopt(tentative: Tentative): void {
    this.#state = tentative.state;
    for (const [c, ordinals] of tentative.ordinals) this.#ordinals.set(c, ordinals);
    for (const [c, keys] of tentative.recounted) this.#keys.set(c, keys);
    for (const [c, shifts] of tentative.keyShifts) {
      const counts = this.#keys.get(c)!;
      for (const [key, by] of shifts) {
        const count = (counts.get(key) ?? 0) + by;
        if (count === 0) counts.delete(key);
        else counts.set(key, count);
      }
    }
  }

  /** Applies changes made elsewhere (a journal read at start, another instance), each validated as if made here. */
  replay(changes: readonly Change[], where: string): void {
    const tentative = this.begin(where);
    for (const change of changes) tentative.apply(change);
    this.adopt(tentative);
  }
}

/** Changes tried on top of a mirror, one mutator at a time; the mirror is untouched until `adopt`. */
export class Tentative {
  state: DeepReadonly<State>;
  readonly ordinals = new Map<CollectionName, Ordinals>();
  /** Collections whose keys were counted afresh (a collection written whole). */
  readonly recounted = new Map<CollectionName, KeyCounts>();
  /** How each key's count moved, on top of the mirror's (or the recounted) counts. */
  readonly keyShifts = new Map<CollectionName, KeyCounts>();
  /** What the accepted mutators changed, in order. */
  readonly changes: Change[] = [];

  constructor(
    private readonly mirror: StateMirror,
    private readonly where: string,
  ) {
    this.state = mirror.state;
  }

  #ordinalsOf(c: CollectionName): Ordinals {
    return this.ordinals.get(c) ?? this.mirror.ordinalsOf(c);
  }

  /**
   * Runs `mutator` on the state as it stands here. Resolves to its result; throws its own
   * error, or StateWriteFailed when the result breaks the layout, and then changes nothing.
   */
  run<T>(mutator: Mutator<T>): T {
    const base = this.state;
    let result: T | undefined;
    // the recipe returns nothing, so a mutator's result is never taken for a replacement state
    const next = immer.produce(base as State, (draft) => {
      result = detached(mutator(draft, base)) as T;
    }) as DeepReadonly<State>;
    // Edits made after an await would land on a draft already validated and written.
    if (result instanceof Promise) throw new TypeError('A state mutator must be synchronous');
    if (next === base) return result as T;
    if (next.version !== base.version) throw refused(this.where, 'version: the layout version cannot change');
    const change: Change = [];
    const prepared = new Map<CollectionName, Applied>();
    for (const c of collectionNames) {
      if (next[c] === base[c]) continue;
      const diff = diffCollection(c, base[c], next[c], this.#ordinalsOf(c));
      change.push(diff.change);
      // Immer's array is a new one, ours to finish: copying 50,000 elements again would cost milliseconds
      prepared.set(c, { items: next[c] as unknown[], ordinals: diff.ordinals });
    }
    this.apply(change, prepared);
    return result as T;
  }

  /**
   * Applies a change: every written element validated (defaults filled in), every uniqueness
   * rule kept. `prepared` holds collections already changed (by the mutator), to finish.
   */
  apply(change: Change, prepared?: ReadonlyMap<CollectionName, Applied>): void {
    let state = this.state;
    const ordinals = new Map<CollectionName, Ordinals>();
    const keys = new Map<CollectionName, { recounted?: KeyCounts; shifts: KeyCounts }>();
    const checked: Change = [];
    for (const part of change) {
      const before = state[part.c] as readonly unknown[];
      const applied = prepared?.get(part.c) ?? applyCollectionChange(part, before, this.#ordinalsOf(part.c));
      const sure = this.#validated(part, applied);
      keys.set(part.c, this.#keysAfter(part.c, sure, before, applied.items));
      ordinals.set(part.c, applied.ordinals);
      state = { ...state, [part.c]: freeze(applied.items) };
      checked.push(sure);
    }
    // nothing is kept until every part has passed
    this.state = state;
    for (const [c, value] of ordinals) this.ordinals.set(c, value);
    for (const [c, { recounted, shifts }] of keys) {
      if (recounted) this.recounted.set(c, recounted);
      this.keyShifts.set(c, shifts);
    }
    if (checked.length > 0) this.changes.push(checked);
  }

  /**
   * The change with each value parsed by its collection's schema (as loading the file would),
   * the parsed values put in place in `applied`.
   */
  #validated(part: CollectionChange, applied: Applied): CollectionChange {
    const schema = collectionRules[part.c].schema;
    const parse = (value: unknown, index: number) => {
      const parsed = schema.safeParse(storable(value));
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const path = [part.c, index, ...(issue?.path ?? [])].map(String).join('.');
        throw refused(this.where, `${path}: ${issue?.message ?? 'invalid'}`, parsed.error);
      }
      return (applied.items[index] = freeze<unknown>(parsed.data, true));
    };
    if ('all' in part) return { c: part.c, all: part.all.map((value, index) => parse(value, index)) };
    const put = part.put.map(([ordinal, value]): [number, unknown] => [
      ordinal,
      parse(value, locate(applied.ordinals, ordinal)),
    ]);
    return { c: part.c, del: part.del, put };
  }

  /** How the unique keys move with the change, refusing one that two elements would share. */
  #keysAfter(
    c: CollectionName,
    part: CollectionChange,
    before: readonly unknown[],
    after: readonly unknown[],
  ): { recounted?: KeyCounts; shifts: KeyCounts } {
    const rule = collectionRules[c].unique;
    if (!rule) return { shifts: new Map() };
    const key = rule.key as (item: unknown) => string;
    const clash = (value: unknown) =>
      refused(this.where, `${c}.${after.indexOf(value)}: duplicate ${rule.what} ${key(value)}`);
    if ('all' in part) {
      const recounted = countKeys(c, after);
      const twice = after.find((item) => recounted.get(key(item))! > 1);
      if (twice !== undefined) throw clash(twice);
      return { recounted, shifts: new Map() };
    }
    const shifts = new Map(this.keyShifts.get(c));
    const shift = (value: unknown, by: number) => shifts.set(key(value), (shifts.get(key(value)) ?? 0) + by);
    const ordinals = this.#ordinalsOf(c);
    for (const ordinal of [...part.del, ...part.put.map(([one]) => one)]) {
      const at = locate(ordinals, ordinal);
      if (at >= 0) shift(before[at], -1);
    }
    for (const [, value] of part.put) shift(value, 1);
    const base = this.recounted.get(c) ?? this.mirror.keysOf(c);
    for (const [, value] of part.put) if ((base.get(key(value)) ?? 0) + shifts.get(key(value))! > 1) throw clash(value);
    return { shifts };
  }
}
