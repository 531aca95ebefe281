/**
 * Optimal string alignment distance (Levenshtein plus swapped neighbours, the commonest
 * typo: "deadlien"), giving up as soon as it must exceed `limit`.
 */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (a === b) return 0;
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let rowMinimum = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, beforePrevious[j - 2]! + 1);
      current.push(value);
      rowMinimum = Math.min(rowMinimum, value);
    }
    if (rowMinimum > limit) return limit + 1;
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * Whether a typed word may be a typo of a known one by its first letter: a short word is rarely
 * mistyped there, and is more likely another word ("taster" is no "master").
 */
export function mayBeTypoOf(typed: string, known: string): boolean {
  return typed.length >= 8 || typed[0] === known[0];
}

/** How many typos a word of this length may carry and still be recognised. */
export function typoAllowance(length: number): number {
  if (length < 5) return 0;
  return length < 9 ? 1 : 2;
}

/** Every string made by deleting one character: the keys of a typo-tolerant lookup. */
export function deletions(word: string): string[] {
  const found = new Set<string>();
  for (let index = 0; index < word.length; index += 1) found.add(word.slice(0, index) + word.slice(index + 1));
  return [...found];
}

/** Files a word under itself and each of its deletions, so a typo of it finds it by its own deletions. */
export function indexByDeletion(index: Map<string, string[]>, word: string): void {
  for (const variant of [word, ...deletions(word)]) {
    const list = index.get(variant);
    if (list) list.push(word);
    else index.set(variant, [word]);
  }
}
