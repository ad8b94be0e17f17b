/**
 * `npx tsx scripts/bench-store.ts`: the knowledge base on the first 4,000 Reuters-21578 articles
 * with a body, in SQLite and in PostgreSQL (NEWSGRAPH_PG_URL, or the local server .ci/run uses).
 *   - ingest: the real `ingest` path (JSON lines read, analysed, stored, one transaction each);
 *   - store only: the same analyses, computed beforehand, stored into a fresh store;
 *   - size: the SQLite file (after a WAL checkpoint), or pg_database_size.
 * Prints a markdown table. Each PostgreSQL run uses its own database, dropped afterwards.
 */
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { performance } from 'node:perf_hooks';
import { onServer as runOnServer, scratchDatabase } from '../src/store/scratch.js';
import type { Analysis } from '../src/analysis.js';
import { analyze } from '../src/pipeline.js';
import { ingestPaths } from '../src/ingest/ingest.js';
import { openStore, type StoreTarget } from '../src/store/open.js';
import type { Store } from '../src/store/store.js';

const ARTICLES = 4000;
const CORPUS = new URL('../../shared/data/corpora/reuters21578.jsonl', import.meta.url);
const PG_URL = process.env.NEWSGRAPH_PG_URL?.trim() || 'postgres://postgres@127.0.0.1:5432/postgres';

interface Row {
  store: string;
  mode: string;
  added: number;
  duplicates: number;
  seconds: number;
  bytes: number;
}

/** The first ARTICLES records with a body, as `ingest` JSON lines. */
async function writeJsonl(file: string): Promise<number> {
  const lines: string[] = [];
  const rl = createInterface({ input: createReadStream(CORPUS), crlfDelay: Infinity });
  for await (const line of rl) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as { newid: number; date?: string; title?: string; body?: string };
    if (!r.body?.trim()) continue;
    lines.push(JSON.stringify({ id: `reuters-${r.newid}`, date: r.date ? r.date.slice(0, 10) : null, title: r.title, publisher: 'Reuters', text: r.body }));
    if (lines.length === ARTICLES) break;
  }
  rl.close();
  writeFileSync(file, `${lines.join('\n')}\n`);
  return lines.length;
}

const onServer = (sqlText: string) => runOnServer(PG_URL, sqlText);

/** A fresh store of each kind; disposing deletes it. */
async function freshStore(kind: 'sqlite' | 'postgres', tmp: string, label: string): Promise<{ store: Store; dispose(): Promise<void> }> {
  if (kind === 'sqlite') {
    const target: StoreTarget = { kind: 'sqlite', file: join(tmp, `${label}.db`) };
    const store = await openStore(target);
    return { store, dispose: () => store.close() };
  }
  const database = await scratchDatabase(PG_URL, 'newsgraph_bench', `${process.pid}_${label}`);
  const store = await openStore({ kind: 'postgres', url: database.url });
  return {
    store,
    async dispose() {
      await store.close();
      await database.drop();
    },
  };
}

async function postgresAvailable(): Promise<boolean> {
  try {
    await onServer('select 1');
    return true;
  } catch {
    return false;
  }
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

async function main(): Promise<void> {
  const tmp = mkdtempSync(join(tmpdir(), 'newsgraph-bench-'));
  const jsonl = join(tmp, 'reuters.jsonl');
  const rows: Row[] = [];
  try {
    const n = await writeJsonl(jsonl);
    process.stderr.write(`bench-store: ${n} Reuters-21578 articles\n`);

    // the analyses once, for the store-only runs
    const inputs: Analysis[] = [];
    const analysisStart = performance.now();
    for await (const line of createInterface({ input: createReadStream(jsonl), crlfDelay: Infinity })) {
      const r = JSON.parse(line) as { id: string; date: string | null; title?: string; text: string };
      inputs.push(analyze({ id: r.id, date: r.date, ...(r.title ? { title: r.title } : {}), text: r.text }));
    }
    const analysisSeconds = (performance.now() - analysisStart) / 1000;

    const kinds: ('sqlite' | 'postgres')[] = ['sqlite'];
    if (await postgresAvailable()) kinds.push('postgres');
    else process.stderr.write(`bench-store: PostgreSQL at ${PG_URL.replace(/:[^:@/]*@/, ':***@')} is not reachable; SQLite only\n`);

    for (const kind of kinds) {
      const name = kind === 'sqlite' ? 'SQLite' : 'PostgreSQL';
      process.stderr.write(`bench-store: ${name}: ingest\n`);
      const full = await freshStore(kind, tmp, 'ingest');
      try {
        const t0 = performance.now();
        const report = await ingestPaths(full.store, [jsonl], { analyze });
        const seconds = (performance.now() - t0) / 1000;
        rows.push({ store: name, mode: 'ingest (read, analyse, store)', added: report.added, duplicates: report.duplicates, seconds, bytes: await full.store.sizeBytes() });
      } finally {
        await full.dispose();
      }

      process.stderr.write(`bench-store: ${name}: store only\n`);
      const only = await freshStore(kind, tmp, 'store_only');
      try {
        let added = 0;
        let duplicates = 0;
        const t0 = performance.now();
        for (const a of inputs) {
          const outcome = await only.store.ingestArticle(a, { publisher: 'Reuters' });
          if (outcome.status === 'added') added++;
          else duplicates++;
        }
        const seconds = (performance.now() - t0) / 1000;
        rows.push({ store: name, mode: 'store only (analyses given)', added, duplicates, seconds, bytes: await only.store.sizeBytes() });
      } finally {
        await only.dispose();
      }
    }

    const out = [
      `Knowledge base on the first ${n} Reuters-21578 bodies (analysis alone: ${(n / analysisSeconds).toFixed(0)} articles/s in-process)`,
      '',
      '| store | run | articles added | duplicates skipped | seconds | articles/s | store size |',
      '|---|---|---:|---:|---:|---:|---:|',
      ...rows.map((r) => `| ${r.store} | ${r.mode} | ${r.added} | ${r.duplicates} | ${r.seconds.toFixed(1)} | ${((r.added + r.duplicates) / r.seconds).toFixed(0)} | ${mb(r.bytes)} |`),
    ];
    process.stdout.write(`${out.join('\n')}\n`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

await main();
