/**
 * `npm run bench`: one table, on the same first 4,000 Reuters-21578 articles with a body.
 *
 *   - analyze in one thread (in-process loop over analyze(), after a 50-article warm-up; V8's
 *     compiler and garbage collector threads run beside it on other cores);
 *   - analyze and compromise on one core strictly: a child process pinned to one CPU (taskset),
 *     so that compiling and collecting share the core; once fresh (the 50-article warm-up) and
 *     once warm, after the next 4,000 Reuters bodies, as a process that has been running a while;
 *   - analyze on all cores (the worker-thread pool, in-process, threads warmed up; JSON text
 *     back in input order, as `analyze --jsonl`);
 *   - the CLI `analyze --jsonl` with --workers 1 and with one thread per core (child process,
 *     start-up and output included, peak memory);
 *   - ingest into SQLite, and into PostgreSQL when NEWSGRAPH_PG_URL is set (a temporary database);
 *   - the queue with 1, 2 and 4 `newsgraph worker` processes when REDIS_URL and NEWSGRAPH_PG_URL
 *     are set: enqueue, then analyse and store into PostgreSQL (a subsample, said in the row);
 *   - compromise (nlp(text) + people/places/organizations) and wink-nlp (readDoc + tokens + POS)
 *     on the same articles, and every row's words/s as a multiple of compromise's;
 * then the NER tagger against compromise on CoNLL-2003 dev (scripts/bench-ner.ts).
 *
 * BENCH_ARTICLES=N changes the 4,000 (a quick look); BENCH_QUEUE_ARTICLES=N the queue subsample.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { performance } from 'node:perf_hooks';
import { scratchDatabase } from '../src/store/scratch.js';
import { defaultWorkers } from '../src/parallel/pool.js';
import type { ArticleInput } from '../src/doc/types.js';
import { packageRoot } from '../src/resources/paths.js';
import { benchNer, nerTable } from './bench-ner.js';

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 4000);
const QUEUE_ARTICLES = Number(process.env.BENCH_QUEUE_ARTICLES ?? 1000);
const WARM_UP = 50;
const CORES = availableParallelism();
const PG_URL = process.env.NEWSGRAPH_PG_URL?.trim() || undefined;
const REDIS_URL = process.env.REDIS_URL?.trim() || undefined;

interface Row {
  what: string;
  articles: number;
  words: number;
  seconds: number;
  failed: number;
  /** peak resident memory of the process measured (the largest one, for several) */
  peakRssMb: number | null;
  note?: string;
  /** the row its × compromise is taken against, when not the in-process compromise row */
  versus?: Row;
}

const words = (text: string): number => text.match(/\S+/g)?.length ?? 0;
const wordsOf = (articles: readonly ArticleInput[]) => articles.reduce((n, a) => n + words(a.text), 0);
const log = (line: string) => process.stderr.write(`bench: ${line}\n`);

async function loadCorpus(path: string, n: number): Promise<ArticleInput[]> {
  const out: ArticleInput[] = [];
  const rl = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  for await (const line of rl) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as { newid: number; date?: string; title?: string; body?: string };
    if (!r.body?.trim()) continue;
    out.push({
      id: String(r.newid),
      date: r.date ? r.date.slice(0, 10) : null,
      ...(r.title ? { title: r.title } : {}),
      text: r.body,
    });
    if (out.length >= n) {
      rl.close();
      break;
    }
  }
  return out;
}

function writeJsonl(file: string, articles: readonly ArticleInput[]): void {
  writeFileSync(file, articles.map((a) => JSON.stringify({ id: a.id, date: a.date, title: a.title, publisher: 'Reuters', text: a.text })).join('\n') + '\n');
}

