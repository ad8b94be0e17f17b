/**
 * `ingest`: read every input, analyse each article not stored yet, store it in its own
 * transaction. Bad files and records are reported and counted; the run goes on. Only a store
 * that fails as a whole (connection lost, disk full) stops it.
 *
 * With a pool (`--workers N`), articles are analysed on N threads, a bounded window ahead of the
 * main thread, which stores them one transaction each in input order: the same stored result,
 * story for story, as without a pool.
 */
import type { Analysis } from '../analysis.js';
import type { ArticleInput } from '../doc/types.js';
import type { Store } from '../store/store.js';
import { articleId, contentHash } from '../store/identity.js';
import type { AnalysisPool } from '../parallel/pool.js';
import { orderedMap } from '../parallel/ordered.js';
import { estimateArticles, isFailure, planInputs, readArticles, type ReadArticle, type ReadItem } from './inputs.js';
import { silentProgress, type IngestCounts, type Progress } from './progress.js';

export interface IngestReport extends IngestCounts {
  /** files in folders skipped for their extension */
  ignored: number;
  seconds: number;
}

export interface IngestOptions {
  analyze: (input: ArticleInput) => Analysis;
  progress?: Progress;
  /** stop after this many articles (added or duplicate): for benchmarks and samples */
  limit?: number;
  /** analyse on these worker threads instead of with `analyze` in this thread */
  pool?: AnalysisPool;
  /** articles read ahead of the one being stored, with a pool (default: 8 per thread) */
  window?: number;
}

const describe = (err: unknown) => (err instanceof Error ? err.message : String(err)).replace(/\s*\n\s*/g, ' ');

/** What both ingest paths start with: the plan of inputs, zero counts, and the progress display started. */
function beginIngest(paths: readonly string[], opts: IngestOptions) {
  const progress = opts.progress ?? silentProgress;
  const started = Date.now();
  const plan = planInputs(paths);
  const counts: IngestCounts = { added: 0, duplicates: 0, failed: 0 };
  const total = estimateArticles(plan) + plan.failures.length;
  progress.start(opts.limit !== undefined ? Math.min(total, opts.limit) : total);
  return { progress, started, plan, counts };
}

export async function ingestPaths(store: Store, paths: readonly string[], opts: IngestOptions): Promise<IngestReport> {
  if (opts.pool) return ingestPooled(store, paths, opts, opts.pool);
  const { progress, started, plan, counts } = beginIngest(paths, opts);
  let done = 0;
  try {
    for await (const item of readArticles(plan)) {
      if (opts.limit !== undefined && counts.added + counts.duplicates >= opts.limit) break;
      done++;
      if (isFailure(item)) {
        counts.failed++;
        progress.note(`ingest: ${item.error}`);
        progress.update(done, counts);
        continue;
      }
      const hash = contentHash(item.input.text);
      const id = articleId(item.input.id, hash);
      // an article already stored is skipped before the (costly) analysis
      if (await store.findArticle(id, hash)) {
        counts.duplicates++;
        progress.update(done, counts);
        continue;
      }
      try {
        const analysis = opts.analyze({ ...item.input, id });
        const outcome = await store.ingestArticle(analysis, {
          ...(item.input.publisher ? { publisher: item.input.publisher } : {}),
          ...(item.url ? { url: item.url } : {}),
          origin: item.label,
        });
        if (outcome.status === 'added') counts.added++;
        else counts.duplicates++;
      } catch (err) {
        if (store.isFatal(err)) throw err;
        counts.failed++;
        progress.note(`ingest: ${item.label}: ${describe(err)}`);
      }
      progress.update(done, counts);
    }
  } finally {
    progress.stop();
  }
  return { ...counts, ignored: plan.ignored.length, seconds: (Date.now() - started) / 1000 };
}

