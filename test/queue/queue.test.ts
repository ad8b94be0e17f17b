/**
 * More than one machine: the article queue on the real Redis and PostgreSQL (REDIS_URL and
 * NEWSGRAPH_PG_URL, as .ci/run sets them; skipped with a note otherwise). Each test uses its own
 * queue name (newsgraph:test-<pid>-<random>-…, obliterated afterwards) and its own PostgreSQL
 * database (created and dropped, as test/store/backends.ts does).
 *
 * enqueue → worker → the same knowledge base as `ingest`; enqueuing twice adds nothing; a job
 * whose analysis throws (the NEWSGRAPH_TEST_FAIL_IDS hook) is retried, then dead-lettered, and
 * retry-dead puts it back; a worker stopped by SIGTERM finishes its job; a worker killed mid-job
 * (SIGKILL, the job slowed by NEWSGRAPH_TEST_SLOW_MS) leaves it to the next worker, and every
 * article is stored exactly once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/pipeline.js';
import { enqueuePaths, queueStatus, retryDead } from '../../src/queue/queue.js';
import { startWorker } from '../../src/queue/worker.js';
import type { StoreStats } from '../../src/store/store.js';
import { BACKENDS, CORPUS, PG_URL, type TestStore } from '../store/backends.js';
import { corpusBaseline, expectCorpusStoredOnce, REDIS, testQueues, until } from './helpers.js';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const BIN = join(ROOT, 'bin', 'newsgraph.js');
const SKIP = !REDIS || !PG_URL;
if (SKIP) {
  console.warn(`newsgraph tests: ${!REDIS ? 'REDIS_URL' : 'NEWSGRAPH_PG_URL'} is not set, so the queue tests against Redis and PostgreSQL are skipped (.ci/run sets both)`);
}

const queues = testQueues();
const RUN = queues.run;
const queueNamed = queues.open;
const NO_HOOKS = { failIds: new Set<string>(), slowMs: 0 };
const postgres = BACKENDS.find((b) => b.name === 'PostgreSQL')!;

/** The knowledge base `ingest` makes of the corpus, in one thread: what the queue must match. */
let baseline: StoreStats;

