import { describe, expect, it } from 'vitest';
import { MemoryClaims, oncePerWindow } from '../../src/state/claims.js';

describe('claims', () => {
  it('gives a key to its first claimant until the claim expires', async () => {
    const claims = new MemoryClaims();
    expect(await claims.claim('event:1', 0, 1_000)).toBe(true);
    expect(await claims.claim('event:1', 999, 2_000)).toBe(false);
    expect(await claims.claim('event:2', 999, 2_000)).toBe(true);
    expect(await claims.claim('event:1', 1_000, 2_000)).toBe(true);
  });

  it('lets the owner of a claim claim again what it failed to finish, and nobody else', async () => {
    const claims = new MemoryClaims();
    expect(await claims.claim('reminder:1', 0, 1_000, 'instance-a')).toBe(true);
    expect(await claims.claim('reminder:1', 10, 1_000, 'instance-b')).toBe(false);
    expect(await claims.claim('reminder:1', 20, 1_000)).toBe(false);
    expect(await claims.claim('reminder:1', 30, 1_000, 'instance-a')).toBe(true);
  });

  it('runs timed work on one of several instances each window, and on every call without claims', async () => {
    const claims = new MemoryClaims();
    let real = 60_000;
    const runs: string[] = [];
    const instance = (name: string, shared: MemoryClaims | undefined) =>
      oncePerWindow(
        shared,
        'polls',
        60_000,
        async (tick: number) => void runs.push(`${name}@${tick}`),
        () => real,
      );
    const [first, second] = [instance('first', claims), instance('second', claims)];
    await first(1);
    await second(1);
    real += 30_000;
    await second(2);
    real += 30_000;
    await second(3);
    await first(3);
    expect(runs).toEqual(['first@1', 'second@3']);
    const alone = instance('alone', undefined);
    await alone(4);
    await alone(4);
    expect(runs.slice(2)).toEqual(['alone@4', 'alone@4']);
  });
});
