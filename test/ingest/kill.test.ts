/**
 * An ingest killed with SIGKILL at several points, then run again, loses nothing and doubles
 * nothing: its store ends exactly as one uninterrupted run leaves it (each article is one
 * transaction, and stored articles are skipped before analysis).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(ROOT, 'bin', 'newsgraph.js');
const tmp = mkdtempSync(join(tmpdir(), 'newsgraph-kill-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The built CLI, with SQLite as the default store whatever the environment says. */
const env = () => {
  const e = { ...process.env };
  delete e.NEWSGRAPH_PG_URL;
  return e;
};
const stats = (db: string) => JSON.parse(spawnSync(process.execPath, [CLI, 'stats', '--db', db, '--format', 'json'], { env: env(), encoding: 'utf8' }).stdout) as Record<string, number>;

const ARTICLES = 400;

/** ARTICLES distinct articles built from the test articles, in JSON lines. */
function corpus(): string {
  const dir = join(ROOT, 'test', 'fixtures', 'articles');
  const bodies = readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8').replace(/^\s*date \S+\s*/, ''));
  const lines: string[] = [];
  for (let n = 0; n < ARTICLES; n++) {
    lines.push(JSON.stringify({ id: `kill-${n}`, date: `2025-0${1 + (n % 9)}-1${n % 10}`, text: `Report ${n}. ${bodies[n % bodies.length]}` }));
  }
  const file = join(tmp, 'articles.jsonl');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

/** Start an ingest and SIGKILL it after `ms` milliseconds (or let it finish first). */
function ingestKilledAfter(file: string, db: string, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, 'ingest', file, '--db', db, '--workers', '1'], { env: env(), stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

describe('ingest killed with SIGKILL', () => {
  it('run again, stores every article exactly once, as an uninterrupted run does', async () => {
    const file = corpus();
    const clean = join(tmp, 'clean.db');
    const started = Date.now();
    expect(spawnSync(process.execPath, [CLI, 'ingest', file, '--db', clean, '--workers', '1'], { env: env() }).status).toBe(0);
    const cleanMs = Date.now() - started;
    const expected = stats(clean);
    expect(expected.articles).toBe(ARTICLES);

    const killed = join(tmp, 'killed.db');
    // kill points spread over the run, as fractions of an uninterrupted run's time (start-up included)
    const stored: number[] = [];
    for (const f of [0.55, 0.35, 0.45, 0.4]) {
      await ingestKilledAfter(file, killed, Math.round(cleanMs * f));
      stored.push(stats(killed).articles!);
    }
    // the first kill came mid-run; each run after it went on from where the last one stopped
    expect(stored[0]).toBeGreaterThan(0);
    expect(stored[0]).toBeLessThan(ARTICLES);
    expect([...stored].sort((a, b) => a - b)).toEqual(stored);
    expect(spawnSync(process.execPath, [CLI, 'ingest', file, '--db', killed, '--workers', '1'], { env: env() }).status).toBe(0);
    expect(stats(killed)).toEqual(expected);
  }, 120_000);
});
