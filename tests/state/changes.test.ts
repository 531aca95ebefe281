import { describe, expect, it } from 'vitest';
import { applyCollectionChange, diffCollection, freshOrdinals } from '../../src/state/changes.js';

type Item = { n: number };
const item = (n: number): Item => ({ n });

/** A small seeded random source, so a failure can be run again. */
function random(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}

/** One edit of the kinds the repositories make: add, insert, remove, replace, filter, sort. */
function edit(list: Item[], next: () => number, counter: { n: number }): Item[] {
  const copy = [...list];
  const at = Math.floor(next() * (copy.length + 1));
  switch (Math.floor(next() * 6)) {
    case 0:
      copy.push(item(counter.n++));
      return copy;
    case 1:
      copy.splice(at, 0, item(counter.n++));
      return copy;
    case 2:
      copy.splice(at, 1);
      return copy;
    case 3:
      if (copy.length > 0) copy[Math.min(at, copy.length - 1)] = item(counter.n++);
      return copy;
    case 4:
      return copy.filter(() => next() > 0.3);
    default:
      return copy.sort((a, b) => b.n - a.n);
  }
}

describe('a collection change', () => {
  it('turns the old elements into the new ones, in order, over 2,000 random edits', () => {
    const next = random(7);
    const counter = { n: 0 };
    let items: Item[] = [];
    let ordinals: number[] = [];
    for (let round = 0; round < 2_000; round += 1) {
      const after = edit(items, next, counter);
      const { change, ordinals: expected } = diffCollection('polls', items, after, ordinals);
      const applied = applyCollectionChange(change, items, ordinals);
      expect(applied.items).toEqual(after);
      expect(applied.ordinals).toEqual(expected);
      // ordinals keep increasing along the collection
      expect(applied.ordinals.every((value, index) => index === 0 || value > applied.ordinals[index - 1]!)).toBe(true);
      items = applied.items as Item[];
      ordinals = applied.ordinals;
    }
  });

  it('writes only what was added at the end, and one element changed in place at its own ordinal', () => {
    const before = [item(1), item(2), item(3)];
    const ordinals = freshOrdinals(3);
    expect(diffCollection('votes', before, [...before, item(4)], ordinals).change).toEqual({
      c: 'votes',
      del: [],
      put: [[4, item(4)]],
    });
    expect(diffCollection('votes', before, [before[0], item(9), before[2]], ordinals).change).toEqual({
      c: 'votes',
      del: [],
      put: [[2, item(9)]],
    });
    // a changed vote (taken out, then added at the end) is two elements, not every one after it
    const changed = diffCollection('votes', before, [before[1], before[2], item(5)], ordinals).change;
    expect(changed).toEqual({ c: 'votes', del: [1], put: [[4, item(5)]] });
  });
});
