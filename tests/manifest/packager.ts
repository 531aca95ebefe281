import { spawn } from 'node:child_process';
import { once } from 'node:events';

/** What a run of the packaging script left behind. */
export interface PackagerRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `scripts/package-teams.ts` as its own process, through tsx, with extra env and arguments. */
export async function runPackager(env: Record<string, string>, args: string[] = []): Promise<PackagerRun> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/package-teams.ts', ...args], {
    // HOST pinned to loopback: a developer's HOST=0.0.0.0 without an app id would fail the config check first
    env: { ...process.env, HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const [code] = (await once(child, 'close')) as [number | null];
  return { code, stdout, stderr };
}
