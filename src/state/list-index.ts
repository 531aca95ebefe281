/**
 * A lookup by key over one of the store's lists. The store replaces every list on each write,
 * so the map is rebuilt when the list it was built from is no longer the one held: a lookup
 * costs a map access, and a rebuild happens at most once per write.
 */
export class ListIndex<T> {
  private indexed: readonly T[] | undefined;
  private readonly byKey = new Map<string, T>();

  constructor(private readonly keyOf: (item: T) => string | undefined) {}

  /** The item under `key` in `list` (the last one, if several share it). */
  get(list: readonly T[], key: string): T | undefined {
    if (list !== this.indexed) {
      this.byKey.clear();
      for (const item of list) {
        const itemKey = this.keyOf(item);
        if (itemKey !== undefined) this.byKey.set(itemKey, item);
      }
      this.indexed = list;
    }
    return this.byKey.get(key);
  }
}
