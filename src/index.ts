import { loadConfig } from './config.js';
import { KlikbotError } from './errors.js';
import { startKlikbot } from './main.js';

// The process entry: start, or explain in plain words why not and exit non-zero.
try {
  await startKlikbot(loadConfig());
} catch (error) {
  if (error instanceof KlikbotError) {
    process.stderr.write(`klikbot cannot start [${error.code}]\n${error.message}\n`);
  } else {
    process.stderr.write(`klikbot cannot start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
}
