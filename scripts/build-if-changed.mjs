// Compiles klikbot before `npm start`, but only when what the compiled code is made from changed:
// a start on an unchanged tree goes straight to node. Plain JavaScript, so that deciding costs
// no compiler start-up of its own. `--force` (npm run build) compiles whatever the stamp says.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const SOURCE_DIRS = ['src', 'dialogs'];
// the compiler's settings and its version (through the lock file) change the output too
const SETTINGS = ['tsconfig.json', 'tsconfig.build.json', 'package-lock.json'];
const STAMP = path.join(root, 'dist', '.build-stamp');
const ENTRY = path.join(root, 'dist', 'src', 'index.js');
// held while compiling, so that two starts at once do not write dist/ over each other
const LOCK = path.join(root, 'dist', '.build-lock');
const LOCK_STALE_MS = 5 * 60_000;
const force = process.argv.includes('--force');

/** Every TypeScript file under `dir` (and the JSON it imports), relative to the project root, in a stable order. */
function sourcesUnder(dir) {
  const found = [];
  for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...sourcesUnder(relative));
    else if (entry.name.endsWith('.ts') || entry.name.endsWith('.json')) found.push(relative);
  }
  return found.sort();
}

/** One hash over the names and contents of everything the build reads. */
function inputsHash() {
  const hash = createHash('sha256');
  const files = [...SOURCE_DIRS.flatMap(sourcesUnder), ...SETTINGS.filter((name) => existsSync(path.join(root, name)))];
  for (const file of files) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(path.join(root, file)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

function stampedHash() {
  try {
    return readFileSync(STAMP, 'utf8').trim();
  } catch {
    return undefined;
  }
}

/** Takes the build lock, waiting while another start compiles; a lock left by a killed build is taken over. */
function lock() {
  mkdirSync(path.dirname(LOCK), { recursive: true });
  let said = false;
  for (;;) {
    try {
      mkdirSync(LOCK);
      return;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
    }
    let age;
    try {
      age = Date.now() - statSync(LOCK).mtimeMs;
    } catch {
      continue; // released between the two calls
    }
    if (age > LOCK_STALE_MS) rmSync(LOCK, { recursive: true, force: true });
    if (!said) process.stderr.write('klikbot: another start is compiling; waiting for it…\n');
    said = true;
    // a synchronous pause: this script has nothing else to do until the other build ends
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
  }
}

function unlock() {
  rmSync(LOCK, { recursive: true, force: true });
}

/** Compiles to dist/ and stamps it; exits non-zero, saying why, when the compiler fails. */
function compile(current) {
  const why = existsSync(ENTRY) ? 'the code changed since the last build' : 'nothing was compiled here yet';
  process.stderr.write(`klikbot: compiling TypeScript to dist/ (${why}; this takes a few seconds)…\n`);
  const started = Date.now();
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
  if (result.error || result.signal) {
    process.stderr.write(`klikbot: the compiler did not run to its end (${result.error?.message ?? result.signal}).\n`);
    return 1;
  }
  if (result.status !== 0) {
    process.stderr.write('klikbot: the TypeScript did not compile; see the errors above. Nothing was started.\n');
    return result.status ?? 1;
  }
  writeFileSync(STAMP, `${current}\n`);
  process.stderr.write(`klikbot: compiled in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);
  return 0;
}

const upToDate = (current) => !force && current === stampedHash() && existsSync(ENTRY);
if (upToDate(inputsHash())) process.exit(0);
lock();
let code = 0;
try {
  // another start may have compiled the same tree while this one waited
  const current = inputsHash();
  if (!upToDate(current)) code = compile(current);
} finally {
  unlock();
}
process.exit(code);
