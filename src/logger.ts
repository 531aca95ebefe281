import { pino, type Logger } from 'pino';
import type { Config } from './config.js';

export type { Logger };

/** JSON-lines logger on stdout; one per process, passed down from the composition root. */
export function createLogger(level: Config['logLevel']): Logger {
  return pino({ name: 'klikbot', level });
}
