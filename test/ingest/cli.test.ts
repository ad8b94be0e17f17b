/** The contract's commands as a user runs them (../shared/CONTRACT.md section 3). */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CORPUS = join(ROOT, 'test', 'fixtures', 'corpus');
const tmp = mkdtempSync(join(tmpdir(), 'newsgraph-cli-'));
const db = join(tmp, 'kb.db');

/** tsx's loader by absolute path: the commands run in a temporary folder, where "tsx" would not resolve. */
const TSX = pathToFileURL(join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;

/** Runs the CLI from source; NEWSGRAPH_PG_URL is removed so the default store is SQLite. */
function newsgraph(...args: string[]) {
  const env = { ...process.env };
  delete env.NEWSGRAPH_PG_URL;
  const r = spawnSync(process.execPath, ['--import', TSX, join(ROOT, 'src', 'cli', 'main.ts'), ...args], { cwd: tmp, env, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('newsgraph ingest and stats', () => {
  it('ingests, prints a summary, and gives identical stats when run twice', () => {
    const first = newsgraph('ingest', CORPUS, '--db', db);
    expect(first.status).toBe(0);
    expect(first.stderr).toMatch(/^ingest: 8 added, 0 skipped as duplicates, 0 failed in [\d.]+ s/m);
    const stats1 = newsgraph('stats', '--db', db, '--format', 'json');
    expect(stats1.status).toBe(0);
    const counts = JSON.parse(stats1.stdout) as Record<string, number>;
    for (const key of ['articles', 'entities', 'mentions', 'quotes', 'events', 'stories']) expect(typeof counts[key]).toBe('number');
    expect(counts).toMatchObject({ articles: 8, stories: 6 });

    const second = newsgraph('ingest', CORPUS, '--db', db, '--format', 'json');
    expect(second.status).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({ added: 0, duplicates: 8, failed: 0, store: 'sqlite' });
    expect(JSON.parse(newsgraph('stats', '--db', db, '--format', 'json').stdout)).toEqual(counts);

    const table = newsgraph('stats', '--db', db);
    expect(table.stdout).toMatch(/articles\s+8/);
  }, 60_000);

  it('says in one line what to start when PostgreSQL is not there', () => {
    const r = newsgraph('stats', '--pg', 'postgres://postgres@127.0.0.1:1/newsgraph', '--format', 'json');
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('newsgraph: cannot reach PostgreSQL at 127.0.0.1:1: is it running?\n');
  }, 30_000);

  it('exits 1 when no input could be read at all', () => {
    const r = newsgraph('ingest', join(tmp, 'nothing-here'), '--db', db);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('nothing-here: no such file or folder');
  }, 30_000);
});
