/**
 * Writes the benchmark input: the first N (default 1,000) Reuters-21578 bodies as
 * `analyze --jsonl` records {id, date, text}.
 *   npx tsx scripts/perf/make-input.ts [N] [OUT]   (OUT defaults to tmp/perf/reuters-N.jsonl)
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { packageRoot } from '../../src/resources/paths.js';

const n = Number(process.argv[2] ?? 1000);
const out = process.argv[3] ?? join(packageRoot(), 'tmp', 'perf', `reuters-${n}.jsonl`);
const src = join(packageRoot(), '..', 'shared', 'data', 'corpora', 'reuters21578.jsonl');
const lines: string[] = [];
for (const line of readFileSync(src, 'utf8').split('\n')) {
  if (lines.length >= n) break;
  if (!line.trim()) continue;
  const r = JSON.parse(line) as { newid: number; date: string; body?: string };
  // (a few records past the first 4,000 have no date)
  if (!r.body || !r.body.trim() || !r.date) continue;
  lines.push(JSON.stringify({ id: String(r.newid), date: r.date.slice(0, 10), text: r.body }));
}
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, lines.join('\n') + '\n');
console.log(`${lines.length} records → ${out}`);