/** What the pool's side of a pooled ingest hands the storing side, per item, in input order. */
type Prepared =
  | { kind: 'failure'; error: string }
  | { kind: 'duplicate' }
  | { kind: 'analysed'; item: ReadArticle; analysis: Analysis; settle(added: boolean): void }
  | { kind: 'error'; item: ReadArticle; message: string; settle(added: boolean): void };

async function ingestPooled(store: Store, paths: readonly string[], opts: IngestOptions, pool: AnalysisPool): Promise<IngestReport> {
  const { progress, started, plan, counts } = beginIngest(paths, opts);
  // Articles in the window that are not stored yet, by id and by content hash: a later copy waits
  // for the earlier one's outcome instead of being analysed twice (as a sequential run would skip it).
  const inWindow = new Map<string, Promise<boolean>>();
  // outcomes not settled yet: settled as "not added" when the run stops early, so no item in the
  // window waits for ever on one that will never be stored
  const unsettled = new Set<(added: boolean) => void>();
  const abandon = () => {
    for (const settle of [...unsettled]) settle(false);
  };

  const prepare = async (item: ReadItem): Promise<Prepared> => {
    if (isFailure(item)) return { kind: 'failure', error: item.error };
    const hash = contentHash(item.input.text);
    const id = articleId(item.input.id, hash);
    // all synchronous up to the first await, so items register in input order
    const earlier = inWindow.get(`i:${id}`) ?? inWindow.get(`h:${hash}`);
    let settle!: (added: boolean) => void;
    const outcome = new Promise<boolean>((resolve) => (settle = resolve));
    inWindow.set(`i:${id}`, outcome);
    inWindow.set(`h:${hash}`, outcome);
    const finish = (added: boolean) => {
      if (!unsettled.delete(finish)) return;
      if (inWindow.get(`i:${id}`) === outcome) inWindow.delete(`i:${id}`);
      if (inWindow.get(`h:${hash}`) === outcome) inWindow.delete(`h:${hash}`);
      settle(added);
    };
    unsettled.add(finish);
    try {
      if ((earlier && (await earlier)) || (await store.findArticle(id, hash))) {
        finish(true); // stored: a later copy is a duplicate too
        return { kind: 'duplicate' };
      }
      const result = await pool.analyze({ ...item.input, id });
      return result.ok ? { kind: 'analysed', item, analysis: result.analysis, settle: finish } : { kind: 'error', item, message: result.message, settle: finish };
    } catch (err) {
      finish(false);
      if (store.isFatal(err)) throw err;
      return { kind: 'error', item, message: describe(err), settle: finish };
    }
  };

  let done = 0;
  try {
    for await (const p of orderedMap(readArticles(plan), prepare, { window: opts.window ?? pool.size * 8, onStop: abandon })) {
      if (opts.limit !== undefined && counts.added + counts.duplicates >= opts.limit) break;
      done++;
      if (p.kind === 'failure') {
        counts.failed++;
        progress.note(`ingest: ${p.error}`);
      } else if (p.kind === 'duplicate') {
        counts.duplicates++;
      } else if (p.kind === 'error') {
        counts.failed++;
        p.settle(false);
        progress.note(`ingest: ${p.item.label}: ${p.message}`);
      } else {
        try {
          const outcome = await store.ingestArticle(p.analysis, {
            ...(p.item.input.publisher ? { publisher: p.item.input.publisher } : {}),
            ...(p.item.url ? { url: p.item.url } : {}),
            origin: p.item.label,
          });
          if (outcome.status === 'added') counts.added++;
          else counts.duplicates++;
          p.settle(true);
        } catch (err) {
          p.settle(false);
          if (store.isFatal(err)) throw err;
          counts.failed++;
          progress.note(`ingest: ${p.item.label}: ${describe(err)}`);
        }
      }
      progress.update(done, counts);
    }
  } finally {
    progress.stop();
  }
  return { ...counts, ignored: plan.ignored.length, seconds: (Date.now() - started) / 1000 };
}