/** Peak resident memory of a running process (Linux VmHWM), in MB; null where /proc is missing. */
function peakRssOf(pid: number): number | null {
  try {
    const m = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** Poll a child's peak memory until stopped. */
function watchRss(child: ChildProcess): () => number | null {
  let peak: number | null = null;
  const poll = setInterval(() => {
    const now = child.pid ? peakRssOf(child.pid) : null;
    if (now !== null) peak = Math.max(peak ?? 0, now);
  }, 50);
  return () => {
    clearInterval(poll);
    return peak;
  };
}

function cli(root: string, args: string[], stdout: 'ignore' | 'pipe' = 'ignore'): ChildProcess & { stderrText(): string } {
  const child = spawn(process.execPath, [join(root, 'bin', 'newsgraph.js'), ...args], { cwd: root, stdio: ['ignore', stdout, 'pipe'] });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  return Object.assign(child, { stderrText: () => stderr });
}

const exited = (child: ChildProcess) => new Promise<number>((resolve, reject) => {
  if (child.exitCode !== null) return resolve(child.exitCode);
  child.once('error', reject);
  child.once('exit', (c) => resolve(c ?? 1));
});

// ------------------------------------------------------------------ analysis

type Runner = (a: ArticleInput) => unknown;

/** `run` over the warm-up articles, then timed over `articles`: seconds, and the articles it threw on. */
function timeRuns(run: Runner, warmUp: readonly ArticleInput[], articles: readonly ArticleInput[]): { seconds: number; failed: number } {
  for (const a of warmUp) {
    try {
      run(a);
    } catch {
      // counted below
    }
  }
  let failed = 0;
  const start = performance.now();
  for (const a of articles) {
    try {
      run(a);
    } catch {
      failed++;
    }
  }
  return { seconds: (performance.now() - start) / 1000, failed };
}

async function benchOneCore(articles: ArticleInput[]): Promise<Row> {
  const run = await RUNNERS.newsgraph();
  return { what: 'newsgraph analyze, 1 thread (in-process)', articles: articles.length, words: wordsOf(articles), ...timeRuns(run, articles.slice(0, WARM_UP), articles), peakRssMb: null };
}

async function benchPool(articles: ArticleInput[]): Promise<Row> {
  const { AnalysisPool } = await import('../src/parallel/pool.js');
  const { orderedMap } = await import('../src/parallel/ordered.js');
  const pool = new AnalysisPool(CORES);
  // as `analyze --jsonl` does: the threads read the record and send back the JSON text
  const lines = articles.map((a) => JSON.stringify({ id: a.id, date: a.date, title: a.title, text: a.text }));
  const opts = { format: 'jsonl' as const, pretty: false };
  try {
    // every thread loads the pipeline and warms up, as the one-core row does
    await Promise.all(lines.slice(0, WARM_UP * CORES).map((line, i) => pool.jsonlLine(line, i + 1, opts)));
    let failed = 0;
    const start = performance.now();
    for await (const r of orderedMap(lines.map((line, i) => ({ line, n: i + 1 })), (x) => pool.jsonlLine(x.line, x.n, opts), CORES * 8)) if (!r.ok) failed++;
    return {
      what: `newsgraph analyze, all cores (pool of ${CORES} threads, in-process)`,
      articles: articles.length, words: wordsOf(articles), seconds: (performance.now() - start) / 1000, failed, peakRssMb: null,
      note: 'JSON text back in input order, as analyze --jsonl',
    };
  } finally {
    await pool.close();
  }
}

async function benchCli(root: string, file: string, articles: ArticleInput[], workers: number): Promise<Row> {
  const start = performance.now();
  const child = cli(root, ['analyze', '--jsonl', file, '--format', 'jsonl', '--workers', String(workers)]);
  const peak = watchRss(child);
  const code = await exited(child);
  const seconds = (performance.now() - start) / 1000;
  const peakRssMb = peak();
  if (code !== 0 && code !== 2) throw new Error(`newsgraph analyze exited ${code}: ${child.stderrText().trim()}`);
  return {
    what: `CLI \`analyze --jsonl --workers ${workers}\` (child process)`,
    articles: articles.length, words: wordsOf(articles), seconds,
    failed: Number(/(\d+) of \d+ records failed/.exec(child.stderrText())?.[1] ?? 0),
    peakRssMb,
    note: 'start-up and JSON output included',
  };
}

// ------------------------------------------------------------------ stores and queue


/** A temporary PostgreSQL database for one row; drop() removes it. */
function tempDatabase(label: string): Promise<{ url: string; drop(): Promise<void> }> {
  return scratchDatabase(PG_URL!, 'newsgraph_bench', `${process.pid}_${label}`);
}

async function benchIngest(root: string, file: string, articles: ArticleInput[], kind: 'sqlite' | 'postgres', tmp: string): Promise<Row> {
  const db = kind === 'postgres' ? await tempDatabase('ingest') : undefined;
  try {
    const target = db ? ['--pg', db.url] : ['--db', join(tmp, 'ingest.db')];
    const start = performance.now();
    const child = cli(root, ['ingest', file, ...target, '--format', 'json'], 'pipe');
    let out = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => (out += d));
    const peak = watchRss(child);
    const code = await exited(child);
    const seconds = (performance.now() - start) / 1000;
    const peakRssMb = peak();
    if (code !== 0) throw new Error(`newsgraph ingest exited ${code}: ${child.stderrText().trim()}`);
    const report = JSON.parse(out) as { added: number; duplicates: number; failed: number };
    return {
      what: `CLI \`ingest\` → ${kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'} (the default ${defaultWorkers()} analysis thread${defaultWorkers() === 1 ? '' : 's'}, one transaction per article)`,
      articles: articles.length, words: wordsOf(articles), seconds, failed: report.failed, peakRssMb,
      note: `${report.added} added, ${report.duplicates} duplicates skipped; start-up included`,
    };
  } finally {
    await db?.drop();
  }
}

async function benchQueue(root: string, file: string, articles: ArticleInput[], workers: number): Promise<Row> {
  const db = await tempDatabase(`queue${workers}`);
  const name = `bench-${process.pid}-${workers}`;
  const { openQueue, queueStatus } = await import('../src/queue/queue.js');
  const { queue } = await openQueue({ redisUrl: REDIS_URL!, name });
  const children: (ChildProcess & { stderrText(): string })[] = [];
  const peaks: (() => number | null)[] = [];
  try {
    for (let i = 0; i < workers; i++) {
      const child = cli(root, ['worker', '--pg', db.url, '--queue-name', name, '--concurrency', '1']);
      children.push(child);
      peaks.push(watchRss(child));
    }
    // timed from the enqueue, once every worker is listening (their start-up is not the queue's)
    await Promise.all(children.map((c) => new Promise<void>((resolve, reject) => {
      const check = () => (/worker: ready/.test(c.stderrText()) ? resolve() : undefined);
      c.stderr!.on('data', check);
      c.once('exit', (code) => reject(new Error(`a worker exited (${code}) before it was ready: ${c.stderrText().trim()}`)));
      check();
    })));
    const start = performance.now();
    const enqueue = cli(root, ['ingest', '--queue', file, '--queue-name', name]);
    if ((await exited(enqueue)) !== 0) throw new Error(`ingest --queue failed: ${enqueue.stderrText().trim()}`);
    let status = await queueStatus(queue, REDIS_URL!, 0);
    while (status.completed + status.dead < articles.length) {
      await new Promise((r) => setTimeout(r, 100));
      status = await queueStatus(queue, REDIS_URL!, 0);
    }
    const seconds = (performance.now() - start) / 1000;
    for (const c of children) c.kill('SIGTERM');
    await Promise.all(children.map(exited));
    const rss = peaks.map((p) => p()).filter((x): x is number => x !== null);
    return {
      what: `queue: \`ingest --queue\` + ${workers} \`worker\` process${workers === 1 ? '' : 'es'} → PostgreSQL`,
      articles: articles.length, words: wordsOf(articles), seconds, failed: status.dead,
      peakRssMb: rss.length ? Math.max(...rss) : null,
      note: `first ${articles.length} articles (subsample); one job at a time per worker; enqueue included, worker start-up not`,
    };
  } finally {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
    await db.drop();
  }
}

// ------------------------------------------------------------------ one core, strictly

const RUNNERS: Record<'newsgraph' | 'compromise', () => Promise<Runner>> = {
  newsgraph: async () => (await import('../src/pipeline.js')).analyze,
  compromise: async () => {
    const nlp = (await import('compromise')).default;
    return (a) => {
      const doc = nlp(a.text);
      doc.people().out('array');
      doc.places().out('array');
      doc.organizations().out('array');
    };
  },
};
const PIN = ['taskset', '-c', '0'];
const canPin = (): boolean => process.platform === 'linux' && (() => {
  try {
    return spawnSync(PIN[0]!, [...PIN.slice(1), 'true']).status === 0;
  } catch {
    return false;
  }
})();

/** In the pinned child: time `which` over the first ARTICLES bodies, after its warm-up; prints a JSON row. */
async function pinnedChild(which: 'newsgraph' | 'compromise', warm: 'fresh' | 'warm'): Promise<void> {
  const corpus = join(packageRoot(), '..', 'shared', 'data', 'corpora', 'reuters21578.jsonl');
  const all = await loadCorpus(corpus, warm === 'warm' ? 2 * ARTICLES : ARTICLES);
  const articles = all.slice(0, ARTICLES);
  const warmUp = warm === 'warm' ? all.slice(ARTICLES) : articles.slice(0, WARM_UP);
  const timed = timeRuns(await RUNNERS[which](), warmUp, articles);
  process.stdout.write(`${JSON.stringify({ ...timed, words: wordsOf(articles), articles: articles.length, warmUp: warmUp.length })}\n`);
}

async function benchPinned(which: 'newsgraph' | 'compromise', warm: 'fresh' | 'warm'): Promise<Row> {
  const child = spawn(PIN[0]!, [...PIN.slice(1), process.execPath, new URL(import.meta.url).pathname, '--pinned-child', which, warm], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  const code = await exited(child);
  if (code !== 0) throw new Error(`pinned ${which} run exited ${code}`);
  const r = JSON.parse(out.trim().split('\n').pop()!) as { seconds: number; failed: number; words: number; articles: number; warmUp: number };
  const name = which === 'newsgraph' ? 'newsgraph analyze' : 'compromise 14: nlp(text) + people/places/organizations';
  return {
    what: `${name}, 1 core, ${warm === 'warm' ? `warm (after ${r.warmUp.toLocaleString('en-US')} other bodies)` : 'fresh process'}`,
    articles: r.articles, words: r.words, seconds: r.seconds, failed: r.failed, peakRssMb: null,
    note: 'pinned to one CPU with taskset: JIT compiler and GC share the core',
  };
}

// ------------------------------------------------------------------ the others

async function benchCompromise(articles: ArticleInput[]): Promise<Row> {
  const run = await RUNNERS.compromise();
  return {
    what: 'compromise 14: nlp(text) + people/places/organizations, 1 core',
    articles: articles.length, words: wordsOf(articles), ...timeRuns(run, articles.slice(0, WARM_UP), articles), peakRssMb: null,
  };
}

async function benchWink(articles: ArticleInput[]): Promise<Row> {
  const winkNLP = (await import('wink-nlp')).default;
  const model = (await import('wink-eng-lite-web-model')).default;
  const nlp = winkNLP(model, ['sbd', 'pos']);
  const its = nlp.its;
  const run = (a: ArticleInput) => {
    const tokens = nlp.readDoc(a.text).tokens();
    tokens.out();
    tokens.out(its.pos);
  };
  return {
    what: 'wink-nlp 2: readDoc + tokens + POS (sbd, pos pipes), 1 core',
    articles: articles.length, words: wordsOf(articles), ...timeRuns(run, articles.slice(0, WARM_UP), articles), peakRssMb: null,
  };
}

// ------------------------------------------------------------------ table

function table(rows: Row[], compromise: Row | undefined): string {
  const fmt = (n: number, digits = 0): string => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  const base = compromise ? compromise.words / compromise.seconds : undefined;
  return [
    '| what | articles | words | seconds | articles/s | words/s | × compromise | failed | peak RSS | notes |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---|',
    ...rows.map((r) => {
      const wps = r.words / r.seconds;
      const against = r.versus ? r.versus.words / r.versus.seconds : base;
      return `| ${r.what} | ${fmt(r.articles)} | ${fmt(r.words)} | ${fmt(r.seconds, 1)} | ${fmt(r.articles / r.seconds, 1)} | ${fmt(wps)} | ${against ? `${fmt(wps / against, 2)}×` : 'n/a'} | ${r.failed} | ${r.peakRssMb === null ? '' : `${fmt(r.peakRssMb)} MB`} | ${r.note ?? ''} |`;
    }),
  ].join('\n');
}

async function main(): Promise<void> {
  const root = packageRoot();
  const corpus = join(root, '..', 'shared', 'data', 'corpora', 'reuters21578.jsonl');
  if (!existsSync(corpus)) {
    console.log(`bench: corpus not found at ${corpus}; nothing to measure`);
    return;
  }
  const articles = await loadCorpus(corpus, ARTICLES);
  const sample = articles.slice(0, Math.min(QUEUE_ARTICLES, articles.length));
  const dir = mkdtempSync(join(tmpdir(), 'newsgraph-bench-'));
  const began = performance.now();
  const loadBefore = loadavg()[0]!;
  try {
    const file = join(dir, 'articles.jsonl');
    const sampleFile = join(dir, 'sample.jsonl');
    writeJsonl(file, articles);
    writeJsonl(sampleFile, sample);
    const rows: Row[] = [];
    const step = async (label: string, run: () => Promise<Row>) => {
      log(`${label} …`);
      const row = await run();
      log(`${label}: ${row.seconds.toFixed(1)} s`);
      rows.push(row);
      return row;
    };
    await step('analyze, 1 thread', () => benchOneCore(articles));
    const pinned: Row[] = [];
    if (canPin()) {
      for (const which of ['newsgraph', 'compromise'] as const) {
        for (const warm of ['fresh', 'warm'] as const) pinned.push(await step(`${which}, 1 core, ${warm}`, () => benchPinned(which, warm)));
      }
      // like against like: each pinned newsgraph row against the pinned compromise row of its kind
      pinned[0]!.versus = pinned[2]!;
      pinned[1]!.versus = pinned[3]!;
      pinned[2]!.versus = pinned[2]!;
      pinned[3]!.versus = pinned[3]!;
    } else {
      log('taskset is not available: no rows pinned to one core');
    }
    await step(`analyze, ${CORES} threads`, () => benchPool(articles));
    await step('CLI analyze --jsonl --workers 1', () => benchCli(root, file, articles, 1));
    await step(`CLI analyze --jsonl --workers ${CORES}`, () => benchCli(root, file, articles, CORES));
    await step('ingest into SQLite', () => benchIngest(root, file, articles, 'sqlite', dir));
    if (PG_URL) await step('ingest into PostgreSQL', () => benchIngest(root, file, articles, 'postgres', dir));
    else log('NEWSGRAPH_PG_URL is not set: no PostgreSQL rows');
    if (PG_URL && REDIS_URL) {
      for (const n of [1, 2, 4]) await step(`queue, ${n} worker${n === 1 ? '' : 's'}`, () => benchQueue(root, sampleFile, sample, n));
    } else {
      log('REDIS_URL and NEWSGRAPH_PG_URL are not both set: no queue rows');
    }
    const compromise = await step('compromise', () => benchCompromise(articles));
    await step('wink-nlp', () => benchWink(articles));

    const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
    console.log(`bench: the first ${articles.length.toLocaleString('en-US')} Reuters-21578 bodies (${wordsOf(articles).toLocaleString('en-US')} words), ` +
      `node ${process.version}, ${CORES} cores (${cpu}), load average ${loadBefore.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end\n`);
    console.log(table(rows, compromise));
    if (pinned.length === 4) {
      const rate = (r: Row) => r.words / r.seconds;
      console.log(`\none core, strictly: newsgraph ${Math.round(rate(pinned[0]!)).toLocaleString('en-US')} words/s fresh, ` +
        `${Math.round(rate(pinned[1]!)).toLocaleString('en-US')} warm; ${(rate(pinned[0]!) / rate(pinned[2]!)).toFixed(2)}× and ` +
        `${(rate(pinned[1]!) / rate(pinned[3]!)).toFixed(2)}× compromise pinned the same way`);
    }
    const ner = benchNer();
    if (ner) console.log(`\n${nerTable(ner)}`);
    log(`done in ${((performance.now() - began) / 1000).toFixed(0)} s`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--pinned-child') await pinnedChild(process.argv[3] as 'newsgraph' | 'compromise', process.argv[4] as 'fresh' | 'warm');
else await main();
