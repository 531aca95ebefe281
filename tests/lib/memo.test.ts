import { describe, expect, it } from 'vitest';
import { remembering } from '../../src/lib/memo.js';

describe('remembered results', () => {
  it('computes each key once and gives the same result after', () => {
    const computed: string[] = [];
    const upper = remembering(
      (text: string) => text,
      (text: string) => {
        computed.push(text);
        return { text: text.toUpperCase() };
      },
    );
    const first = upper('trin');
    expect(upper('trin')).toBe(first);
    expect(upper('bbr').text).toBe('BBR');
    expect(computed).toEqual(['trin', 'bbr']);
  });

  it('keeps a result that is undefined as well as any other', () => {
    let calls = 0;
    const nothing = remembering(
      (key: string) => key,
      () => {
        calls += 1;
        return undefined;
      },
    );
    nothing('a');
    nothing('a');
    expect(calls).toBe(1);
  });

  it('starts over at its limit, so that it never holds more', () => {
    const computed: number[] = [];
    const double = remembering(
      (n: number) => String(n),
      (n: number) => {
        computed.push(n);
        return n * 2;
      },
      2,
    );
    double(1);
    double(2);
    double(3); // the third key empties the memory first
    double(1);
    double(3);
    expect(computed).toEqual([1, 2, 3, 1]);
  });
});
