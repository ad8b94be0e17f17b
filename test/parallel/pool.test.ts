/**
 * All cores of one machine: the ordered map (reorder buffer, back-pressure), the worker-thread
 * pool (run here from source: the threads load the TypeScript through tsx), `analyze --jsonl
 * --workers` in the built CLI, and `ingest` with a pool against `ingest` without one.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, type Run } from '../support/cli.js';
import { analyze } from '../../src/pipeline.js';
import { orderedMap } from '../../src/parallel/ordered.js';
import { AnalysisPool } from '../../src/parallel/pool.js';
import { GDELT_COLUMNS, processJsonlLine } from '../../src/parallel/jsonl-line.js';
import { withTestHooks } from '../../src/parallel/hooks.js';
import type { JsonlLineOptions } from '../../src/parallel/protocol.js';
import type { ArticleInput } from '../../src/doc/types.js';
import { ingestPaths } from '../../src/ingest/ingest.js';
import { BACKENDS, CORPUS } from '../store/backends.js';
import { FAIL_IDS, generatedLines } from './records.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'newsgraph-parallel-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('orderedMap', () => {
  it('gives results in input order however they finish, never more than the window ahead', async () => {
    let read = 0;
    let inFlight = 0;
    let maxInFlight = 0;
    function* source() {
      for (let i = 0; i < 100; i++) {
        read++;
        yield i;
      }
    }
    const out: number[] = [];
    for await (const v of orderedMap(source(), async (i) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await sleep((i * 7919) % 13);
      inFlight--;
      return i * 2;
    }, 5)) {
      // back-pressure: the reader is at most the window ahead of what the consumer has taken
      expect(read - out.length).toBeLessThanOrEqual(5);
      out.push(v);
      if (v % 20 === 0) await sleep(5); // a slow consumer (a pipe, a database)
    }
    expect(out).toEqual(Array.from({ length: 100 }, (_, i) => i * 2));
    expect(maxInFlight).toBeLessThanOrEqual(5);
  });

  it('hands on what came before an error, then throws it once what is in flight has settled', async () => {
    const seen: number[] = [];
    let settled = 0;
    let stopped = 0;
    const run = async () => {
      for await (const v of orderedMap([0, 1, 2, 3, 4, 5, 6, 7], async (i) => {
        await sleep(i === 3 ? 20 : 1);
        settled++;
        if (i === 3) throw new Error('boom');
        return i;
      }, { window: 4, onStop: () => stopped++ })) seen.push(v);
    };
    await expect(run()).rejects.toThrow('boom');
    expect(seen).toEqual([0, 1, 2]);
    expect(stopped).toBe(1);
    // the three started after item 3 finished before the error came out
    expect(settled).toBe(7);
  });

  it('stops reading when the consumer breaks off', async () => {
    let read = 0;
    let closed = false;
    async function* source() {
      try {
        for (let i = 0; i < 1000; i++) {
          read++;
          yield i;
        }
      } finally {
        closed = true;
      }
    }
    for await (const v of orderedMap(source(), async (i) => i, 8)) if (v === 10) break;
    expect(closed).toBe(true);
    expect(read).toBeLessThanOrEqual(11 + 8);
  });
});

describe('the analysis pool', () => {
  it('starts threads only as the work needs them', async () => {
    const pool = new AnalysisPool(4);
    try {
      const r = await pool.analyze({ id: 'one', date: null, text: 'Olaf Scholz spoke in Berlin.' });
      expect(r.ok).toBe(true);
      expect(pool.started).toBe(1);
    } finally {
      await pool.close();
    }
  });

  const lines = generatedLines(200);
  const opts: JsonlLineOptions = { format: 'jsonl', pretty: false };
  let expected: { ok: boolean; out: string }[];
  let previousFailIds: string | undefined;
  let previousCrashIds: string | undefined;
  const CRASH_ID = 'g-58';

  beforeAll(() => {
    // the threads inherit the environment they start with: the hook makes these ids fail
    previousFailIds = process.env.NEWSGRAPH_TEST_FAIL_IDS;
    previousCrashIds = process.env.NEWSGRAPH_TEST_CRASH_IDS;
    process.env.NEWSGRAPH_TEST_FAIL_IDS = FAIL_IDS.join(',');
    // and this one makes its thread exit: it fails (twice, alone the second time); the others on that thread do not
    process.env.NEWSGRAPH_TEST_CRASH_IDS = CRASH_ID;
    const hooked = withTestHooks(analyze, { failIds: new Set(FAIL_IDS), slowMs: 0 });
    const here = (input: ArticleInput) => {
      if (input.id === CRASH_ID) throw new Error('an analysis worker thread exited (code 70)');
      return hooked(input);
    };
    expected = lines.map((line, i) => ({ line, lineNo: i + 1 })).filter((r) => r.line.trim()).map((r) => processJsonlLine(here, r.line, r.lineNo, opts));
  });
  afterAll(() => {
    if (previousFailIds === undefined) delete process.env.NEWSGRAPH_TEST_FAIL_IDS;
    else process.env.NEWSGRAPH_TEST_FAIL_IDS = previousFailIds;
    if (previousCrashIds === undefined) delete process.env.NEWSGRAPH_TEST_CRASH_IDS;
    else process.env.NEWSGRAPH_TEST_CRASH_IDS = previousCrashIds;
  });

  for (const workers of [2, 4]) {
    it(`with ${workers} threads: every line's output in input order, errors in place, as in one thread`, async () => {
      const pool = new AnalysisPool(workers);
      try {
        const records = lines.map((line, i) => ({ line, lineNo: i + 1 })).filter((r) => r.line.trim());
        const got: { ok: boolean; out: string }[] = [];
        for await (const r of orderedMap(records, (r) => pool.jsonlLine(r.line, r.lineNo, opts), workers * 8)) got.push(r);
        expect(got).toEqual(expected);
        const errors = got.filter((r) => !r.ok).map((r) => JSON.parse(r.out) as { id: string | null; error: string; line: number });
        // malformed, blank text, bad date, binary, and the three the hook fails
        expect(errors.length).toBeGreaterThanOrEqual(3 + 4);
        expect(errors.find((x) => x.id === CRASH_ID)).toEqual({ id: CRASH_ID, error: 'internal error: an analysis worker thread exited (code 70)', line: 59 });
        for (const id of FAIL_IDS) {
          const e = errors.find((x) => x.id === id);
          expect(e?.error).toMatch(/^internal error: analysis failed on purpose/);
          expect(e?.line).toBe(Number(id.slice(2)) + 1);
        }
        const ids = got.filter((r) => r.ok).map((r) => (JSON.parse(r.out) as { id: string }).id);
        expect(ids).toEqual([...ids].sort((a, b) => Number(a.slice(2)) - Number(b.slice(2))));
        expect(pool.pending).toBe(0);
        expect(pool.started).toBe(workers);
        if (workers === 2) {
          // ingest's kind of task on the same pool: an article whose analysis throws comes back as a failed result
          const [good, bad] = await Promise.all([
            pool.analyze({ id: 'fine', date: '2025-09-02', text: 'Xi Jinping met Vladimir Putin in Beijing.' }),
            pool.analyze({ id: FAIL_IDS[0]!, date: null, text: 'Anything at all.' }),
          ]);
          expect(good.ok && good.analysis.entities.map((e) => e.name)).toEqual(expect.arrayContaining(['Xi Jinping', 'Vladimir Putin']));
          expect(bad).toEqual({ ok: false, message: expect.stringMatching(/failed on purpose/) });
        }
      } finally {
        await pool.close();
      }
      await expect(pool.analyze({ date: null, text: 'x' })).rejects.toThrow(/closed/);
    });
  }
});


const newsgraph = (args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> => runCli(args, { env });

describe('newsgraph analyze --jsonl --workers (the built CLI)', () => {
  beforeAll(() => {
    if (!existsSync(join(ROOT, 'dist', 'src', 'parallel', 'analysis-worker.js'))) {
      throw new Error('dist/ is missing or old: run `npm test` (which compiles first) or `npm run build`');
    }
  });

  it('writes the same bytes with 3 threads as with 1, errors in place, the failure count on stderr', async () => {
    const file = join(tmp, 'records.jsonl');
    writeFileSync(file, `${generatedLines(200).join('\n')}\n`);
    const env = { NEWSGRAPH_TEST_FAIL_IDS: FAIL_IDS.join(',') };
    const [one, three] = await Promise.all([
      newsgraph(['analyze', '--jsonl', file, '--workers', '1'], env),
      newsgraph(['analyze', '--jsonl', file, '--workers', '3'], env),
    ]);
    expect(one.code).toBe(0);
    expect(three.code).toBe(0);
    expect(three.stdout).toBe(one.stdout);
    expect(three.stderr).toBe(one.stderr);
    expect(one.stderr).toMatch(/^newsgraph: \d+ of 19\d records failed/);
    const out = three.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { id: string | null; error?: string; line?: number });
    const lines = generatedLines(200);
    expect(out).toHaveLength(lines.filter((l) => l.trim()).length);
    expect(out.find((r) => r.id === FAIL_IDS[1])).toMatchObject({ error: expect.stringMatching(/^internal error: /) });
  });

  it('--format gdelt writes the header once, before the first record that succeeded', async () => {
    const file = join(tmp, 'gdelt.jsonl');
    const lines = ['not json', ...generatedLines(12).slice(1)];
    writeFileSync(file, lines.join('\n'));
    const r = await newsgraph(['analyze', '--jsonl', file, '--format', 'gdelt', '--workers', '2']);
    expect(r.code).toBe(0);
    const gdelt: JsonlLineOptions = { format: 'gdelt', pretty: false };
    const results = lines.map((line, i) => processJsonlLine(analyze, line, i + 1, gdelt)).filter((x, i) => lines[i]!.trim() && x);
    const firstOk = results.findIndex((x) => x.ok);
    const expected = results.map((x, i) => (i === firstOk ? `${GDELT_COLUMNS.join('\t')}\n${x.out}` : x.out)).join('');
    expect(r.stdout).toBe(expected);
    expect(r.stdout.match(/^GLOBALEVENTID\t/gm)).toHaveLength(1);
  });

  it('refuses --workers 0 in one line', async () => {
    const r = await newsgraph(['analyze', '--jsonl', '-', '--workers', '0']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('newsgraph: --workers must be a positive whole number, not "0"\n');
  });
});

describe('ingest with a pool', () => {
  let inputs: string[];
  beforeAll(() => {
    // the corpus, generated records (bad ones too), and the same records again: duplicates in one run
    const dir = join(tmp, 'ingest');
    mkdirSync(dir, { recursive: true });
    const lines = generatedLines(60);
    writeFileSync(join(dir, 'a.jsonl'), `${lines.join('\n')}\n`);
    writeFileSync(join(dir, 'b.jsonl'), `${lines.slice(20, 40).join('\n')}\n`);
    inputs = [CORPUS, dir, join(dir, 'a.jsonl')];
  });

  for (const backend of BACKENDS) {
    it.skipIf(backend.skip)(`gives the same report and the same stats with 2 threads as with none, on ${backend.name}`, async () => {
      const plain = await backend.create();
      const pooled = await backend.create();
      const pool = new AnalysisPool(2);
      try {
        const a = await ingestPaths(plain.store, inputs, { analyze });
        const b = await ingestPaths(pooled.store, inputs, { analyze, pool });
        const strip = ({ seconds: _s, ...rest }: typeof a) => rest;
        expect(strip(b)).toEqual(strip(a));
        expect(a.added).toBeGreaterThan(50);
        expect(a.duplicates).toBeGreaterThan(50);
        expect(a.failed).toBeGreaterThan(5);
        expect(await pooled.store.stats()).toEqual(await plain.store.stats());
        // a limit stops at the same article
        const limitedA = await backend.create();
        const limitedB = await backend.create();
        try {
          const la = await ingestPaths(limitedA.store, inputs, { analyze, limit: 17 });
          const lb = await ingestPaths(limitedB.store, inputs, { analyze, pool, limit: 17, window: 5 });
          expect(strip(lb)).toEqual(strip(la));
          expect(await limitedB.store.stats()).toEqual(await limitedA.store.stats());
        } finally {
          await limitedA.dispose();
          await limitedB.dispose();
        }
      } finally {
        await pool.close();
        await plain.dispose();
        await pooled.dispose();
      }
    });
  }
});

