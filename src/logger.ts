import { pino, type Logger } from 'pino';
import type { Config } from './config.js';

export type { Logger };

/**
 * JSON-lines logger on stdout; one per process, passed down from the composition root. Written
 * synchronously: with pino's default buffered writes, the exit after a stop could flush the last
 * lines ahead of a write still in flight, so "klikbot stopped" came before "klikbot stopping".
 */
export function createLogger(level: Config['logLevel']): Logger {
  return pino({ name: 'klikbot', level }, pino.destination({ dest: 1, sync: true }));
}
