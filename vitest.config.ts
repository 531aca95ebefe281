import { defineConfig } from 'vitest/config';

/**
 * Tests that start processes, servers or a browser, or run for seconds on the clock: end to
 * end over HTTP, the crash and load tests, the packaging script. `npm run test:fast` leaves them out.
 */
const SLOW = ['tests/e2e/**/*.test.ts', 'tests/state/crash.test.ts', 'tests/manifest/teams-package.test.ts'];

// Measured on the two-core machine the tests run on (same command, each variant timed):
// - vitest's default of one worker on two cores left a core idle; two workers were faster.
// - Loading a fresh module graph per file (botbuilder, Bolt, restify for nearly every file)
//   was most of the time: without isolation the fast tests took 35 s instead of 115 s, the slow
//   ones 180 s instead of 310 s. No test mocks modules or changes globals for good (fake timers
//   are put back after each test), and every test passed with its files in shuffled order.
// - Threads and forks were as fast as each other; forks, vitest's default, are kept.
const shared = { pool: 'forks', isolate: false, maxWorkers: 2 } as const;

export default defineConfig({
  test: {
    // one throwaway PostgreSQL server for the run (tests/support/postgres.ts)
    globalSetup: ['tests/support/postgres-global.ts'],
    projects: [
      {
        test: {
          ...shared,
          name: 'fast',
          include: ['tests/**/*.test.ts'],
          exclude: SLOW,
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          ...shared,
          name: 'slow',
          include: SLOW,
          // A started process takes 3-15 s to listen on a loaded two-core machine (measured), and a
          // test may start three; each wait inside has its own deadline that fails with what it waited for.
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // after the fast tests, so that a failure there shows first and they do not compete for the cores
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
