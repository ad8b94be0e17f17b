/**
 * `newsgraph worker`: take article jobs from the queue, analyse each, store it (one transaction,
 * an article already stored is skipped, so a job done twice stores nothing twice).
 *
 * - A job that throws is retried with exponential backoff up to its attempts, then dead-lettered
 *   (BullMQ's failed set, kept). A bad record (an InputError) is dead-lettered at once.
 * - A worker that dies mid-job holds a lock that expires after `lockDurationMs`; another worker
 *   then finds the job stalled and takes it again.
 * - close() finishes the active jobs before returning; close(true) leaves them to be taken again.
 * - PostgreSQL going away (a restart, a dropped connection) holds the active jobs: the worker
 *   probes it with backoff and carries on with the same jobs when it answers again. Only when it
 *   stays away longer than `storeWaitMs`, or the store fails otherwise (SQLite disk errors, a
 *   database that does not exist, a refused login), does the worker stop: `fatal` says why, and
 *   the active jobs go back to the queue with their attempts untouched.
 */
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { DelayedError, Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Analysis } from '../analysis.js';
import type { ArticleInput } from '../doc/types.js';
import { InputError } from '../stages/reading/errors.js';
import type { Store } from '../store/store.js';
import { articleId, contentHash } from '../store/identity.js';
import { AnalysisPool, PoolClosedError } from '../parallel/pool.js';
import { testHooksFromEnv, withTestHooks, type TestHooks } from '../parallel/hooks.js';
import { checkRedis, DEFAULT_QUEUE, QUEUE_PREFIX, redisOptions, redisUrl } from './connection.js';
import type { ArticleJobData, ArticleJobResult } from './jobs.js';

export interface WorkerOptions {
  store: Store;
  redisUrl?: string;
  queueName?: string;
  /** jobs at once; above 1, each on its own analysis thread (default 1) */
  concurrency?: number;
  /** how long a job's lock lasts without renewal: a dead worker's job is taken again after about this (default 30 s) */
  lockDurationMs?: number;
  /** stop when nothing is waiting, delayed or active on the queue */
  untilEmpty?: boolean;
  /** how long to wait for PostgreSQL to answer again after it went away, before stopping (default 5 min) */
  storeWaitMs?: number;
  /** one line per event worth a log line (a failure, a dead letter) */
  log?: (line: string) => void;
  hooks?: TestHooks;
  /** for library callers that analyse in this thread: default, the pipeline's analyze */
  analyze?: (input: ArticleInput) => Analysis;
}

export interface WorkerStats {
  added: number;
  duplicates: number;
  /** failed attempts, retried or not */
  failedAttempts: number;
  deadLettered: number;
}

export interface WorkerHandle {
  readonly stats: WorkerStats;
  readonly worker: Worker<ArticleJobData, ArticleJobResult>;
  /** resolves when the worker has stopped (close(), until-empty, or a fatal store error) */
  readonly stopped: Promise<void>;
  /** why it stopped on its own, when the store failed as a whole */
  fatal: Error | undefined;
  close(force?: boolean): Promise<void>;
}

/**
 * The store itself is unusable (connection lost, disk full), or its database is gone or refuses
 * the login: no retry of this article can help, and the next articles would fail the same way.
 */
function storeGone(store: Store, err: unknown): boolean {
  if (store.isFatal(err)) return true;
  const code = String((err as { code?: unknown })?.code ?? '');
  return store.kind === 'postgres' && ['3D000', '28P01', '28000'].includes(code);
}

/** PostgreSQL unreachable or restarting: worth waiting for, unlike a missing database or a full disk. */
const storeAway = (store: Store, err: unknown) => store.kind === 'postgres' && store.isFatal(err);

const oneLine = (err: unknown) => (err instanceof Error ? err.message : String(err)).replace(/\s*\n\s*/g, ' ');

