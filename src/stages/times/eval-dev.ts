/**
 * Development check of the time stage against a TimeML-derived JSON-lines file
 * ({doc_id, dct, text, timex3: [{type, value, start, end, text}]}), scored as
 * shared/eval/score.py `timex` does: strict span, relaxed span and value F1 (TempEval-3 style).
 *
 *   npx tsx src/stages/times/eval-dev.ts FILE [--errors N]
 */
import { readFileSync } from 'node:fs';
import { tokenize } from '../tokens/index.js';
import { findTimes } from './index.js';

interface Gold {
  doc_id: string;
  dct: string;
  text: string;
  timex3: { type: string; value: string; start: number; end: number; text: string }[];
}

/** UTF-16 offset → code point offset (the gold files count code points). */
function codePointMap(text: string): (o: number) => number {
  const table: number[] = [];
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    table.push(cp);
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      table.push(cp);
      i++;
    }
    cp++;
  }
  table.push(cp);
  return (o) => table[Math.min(Math.max(o, 0), table.length - 1)]!;
}

const f1 = (tp: number, np: number, tr: number, nr: number) => {
  const p = np ? tp / np : 0;
  const r = nr ? tr / nr : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
};

const file = process.argv[2];
if (!file) {
  console.error('usage: eval-dev.ts FILE [--errors N]');
  process.exit(2);
}
const showErrors = process.argv.includes('--errors') ? Number(process.argv[process.argv.indexOf('--errors') + 1] ?? 50) : 0;
const docs = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Gold);

let nG = 0, nP = 0, sp = 0, sr = 0, rp = 0, rr = 0, vp = 0, vr = 0;
let words = 0;
let ms = 0;
const errors: string[] = [];
const overlap = (a: [number, number], b: [number, number]) => Math.min(a[1], b[1]) - Math.max(a[0], b[0]) > 0;
for (const d of docs) {
  const { tokens, sentences } = tokenize(d.text);
  const t0 = performance.now();
  const times = findTimes(d.text, tokens, sentences, d.dct.slice(0, 10));
  ms += performance.now() - t0;
  words += tokens.length;
  const conv = codePointMap(d.text);
  const gold = d.timex3.map((t) => ({ s: t.start, e: t.end, v: t.value, text: t.text, type: t.type }));
  const pred = times.map((t) => ({ s: conv(t.start), e: conv(t.end), v: t.value, text: t.text, type: t.type, rule: t.rule }));
  nG += gold.length;
  nP += pred.length;
  for (const p of pred) {
    const m = gold.filter((g) => overlap([p.s, p.e], [g.s, g.e]));
    sp += +m.some((g) => g.s === p.s && g.e === p.e);
    rp += +(m.length > 0);
    vp += +m.some((g) => g.v === p.v);
    if (!m.length) errors.push(`FP   ${d.dct.slice(0, 10)} "${p.text}" ${p.type} ${p.v} [${p.rule}]`);
  }
  for (const g of gold) {
    const m = pred.filter((p) => overlap([p.s, p.e], [g.s, g.e]));
    sr += +m.some((p) => p.s === g.s && p.e === g.e);
    rr += +(m.length > 0);
    vr += +m.some((p) => p.v === g.v);
    if (!m.length) errors.push(`FN   ${d.dct.slice(0, 10)} "${g.text}" ${g.type} ${g.v}`);
    else if (!m.some((p) => p.v === g.v)) errors.push(`VAL  ${d.dct.slice(0, 10)} "${g.text}" ${g.type} gold ${g.v} / "${m[0]!.text}" ${m[0]!.v} [${m[0]!.rule}]`);
    else if (!m.some((p) => p.s === g.s && p.e === g.e)) errors.push(`SPAN ${d.dct.slice(0, 10)} gold "${g.text}" / pred "${m[0]!.text}"`);
  }
}
for (const [name, a, b] of [['strict span', sp, sr], ['relaxed span', rp, rr], ['value', vp, vr]] as const) {
  const { p, r, f } = f1(a, nP, b, nG);
  console.log(`${name.padEnd(12)} P ${p.toFixed(4)} R ${r.toFixed(4)} F1 ${f.toFixed(4)}`);
}
console.log(`gold ${nG} predicted ${nP}; findTimes ${(words / (ms / 1000)).toFixed(0)} tokens/s (${ms.toFixed(0)} ms)`);
if (showErrors) for (const e of errors.slice(0, showErrors)) console.log(e);
