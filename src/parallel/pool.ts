/**
 * A pool of worker threads that run the analysis pipeline, each loading it once. Tasks go to
 * whichever thread has room (at most two queued per thread, so one slow article never holds up
 * a queue of others behind it); results come back as promises. Order is the caller's business
 * (see ./ordered.ts).
 *
 * The threads run the compiled worker (dist/src/parallel/analysis-worker.js) next to this file;
 * run from source (vitest, tsx), they register tsx first and load the TypeScript.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ArticleInput } from '../doc/types.js';
import type { AnalyzeResult, JsonlLineOptions, JsonlResult, Task, TaskMessage, WorkerMessage } from './protocol.js';

/** Tasks sent to one thread before it answers: two keeps each thread busy without hoarding work. */
const PER_THREAD = 2;

export const defaultWorkers = (): number => Math.max(1, availableParallelism());

interface Pending {
  resolve(value: unknown): void;
  reject(err: Error): void;
}

interface Thread {
  worker: Worker;
  inflight: Map<number, Pending>;
  /** the thread stopped answering (exited or failed); a replacement takes its place */
  dead: boolean;
}

let entryCache: URL | undefined;

/** The worker script: the compiled one when this file is compiled, else a bootstrap that loads the TypeScript through tsx. */
function workerEntry(): URL {
  if (entryCache) return entryCache;
  const compiled = new URL('./analysis-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(compiled))) return (entryCache = compiled);
  const source = new URL('./analysis-worker.ts', import.meta.url);
  if (!existsSync(fileURLToPath(source))) throw new Error(`the analysis worker is missing next to ${fileURLToPath(import.meta.url)}: run npm run build`);
  let api: string;
  try {
    const require = createRequire(import.meta.url);
    const pkgFile = require.resolve('tsx/package.json');
    const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
    api = pathToFileURL(join(dirname(pkgFile), pkg.exports['./esm/api']!.import.default)).href;
  } catch {
    throw new Error('running newsgraph from source needs tsx (a dev dependency) for the worker threads, or npm run build');
  }
  const code = `import { register } from ${JSON.stringify(api)};\nregister();\nawait import(${JSON.stringify(source.href)});\n`;
  return (entryCache = new URL(`data:text/javascript,${encodeURIComponent(code)}`));
}

/** A thread died (out of memory, a crash in native code): the tasks it held fail with this; the pool goes on. */
export class WorkerLostError extends Error {
  constructor(why: string) {
    super(`an analysis worker thread ${why}`);
    this.name = 'WorkerLostError';
  }
}

export class PoolClosedError extends Error {
  constructor() {
    super('the analysis pool is closed');
    this.name = 'PoolClosedError';
  }
}

export class AnalysisPool {
  readonly size: number;
  private readonly threads: Thread[] = [];
  private readonly queue: { seq: number; task: Task; pending: Pending }[] = [];
  private seq = 0;
  private closed = false;
  /** set when the pipeline cannot load at all: every task fails with it */
  private fatal: Error | undefined;

  constructor(size: number = defaultWorkers()) {
    if (!Number.isInteger(size) || size < 1) throw new Error(`a pool needs at least one thread, not ${size}`);
    this.size = size;
    for (let i = 0; i < size; i++) this.threads.push(this.spawn());
  }

  /** How many tasks are queued or running: callers bound their read-ahead with it. */
  get pending(): number {
    return this.queue.length + this.threads.reduce((n, t) => n + t.inflight.size, 0);
  }

  analyze(input: ArticleInput): Promise<AnalyzeResult> {
    return this.submit({ kind: 'analyze', input }) as Promise<AnalyzeResult>;
  }

  jsonlLine(line: string, lineNo: number, opts: JsonlLineOptions): Promise<JsonlResult> {
    return this.submit({ kind: 'jsonl', line, lineNo, opts }) as Promise<JsonlResult>;
  }

  /** Stop every thread; tasks not answered yet fail with PoolClosedError. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const item of this.queue.splice(0)) item.pending.reject(new PoolClosedError());
    await Promise.all(this.threads.map(async (t) => {
      t.dead = true;
      for (const p of t.inflight.values()) p.reject(new PoolClosedError());
      t.inflight.clear();
      await t.worker.terminate();
    }));
  }

  private submit(task: Task): Promise<unknown> {
    if (this.closed) return Promise.reject(new PoolClosedError());
    if (this.fatal) return Promise.reject(this.fatal);
    return new Promise((resolve, reject) => {
      this.queue.push({ seq: this.seq++, task, pending: { resolve, reject } });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.queue.length) {
      let best: Thread | undefined;
      for (const t of this.threads) if (!t.dead && t.inflight.size < PER_THREAD && (!best || t.inflight.size < best.inflight.size)) best = t;
      if (!best) return;
      const item = this.queue.shift()!;
      best.inflight.set(item.seq, item.pending);
      best.worker.postMessage({ seq: item.seq, task: item.task } satisfies TaskMessage);
    }
  }

  private spawn(): Thread {
    const worker = new Worker(workerEntry(), { stdout: false, stderr: false });
    const thread: Thread = { worker, inflight: new Map(), dead: false };
    worker.on('message', (msg: WorkerMessage) => {
      if ('fatal' in msg) {
        this.fail(new Error(msg.fatal));
        return;
      }
      const p = thread.inflight.get(msg.seq);
      thread.inflight.delete(msg.seq);
      p?.resolve(msg.result);
      this.dispatch();
    });
    const lost = (why: string) => {
      if (thread.dead) return;
      thread.dead = true;
      const err = new WorkerLostError(why);
      // the tasks it held fail (each becomes one error in its place); a fresh thread takes over the rest
      for (const p of thread.inflight.values()) p.reject(err);
      thread.inflight.clear();
      if (!this.closed && !this.fatal) {
        this.threads[this.threads.indexOf(thread)] = this.spawn();
        this.dispatch();
      }
    };
    worker.on('error', (err) => lost(`failed: ${err.message}`));
    worker.on('exit', (code) => lost(`exited (code ${code})`));
    return thread;
  }

  private fail(err: Error): void {
    if (this.fatal) return;
    this.fatal = err;
    for (const item of this.queue.splice(0)) item.pending.reject(err);
    for (const t of this.threads) {
      for (const p of t.inflight.values()) p.reject(err);
      t.inflight.clear();
    }
  }
}
