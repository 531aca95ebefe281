/**
 * A function's results remembered by key, for pure functions asked the same thing on every
 * question (a date from the data formatted, a passage's words stemmed). At `limit` entries the
 * memory starts over, so a key space that keeps growing costs recomputation, not more entries.
 * Keys and results are held: give it small ones.
 */
export function remembering<A extends unknown[], R>(
  key: (...args: A) => string,
  compute: (...args: A) => R,
  limit = 4096,
): (...args: A) => R {
  const known = new Map<string, R>();
  return (...args: A): R => {
    const k = key(...args);
    if (known.has(k)) return known.get(k) as R;
    const value = compute(...args);
    if (known.size >= limit) known.clear();
    known.set(k, value);
    return value;
  };
}
