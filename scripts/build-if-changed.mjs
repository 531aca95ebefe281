// Compiles klikbot before `npm start`, but only when what the compiled code is made from changed:
// a start on an unchanged tree goes straight to node. Plain JavaScript, so that deciding costs
// no compiler start-up of its own.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const SOURCE_DIRS = ['src', 'dialogs'];
// the compiler's settings and its version (through the lock file) change the output too
const SETTINGS = ['tsconfig.json', 'tsconfig.build.json', 'package-lock.json'];
const STAMP = path.join(root, 'dist', '.build-stamp');
const ENTRY = path.join(root, 'dist', 'src', 'index.js');

/** Every TypeScript file under `dir`, relative to the project root, in a stable order. */
function sourcesUnder(dir) {
  const found = [];
  for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...sourcesUnder(relative));
    else if (entry.name.endsWith('.ts')) found.push(relative);
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

const current = inputsHash();
const stamped = stampedHash();
if (current === stamped && existsSync(ENTRY)) process.exit(0);

const why =
  stamped === undefined ? 'the first start here compiles everything' : 'the code changed since the last build';
process.stderr.write(`klikbot: compiling TypeScript to dist/ (${why}; this takes a few seconds)…\n`);
const started = Date.now();
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const result = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
if (result.status !== 0) {
  process.stderr.write('klikbot: the TypeScript did not compile; see the errors above. Nothing was started.\n');
  process.exit(result.status ?? 1);
}
writeFileSync(STAMP, `${current}\n`);
process.stderr.write(`klikbot: compiled in ${((Date.now() - started) / 1000).toFixed(1)} s; starting.\n`);
