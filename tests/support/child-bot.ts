import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';

/** The real entry point (src/index.ts) started as its own process, through tsx. */
export interface ChildBot {
  process: ChildProcessWithoutNullStreams;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

/** Starts `node --import tsx src/index.ts` with extra env, collecting its output. */
export function spawnBot(env: Record<string, string>): ChildBot {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
    // loopback unless a test says otherwise, whatever the machine's own HOST is
    env: { ...process.env, LOG_LEVEL: 'info', PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  return { process: child, stdout: () => out, stderr: () => err, exited };
}

/** Waits for the "klikbot listening" log line and returns the URL it names. */
export async function waitForListening(bot: ChildBot, timeoutMs = 20_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const line of bot.stdout().split('\n')) {
      if (!line.includes('klikbot listening')) continue;
      return (JSON.parse(line) as { url: string }).url;
    }
    if (bot.process.exitCode !== null) throw new Error(`bot exited ${bot.process.exitCode}: ${bot.stderr()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`bot did not start in ${timeoutMs} ms: ${bot.stderr()}`);
}
