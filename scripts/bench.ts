/**
 * `npm run bench`: throughput of the pipeline on the first 4,000 Reuters-21578 articles with a
 * body, measured two ways: the CLI as a child process (`analyze --jsonl`, start-up included)
 * and an in-process loop over analyze() (after a warm-up on the first 50 articles).
 * Prints a markdown table of words/s, articles/s and peak RSS, then the NER tagger against
 * compromise on CoNLL-2003 dev (scripts/bench-ner.ts).
 */
import { spawn } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { performance } from 'node:perf_hooks';
import type { ArticleInput } from '../src/doc/types.js';
import { packageRoot } from '../src/resources/paths.js';
import { benchNer, nerTable } from './bench-ner.js';

const ARTICLES = 4000;
const WARM_UP = 50;

interface Row {
  mode: string;
  articles: number;
  words: number;
  seconds: number;
  failed: number;
  peakRssMb: number | null;
}

const words = (text: string): number => text.match(/\S+/g)?.length ?? 0;

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

/** Peak resident memory of a running process (Linux VmHWM), in MB; null where /proc is missing. */
function peakRssOf(pid: number): number | null {
  try {
    const m = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

async function benchCli(root: string, file: string, articles: ArticleInput[]): Promise<Row> {
  const start = performance.now();
  const child = spawn(process.execPath, [join(root, 'bin', 'newsgraph.js'), 'analyze', '--jsonl', file, '--format', 'jsonl'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  let peak: number | null = null;
  const poll = setInterval(() => {
    const now = child.pid ? peakRssOf(child.pid) : null;
    if (now !== null) peak = Math.max(peak ?? 0, now);
  }, 50);
  const code = await new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (c) => resolve(c ?? 1));
  });
  clearInterval(poll);
  const seconds = (performance.now() - start) / 1000;
  if (code !== 0 && code !== 2) throw new Error(`newsgraph analyze exited ${code}: ${stderr.trim()}`);
  const failed = Number(/(\d+) of \d+ records failed/.exec(stderr)?.[1] ?? 0);
  return {
    mode: 'CLI `analyze --jsonl` (child process, start-up included)',
    articles: articles.length,
    words: articles.reduce((n, a) => n + words(a.text), 0),
    seconds,
    failed,
    peakRssMb: peak,
  };
}

async function benchInProcess(articles: ArticleInput[]): Promise<Row> {
  const { analyze } = await import('../src/pipeline.js');
  const warm = articles.slice(0, WARM_UP);
  const timed = articles.slice(WARM_UP);
  for (const a of warm) {
    try {
      analyze(a);
    } catch {
      // counted below
    }
  }
  let failed = 0;
  const start = performance.now();
  for (const a of timed) {
    try {
      analyze(a);
    } catch {
      failed++;
    }
  }
  const seconds = (performance.now() - start) / 1000;
  return {
    mode: `in-process analyze() (after ${WARM_UP}-article warm-up)`,
    articles: timed.length,
    words: timed.reduce((n, a) => n + words(a.text), 0),
    seconds,
    failed,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

function table(rows: Row[]): string {
  const fmt = (n: number, digits = 0): string => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  const lines = [
    '| mode | articles | words | seconds | articles/s | words/s | failed | peak RSS |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map((r) =>
      `| ${r.mode} | ${fmt(r.articles)} | ${fmt(r.words)} | ${fmt(r.seconds, 2)} | ${fmt(r.articles / r.seconds, 1)} | ${fmt(r.words / r.seconds)} | ${r.failed} | ${r.peakRssMb === null ? 'n/a' : `${fmt(r.peakRssMb)} MB`} |`),
  ];
  return lines.join('\n');
}

async function main(): Promise<void> {
  const root = packageRoot();
  const corpus = join(root, '..', 'shared', 'data', 'corpora', 'reuters21578.jsonl');
  if (!existsSync(corpus)) {
    console.log(`bench: corpus not found at ${corpus}; nothing to measure`);
    return;
  }
  const articles = await loadCorpus(corpus, ARTICLES);
  const dir = mkdtempSync(join(tmpdir(), 'newsgraph-bench-'));
  try {
    const file = join(dir, 'articles.jsonl');
    writeFileSync(file, articles.map((a) => JSON.stringify({ id: a.id, date: a.date, title: a.title, text: a.text })).join('\n') + '\n');
    console.log(`bench: ${articles.length} Reuters-21578 articles, node ${process.version}\n`);
    const rows = [await benchCli(root, file, articles), await benchInProcess(articles)];
    console.log(table(rows));
    const ner = benchNer();
    if (ner) console.log(`\n${nerTable(ner)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
