/**
 * CPU time of one pipeline stage against another build of it, inside the whole pipeline, the two
 * builds interleaved article by article (in turn, first one then the other) so that a busy
 * machine slows both alike and each runs among the other stages' garbage and cache traffic:
 *   node dist/scripts/perf/stage-ab.js STAGE OTHER_ROOT [ROUNDS] [FILE]
 * STAGE is a name in STAGES (tokens, times, quantities, entities, quotes, sources, events,
 * framing); OTHER_ROOT another compiled newsgraph checkout (its dist/). This checkout's output
 * feeds the later stages; the two builds' outputs of STAGE must be identical.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ArticleInput, NewsDoc, Stage } from '../../src/doc/types.js';
import { STAGES, emptyDoc } from '../../src/pipeline.js';
import { packageRoot } from '../../src/resources/paths.js';

const [stageName, other, roundsArg, fileArg] = process.argv.slice(2);
if (!stageName || !other) {
  console.error('usage: node dist/scripts/perf/stage-ab.js STAGE OTHER_ROOT [ROUNDS] [FILE]');
  process.exit(2);
}
const rounds = Number(roundsArg ?? 3);
const file = fileArg ?? join(packageRoot(), 'tmp', 'perf', 'reuters-1000.jsonl');
const inputs = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as ArticleInput);

const stageOf = (stages: readonly Stage[]): Stage => {
  const s = stages.find((x) => x.name === stageName);
  if (!s) throw new Error(`no stage ${stageName} (${stages.map((x) => x.name).join(', ')})`);
  return s;
};
const theirs = stageOf(((await import(pathToFileURL(join(other, 'dist', 'src', 'pipeline.js')).href)) as { STAGES: Stage[] }).STAGES);
const ours = stageOf(STAGES);
const builds = [ours, theirs];

const cpuMs = (c0: NodeJS.CpuUsage) => {
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
};
const totals: number[][] = [[], []];
let differ = 0;
for (let r = 0; r < rounds; r++) {
  const ms = [0, 0];
  inputs.forEach((input, k) => {
    let doc = emptyDoc(input);
    for (const stage of STAGES) {
      if (stage !== ours) {
        doc = { ...doc, ...stage.run(doc) };
        continue;
      }
      const out: Partial<NewsDoc>[] = [];
      for (const i of (r + k) % 2 ? [1, 0] : [0, 1]) {
        const c0 = process.cpuUsage();
        out[i] = builds[i]!.run(doc);
        ms[i] += cpuMs(c0);
      }
      if (r === 0 && JSON.stringify(out[0]) !== JSON.stringify(out[1])) differ++;
      doc = { ...doc, ...out[0] };
    }
  });
  totals[0]!.push(ms[0]!);
  totals[1]!.push(ms[1]!);
  console.log(`round ${r}: this ${ms[0]!.toFixed(0)} ms, other ${ms[1]!.toFixed(0)} ms, ratio (other / this) ${(ms[1]! / ms[0]!).toFixed(3)}`);
}
if (differ) console.log(`OUTPUTS DIFFER in ${differ} of ${inputs.length} articles`);
const ratios = totals[0]!.map((t, k) => totals[1]![k]! / t).sort((a, b) => a - b);
console.log(`${stageName}: speed ratio (this / other) by CPU time, median of ${rounds} rounds ${ratios[Math.floor(ratios.length / 2)]!.toFixed(3)} (range ${ratios[0]!.toFixed(3)}–${ratios[ratios.length - 1]!.toFixed(3)})`);
