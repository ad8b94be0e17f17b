/**
 * How newsgraph's tokens stage agrees with the wink-nlp one it replaced, on the benchmark input:
 * token spans, sentence starts, kinds and Universal POS (on tokens both cut the same way), and the
 * most frequent disagreements of each kind.
 *   npx tsx scripts/perf/tokens-agreement.ts [FILE] [--show 30]
 * (FILE defaults to tmp/perf/reuters-4000.jsonl, written by scripts/perf/make-input.ts 4000)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../src/resources/paths.js';
import { tokenize } from '../../src/stages/tokens/index.js';
import { winkTokenize } from '../../src/stages/tokens/wink.js';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--') && !/^\d+$/.test(a)) ?? join(packageRoot(), 'tmp', 'perf', 'reuters-4000.jsonl');
const si = args.indexOf('--show');
const SHOW = si >= 0 ? Number(args[si + 1]) : 25;
const li = args.indexOf('--limit');
const texts = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).slice(0, li >= 0 ? Number(args[li + 1]) : undefined).map((l) => (JSON.parse(l) as { text: string }).text);

let wTok = 0, oTok = 0, same = 0, sameKind = 0, samePos = 0;
let wSent = 0, oSent = 0, sameSent = 0;
const tokDiff = new Map<string, number>();
const sentOnlyOurs = new Map<string, number>();
const sentOnlyWink = new Map<string, number>();
const posDiff = new Map<string, number>();
const posWordDiff = new Map<string, number>();
const kindDiff = new Map<string, number>();
const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
const ctx = (t: string, at: number) => t.slice(Math.max(0, at - 25), at).replace(/\s+/g, ' ') + ' ‖ ' + t.slice(at, at + 25).replace(/\s+/g, ' ');

for (const text of texts) {
  const w = winkTokenize(text);
  const o = tokenize(text);
  wTok += w.tokens.length;
  oTok += o.tokens.length;
  const ours = new Map(o.tokens.map((t) => [`${t.start}:${t.end}`, t]));
  const winks = new Set(w.tokens.map((t) => `${t.start}:${t.end}`));
  for (const t of w.tokens) {
    const m = ours.get(`${t.start}:${t.end}`);
    if (!m) {
      const cover = o.tokens.filter((x) => x.end > t.start && x.start < t.end).map((x) => x.text).join(' ');
      bump(tokDiff, `wink [${t.text}] ours [${cover}]`);
      continue;
    }
    same++;
    if (m.kind === t.kind) sameKind++;
    else bump(kindDiff, `${t.text}: wink ${t.kind} ours ${m.kind}`);
    if (m.pos === t.pos) samePos++;
    else { bump(posDiff, `wink ${t.pos} ours ${m.pos}`); bump(posWordDiff, `${t.text}: wink ${t.pos} ours ${m.pos}`); }
  }
  for (const t of o.tokens) if (!winks.has(`${t.start}:${t.end}`)) {
    const cover = w.tokens.filter((x) => x.end > t.start && x.start < t.end);
    if (!cover.length) bump(tokDiff, `wink [] ours [${t.text}]`);
  }
  const ws = new Set(w.sentences.map((s) => s.start));
  const os = new Set(o.sentences.map((s) => s.start));
  wSent += ws.size;
  oSent += os.size;
  for (const s of os) if (ws.has(s)) sameSent++; else bump(sentOnlyOurs, ctx(text, s));
  for (const s of ws) if (!os.has(s)) bump(sentOnlyWink, ctx(text, s));
}
const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(2)}%`;
console.log(`${texts.length} texts`);
console.log(`tokens: wink ${wTok}, ours ${oTok}; same span ${same} (${pct(same, wTok)} of wink's, ${pct(same, oTok)} of ours)`);
console.log(`kind agreement on same-span tokens ${pct(sameKind, same)}; POS agreement on same-span tokens ${pct(samePos, same)}`);
console.log(`sentences: wink ${wSent}, ours ${oSent}; same start ${sameSent} (recall of wink's ${pct(sameSent, wSent)}, precision ${pct(sameSent, oSent)})`);
const top = (title: string, m: Map<string, number>) => {
  console.log(`\n${title} (${[...m.values()].reduce((a, b) => a + b, 0)}):`);
  for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, SHOW)) console.log(`${String(v).padStart(6)}  ${k}`);
};
top('token differences', tokDiff);
top('kind differences', kindDiff);
top('POS differences', posDiff);
top('POS differences by word', posWordDiff);
top('sentence starts only ours', sentOnlyOurs);
top('sentence starts only wink', sentOnlyWink);
