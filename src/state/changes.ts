import { z } from 'zod';
import { collectionNames, type CollectionName } from './collections.js';

/**
 * Every element of a collection has an ordinal: a number, increasing along the collection,
 * that names the element for as long as it stays (an index would shift when an element
 * before it goes). A change says which ordinals went and which were written, so a journal
 * line or a database row holds only what changed, and another instance or a restart can
 * apply it to the same collection and get the same order.
 */
export type Ordinals = readonly number[];

/** One collection's change. */
export type CollectionChange =
  /** `del` the elements with these ordinals, then `put` each value at its ordinal (replacing or inserting). */
  | { c: CollectionName; del: number[]; put: [number, unknown][] }
  /** The whole collection, its ordinals renumbered 1…n (where no ordinal fits between two neighbours). */
  | { c: CollectionName; all: unknown[] };

/** What one update did to the state: one entry per collection it changed. */
export type Change = CollectionChange[];

/** The ordinals of a collection read as it stands: 1…n. */
export function freshOrdinals(length: number): number[] {
  return Array.from({ length }, (_, index) => index + 1);
}

/** The index of `ordinal` in the ascending `ordinals`, or where it would go (as a negative: -(place + 1)). */
export function locate(ordinals: Ordinals, ordinal: number): number {
  let low = 0;
  let high = ordinals.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const value = ordinals[middle]!;
    if (value === ordinal) return middle;
    if (value < ordinal) low = middle + 1;
    else high = middle - 1;
  }
  return -(low + 1);
}

function renumbered(c: CollectionName, after: readonly unknown[]): { change: CollectionChange; ordinals: number[] } {
  return { change: { c, all: [...after] }, ordinals: freshOrdinals(after.length) };
}

/** Elements added at the end only: the common case (a status update, a vote, a conversation). */
function appended(c: CollectionName, before: readonly unknown[], after: readonly unknown[], ordinals: Ordinals) {
  if (after.length < before.length) return undefined;
  for (let index = 0; index < before.length; index += 1) if (before[index] !== after[index]) return undefined;
  const next = ordinals.slice();
  const put: [number, unknown][] = [];
  let last = ordinals.at(-1) ?? 0;
  for (let index = before.length; index < after.length; index += 1) {
    last += 1;
    next.push(last);
    put.push([last, after[index]]);
  }
  return { change: { c, del: [], put } satisfies CollectionChange, ordinals: next };
}

// Past this many new elements in place, the change is more likely a removal and an addition
// (a changed vote), which the general diff writes as two elements instead of every one between.
const FEW_IN_PLACE = 2;

/** As many elements as before, a few of them new: each new one takes the ordinal of its place. */
function rewritten(c: CollectionName, before: readonly unknown[], after: readonly unknown[], ordinals: Ordinals) {
  if (after.length !== before.length) return undefined;
  const put: [number, unknown][] = [];
  for (let index = 0; index < after.length; index += 1) {
    if (after[index] === before[index]) continue;
    if (put.length === FEW_IN_PLACE) return undefined;
    put.push([ordinals[index]!, after[index]]);
  }
  return { change: { c, del: [], put } satisfies CollectionChange, ordinals: ordinals.slice() };
}

/**
 * How a collection went from `before` to `after`, elements compared by identity (an update
 * copies only what it changes, so an untouched element is the same object). Elements that
 * kept their order keep their ordinals; a new one gets an ordinal between its neighbours'.
 */
export function diffCollection(
  c: CollectionName,
  before: readonly unknown[],
  after: readonly unknown[],
  ordinals: Ordinals,
): { change: CollectionChange; ordinals: number[] } {
  const simple = appended(c, before, after, ordinals) ?? rewritten(c, before, after, ordinals);
  if (simple) return simple;
  const staying = new Set(after);
  const del: number[] = [];
  const survivors: { value: unknown; ordinal: number }[] = [];
  before.forEach((value, index) => {
    if (staying.has(value)) survivors.push({ value, ordinal: ordinals[index]! });
    else del.push(ordinals[index]!);
  });
  const survivorSet = new Set(survivors.map((one) => one.value));
  const next: number[] = [];
  const put: [number, unknown][] = [];
  let kept = 0;
  for (const value of after) {
    const previous = next.at(-1) ?? 0;
    if (value === survivors[kept]?.value) {
      next.push(survivors[kept]!.ordinal);
      kept += 1;
      continue;
    }
    // an old element out of its order (a sort): no ordinal can say that, so write it whole
    if (survivorSet.has(value)) return renumbered(c, after);
    const following = survivors[kept]?.ordinal;
    const ordinal = following === undefined ? previous + 1 : previous + (following - previous) / 2;
    if (!(ordinal > previous && (following === undefined || ordinal < following))) return renumbered(c, after);
    next.push(ordinal);
    put.push([ordinal, value]);
  }
  if (kept !== survivors.length) return renumbered(c, after);
  return { change: { c, del, put }, ordinals: next };
}

/** Applies one collection's change to its elements and ordinals (new arrays; the inputs stay as they were). */
export function applyCollectionChange(
  change: CollectionChange,
  items: readonly unknown[],
  ordinals: Ordinals,
): { items: unknown[]; ordinals: number[] } {
  if ('all' in change) return { items: [...change.all], ordinals: freshOrdinals(change.all.length) };
  // (slice, not spread: a spread of 50,000 elements walks an iterator and costs milliseconds)
  const last = ordinals.at(-1) ?? 0;
  if (change.del.length === 0 && change.put.every(([ordinal], index) => ordinal > (change.put[index - 1]?.[0] ?? last)))
    return {
      items: items.concat(change.put.map(([, value]) => value)),
      ordinals: ordinals.concat(change.put.map(([ordinal]) => ordinal)),
    };
  let nextItems = items.slice();
  let nextOrdinals = ordinals.slice();
  if (change.del.length > 0) {
    const gone = new Set(change.del);
    nextItems = nextItems.filter((_, index) => !gone.has(nextOrdinals[index]!));
    nextOrdinals = nextOrdinals.filter((ordinal) => !gone.has(ordinal));
  }
  for (const [ordinal, value] of change.put) {
    const at = locate(nextOrdinals, ordinal);
    if (at >= 0) nextItems[at] = value;
    else {
      const place = -at - 1;
      nextItems.splice(place, 0, value);
      nextOrdinals.splice(place, 0, ordinal);
    }
  }
  return { items: nextItems, ordinals: nextOrdinals };
}

/** A change as read back from a journal line or a database row. */
export const changeSchema = z.array(
  z.union([
    z.strictObject({ c: z.enum(collectionNames), all: z.array(z.unknown()) }),
    z.strictObject({
      c: z.enum(collectionNames),
      del: z.array(z.number()),
      put: z.array(z.tuple([z.number(), z.unknown()])),
    }),
  ]),
);
