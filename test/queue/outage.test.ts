/**
 * PostgreSQL going away under a running worker (REDIS_URL and NEWSGRAPH_PG_URL, as .ci/run sets
 * them; skipped with a note otherwise). The worker reaches its own scratch database through a
 * TCP proxy (test/support/tcp-proxy.ts): cutting the proxy is, to the worker, PostgreSQL
 * restarting, without disturbing the real server that other tests use. Server-side, the
 * worker's sessions are also terminated as a shutdown would (pg_terminate_backend).
 *
 * What must hold: the jobs in flight are held and finished once PostgreSQL answers again; every
 * article is stored exactly once; nothing is retried as the article's fault or dead-lettered. A
 * worker whose PostgreSQL stays away longer than it may wait stops, and leaves its jobs to the
 * next worker. Redis going away the same way (a proxy cut for 1.5 s) costs nothing either.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/pipeline.js';
import { ingestPaths } from '../../src/ingest/ingest.js';
import { enqueuePaths, openQueue, queueStatus, type ArticleQueue } from '../../src/queue/queue.js';
import { startWorker } from '../../src/queue/worker.js';
import { openStore } from '../../src/store/open.js';
import type { Store, StoreStats } from '../../src/store/store.js';
import { BACKENDS, CORPUS, PG_URL, type TestStore } from '../store/backends.js';
import { tcpProxy, type TcpProxy } from '../support/tcp-proxy.js';

const REDIS = process.env.REDIS_URL?.trim() || undefined;
const SKIP = !REDIS || !PG_URL;
if (SKIP) {
  console.warn(`newsgraph tests: ${!REDIS ? 'REDIS_URL' : 'NEWSGRAPH_PG_URL'} is not set, so the PostgreSQL outage tests are skipped (.ci/run sets both)`);
}

const RUN = `test-${process.pid}-${Math.random().toString(36).slice(2, 8)}-outage`;
const NO_FAILURES = new Set<string>();
const sqlite = BACKENDS.find((b) => b.name === 'SQLite')!;
const postgres = BACKENDS.find((b) => b.name === 'PostgreSQL')!;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const opened: ArticleQueue[] = [];

async function until(check: () => Promise<boolean>, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the queue');
    await sleep(50);
  }
}

/** A scratch database, the queue with the corpus on it, and a store that reaches the database through a proxy. */
async function setUp(suffix: string) {
  const { queue, name } = await openQueue({ redisUrl: REDIS!, name: `${RUN}-${suffix}` });
  opened.push(queue);
  expect(await enqueuePaths(queue, [CORPUS])).toMatchObject({ enqueued: 8, failed: 0 });
  const db: TestStore = await postgres.create();
  const direct = new URL(db.target.kind === 'postgres' ? db.target.url : '');
  const proxy: TcpProxy = await tcpProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
  const viaProxy = new URL(direct);
  viaProxy.hostname = '127.0.0.1';
  viaProxy.port = String(proxy.port);
  const store: Store = await openStore({ kind: 'postgres', url: viaProxy.toString() });
  const done = async () => (await queueStatus(queue, REDIS!)).completed;
  const dispose = async () => {
    await store.close().catch(() => undefined);
    await proxy.close();
    await db.dispose();
  };
  return { queue, name, db, proxy, store, done, dispose, databaseUrl: direct.toString() };
}

/** Ends every other session on the database, as a server shutdown does (SQLSTATE 57P01 to each). */
async function terminateSessions(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query('select count(*)::int as n from (select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()) t');
    return rows[0].n as number;
  } finally {
    await client.end();
  }
}

let baseline: StoreStats;

