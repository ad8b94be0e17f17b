/**
 * Tagging speed of the NER tagger against another build of it, interleaved in one process so a
 * busy machine slows both alike: `node dist/scripts/perf/ner-speed.js [OTHER_ROOT] [ROUNDS]`.
 * OTHER_ROOT is another newsgraph checkout, compiled (its dist/ and models/), e.g. the previous
 * commit unpacked with `git archive`; or `--dir DIR`: another model folder, tagged by this
 * checkout's code. Times whole documents of CoNLL-2003 dev (eng.testa), as
 * bench-ner does, and prints the best and median tokens/s of each (by the clock, and by the
 * process's CPU time, which a busy machine disturbs less) and the F1 of each.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { packageRoot } from '../../src/resources/paths.js';
import { parseConll } from '../../src/stages/entities/tagger/conll.js';
import { EntityScorer } from '../../src/stages/entities/tagger/score.js';

interface TaggerModule {
  loadTagger(dir?: string): { tagDocument(s: readonly (readonly string[])[]): string[][] };
}

const dirFlag = process.argv[2] === '--dir';
const other = dirFlag ? process.argv[3] : process.argv[2];
const roundsArg = dirFlag ? process.argv[4] : process.argv[3];
const rounds = Number(roundsArg ?? 7);
const file = join(packageRoot(), '..', 'shared', 'data', 'ner', 'eng.testa');
const conll = parseConll(readFileSync(file, 'utf8'));
const docs = conll.docs.map((d) => d.sentences.map((s) => s.tokens));
const tokens = docs.reduce((n, d) => n + d.reduce((m, s) => m + s.length, 0), 0);

const here = (await import(pathToFileURL(join(packageRoot(), 'dist', 'src', 'stages', 'entities', 'tagger', 'index.js')).href)) as TaggerModule;
const systems: { name: string; mod: TaggerModule; times: number[]; cpu: number[]; f1: number; load: number }[] = [{ name: 'this checkout', mod: here, times: [], cpu: [], f1: 0, load: 0 }];
if (other && dirFlag) {
  // the same code, another model folder (loaded once, as loadTagger caches only the committed one)
  const tagger = here.loadTagger(other);
  systems.push({ name: other, mod: { loadTagger: () => tagger }, times: [], cpu: [], f1: 0, load: 0 });
} else if (other) {
  systems.push({ name: other, mod: (await import(pathToFileURL(join(other, 'dist', 'src', 'stages', 'entities', 'tagger', 'index.js')).href)) as TaggerModule, times: [], cpu: [], f1: 0, load: 0 });
}

for (const s of systems) {
  const t0 = performance.now();
  const tagger = s.mod.loadTagger();
  s.load = (performance.now() - t0) / 1000;
  const pred = docs.flatMap((d) => tagger.tagDocument(d));
  const scorer = new EntityScorer();
  conll.docs.flatMap((d) => d.sentences).forEach((sent, k) => scorer.add(sent.last, pred[k]!));
  s.f1 = scorer.overall().f1;
}
for (let r = 0; r < rounds; r++) {
  for (const s of r % 2 ? [...systems].reverse() : systems) {
    const tagger = s.mod.loadTagger();
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    for (const d of docs) tagger.tagDocument(d);
    const c1 = process.cpuUsage(c0);
    s.times.push((performance.now() - t0) / 1000);
    s.cpu.push((c1.user + c1.system) / 1e6);
  }
}
const fmt = (x: number) => Math.round(x).toLocaleString('en-US');
const stats = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return { best: tokens / sorted[0]!, median: tokens / sorted[Math.floor(sorted.length / 2)]! };
};
for (const s of systems) {
  const w = stats(s.times), c = stats(s.cpu);
  console.log(`${s.name}: ${fmt(w.best)} tokens/s best, ${fmt(w.median)} median (by CPU time: ${fmt(c.best)} best, ${fmt(c.median)} median); dev F1 ${s.f1.toFixed(4)}; load ${s.load.toFixed(2)} s`);
}
if (systems.length === 2) {
  for (const [what, key] of [['clock', 'times'], ['CPU time', 'cpu']] as const) {
    const ratio = systems[0]![key].map((t, k) => systems[1]![key][k]! / t).sort((a, b) => a - b);
    console.log(`speed ratio (this / other) by ${what}, per round: median ${ratio[Math.floor(ratio.length / 2)]!.toFixed(3)}, range ${ratio[0]!.toFixed(3)}–${ratio[ratio.length - 1]!.toFixed(3)}`);
  }
}