describe.skipIf(SKIP)('the article queue (BullMQ on Redis → PostgreSQL)', () => {
  beforeAll(async () => {
    baseline = await corpusBaseline();
  });
  afterAll(() => queues.closeAll());

  it('enqueue → worker → the same knowledge base as ingest; enqueuing twice adds nothing', async () => {
    const { queue, name } = await queueNamed('basic');
    const first = await enqueuePaths(queue, [CORPUS]);
    expect(first).toMatchObject({ enqueued: 8, alreadyQueued: 0, failed: 0 });
    const second = await enqueuePaths(queue, [CORPUS]);
    expect(second).toMatchObject({ enqueued: 0, alreadyQueued: 8, failed: 0 });
    expect(await queueStatus(queue, REDIS!)).toMatchObject({ waiting: 8, active: 0, completed: 0, dead: 0 });

    const pg = await postgres.create();
    try {
      const worker = await startWorker({ store: pg.store, redisUrl: REDIS!, queueName: name, concurrency: 1, untilEmpty: true, hooks: NO_HOOKS, analyze });
      await worker.stopped;
      expect(worker.stats).toEqual({ added: 8, duplicates: 0, failedAttempts: 0, deadLettered: 0 });
      expect(await queueStatus(queue, REDIS!)).toMatchObject({ waiting: 0, active: 0, delayed: 0, completed: 8, dead: 0 });
      // one worker, one job at a time, in queue order: the very same knowledge base as ingest
      expect(await pg.store.stats()).toEqual(baseline);

      // once done, the same articles again are still no-ops in the queue
      expect(await enqueuePaths(queue, [CORPUS])).toMatchObject({ enqueued: 0, alreadyQueued: 8 });
      // and through another queue, the store skips them: nothing stored twice
      const other = await queueNamed('again');
      expect(await enqueuePaths(other.queue, [CORPUS])).toMatchObject({ enqueued: 8 });
      const again = await startWorker({ store: pg.store, redisUrl: REDIS!, queueName: other.name, concurrency: 1, untilEmpty: true, hooks: NO_HOOKS, analyze });
      await again.stopped;
      expect(again.stats).toMatchObject({ added: 0, duplicates: 8 });
      expect(await pg.store.stats()).toEqual(baseline);
    } finally {
      await pg.dispose();
    }
  });

  it('retries a job whose analysis throws, with backoff, then dead-letters it; retry-dead puts it back', async () => {
    const { queue, name } = await queueNamed('dead');
    await enqueuePaths(queue, [CORPUS], { attempts: 3, backoffMs: 100 });
    const victim = (await queue.getWaiting(0, 0))[0]!.data.input.id;
    const pg = await postgres.create();
    try {
      const logs: string[] = [];
      const worker = await startWorker({
        store: pg.store, redisUrl: REDIS!, queueName: name, concurrency: 1, untilEmpty: true, analyze,
        hooks: { failIds: new Set([victim]), slowMs: 0 }, log: (l) => logs.push(l),
      });
      await worker.stopped;
      expect(worker.stats).toEqual({ added: 7, duplicates: 0, failedAttempts: 3, deadLettered: 1 });
      expect(logs.filter((l) => l.includes('will retry'))).toHaveLength(2);
      expect(logs.filter((l) => l.includes('dead-lettered'))).toHaveLength(1);
      const status = await queueStatus(queue, REDIS!);
      expect(status).toMatchObject({ waiting: 0, delayed: 0, completed: 7, dead: 1 });
      expect(status.deadLetters).toEqual([expect.objectContaining({ articleId: victim, attempts: 3, reason: expect.stringMatching(/failed on purpose/) })]);
      expect((await pg.store.stats()).articles).toBe(7);

      expect(await retryDead(queue)).toBe(1);
      const healed = await startWorker({ store: pg.store, redisUrl: REDIS!, queueName: name, concurrency: 1, untilEmpty: true, hooks: NO_HOOKS, analyze });
      await healed.stopped;
      expect(healed.stats).toMatchObject({ added: 1, failedAttempts: 0 });
      expect(await queueStatus(queue, REDIS!)).toMatchObject({ completed: 8, dead: 0 });
      expect((await pg.store.stats()).articles).toBe(8);
    } finally {
      await pg.dispose();
    }
  });

  describe('worker processes (the built CLI)', () => {
    beforeAll(() => {
      if (!existsSync(join(ROOT, 'dist', 'src', 'queue', 'worker.js'))) throw new Error('dist/ is missing or old: run `npm test` (which compiles first) or `npm run build`');
    });

    it('SIGTERM finishes the active job; SIGKILL mid-job leaves it to the next worker; every article stored once', async () => {
      const { queue, name } = await queueNamed('kill');
      const pg: TestStore = await postgres.create();
      const pgUrl = pg.target.kind === 'postgres' ? pg.target.url : '';
      try {
        const enq = await cli(['ingest', '--queue', CORPUS, '--queue-name', name]);
        expect(enq.code).toBe(0);
        expect(enq.stderr).toMatch(/^ingest --queue: 8 enqueued, 0 already queued, 0 failed/);
        const workerArgs = ['worker', '--pg', pgUrl, '--queue-name', name, '--concurrency', '1', '--lock-duration', '3000'];
        const slow = { NEWSGRAPH_TEST_SLOW_MS: '1000' };

        // A: stopped politely while a job is active → it finishes that job, exits 0
        const a = startCli(workerArgs, slow);
        await a.waitFor(/worker: ready/);
        await until(async () => (await queueStatus(queue, REDIS!)).active === 1);
        a.child.kill('SIGTERM');
        expect(await a.exit).toBe(0);
        expect(a.stderr()).toMatch(/SIGTERM: finishing the active job/);
        const afterA = await queueStatus(queue, REDIS!);
        expect(afterA, `${a.stderr()}\n${JSON.stringify(afterA)}`).toMatchObject({ active: 0, dead: 0 });
        expect(afterA.completed).toBeGreaterThanOrEqual(1);
        expect(afterA.completed + afterA.waiting).toBe(8);

        // B: killed mid-job → its job stays active, locked, until the lock runs out
        const b = startCli(workerArgs, slow);
        await b.waitFor(/worker: ready/);
        const before = (await queueStatus(queue, REDIS!)).completed;
        await until(async () => (await queueStatus(queue, REDIS!)).active === 1);
        b.child.kill('SIGKILL');
        await b.exit;
        const afterB = await queueStatus(queue, REDIS!);
        expect(afterB.active).toBe(1);
        expect(afterB.completed).toBeLessThan(8);

        // C: takes the stalled job back and everything else, two at a time on threads
        const c = startCli([...workerArgs.filter((x) => x !== '1' && x !== '--concurrency'), '--concurrency', '2', '--until-empty']);
        expect(await c.exit).toBe(0);
        const final = await queueStatus(queue, REDIS!);
        expect(final).toMatchObject({ waiting: 0, active: 0, delayed: 0, completed: 8, dead: 0 });
        expect(before).toBeLessThan(8);

        await expectCorpusStoredOnce(pg.store, baseline);
        const ids: string[] = [];
        for await (const art of pg.store.articles()) ids.push(art.analysis.id!);
        expect(ids).toHaveLength(8);
        expect(new Set(ids).size).toBe(8);
        const results = (await queue.getCompleted(0, -1)).map((j) => j.returnvalue);
        expect(results.filter((r) => r.status === 'added')).toHaveLength(8);
      } finally {
        await pg.dispose();
      }
    });

    it('says in one line what to start when Redis or PostgreSQL is not there', async () => {
      const noRedis = { REDIS_URL: 'redis://127.0.0.1:1' };
      for (const args of [['ingest', '--queue', CORPUS], ['queue', 'status'], ['worker', '--pg', PG_URL!]]) {
        const r = await cli(args, noRedis);
        expect(r.code).toBe(1);
        expect(r.stderr).toBe('newsgraph: cannot reach Redis at 127.0.0.1:1: is it running? (start redis-server, or set REDIS_URL)\n');
      }
      const noPg = await cli(['worker', '--pg', 'postgres://postgres@127.0.0.1:1/newsgraph', '--queue-name', `${RUN}-nopg`]);
      expect(noPg.code).toBe(1);
      expect(noPg.stderr).toBe('newsgraph: cannot reach PostgreSQL at 127.0.0.1:1: is it running?\n');
    });
  });
});

// ------------------------------------------------------------------ helpers

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function startCli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const child: ChildProcess = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, NEWSGRAPH_DEBUG: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const waiters: { pattern: RegExp; resolve(): void }[] = [];
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => {
    stderr += d;
    for (const w of waiters.splice(0)) {
      if (w.pattern.test(stderr)) w.resolve();
      else waiters.push(w);
    }
  });
  const exit = new Promise<number | null>((done) => child.once('close', (code, signal) => done(signal ? null : code)));
  return {
    child,
    exit,
    stdout: () => stdout,
    stderr: () => stderr,
    waitFor(pattern: RegExp, ms = 30_000): Promise<void> {
      if (pattern.test(stderr)) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern} in: ${stderr}`)), ms);
        waiters.push({ pattern, resolve: () => { clearTimeout(timer); resolve(); } });
        void exit.then(() => reject(new Error(`exited before ${pattern}: ${stderr}`)));
      });
    },
  };
}

async function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  const run = startCli(args, env);
  const code = await run.exit;
  return { code, stdout: run.stdout(), stderr: run.stderr() };
}