describe.skipIf(SKIP)('a worker while PostgreSQL or Redis goes away', () => {
  beforeAll(async () => {
    const t = await sqlite.create();
    try {
      await ingestPaths(t.store, [CORPUS], { analyze });
      baseline = await t.store.stats();
    } finally {
      await t.dispose();
    }
  });
  afterAll(async () => {
    for (const q of opened) {
      await q.obliterate({ force: true }).catch(() => undefined);
      await q.close();
    }
  });

  it('holds its jobs through a restart and carries on: every article stored once, nothing dead-lettered', async () => {
    const env = await setUp('restart');
    try {
      const logs: string[] = [];
      const worker = await startWorker({
        store: env.store, redisUrl: REDIS!, queueName: env.name, concurrency: 1, untilEmpty: true, analyze,
        hooks: { failIds: NO_FAILURES, slowMs: 250 }, log: (l) => logs.push(l), storeWaitMs: 30_000,
      });

      // sessions ended server-side, as a shutdown ends them
      await until(async () => (await env.done()) >= 2);
      expect(await terminateSessions(env.databaseUrl)).toBeGreaterThan(0);

      // then the server unreachable for a while, and back on the same port
      await until(async () => (await env.done()) >= 4);
      await env.proxy.cut();
      await sleep(1_500);
      expect((await queueStatus(env.queue, REDIS!)).completed).toBeLessThan(8);
      await env.proxy.restore();

      await worker.stopped;
      expect(worker.fatal).toBeUndefined();
      expect(logs.some((l) => /store .* is unreachable \(.*\): holding the active jobs/.test(l)), logs.join('\n')).toBe(true);
      expect(logs.some((l) => /answers again after [\d.]+ s: carrying on/.test(l)), logs.join('\n')).toBe(true);
      // a commit whose reply was lost comes back as a duplicate: stored once either way
      expect(worker.stats.added + worker.stats.duplicates).toBe(8);
      expect(worker.stats).toMatchObject({ failedAttempts: 0, deadLettered: 0 });
      expect(await queueStatus(env.queue, REDIS!)).toMatchObject({ waiting: 0, active: 0, delayed: 0, completed: 8, dead: 0 });

      const stats = await env.db.store.stats();
      expect(stats.articles).toBe(8);
      for (const key of ['mentions', 'quotes', 'events'] as const) expect(stats[key]).toBe(baseline[key]);
    } finally {
      await env.dispose();
    }
  });

  it('stops when PostgreSQL stays away longer than it may wait, leaving its jobs to the next worker', async () => {
    const env = await setUp('away');
    try {
      const logs: string[] = [];
      const first = await startWorker({
        store: env.store, redisUrl: REDIS!, queueName: env.name, concurrency: 1, untilEmpty: true, analyze,
        hooks: { failIds: NO_FAILURES, slowMs: 250 }, log: (l) => logs.push(l), storeWaitMs: 1_000,
      });
      await until(async () => (await env.done()) >= 2);
      await env.proxy.cut();
      await first.stopped;
      expect(first.fatal?.message).toMatch(/ECONNREFUSED|Connection terminated|connect/i);
      const left = await queueStatus(env.queue, REDIS!);
      expect(left).toMatchObject({ active: 0, dead: 0 });
      expect(left.completed).toBeLessThan(8);
      expect(left.completed + left.waiting + left.delayed).toBe(8);

      await env.proxy.restore();
      const second = await startWorker({
        store: env.store, redisUrl: REDIS!, queueName: env.name, concurrency: 1, untilEmpty: true, analyze,
        hooks: { failIds: NO_FAILURES, slowMs: 0 }, log: (l) => logs.push(l),
      });
      await second.stopped;
      expect(second.fatal).toBeUndefined();
      expect(await queueStatus(env.queue, REDIS!)).toMatchObject({ waiting: 0, active: 0, delayed: 0, completed: 8, dead: 0 });
      const stats = await env.db.store.stats();
      expect(stats.articles).toBe(8);
      for (const key of ['mentions', 'quotes', 'events'] as const) expect(stats[key]).toBe(baseline[key]);
    } finally {
      await env.dispose();
    }
  });

  it('rides out Redis going away: the worker reconnects, and every article is stored once', async () => {
    const { queue, name } = await openQueue({ redisUrl: REDIS!, name: `${RUN}-redis` });
    opened.push(queue);
    expect(await enqueuePaths(queue, [CORPUS])).toMatchObject({ enqueued: 8, failed: 0 });
    const redis = new URL(REDIS!);
    const proxy = await tcpProxy({ host: redis.hostname, port: Number(redis.port || 6379) });
    const viaProxy = new URL(redis);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(proxy.port);
    const db = await postgres.create();
    try {
      const logs: string[] = [];
      const worker = await startWorker({
        store: db.store, redisUrl: viaProxy.toString(), queueName: name, concurrency: 1, untilEmpty: true, analyze,
        hooks: { failIds: NO_FAILURES, slowMs: 250 }, log: (l) => logs.push(l), lockDurationMs: 3_000,
      });
      await until(async () => (await queueStatus(queue, REDIS!)).completed >= 2);
      await proxy.cut();
      await sleep(1_500);
      await proxy.restore();
      await worker.stopped;
      expect(logs.some((l) => /Redis: .*\(retrying\)/.test(l)), logs.join('\n')).toBe(true);
      expect(await queueStatus(queue, REDIS!)).toMatchObject({ waiting: 0, active: 0, delayed: 0, completed: 8, dead: 0 });
      const stats = await db.store.stats();
      expect(stats.articles).toBe(8);
      for (const key of ['mentions', 'quotes', 'events'] as const) expect(stats[key]).toBe(baseline[key]);
    } finally {
      await proxy.close();
      await db.dispose();
    }
  });
});
