/**
 * Memory over many articles in one process: analyses the benchmark input ROUNDS times in a row
 * (the same articles again count as more articles) and prints heap and RSS after a full GC at
 * each checkpoint. --wink: with the old wink-nlp tokens stage, whose lexicon grows as it reads.
 *   node --expose-gc dist/scripts/perf/memory.js [FILE] [--rounds 2] [--every 1000] [--wink]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ArticleInput, NewsDoc } from '../../src/doc/types.js';
import { STAGES, runPipeline } from '../../src/pipeline.js';
import { toAnalysis } from '../../src/analysis.js';
import { packageRoot } from '../../src/resources/paths.js';
import { winkTokenize } from '../../src/stages/tokens/wink.js';

const args = process.argv.slice(2);
const opt = (name: string, dflt: number): number => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const file = args.find((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1]!.startsWith('--'))) ?? join(packageRoot(), 'tmp', 'perf', 'reuters-4000.jsonl');
const ROUNDS = opt('--rounds', 2);
const EVERY = opt('--every', 1000);
const WINK = args.includes('--wink');
const stages = WINK ? STAGES.map((s) => (s.name === 'tokens' ? { ...s, run: (d: NewsDoc) => winkTokenize(d.text) } : s)) : STAGES;
const inputs = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as ArticleInput);
const gc = (globalThis as { gc?: () => void }).gc;
const mb = (n: number) => (n / 2 ** 20).toFixed(1).padStart(7);
console.log(`${WINK ? 'wink' : 'newsgraph'} tokens stage; ${gc ? 'after a full GC' : 'no --expose-gc: figures include garbage'}`);
console.log(`${'articles'.padStart(8)} ${'heap MB'.padStart(7)} ${'rss MB'.padStart(7)}`);
let n = 0;
for (let r = 0; r < ROUNDS; r++) {
  for (const input of inputs) {
    toAnalysis(runPipeline(input, stages));
    if (++n % EVERY === 0) {
      gc?.();
      const m = process.memoryUsage();
      console.log(`${String(n).padStart(8)} ${mb(m.heapUsed)} ${mb(m.rss)}`);
    }
  }
}
