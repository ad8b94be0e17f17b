/**
 * The tagger core of two compiled checkouts, A/B: the Reuters bodies are run through the stages
 * before `entities` once and turned into the tagger's views; then, repeatedly and alternating
 * which goes first, each checkout loads a fresh tagger (empty word-type caches, as a new process
 * has) and tags every article with tagDocument, timed by CPU time. Prints each repetition and the
 * medians; checks the labels agree.
 *   node dist/scripts/perf/tagger-fresh.js OTHER_ROOT [--limit 4000] [--reps 6] [--warm 50]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ArticleInput } from '../../src/doc/types.js';
import { STAGES, emptyDoc } from '../../src/pipeline.js';
import { packageRoot } from '../../src/resources/paths.js';
import { taggerView } from '../../src/stages/entities/tagger-proposer.js';

interface Tagger { tagDocument(s: readonly (readonly string[])[]): string[][] }
interface TaggerModule { loadTagger(dir?: string): Tagger; MODEL_DIR(): string }
const args = process.argv.slice(2);
const opt = (name: string, dflt: number): number => { const i = args.indexOf(name); return i >= 0 ? Number(args[i + 1]) : dflt; };
const other = args[0]!;
const limit = opt('--limit', 4000), reps = opt('--reps', 6), warm = opt('--warm', 50);
const load = async (root: string) => (await import(pathToFileURL(join(root, 'dist', 'src', 'stages', 'entities', 'tagger', 'index.js')).href)) as TaggerModule;
const systems = [{ name: 'this checkout', mod: await load(packageRoot()), ms: [] as number[] }, { name: other, mod: await load(other), ms: [] as number[] }];

const inputs = readFileSync(join(packageRoot(), 'tmp', 'perf', 'reuters-4000.jsonl'), 'utf8').split('\n').filter((l) => l.trim()).slice(0, limit).map((l) => JSON.parse(l) as ArticleInput);
const upTo = STAGES.findIndex((s) => s.name === 'entities');
const articles = inputs.map((input) => {
  let doc = emptyDoc(input);
  for (const stage of STAGES.slice(0, upTo)) doc = { ...doc, ...stage.run(doc) };
  return doc.sentences.map((s) => taggerView(doc.tokens.slice(s.tokenStart, s.tokenEnd)).words);
});
const cpu = (): number => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
// JIT warm-up of both on a throwaway tagger each
for (const s of systems) { const t = s.mod.loadTagger(s.mod.MODEL_DIR()); for (const a of articles.slice(0, warm)) t.tagDocument(a); }
let reference: string | undefined;
for (let r = 0; r < reps; r++) {
  const order = r % 2 === 0 ? systems : [...systems].reverse();
  for (const s of order) {
    const tagger = s.mod.loadTagger(s.mod.MODEL_DIR());
    const out: string[][][] = [];
    const t0 = cpu();
    for (const a of articles) out.push(tagger.tagDocument(a));
    s.ms.push(cpu() - t0);
    const text = JSON.stringify(out);
    if (reference === undefined) reference = text;
    else if (text !== reference) console.log(`${s.name}: labels differ`);
  }
  console.log(`rep ${r + 1}: ${systems.map((s) => `${s.name} ${s.ms[r]!.toFixed(0)} ms`).join(', ')}`);
}
const median = (a: number[]) => { const b = [...a].sort((x, y) => x - y); return b[b.length >> 1]!; };
const [m0, m1] = systems.map((s) => median(s.ms));
console.log(`median over ${reps}: this checkout ${m0!.toFixed(0)} ms, ${other} ${m1!.toFixed(0)} ms (${((100 * (m0! - m1!)) / m1!).toFixed(1)}%); min ${Math.min(...systems[0]!.ms).toFixed(0)} vs ${Math.min(...systems[1]!.ms).toFixed(0)}`);
