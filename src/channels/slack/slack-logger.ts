import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../logger.js';

/** Bolt's logger interface over klikbot's pino logger: one log, one format. */
export function boltLogger(logger: Logger): BoltLogger {
  const child = logger.child({ channel: 'slack' });
  let level: LogLevel = LogLevel.INFO;
  const line = (args: unknown[]) =>
    args
      .map((arg) => (arg instanceof Error ? arg.message : typeof arg === 'string' ? arg : JSON.stringify(arg)))
      .join(' ');
  return {
    debug: (...args) => child.debug(line(args)),
    info: (...args) => child.info(line(args)),
    warn: (...args) => child.warn(line(args)),
    error: (...args) => child.error({ err: args.find((arg) => arg instanceof Error) }, line(args)),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
