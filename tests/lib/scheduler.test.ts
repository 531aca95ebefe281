import { describe, expect, it } from 'vitest';
import { Scheduler } from '../../src/lib/scheduler.js';

function recording() {
  const errors: [string, unknown][] = [];
  let now = 0;
  const scheduler = new Scheduler<number>({ now: () => ++now, onError: (job, error) => errors.push([job, error]) });
  return { scheduler, errors };
}

describe('Scheduler', () => {
  it('runs every job on a tick, in the order they registered, with the time the tick started at', async () => {
    const { scheduler } = recording();
    const ran: string[] = [];
    scheduler.register('first', async (now) => ran.push(`first@${now}`));
    scheduler.register('second', async (now) => ran.push(`second@${now}`));
    await scheduler.tick();
    await scheduler.tick();
    expect(ran).toEqual(['first@1', 'second@1', 'first@2', 'second@2']);
  });

  it('reports a failing job and still runs the others', async () => {
    const { scheduler, errors } = recording();
    const ran: string[] = [];
    const failure = new Error('send log unreadable');
    scheduler.register('reminders', async () => {
      throw failure;
    });
    scheduler.register('polls', async () => ran.push('polls'));
    await scheduler.tick();
    expect(ran).toEqual(['polls']);
    expect(errors).toEqual([['reminders', failure]]);
  });

  it('lets a tick asked for while one runs wait for that one instead of starting another', async () => {
    const { scheduler } = recording();
    let runs = 0;
    let release = (): void => undefined;
    scheduler.register('slow', () => {
      runs++;
      return new Promise<void>((resolve) => (release = resolve));
    });
    const first = scheduler.tick();
    const second = scheduler.tick();
    release();
    await Promise.all([first, second]);
    expect(runs).toBe(1);
  });

  it('runs a tick anew after one in progress, with the time read after it was asked for', async () => {
    let now = 1;
    const seen: number[] = [];
    const scheduler = new Scheduler<number>({ now: () => now, onError: () => undefined });
    let release = (): void => undefined;
    scheduler.register('slow', (at) => {
      seen.push(at);
      return seen.length === 1 ? new Promise<void>((resolve) => (release = resolve)) : Promise.resolve();
    });
    const running = scheduler.tick();
    now = 2;
    const anew = scheduler.tickAnew();
    release();
    await Promise.all([running, anew]);
    expect(seen).toEqual([1, 2]);
    await scheduler.tickAnew();
    expect(seen).toEqual([1, 2, 2]);
  });

  it('ticks by itself once started, and waits for a running tick when stopped', async () => {
    const { scheduler } = recording();
    let runs = 0;
    scheduler.register('count', async () => runs++);
    scheduler.start(5);
    await expect.poll(() => runs, { timeout: 2_000 }).toBeGreaterThanOrEqual(2);
    await scheduler.stop();
    const after = runs;
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(runs).toBe(after);
  });

  it('runs nothing once stopped, whoever asks for a tick', async () => {
    const { scheduler } = recording();
    let runs = 0;
    scheduler.register('count', async () => runs++);
    await scheduler.stop();
    await scheduler.tick();
    await scheduler.tickAnew();
    expect(runs).toBe(0);
  });
});
