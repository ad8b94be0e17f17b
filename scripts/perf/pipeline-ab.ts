/**
 * Whole-pipeline `analyze` of this checkout and another compiled one, A/B in one process: after
 * a warm-up of each on the first 50 articles, every article is analysed by both in turn (which
 * goes first alternates), each timed by CPU time, so that a busy machine slows both alike.
 *   node dist/scripts/perf/pipeline-ab.js OTHER_ROOT [FILE]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ArticleInput } from '../../src/doc/types.js';
import { packageRoot } from '../../src/resources/paths.js';

type Analyze = (i: ArticleInput) => unknown;
const other = process.argv[2]!;
const file = process.argv[3] ?? join(packageRoot(), 'tmp', 'perf', 'reuters-4000.jsonl');
const load = async (root: string) => ((await import(pathToFileURL(join(root, 'dist', 'src', 'pipeline.js')).href)) as { analyze: Analyze }).analyze;
const mine = await load(packageRoot());
const theirs = await load(other);
const inputs = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as ArticleInput);
for (const input of inputs.slice(0, 50)) { mine(input); theirs(input); }
let words = 0;
for (const input of inputs) words += input.text.match(/\S+/g)?.length ?? 0;
const cpu = (): number => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
let tMine = 0, tTheirs = 0;
for (let a = 0; a < inputs.length; a++) {
  const input = inputs[a]!;
  if (a % 2 === 0) {
    let t0 = cpu(); mine(input); tMine += cpu() - t0;
    t0 = cpu(); theirs(input); tTheirs += cpu() - t0;
  } else {
    let t0 = cpu(); theirs(input); tTheirs += cpu() - t0;
    t0 = cpu(); mine(input); tMine += cpu() - t0;
  }
}
const rate = (ms: number) => Math.round(words / (ms / 1000));
console.log(`${inputs.length} articles, ${words} words: this checkout ${tMine.toFixed(0)} ms CPU (${rate(tMine)} words/s), ${other} ${tTheirs.toFixed(0)} ms (${rate(tTheirs)} words/s): ${((100 * (tMine - tTheirs)) / tTheirs).toFixed(1)}%`);
