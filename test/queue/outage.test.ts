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
import { enqueuePaths, queueStatus, type ArticleQueue } from '../../src/queue/queue.js';
import { startWorker, type WorkerHandle } from '../../src/queue/worker.js';
import { openStore } from '../../src/store/open.js';
import type { Store, StoreStats } from '../../src/store/store.js';
import { BACKENDS, CORPUS, PG_URL } from '../store/backends.js';
import { tcpProxy, type TcpProxy } from '../support/tcp-proxy.js';
import { corpusBaseline, expectCorpusStoredOnce, REDIS, sleep, testQueues, until } from './helpers.js';

const SKIP = !REDIS || !PG_URL;
if (SKIP) {
  console.warn(`newsgraph tests: ${!REDIS ? 'REDIS_URL' : 'NEWSGRAPH_PG_URL'} is not set, so the PostgreSQL and Redis outage tests are skipped (.ci/run sets both)`);
}

const queues = testQueues('outage');
const postgres = BACKENDS.find((b) => b.name === 'PostgreSQL')!;

/** The same server URL, through a proxy on this machine. */
async function proxied(url: string, defaultPort: number): Promise<{ proxy: TcpProxy; url: string }> {
  const u = new URL(url);
  const proxy = await tcpProxy({ host: u.hostname, port: Number(u.port || defaultPort) });
  u.hostname = '127.0.0.1';
  u.port = String(proxy.port);
  return { proxy, url: u.toString() };
}

/** The corpus on a fresh queue and a scratch database, with the database also reachable through a proxy. */
async function setUp(suffix: string) {
  const { queue, name } = await queues.open(suffix);
  expect(await enqueuePaths(queue, [CORPUS])).toMatchObject({ enqueued: 8, failed: 0 });
  const db = await postgres.create();
  const databaseUrl = db.target.kind === 'postgres' ? db.target.url : '';
  const pgProxy = await proxied(databaseUrl, 5432);
  const storeViaProxy: Store = await openStore({ kind: 'postgres', url: pgProxy.url });
  return {
    queue, name, db, databaseUrl, pgProxy: pgProxy.proxy, storeViaProxy,
    completed: async () => (await queueStatus(queue, REDIS!)).completed,
    async dispose() {
      await storeViaProxy.close().catch(() => undefined);
      await pgProxy.proxy.close();
      await db.dispose();
    },
  };
}

/** One worker, one job at a time, each slowed so that faults land mid-run; stops when the queue is empty. */
function worker(queueName: string, store: Store, logs: string[], extra: { redisUrl?: string; slowMs?: number; storeWaitMs?: number; lockDurationMs?: number } = {}): Promise<WorkerHandle> {
  const { redisUrl = REDIS!, slowMs = 250, ...rest } = extra;
  return startWorker({ store, redisUrl, queueName, concurrency: 1, untilEmpty: true, analyze, hooks: { failIds: new Set(), slowMs }, log: (l) => logs.push(l), ...rest });
}

async function expectAllCompleted(queue: ArticleQueue): Promise<void> {
  expect(await queueStatus(queue, REDIS!)).toMatchObject({ waiting: 0, active: 0, delayed: 0, completed: 8, dead: 0 });
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
    baseline = await corpusBaseline();
  });
  afterAll(() => queues.closeAll());

  it('holds its jobs through a PostgreSQL restart and carries on: every article stored once, nothing dead-lettered', async () => {
    const env = await setUp('restart');
    try {
      const logs: string[] = [];
      const w = await worker(env.name, env.storeViaProxy, logs, { storeWaitMs: 30_000 });

      // sessions ended server-side, as a shutdown ends them
      await until(async () => (await env.completed()) >= 2);
      expect(await terminateSessions(env.databaseUrl)).toBeGreaterThan(0);

      // then the server unreachable for a while, and back on the same port
      await until(async () => (await env.completed()) >= 4);
      await env.pgProxy.cut();
      await sleep(1_500);
      expect(await env.completed()).toBeLessThan(8);
      await env.pgProxy.restore();

      await w.stopped;
      expect(w.fatal).toBeUndefined();
      expect(logs.some((l) => /store .* is unreachable \(.*\): holding the active jobs/.test(l)), logs.join('\n')).toBe(true);
      expect(logs.some((l) => /answers again after [\d.]+ s: carrying on/.test(l)), logs.join('\n')).toBe(true);
      // a commit whose reply was lost comes back as a duplicate: stored once either way
      expect(w.stats.added + w.stats.duplicates).toBe(8);
      expect(w.stats).toMatchObject({ failedAttempts: 0, deadLettered: 0 });
      await expectAllCompleted(env.queue);
      await expectCorpusStoredOnce(env.db.store, baseline);
    } finally {
      await env.dispose();
    }
  });

  it('stops when PostgreSQL stays away longer than it may wait, leaving its jobs to the next worker', async () => {
    const env = await setUp('away');
    try {
      const logs: string[] = [];
      const first = await worker(env.name, env.storeViaProxy, logs, { storeWaitMs: 1_000 });
      await until(async () => (await env.completed()) >= 2);
      await env.pgProxy.cut();
      await first.stopped;
      expect(first.fatal?.message).toMatch(/ECONNREFUSED|Connection terminated|connect/i);
      const left = await queueStatus(env.queue, REDIS!);
      expect(left).toMatchObject({ active: 0, dead: 0 });
      expect(left.completed).toBeLessThan(8);
      expect(left.completed + left.waiting + left.delayed).toBe(8);

      await env.pgProxy.restore();
      const second = await worker(env.name, env.storeViaProxy, logs, { slowMs: 0 });
      await second.stopped;
      expect(second.fatal).toBeUndefined();
      await expectAllCompleted(env.queue);
      await expectCorpusStoredOnce(env.db.store, baseline);
    } finally {
      await env.dispose();
    }
  });

  it('rides out Redis going away: the worker reconnects, and every article is stored once', async () => {
    const env = await setUp('redis');
    const redis = await proxied(REDIS!, 6379);
    try {
      const logs: string[] = [];
      const w = await worker(env.name, env.db.store, logs, { redisUrl: redis.url, lockDurationMs: 3_000 });
      await until(async () => (await env.completed()) >= 2);
      await redis.proxy.cut();
      await sleep(1_500);
      await redis.proxy.restore();
      await w.stopped;
      expect(logs.some((l) => /Redis: .*\(retrying\)/.test(l)), logs.join('\n')).toBe(true);
      await expectAllCompleted(env.queue);
      await expectCorpusStoredOnce(env.db.store, baseline);
    } finally {
      await redis.proxy.close();
      await env.dispose();
    }
  });
});
