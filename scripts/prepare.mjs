#!/usr/bin/env node
/**
 * npm's `prepare`: the build (`npm run build`, then `npm run build:web`), skipped when the sources
 * are those the last build was made from and its outputs are there.
 *
 * Why a skip: npm 11 runs `prepare` on every first `npx newsgraph …` inside the project (it
 * installs the project into its npx cache before running the bin). A full build there took about
 * 30 s, and a first call cut short left npx's cache without its package.json, so that every call
 * after it failed. Plain JavaScript: it runs before anything is compiled.
 */
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** What the two builds read (tsc: src, scripts, test; pack-data: data and the locked packages; vite: web). */
const INPUTS = ['src', 'scripts', 'test', 'data', 'web', 'tsconfig.json', 'package.json', 'package-lock.json'];
const SKIP = new Set(['node_modules', 'dist']);
/** What they make, all of which must be there for a skip. */
const OUTPUTS = ['dist/src/pipeline.js', 'dist/scripts/pack-data.js', 'build/gazetteer.json', 'build/towns.json', 'web/dist/index.html'];
const STAMP = join(root, 'build', 'prepared.json');

function files(path) {
  const full = join(root, path);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [path];
  return readdirSync(full).filter((name) => !SKIP.has(name)).sort().flatMap((name) => files(join(path, name)));
}

function sourcesHash() {
  const hash = createHash('sha256');
  for (const file of INPUTS.flatMap(files)) hash.update(`${relative(root, join(root, file))}\0`).update(readFileSync(join(root, file))).update('\0');
  return hash.digest('hex');
}

const hash = sourcesHash();
const stamp = existsSync(STAMP) ? JSON.parse(readFileSync(STAMP, 'utf8')).sources : undefined;
if (stamp === hash && OUTPUTS.every((out) => existsSync(join(root, out)))) {
  console.log('prepare: the build is current (sources unchanged since it was made)');
  process.exit(0);
}
for (const script of ['build', 'build:web']) {
  const run = spawnSync('npm', ['run', script], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
mkdirSync(dirname(STAMP), { recursive: true });
writeFileSync(STAMP, `${JSON.stringify({ sources: hash })}\n`);
