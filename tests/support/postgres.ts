/**
 * A throwaway PostgreSQL server for the tests: Debian's binaries, a cluster in a temporary
 * folder, listening on loopback on a free port, stopped and removed when the process ends.
 * One server per test process; each test asks for its own database. Without PostgreSQL the
 * tests that need it are skipped and say so, unless KLIKBOT_REQUIRE_POSTGRES=1 (CI), where
 * its absence is a failure.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, chmodSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

const ROOT = '/usr/lib/postgresql';

function binaries(): string | undefined {
  if (!existsSync(ROOT)) return undefined;
  const versions = readdirSync(ROOT)
    .filter((name) => existsSync(path.join(ROOT, name, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : path.join(ROOT, versions[0], 'bin');
}

const bin = binaries();
/** Whether the PostgreSQL tests run here. */
export const hasPostgres = bin !== undefined;
if (!hasPostgres && process.env.KLIKBOT_REQUIRE_POSTGRES === '1')
  throw new Error(`KLIKBOT_REQUIRE_POSTGRES=1 but there is no PostgreSQL under ${ROOT}`);
if (!hasPostgres) console.info(`PostgreSQL tests skipped: no PostgreSQL under ${ROOT} (apt-get install postgresql)`);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

// initdb refuses to run as root: the cluster then belongs to the postgres user
const asRoot = process.getuid?.() === 0;
function run(command: string, args: string[]): void {
  const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  const result = spawnSync(file, argv, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr || result.stdout}`);
}

/** A running throwaway server: where it listens, and how to stop and remove it. */
export interface TestServer {
  url: string;
  stop: () => void;
}

/** Starts a throwaway server (the tests' global setup starts one for the whole run). */
export async function startTestServer(): Promise<TestServer> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'klikbot-pg-'));
  if (asRoot) {
    chmodSync(dir, 0o777);
    execFileSync('chown', ['postgres', dir]);
  }
  const data = path.join(dir, 'data');
  run(path.join(bin!, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'klikbot', '--no-sync', '-E', 'UTF8']);
  const port = await freePort();
  // tests need no durability across a power cut; a bench measuring writes asks for it (KLIKBOT_PG_FSYNC=on)
  const fsync = process.env.KLIKBOT_PG_FSYNC === 'on' ? 'on' : 'off';
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=${fsync} -c max_connections=200`;
  run(path.join(bin!, 'pg_ctl'), ['-D', data, '-o', options, '-l', path.join(dir, 'log'), '-w', 'start']);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    spawnSync(asRoot ? 'runuser' : path.join(bin!, 'pg_ctl'), [
      ...(asRoot ? ['-u', 'postgres', '--', path.join(bin!, 'pg_ctl')] : []),
      '-D',
      data,
      '-m',
      'immediate',
      'stop',
    ]);
    rmSync(dir, { recursive: true, force: true });
  };
  return { url: `postgres://klikbot@127.0.0.1:${port}`, stop };
}

// the run's server, from the global setup; a process on its own (a bench) starts its own
let started: Promise<string> | undefined = process.env.KLIKBOT_TEST_PG_URL
  ? Promise.resolve(process.env.KLIKBOT_TEST_PG_URL)
  : undefined;

async function ownServer(): Promise<string> {
  const server = await startTestServer();
  process.once('exit', server.stop);
  return server.url;
}

let counter = 0;

/** A new, empty database on the test server; its URL. */
export async function freshDatabase(): Promise<string> {
  started ??= ownServer();
  const server = await started;
  const name = `klikbot_${process.pid}_${++counter}`;
  const admin = new pg.Client({ connectionString: `${server}/postgres` });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return `${server}/${name}`;
}
