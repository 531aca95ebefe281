import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';

/** One JSON line of the bot's log (pino): the message and whatever fields came with it. */
export type LogLine = { msg?: string } & Record<string, unknown>;

/** The real entry point (src/index.ts) started as its own process, through tsx. */
export interface ChildBot {
  process: ChildProcessWithoutNullStreams;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
  /** The JSON lines logged so far, in order. */
  logLines: () => LogLine[];
  /**
   * Resolves with the first log line, already written or still to come, that matches; rejects
   * as soon as the process exits without writing one, or after `timeoutMs`, saying what it waited for.
   */
  waitForLog(what: string, match: (line: LogLine) => boolean, timeoutMs?: number): Promise<LogLine>;
}

/** How long a start may take on a busy two-core machine; a process that exits fails at once. */
const START_TIMEOUT_MS = 60_000;

/** How a bot process is started: by default `node --import tsx src/index.ts` in this checkout. */
export interface StartCommand {
  command: string;
  args: string[];
  cwd?: string;
}

const FROM_SOURCE: StartCommand = { command: process.execPath, args: ['--import', 'tsx', 'src/index.ts'] };

/**
 * The compiled entry started as `npm start` starts it: node with the start script's flags (read
 * from package.json, so a bench measures what runs), after any `nodeArgs` of the caller's.
 */
export function compiledStart(nodeArgs: string[] = []): StartCommand {
  const { scripts } = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { start: string } };
  const flags = scripts.start.split(/\s+/).filter((part) => part.startsWith('--'));
  return { command: process.execPath, args: [...nodeArgs, ...flags, 'dist/src/index.js'] };
}

/** Starts klikbot (from source unless `start` says otherwise) with extra env, collecting its output. */
export function spawnBot(env: Record<string, string>, start: StartCommand = FROM_SOURCE): ChildBot {
  const child = spawn(start.command, start.args, {
    cwd: start.cwd,
    // loopback unless a test says otherwise, whatever the machine's own HOST is
    env: { ...process.env, LOG_LEVEL: 'info', PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const lines: LogLine[] = [];
  // each waiter sees every complete line as it arrives; it returns true once it is done
  const waiters = new Set<(line: LogLine) => boolean>();
  let pending = '';
  child.stdout.on('data', (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    out += text;
    const complete = (pending + text).split('\n');
    pending = complete.pop() ?? '';
    for (const raw of complete) {
      let line: LogLine;
      try {
        line = JSON.parse(raw) as LogLine;
      } catch {
        continue; // not a log line (a warning printed by a dependency)
      }
      lines.push(line);
      for (const waiter of waiters) if (waiter(line)) waiters.delete(waiter);
    }
  });
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  // 'close' rather than 'exit': by then stdout and stderr have been read to the end
  const exited = once(child, 'close').then(([code]) => code as number | null);

  const waitForLog = (
    what: string,
    match: (line: LogLine) => boolean,
    timeoutMs = START_TIMEOUT_MS,
  ): Promise<LogLine> => {
    const seen = lines.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise<LogLine>((resolve, reject) => {
      const waiter = (line: LogLine): boolean => {
        if (!match(line)) return false;
        clearTimeout(timer);
        resolve(line);
        return true;
      };
      const fail = (why: string): void => {
        waiters.delete(waiter);
        clearTimeout(timer);
        reject(
          new Error(
            `waited for the bot to log ${what}, but ${why}\nstderr:\n${err}\nlast log lines:\n${out.split('\n').slice(-5).join('\n')}`,
          ),
        );
      };
      const timer = setTimeout(() => fail(`it did not within ${timeoutMs} ms`), timeoutMs);
      waiters.add(waiter);
      void exited.then(() => waiters.has(waiter) && fail(`it exited (${child.exitCode ?? child.signalCode})`));
    });
  };
  return { process: child, stdout: () => out, stderr: () => err, exited, logLines: () => [...lines], waitForLog };
}

/** Waits for the "klikbot listening" log line and returns the URL it names. */
export async function waitForListening(bot: ChildBot, timeoutMs = START_TIMEOUT_MS): Promise<string> {
  const line = await bot.waitForLog('"klikbot listening"', (entry) => entry.msg === 'klikbot listening', timeoutMs);
  return line.url as string;
}

/** Kills (SIGKILL) every bot still running and waits for each to be gone: a test's last clean-up. */
export async function killRunning(bots: readonly ChildBot[]): Promise<void> {
  for (const bot of bots) {
    if (bot.process.exitCode === null && bot.process.signalCode === null) {
      bot.process.kill('SIGKILL');
      await bot.exited;
    }
  }
}
