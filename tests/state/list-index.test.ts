import { describe, expect, it } from 'vitest';
import { ListIndex } from '../../src/state/list-index.js';

describe('ListIndex', () => {
  const index = new ListIndex<{ id: string; value: number; skip?: boolean }>((item) =>
    item.skip ? undefined : item.id,
  );

  it('finds by key, the last item winning, and leaves out items without a key', () => {
    const list = [
      { id: 'a', value: 1 },
      { id: 'b', value: 2 },
      { id: 'a', value: 3 },
      { id: 'c', value: 4, skip: true },
    ];
    expect(index.get(list, 'a')?.value).toBe(3);
    expect(index.get(list, 'b')?.value).toBe(2);
    expect(index.get(list, 'c')).toBeUndefined();
  });

  it('follows a replaced list, as the store replaces its lists on every write', () => {
    const first = [{ id: 'a', value: 1 }];
    expect(index.get(first, 'a')?.value).toBe(1);
    const second = [{ id: 'b', value: 2 }];
    expect(index.get(second, 'a')).toBeUndefined();
    expect(index.get(second, 'b')?.value).toBe(2);
  });
});
