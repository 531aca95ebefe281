/** One piece of timed work, run with the time the tick started at. */
export type TimedJob<Now> = (now: Now) => Promise<unknown>;

/** What a scheduler needs: the time, and where a failing job is reported. */
export interface SchedulerDeps<Now> {
  now(): Now;
  /** A job threw: the others ran all the same, and the next tick tries it again. */
  onError(job: string, error: unknown): void;
}

/**
 * Timed work on one timer. Each piece registers once; a tick runs them in the order they
 * registered, each on its own, so that one failing does not hold up the others. A tick
 * asked for while one runs waits for that one instead of starting a second beside it.
 */
export class Scheduler<Now> {
  private readonly jobs: { name: string; run: TimedJob<Now> }[] = [];
  private running: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(private readonly deps: SchedulerDeps<Now>) {}

  /** Adds a job to every tick from now on. */
  register(name: string, run: TimedJob<Now>): void {
    this.jobs.push({ name, run });
  }

  /** Runs every job once, now; resolves when all have ended. Once stopped, nothing more runs. */
  tick(): Promise<void> {
    // a tick asked for while stopping (a clock moved during shutdown) must not touch what is closing
    if (this.stopped) return this.running ?? Promise.resolve();
    this.running ??= this.runAll().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /**
   * Runs every job once with a time read after this call: a tick already running (it read
   * the time before) is waited for first. For work that must see a change just made.
   */
  async tickAnew(): Promise<void> {
    await this.running;
    await this.tick();
  }

  /** Ticks every `intervalMillis`, each tick after the last one ended, until stopped. */
  start(intervalMillis: number): void {
    const next = (): void => {
      if (this.stopped) return;
      this.timer = setTimeout(() => {
        void this.tick().finally(next);
      }, intervalMillis);
    };
    next();
  }

  /** Stops the ticks and waits for one in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private async runAll(): Promise<void> {
    const now = this.deps.now();
    for (const job of this.jobs) {
      try {
        await job.run(now);
      } catch (error) {
        this.deps.onError(job.name, error);
      }
    }
  }
}
