/**
 * What the queue tests share: Redis from REDIS_URL, queues named per test run (obliterated
 * afterwards), the knowledge base `ingest` makes of the test corpus (what every queue path must
 * end with), and polling.
 */
import { expect } from 'vitest';
import { analyze } from '../../src/pipeline.js';
import { ingestPaths } from '../../src/ingest/ingest.js';
import { openQueue, type ArticleQueue } from '../../src/queue/queue.js';
import type { Store, StoreStats } from '../../src/store/store.js';
import { BACKENDS, CORPUS } from '../store/backends.js';

export const REDIS = process.env.REDIS_URL?.trim() || undefined;

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function until(check: () => Promise<boolean>, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the queue');
    await sleep(50);
  }
}

/** Queues named `test-<pid>-<random>-<suffix>` for one test file; closeAll() obliterates them. */
export function testQueues(label = '') {
  const run = `test-${process.pid}-${Math.random().toString(36).slice(2, 8)}${label ? `-${label}` : ''}`;
  const opened: ArticleQueue[] = [];
  return {
    run,
    async open(suffix: string): Promise<{ queue: ArticleQueue; name: string }> {
      const name = `${run}-${suffix}`;
      const { queue } = await openQueue({ redisUrl: REDIS!, name });
      opened.push(queue);
      return { queue, name };
    },
    async closeAll(): Promise<void> {
      for (const q of opened.splice(0)) {
        await q.obliterate({ force: true }).catch(() => undefined);
        await q.close();
      }
    },
  };
}

/** The knowledge base `ingest` makes of the corpus in one thread, in a throwaway SQLite file. */
export async function corpusBaseline(): Promise<StoreStats> {
  const t = await BACKENDS.find((b) => b.name === 'SQLite')!.create();
  try {
    await ingestPaths(t.store, [CORPUS], { analyze });
    return await t.store.stats();
  } finally {
    await t.dispose();
  }
}

/**
 * The corpus stored exactly once: eight articles, and the per-article counts of the baseline
 * (they cannot depend on the order, so any article stored twice would show).
 */
export async function expectCorpusStoredOnce(store: Store, baseline: StoreStats): Promise<void> {
  const stats = await store.stats();
  expect(stats.articles).toBe(8);
  for (const key of ['mentions', 'quotes', 'events'] as const) expect(stats[key]).toBe(baseline[key]);
}
