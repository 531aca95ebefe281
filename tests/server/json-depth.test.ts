import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, nestsDeeperThan } from '../../src/server/json-depth.js';

describe('how deep a request body nests', () => {
  it('allows an activity-sized nesting and refuses one level past the limit', () => {
    const at = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
    expect(nestsDeeperThan(at(MAX_JSON_DEPTH))).toBe(false);
    expect(nestsDeeperThan(at(MAX_JSON_DEPTH + 1))).toBe(true);
    expect(nestsDeeperThan(`{"a":{"b":${at(10_000)}}}`)).toBe(true);
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    expect(nestsDeeperThan(JSON.stringify({ text: '['.repeat(10_000) }))).toBe(false);
    expect(nestsDeeperThan(JSON.stringify({ text: `\\"${'{'.repeat(10_000)}` }))).toBe(false);
  });
});
