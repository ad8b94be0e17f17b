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
import { processJsonlLine } from './jsonl-line.js';
import type { AnalyzeResult, JsonlLineOptions, JsonlResult, Task, TaskMessage, WorkerMessage } from './protocol.js';

/** Tasks sent to one thread before it answers: two keeps each thread busy without hoarding work. */
const PER_THREAD = 2;

export const defaultWorkers = (): number => Math.max(1, availableParallelism());

interface Pending {
  resolve(value: unknown): void;
  reject(err: Error): void;
}

interface Item {
  seq: number;
  task: Task;
  pending: Pending;
  /** threads that died holding it: after one, it runs alone on a thread, so a task that kills its thread takes no other with it */
  lost: number;
}

interface Thread {
  worker: Worker;
  inflight: Map<number, Item>;
  /** it runs a task that was on a thread that died, alone */
  isolated: boolean;
  /** the pipeline has loaded in it */
  ready: boolean;
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
  private readonly queue: Item[] = [];
  private seq = 0;
  private closed = false;
  /** set when the pipeline cannot load at all: every task fails with it */
  private fatal: Error | undefined;

  /**
   * Up to `size` threads, started as the work needs them: one at first, another whenever a task
   * waits while every thread is busy. A short input never pays for (nor holds the memory of)
   * threads it cannot use.
   */
  constructor(size: number = defaultWorkers()) {
    if (!Number.isInteger(size) || size < 1) throw new Error(`a pool needs at least one thread, not ${size}`);
    this.size = size;
    this.threads.push(this.spawn());
  }

  /** Threads started so far. */
  get started(): number {
    return this.threads.length;
  }

  /** How many tasks are queued or running: callers bound their read-ahead with it. */
  get pending(): number {
    return this.queue.length + this.threads.reduce((n, t) => n + t.inflight.size, 0);
  }

  analyze(input: ArticleInput): Promise<AnalyzeResult> {
    return this.submit({ kind: 'analyze', input }) as Promise<AnalyzeResult>;
  }

  /** A line whose thread died under it twice comes back as its error line, like any bad record. */
  jsonlLine(line: string, lineNo: number, opts: JsonlLineOptions): Promise<JsonlResult> {
    return (this.submit({ kind: 'jsonl', line, lineNo, opts }) as Promise<JsonlResult>).catch((err: unknown) => {
      if (!(err instanceof WorkerLostError)) throw err;
      return processJsonlLine(() => {
        throw err;
      }, line, lineNo, opts);
    });
  }

  /** Stop every thread; tasks not answered yet fail with PoolClosedError. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const item of this.queue.splice(0)) item.pending.reject(new PoolClosedError());
    await Promise.all(this.threads.map(async (t) => {
      t.dead = true;
      for (const item of t.inflight.values()) item.pending.reject(new PoolClosedError());
      t.inflight.clear();
      await t.worker.terminate();
    }));
  }

  private submit(task: Task): Promise<unknown> {
    if (this.closed) return Promise.reject(new PoolClosedError());
    if (this.fatal) return Promise.reject(this.fatal);
    return new Promise((resolve, reject) => {
      this.queue.push({ seq: this.seq++, task, pending: { resolve, reject }, lost: 0 });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.queue.length) {
      const item = this.queue[0]!;
      const alone = item.lost > 0;
      let best: Thread | undefined;
      for (const t of this.threads) {
        if (t.dead || t.isolated || t.inflight.size >= (alone ? 1 : PER_THREAD)) continue;
        if (!best || t.inflight.size < best.inflight.size) best = t;
      }
      // every thread has work already: grow, up to size
      if ((!best || best.inflight.size > 0) && this.threads.length < this.size) {
        best = this.spawn();
        this.threads.push(best);
      }
      if (!best) return;
      this.queue.shift();
      best.inflight.set(item.seq, item);
      if (alone) best.isolated = true;
      best.worker.postMessage({ seq: item.seq, task: item.task } satisfies TaskMessage);
    }
  }

  private spawn(): Thread {
    // the threads get this process's Node flags, less those only a main script may take
    const execArgv = process.execArgv.filter((a) => !/^--(?:input-type|eval|print)\b|^-[ep]$/.test(a));
    const worker = new Worker(workerEntry(), { stdout: false, stderr: false, execArgv });
    const thread: Thread = { worker, inflight: new Map(), isolated: false, ready: false, dead: false };
    worker.on('message', (msg: WorkerMessage) => {
      if ('fatal' in msg) {
        this.fail(new Error(msg.fatal));
        return;
      }
      if ('ready' in msg) {
        thread.ready = true;
        return;
      }
      const item = thread.inflight.get(msg.seq);
      thread.inflight.delete(msg.seq);
      if (thread.inflight.size === 0) thread.isolated = false;
      item?.pending.resolve(msg.result);
      this.dispatch();
    });
    const lost = (why: string) => {
      if (thread.dead) return;
      thread.dead = true;
      // a thread that dies before the pipeline has loaded in it cannot start at all: no use starting another
      if (!thread.ready && !this.closed) {
        this.fail(new Error(`an analysis worker thread could not start: ${why}`));
        return;
      }
      // what it held runs again, each task alone on a thread; a task that takes a second thread
      // down with it fails (one error in its place); a fresh thread takes this one's place
      const again = [...thread.inflight.values()].sort((a, b) => a.seq - b.seq);
      thread.inflight.clear();
      if (this.closed || this.fatal) {
        for (const item of again) item.pending.reject(this.fatal ?? new PoolClosedError());
        return;
      }
      for (const item of again.filter((i) => i.lost > 0)) item.pending.reject(new WorkerLostError(why));
      const retry = again.filter((i) => i.lost === 0);
      for (const item of retry) item.lost++;
      this.queue.unshift(...retry);
      this.threads[this.threads.indexOf(thread)] = this.spawn();
      this.dispatch();
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
      for (const item of t.inflight.values()) item.pending.reject(err);
      t.inflight.clear();
    }
  }
}
