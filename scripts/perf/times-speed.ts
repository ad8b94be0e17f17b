/**
 * CPU time of the times stage (findTimes) against another build of it, interleaved in one process
 * so a busy machine slows both alike:
 *   node dist/scripts/perf/times-speed.js [OTHER_ROOT] [ROUNDS] [FILE] [--pipeline]
 * OTHER_ROOT is another newsgraph checkout, compiled (its dist/), e.g. the previous commit
 * unpacked with `git archive`. Tokens and sentences are made once, by this checkout; each round
 * times findTimes over every article, and the two builds' results must be identical.
 * --pipeline: each article goes through this checkout's whole pipeline, the two builds' findTimes
 * timed in its place (in turn, first one then the other): the stage runs among the other stages'
 * garbage and cache traffic, as in `analyze`, where it costs some three times more than alone.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ArticleInput, NewsDoc, TimeRecord } from '../../src/doc/types.js';
import { emptyDoc, STAGES } from '../../src/pipeline.js';
import { packageRoot } from '../../src/resources/paths.js';
import { tokensStage } from '../../src/stages/tokens/index.js';

type FindTimes = (text: string, tokens: NewsDoc['tokens'], sentences: NewsDoc['sentences'], date: string | null) => TimeRecord[];

const PIPELINE = process.argv.includes('--pipeline');
const [other, roundsArg, fileArg] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const rounds = Number(roundsArg ?? 15);
const file = fileArg ?? join(packageRoot(), 'tmp', 'perf', 'reuters-1000.jsonl');
const inputs = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as ArticleInput);
const docs = inputs.map((input) => {
  const doc = emptyDoc(input);
  return { ...doc, ...tokensStage.run(doc) } as NewsDoc;
});

const load = async (root: string): Promise<FindTimes> =>
  ((await import(pathToFileURL(join(root, 'dist', 'src', 'stages', 'times', 'index.js')).href)) as { findTimes: FindTimes }).findTimes;
const systems: { name: string; find: FindTimes; cpu: number[] }[] = [{ name: 'this checkout', find: await load(packageRoot()), cpu: [] }];
if (other) systems.push({ name: other, find: await load(other), cpu: [] });

const results = systems.map((s) => JSON.stringify(docs.map((d) => s.find(d.text, d.tokens, d.sentences, d.date))));
if (results.some((r) => r !== results[0])) console.log('RESULTS DIFFER between the builds');

const cpuMs = (c0: NodeJS.CpuUsage) => {
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
};
const after = STAGES.slice(STAGES.findIndex((s) => s.name === 'times') + 1);
for (let r = 0; r < rounds; r++) {
  if (PIPELINE) {
    const ms = systems.map(() => 0);
    docs.forEach((d, k) => {
      const order = (r + k) % 2 ? systems.map((_, i) => systems.length - 1 - i) : systems.map((_, i) => i);
      let times: TimeRecord[] = [];
      for (const i of order) {
        const c0 = process.cpuUsage();
        times = systems[i]!.find(d.text, d.tokens, d.sentences, d.date);
        ms[i] += cpuMs(c0);
      }
      let doc: NewsDoc = { ...d, times };
      for (const stage of after) doc = { ...doc, ...stage.run(doc) };
    });
    systems.forEach((s, i) => s.cpu.push(ms[i]!));
    continue;
  }
  for (const s of r % 2 ? [...systems].reverse() : systems) {
    const c0 = process.cpuUsage();
    for (const d of docs) s.find(d.text, d.tokens, d.sentences, d.date);
    s.cpu.push(cpuMs(c0));
  }
}
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
for (const s of systems) {
  const c = sorted(s.cpu);
  console.log(`${s.name}: findTimes over ${docs.length} articles, CPU ms min ${c[0]!.toFixed(0)}, median ${c[Math.floor(c.length / 2)]!.toFixed(0)}`);
}
if (systems.length === 2) {
  const ratio = sorted(systems[0]!.cpu.map((t, k) => systems[1]!.cpu[k]! / t));
  console.log(`speed ratio (this / other) by CPU time, per round: median ${ratio[Math.floor(ratio.length / 2)]!.toFixed(3)}, range ${ratio[0]!.toFixed(3)}–${ratio[ratio.length - 1]!.toFixed(3)}`);
}