export async function startWorker(opts: WorkerOptions): Promise<WorkerHandle> {
  const url = opts.redisUrl ?? redisUrl();
  const name = opts.queueName ?? DEFAULT_QUEUE;
  const concurrency = opts.concurrency ?? 1;
  const lockDuration = opts.lockDurationMs ?? 30_000;
  const storeWaitMs = opts.storeWaitMs ?? 300_000;
  const hooks = opts.hooks ?? testHooksFromEnv();
  const log = opts.log ?? (() => undefined);
  const { store } = opts;
  await checkRedis(url);

  const pool = concurrency > 1 ? new AnalysisPool(concurrency) : undefined;
  const analyze = opts.analyze ?? (await import('../pipeline.js')).analyze;
  const analyzeHere = pool ? undefined : withTestHooks(analyze, hooks);
  // the models load on the first analysis: a second or more without a break, which would hold up
  // the renewal of the first job's lock; better before taking jobs, so that "ready" means ready
  if (!pool) analyze({ date: null, text: 'The minister said on Monday that talks would resume.' });
  const stats: WorkerStats = { added: 0, duplicates: 0, failedAttempts: 0, deadLettered: 0 };
  const connection = { ...redisOptions(url), maxRetriesPerRequest: null };

  /**
   * One wait for the store shared by every active job: probes with backoff, true once it answers
   * again, false when it stays away past storeWaitMs or the worker is closing.
   */
  let outage: Promise<boolean> | undefined;
  const storeReturns = (err: unknown): Promise<boolean> => {
    outage ??= (async () => {
      const since = Date.now();
      log(`worker: the ${store.kind} store ${store.location} is unreachable (${oneLine(err)}): holding the active jobs, retrying for up to ${Math.round(storeWaitMs / 1000)} s`);
      for (let delay = 200; !closing; delay = Math.min(delay * 2, 5_000)) {
        await sleep(Math.min(delay, Math.max(0, since + storeWaitMs - Date.now())));
        try {
          await store.ping();
          log(`worker: the ${store.kind} store answers again after ${((Date.now() - since) / 1000).toFixed(1)} s: carrying on`);
          return true;
        } catch {
          if (Date.now() - since >= storeWaitMs) return false;
        }
      }
      return false;
    })().finally(() => {
      outage = undefined;
    });
    return outage;
  };

  const processJob = async (job: Job<ArticleJobData, ArticleJobResult>, token?: string): Promise<ArticleJobResult> => {
    const { input, label, url: articleUrl } = job.data;
    if (hooks.slowMs) await sleep(hooks.slowMs);
    const hash = contentHash(input.text);
    const id = articleId(input.id, hash);
    let analysis: Analysis | undefined;
    for (;;) {
      try {
        if (await store.findArticle(id, hash)) return { status: 'duplicate', id };
        if (!analysis && pool) {
          // the hooks reach the threads through the environment they inherit
          const result = await pool.analyze({ ...input, id });
          if (!result.ok) throw new Error(result.message);
          analysis = result.analysis;
        }
        analysis ??= analyzeHere!({ ...input, id });
        const outcome = await store.ingestArticle(analysis, {
          ...(input.publisher ? { publisher: input.publisher } : {}),
          ...(articleUrl ? { url: articleUrl } : {}),
          origin: label,
        });
        return { status: outcome.status, id };
      } catch (err) {
        // the same job again once the store is back: its transaction was rolled back, or it
        // committed and the retry finds the article stored
        if (storeAway(store, err) && (await storeReturns(err))) continue;
        const gone = storeGone(store, err);
        if (gone || err instanceof PoolClosedError) {
          // not this article's fault: the job goes back, its attempts untouched, and this worker stops
          if (gone && !closing) {
            handle.fatal ??= err instanceof Error ? err : new Error(String(err));
            void handle.close(true);
          }
          if (token) {
            await job.moveToDelayed(Date.now() + 1000, token);
            throw new DelayedError();
          }
          throw err;
        }
        // no retry mends a bad record
        if (err instanceof InputError) throw new UnrecoverableError(oneLine(err));
        throw err;
      }
    }
  };

  const worker = new Worker<ArticleJobData, ArticleJobResult>(name, processJob, {
    connection,
    prefix: QUEUE_PREFIX,
    concurrency,
    lockDuration,
    stalledInterval: Math.min(lockDuration, 30_000),
    maxStalledCount: 2,
    name: `${hostname()}:${process.pid}`,
    autorun: false,
  });
  let connectionWarned = false;
  worker.on('error', (err) => {
    if (connectionWarned) return;
    connectionWarned = true;
    log(`worker: Redis: ${oneLine(err)} (retrying)`);
  });
  worker.on('completed', (_job, result) => {
    if (result.status === 'added') stats.added++;
    else stats.duplicates++;
  });
  worker.on('failed', (job, err) => {
    stats.failedAttempts++;
    if (!job) return;
    const attempts = job.opts.attempts ?? 1;
    const dead = err instanceof UnrecoverableError || err.name === 'UnrecoverableError' || job.attemptsMade >= attempts;
    if (dead) stats.deadLettered++;
    log(`worker: job ${job.id} (${job.data.label}) failed, attempt ${job.attemptsMade} of ${attempts}: ${oneLine(err)}${dead ? '; dead-lettered' : '; will retry'}`);
  });

  // until-empty: a second connection asks how much is left whenever the worker runs dry
  const watcher = opts.untilEmpty ? new Queue(name, { connection: { ...redisOptions(url), maxRetriesPerRequest: 1 }, prefix: QUEUE_PREFIX }) : undefined;
  watcher?.on('error', () => undefined);
  let timer: NodeJS.Timeout | undefined;
  let closing: Promise<void> | undefined;

  let stopped!: Promise<void>;
  const handle: WorkerHandle = {
    stats,
    worker,
    get stopped() {
      return stopped;
    },
    fatal: undefined,
    close(force = false) {
      closing ??= (async () => {
        if (timer) clearInterval(timer);
        await worker.close(force);
        await watcher?.close();
        await pool?.close();
      })();
      return closing;
    },
  };

  if (watcher) {
    let checking = false;
    const check = async () => {
      if (checking || closing) return;
      checking = true;
      try {
        const c = await watcher.getJobCounts('waiting', 'prioritized', 'active', 'delayed', 'paused');
        if (Object.values(c).every((n) => n === 0)) await handle.close();
      } catch {
        // Redis away for a moment: the next check asks again
      } finally {
        checking = false;
      }
    };
    worker.on('drained', () => void check());
    timer = setInterval(() => void check(), 500);
  }

  const running = worker.run();
  stopped = running.then(() => closing, () => closing).then(() => undefined);
  await worker.waitUntilReady();
  return handle;
}
