/**
 * The tagger proposer of two compiled checkouts, A/B in one process: the Reuters bodies are run
 * through the stages before `entities` once (by this checkout), then each article is handed to
 * both checkouts' taggerProposer in turn (which goes first alternates) and each is timed by CPU
 * time. Each checkout's tagger sees the articles in the same order, so both pay the same
 * first-sight costs. Also checks that the two propose the same spans.
 *   node dist/scripts/perf/tagger-ab.js OTHER_ROOT [FILE] [--limit 2000] [--warm 50] [--rounds 1]
 * OTHER_ROOT `--solo`: this checkout alone (to profile it). `--rounds R`: R passes over the articles,
 * each reported (the first pays for the word types first met, the later ones hardly).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ArticleInput, NewsDoc } from '../../src/doc/types.js';
import { STAGES, emptyDoc } from '../../src/pipeline.js';
import { packageRoot } from '../../src/resources/paths.js';

type ProposerFn = (doc: NewsDoc) => unknown[];
const args = process.argv.slice(2);
const other = args[0]!;
const limitAt = args.indexOf('--limit');
const limit = limitAt >= 0 ? Number(args[limitAt + 1]) : 2000;
const roundsAt = args.indexOf('--rounds');
const rounds = roundsAt >= 0 ? Number(args[roundsAt + 1]) : 1;
const warmAt = args.indexOf('--warm');
const warm = warmAt >= 0 ? Number(args[warmAt + 1]) : 0;
const file = args[1] && !args[1].startsWith('--') && args[0] !== '--limit' ? args[1] : join(packageRoot(), 'tmp', 'perf', 'reuters-4000.jsonl');
const load = async (root: string) => ((await import(pathToFileURL(join(root, 'dist', 'src', 'stages', 'entities', 'tagger-proposer.js')).href)) as { taggerProposer: ProposerFn }).taggerProposer;
const mine = await load(packageRoot());
const solo = other === '--solo';
const theirs = solo ? (): unknown[] => [] : await load(other);

const inputs = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).slice(0, limit).map((l) => JSON.parse(l) as ArticleInput);
const docs: NewsDoc[] = [];
const upTo = STAGES.findIndex((s) => s.name === 'entities');
for (const input of inputs) {
  let doc = emptyDoc(input);
  for (const stage of STAGES.slice(0, upTo)) doc = { ...doc, ...stage.run(doc) };
  docs.push(doc);
}
const cpu = (): number => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
// --warm W: both taggers first see articles W … 2W - 1 untimed (JIT warm-up), as the pipeline timings warm up on 50
for (const d of docs.slice(warm, 2 * warm)) { mine(d); theirs(d); }
for (let round = 0; round < rounds; round++) {
  let tMine = 0, tTheirs = 0, differ = 0;
  for (let a = 0; a < docs.length; a++) {
    const d = docs[a]!;
    let x: unknown[], y: unknown[];
    if ((a + round) % 2 === 0) {
      let t0 = cpu(); x = mine(d); tMine += cpu() - t0;
      t0 = cpu(); y = theirs(d); tTheirs += cpu() - t0;
    } else {
      let t0 = cpu(); y = theirs(d); tTheirs += cpu() - t0;
      t0 = cpu(); x = mine(d); tMine += cpu() - t0;
    }
    if (!solo && JSON.stringify(x) !== JSON.stringify(y)) differ++;
  }
  console.log(`round ${round + 1}, ${docs.length} articles: this checkout ${tMine.toFixed(0)} ms, ${other} ${tTheirs.toFixed(0)} ms (${((100 * (tMine - tTheirs)) / tTheirs).toFixed(1)}%), ${differ} articles differ`);
}
