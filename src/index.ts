import v8 from 'node:v8';
import { loadConfig } from './config.js';
import { KlikbotError } from './errors.js';
import { startKlikbot } from './main.js';

/** How long a clean stop may take: less than the 30 s a container platform waits before it kills. */
const STOP_WITHIN_MS = 20_000;

// V8 lets the heap grow to about four times what is alive before it collects the old objects, so
// a busy bot's garbage took it past 400 MB while under 100 MB was alive; a quarter above keeps it
// near the live size, at a cost in collection time that bench/echo-ratio.ts does not tell from noise.
v8.setFlagsFromString('--heap-growing-percent=25');

// The process entry: start, or explain in plain words why not and exit non-zero.
try {
  const bot = await startKlikbot(loadConfig());
  // a stop asked for (a deploy, Ctrl-C) lets the reminders' tick end and the last card rewrites go out
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      // a connector that does not answer must not hold the stop past what a deploy waits for
      setTimeout(() => {
        process.stderr.write(`klikbot did not stop within ${STOP_WITHIN_MS / 1000} s; stopping now\n`);
        process.exit(1);
      }, STOP_WITHIN_MS).unref();
      bot.close().then(
        () => process.exit(0),
        (error: unknown) => {
          process.stderr.write(
            `klikbot did not stop cleanly: ${error instanceof Error ? error.message : String(error)}\n`,
          );
          process.exit(1);
        },
      );
    });
  }
} catch (error) {
  if (error instanceof KlikbotError) {
    process.stderr.write(`klikbot cannot start [${error.code}]\n${error.message}\n`);
  } else {
    process.stderr.write(
      `klikbot cannot start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  }
  process.exit(1);
}
