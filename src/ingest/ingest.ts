/**
 * `ingest`: read every input, analyse each article not stored yet, store it in its own
 * transaction. Bad files and records are reported and counted; the run goes on. Only a store
 * that fails as a whole (connection lost, disk full) stops it.
 */
import type { Analysis } from '../analysis.js';
import type { ArticleInput } from '../doc/types.js';
import type { Store } from '../store/store.js';
import { articleId, contentHash } from '../store/identity.js';
import { estimateArticles, isFailure, planInputs, readArticles } from './inputs.js';
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
}

const describe = (err: unknown) => (err instanceof Error ? err.message : String(err)).replace(/\s*\n\s*/g, ' ');

export async function ingestPaths(store: Store, paths: readonly string[], opts: IngestOptions): Promise<IngestReport> {
  const progress = opts.progress ?? silentProgress;
  const started = Date.now();
  const plan = planInputs(paths);
  const counts: IngestCounts = { added: 0, duplicates: 0, failed: 0 };
  const total = estimateArticles(plan) + plan.failures.length;
  progress.start(opts.limit !== undefined ? Math.min(total, opts.limit) : total);
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
