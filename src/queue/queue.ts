/**
 * The article queue on BullMQ: enqueue what `ingest` would read, report where the queue stands,
 * and put dead-lettered jobs back.
 *
 * Dead letters: a job that fails `attempts` times (retried with exponential backoff in between),
 * or fails in a way no retry can mend (a bad record), ends in BullMQ's failed set, which is kept:
 * `newsgraph queue status` lists it and `newsgraph queue retry-dead` puts it back.
 */
import { Queue, type JobsOptions } from 'bullmq';
import { articleId, contentHash } from '../store/identity.js';
import { estimateArticles, isFailure, planInputs, readArticles } from '../ingest/inputs.js';
import { silentProgress, type Progress } from '../ingest/progress.js';
import { checkRedis, DEFAULT_QUEUE, QUEUE_PREFIX, redisOptions, redisUrl, redisWhere } from './connection.js';
import { jobIdFor, type ArticleJobData, type ArticleJobResult } from './jobs.js';

export type ArticleQueue = Queue<ArticleJobData, ArticleJobResult, string>;

export interface QueueTarget {
  /** default: REDIS_URL, else redis://127.0.0.1:6379 */
  redisUrl?: string;
  /** default: newsgraph-articles */
  name?: string;
}

/** Completed jobs kept (for the duplicate check at enqueue and for status) at most this long / many. */
const KEEP_COMPLETED = { age: 7 * 24 * 3600, count: 100_000 };

/** Open the queue after checking Redis answers (one clear line when it does not). */
export async function openQueue(target: QueueTarget = {}): Promise<{ queue: ArticleQueue; url: string; name: string }> {
  const url = target.redisUrl ?? redisUrl();
  const name = target.name ?? DEFAULT_QUEUE;
  await checkRedis(url);
  const queue: ArticleQueue = new Queue(name, { connection: { ...redisOptions(url), maxRetriesPerRequest: 1 }, prefix: QUEUE_PREFIX });
  queue.on('error', () => undefined); // surfaces on the next command instead of crashing
  return { queue, url, name };
}

export interface EnqueueOptions {
  /** tries per job before it is dead-lettered (default 3) */
  attempts?: number;
  /** first retry delay in ms, doubled at each retry (default 1000) */
  backoffMs?: number;
  progress?: Progress;
  /** jobs sent to Redis per round trip */
  batch?: number;
}

export interface EnqueueReport {
  enqueued: number;
  /** already in the queue (waiting, active, done or dead-lettered): left as they are */
  alreadyQueued: number;
  failed: number;
  ignored: number;
  seconds: number;
}

export async function enqueuePaths(queue: ArticleQueue, paths: readonly string[], opts: EnqueueOptions = {}): Promise<EnqueueReport> {
  const progress = opts.progress ?? silentProgress;
  const started = Date.now();
  const plan = planInputs(paths);
  const report: EnqueueReport = { enqueued: 0, alreadyQueued: 0, failed: 0, ignored: plan.ignored.length, seconds: 0 };
  const jobOptions: JobsOptions = {
    attempts: opts.attempts ?? 3,
    backoff: { type: 'exponential', delay: opts.backoffMs ?? 1000 },
    removeOnComplete: KEEP_COMPLETED,
    removeOnFail: false,
  };
  const batchSize = opts.batch ?? 500;
  let batch: { jobId: string; data: ArticleJobData }[] = [];
  let done = 0;
  const counts = () => ({ added: report.enqueued, duplicates: report.alreadyQueued, failed: report.failed });

  const flush = async () => {
    if (!batch.length) return;
    const seen = new Set<string>();
    const unique = batch.filter((j) => !seen.has(j.jobId) && seen.add(j.jobId));
    report.alreadyQueued += batch.length - unique.length;
    // a job id already in Redis is a no-op for BullMQ; asking first lets the report say so
    // sent together on one connection: one round trip's wait for the batch
    const states = await Promise.all(unique.map((j) => queue.getJobState(j.jobId)));
    const fresh = unique.filter((_, i) => states[i] === 'unknown');
    report.alreadyQueued += unique.length - fresh.length;
    if (fresh.length) await queue.addBulk(fresh.map((j) => ({ name: 'article', data: j.data, opts: { ...jobOptions, jobId: j.jobId } })));
    report.enqueued += fresh.length;
    batch = [];
    progress.update(done, counts());
  };

  progress.start(estimateArticles(plan) + plan.failures.length);
  try {
    for await (const item of readArticles(plan)) {
      done++;
      if (isFailure(item)) {
        report.failed++;
        progress.note(`ingest: ${item.error}`);
        continue;
      }
      const id = articleId(item.input.id, contentHash(item.input.text));
      batch.push({
        jobId: jobIdFor(id),
        data: { input: { ...item.input, id }, label: item.label, ...(item.url ? { url: item.url } : {}) },
      });
      if (batch.length >= batchSize) await flush();
    }
    await flush();
  } finally {
    progress.stop();
  }
  report.seconds = (Date.now() - started) / 1000;
  return report;
}

export interface DeadLetter {
  jobId: string;
  articleId: string | null;
  label: string | null;
  attempts: number;
  reason: string;
  failedAt: string | null;
}

export interface QueueStatus {
  queue: string;
  redis: string;
  waiting: number;
  active: number;
  /** waiting for a retry (backoff) */
  delayed: number;
  completed: number;
  /** dead-lettered: failed every attempt, or could never succeed */
  dead: number;
  paused: number;
  /** worker connections listening on this queue */
  workers: number;
  /** the most recent dead letters, newest first */
  deadLetters: DeadLetter[];
}

export async function queueStatus(queue: ArticleQueue, url: string, deadShown = 20): Promise<QueueStatus> {
  const c = await queue.getJobCounts('waiting', 'prioritized', 'active', 'delayed', 'completed', 'failed', 'paused');
  const [workers, failed] = await Promise.all([queue.getWorkersCount(), deadShown > 0 ? queue.getFailed(0, deadShown - 1) : Promise.resolve([])]);
  return {
    queue: queue.name,
    redis: redisWhere(url),
    waiting: (c.waiting ?? 0) + (c.prioritized ?? 0),
    active: c.active ?? 0,
    delayed: c.delayed ?? 0,
    completed: c.completed ?? 0,
    dead: c.failed ?? 0,
    paused: c.paused ?? 0,
    workers,
    deadLetters: failed.filter(Boolean).map((job) => ({
      jobId: job.id ?? '',
      articleId: job.data?.input?.id ?? null,
      label: job.data?.label ?? null,
      attempts: job.attemptsMade,
      reason: (job.failedReason ?? '').replace(/\s*\n\s*/g, ' '),
      failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
    })),
  };
}

/** Put every dead-lettered job back in the queue, with its attempts counted afresh. Returns how many. */
export async function retryDead(queue: ArticleQueue): Promise<number> {
  let retried = 0;
  for (;;) {
    const jobs = await queue.getFailed(0, 499);
    if (!jobs.length) return retried;
    for (const job of jobs) {
      if (!job) continue;
      await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
      retried++;
    }
  }
}
