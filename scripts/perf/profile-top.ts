/**
 * Summarises a V8 .cpuprofile (node --cpu-prof): the functions with the most self time, and
 * total (inclusive) time by function.
 *   node --cpu-prof --cpu-prof-dir=tmp/perf/prof bin/newsgraph.js analyze --jsonl tmp/perf/reuters-1000.jsonl > /dev/null
 *   npx tsx scripts/perf/profile-top.ts tmp/perf/prof/FILE.cpuprofile [N] [--filter src/stages]
 */
import { readFileSync } from 'node:fs';

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
interface Profile { nodes: Node[]; samples: number[]; timeDeltas: number[] }

const args = process.argv.slice(2);
const prof = JSON.parse(readFileSync(args[0]!, 'utf8')) as Profile;
const N = Number(args[1] ?? 40);
const fi = args.indexOf('--filter');
const filter = fi >= 0 ? args[fi + 1]! : undefined;

const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const self = new Map<number, number>();
for (let i = 0; i < prof.samples.length; i++) self.set(prof.samples[i]!, (self.get(prof.samples[i]!) ?? 0) + (prof.timeDeltas[i] ?? 0));
const key = (n: Node) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.replace(/^.*\/(dist|node_modules)\//, '$1/')}:${n.callFrame.lineNumber + 1}`;
const selfBy = new Map<string, number>();
const totalBy = new Map<string, number>();
let all = 0;
for (const [id, t] of self) {
  all += t;
  const n = byId.get(id)!;
  selfBy.set(key(n), (selfBy.get(key(n)) ?? 0) + t);
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const k = key(byId.get(cur)!);
    if (seen.has(k)) continue;
    seen.add(k);
    totalBy.set(k, (totalBy.get(k) ?? 0) + t);
  }
}
const show = (title: string, m: Map<string, number>) => {
  console.log(`\n${title} (of ${(all / 1000).toFixed(0)} ms)`);
  [...m].filter(([k]) => !filter || k.includes(filter)).sort((a, b) => b[1] - a[1]).slice(0, N)
    .forEach(([k, t]) => console.log(`${(t / 1000).toFixed(0).padStart(7)} ms ${((100 * t) / all).toFixed(1).padStart(5)}%  ${k}`));
};
show('self time', selfBy);
show('total time', totalBy);
