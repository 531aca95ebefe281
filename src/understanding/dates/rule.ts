import type { Candidate, Context, Reading } from './candidate.js';

/** One grammar rule: a pattern (compiled once, flags "giu") and what its match means. */
export interface Rule {
  /** A cheap test the text must pass before the pattern is run: most questions name no date. */
  needs?: RegExp;
  pattern: RegExp;
  read(match: RegExpExecArray, context: Context): Reading | undefined;
}

/** A rule's pattern from source pieces, case-insensitive and Unicode-aware. */
export function pattern(source: string): RegExp {
  return new RegExp(source, 'giu');
}

/** Every match of every rule in the text, as candidates. */
export function scan(rules: readonly Rule[], text: string, context: Context): Candidate[] {
  const found: Candidate[] = [];
  for (const rule of rules) {
    if (rule.needs && !rule.needs.test(text)) continue;
    rule.pattern.lastIndex = 0;
    for (let match = rule.pattern.exec(text); match; match = rule.pattern.exec(text)) {
      const reading = rule.read(match, context);
      if (reading) found.push({ ...reading, index: match.index, end: match.index + match[0].length });
    }
  }
  return found;
}
