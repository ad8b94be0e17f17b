/**
 * Per-stage timings of the pipeline on one core, in process: every stage of STAGES is run over
 * emptyDoc(...) as runPipeline does, and timed; the first WARM articles (JIT warm-up) are left
 * out of the figures. Then toAnalysis, timed the same way.
 *   npx tsx scripts/perf/stages.ts [FILE] [--warm 50] [--rounds 1]
 * (or node dist/scripts/perf/stages.js after `npm run build`, which is what the figures quote)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ArticleInput, NewsDoc } from '../../src/doc/types.js';
import { STAGES, emptyDoc } from '../../src/pipeline.js';
import { toAnalysis } from '../../src/analysis.js';
import { packageRoot } from '../../src/resources/paths.js';
import { PROPOSERS, refineProposals } from '../../src/stages/entities/index.js';
import { mergeProposals } from '../../src/stages/entities/propose.js';
import { resolveEntities } from '../../src/stages/entities/resolve.js';
import { winkTokenize } from '../../src/stages/tokens/wink.js';

const args = process.argv.slice(2);
const opt = (name: string, dflt: number): number => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const file = args.find((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1]!.startsWith('--'))) ??
  join(packageRoot(), 'tmp', 'perf', 'reuters-1000.jsonl');
const WARM = opt('--warm', 50);
const ROUNDS = opt('--rounds', 1);
/** --detail: the entities stage split into its proposers, the merge and the resolution */
const DETAIL = args.includes('--detail');
/**
 * --cpu: time by process CPU time (process.cpuUsage) rather than wall time, steadier on a shared
 * machine (it counts V8's helper threads too, so it reads a little high).
 */
const CPU = args.includes('--cpu');
/** --wink: the tokens stage as it was with wink-nlp (src/stages/tokens/wink.ts), for before/after figures */
const WINK = args.includes('--wink');
const STAGE_LIST = WINK ? STAGES.map((s) => (s.name === 'tokens' ? { ...s, run: (d: NewsDoc) => winkTokenize(d.text) } : s)) : STAGES;
const now = CPU ? (): number => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; } : (): number => performance.now();

const inputs: ArticleInput[] = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as ArticleInput);
const wordsOf = (t: string): number => t.match(/\S+/g)?.length ?? 0;

// one row per proposer (named after its function: signOffProposer → sign-off), then the merge and its clean-ups, then resolution
const PROPOSER_ROWS = PROPOSERS.map((p) => `  ${p.name.replace(/Proposer$/, '').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`);
const ENTITY_PARTS = [...PROPOSER_ROWS, '  merge', '  resolve'];
const names = [...STAGES.flatMap((s) => (DETAIL && s.name === 'entities' ? ENTITY_PARTS : [s.name])), 'toAnalysis'];
const ms = new Map<string, number>(names.map((n) => [n, 0]));
let words = 0;
let articles = 0;
for (let round = 0; round < ROUNDS; round++) {
  for (let a = 0; a < inputs.length; a++) {
    const counted = round > 0 || a >= WARM;
    const doc: NewsDoc = emptyDoc(inputs[a]!);
    for (const stage of STAGE_LIST) {
      if (DETAIL && stage.name === 'entities') {
        const lists = PROPOSERS.map((p, k) => {
          const t0 = now();
          const out = p(doc);
          if (counted) ms.set(PROPOSER_ROWS[k]!, ms.get(PROPOSER_ROWS[k]!)! + now() - t0);
          return out;
        });
        let t0 = now();
        const merged = refineProposals(doc, mergeProposals(lists)); // as findEntities does
        if (counted) ms.set('  merge', ms.get('  merge')! + now() - t0);
        t0 = now();
        Object.assign(doc, { entities: resolveEntities(doc, merged) });
        if (counted) ms.set('  resolve', ms.get('  resolve')! + now() - t0);
        continue;
      }
      const t0 = now();
      Object.assign(doc, stage.run(doc)); // as runPipeline does
      if (counted) ms.set(stage.name, ms.get(stage.name)! + now() - t0);
    }
    const t0 = now();
    toAnalysis(doc);
    if (counted) {
      ms.set('toAnalysis', ms.get('toAnalysis')! + now() - t0);
      words += wordsOf(inputs[a]!.text);
      articles++;
    }
  }
}
const total = [...ms.values()].reduce((a, b) => a + b, 0);
const pad = (s: string, n: number) => s.padEnd(n);
console.log(`${articles} articles, ${words} words (first ${WARM} left out as warm-up, ${ROUNDS} round(s), ${CPU ? 'CPU' : 'wall'} time${WINK ? ', wink tokens' : ''})`);
console.log(`${pad('stage', 12)} ${'ms'.padStart(9)} ${'share'.padStart(7)} ${'words/s'.padStart(11)}`);
for (const [name, t] of ms) {
  console.log(`${pad(name, 12)} ${t.toFixed(1).padStart(9)} ${((100 * t) / total).toFixed(1).padStart(6)}% ${Math.round(words / (t / 1000)).toLocaleString('en').padStart(11)}`);
}
console.log(`${pad('total', 12)} ${total.toFixed(1).padStart(9)} ${'100.0'.padStart(6)}% ${Math.round(words / (total / 1000)).toLocaleString('en').padStart(11)}`);
const mem = process.memoryUsage();
console.log(`heap used ${(mem.heapUsed / 2 ** 20).toFixed(0)} MB, rss ${(mem.rss / 2 ** 20).toFixed(0)} MB`);
