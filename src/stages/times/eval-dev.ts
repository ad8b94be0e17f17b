/**
 * Development check of the time stage against a TimeML-derived JSON-lines file
 * ({doc_id, dct, text, timex3: [{type, value, start, end, text}]}), scored by `scoreTimex`
 * (eval.ts), which computes what shared/eval/score.py `timex` computes, plus the type agreement
 * over relaxed matches; with --errors N it also lists the first N misses (FP, FN, wrong value,
 * wrong span).
 *
 *   npx tsx src/stages/times/eval-dev.ts FILE [--errors N]
 */
import { readFileSync } from 'node:fs';
import { tokenize } from '../tokens/index.js';
import { formatTimexScore, scoreTimex, utf16ToCodePoint, type GoldTimexDoc, type PredTimexDoc } from './eval.js';
import { findTimes } from './index.js';

interface Gold extends GoldTimexDoc {
  timex3: { type: string; value: string; start: number; end: number; text: string }[];
}

const file = process.argv[2];
if (!file) {
  console.error('usage: eval-dev.ts FILE [--errors N]');
  process.exit(2);
}
const showErrors = process.argv.includes('--errors') ? Number(process.argv[process.argv.indexOf('--errors') + 1] ?? 50) : 0;
/** --context N: print N characters of the text on each side of every error */
const contextChars = process.argv.includes('--context') ? Number(process.argv[process.argv.indexOf('--context') + 1] ?? 80) : 0;
const docs = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Gold);

const preds = new Map<string, PredTimexDoc>();
const records = new Map<string, ReturnType<typeof findTimes>>();
const prepared = docs.map((d) => ({ d, ...tokenize(d.text) }));
// one untimed pass first, so that the timing below measures compiled code
for (const { d, tokens, sentences } of prepared.slice(0, 20)) findTimes(d.text, tokens, sentences, d.dct.slice(0, 10));
let words = 0;
let ms = 0;
for (const { d, tokens, sentences } of prepared) {
  const t0 = performance.now();
  const times = findTimes(d.text, tokens, sentences, d.dct.slice(0, 10));
  ms += performance.now() - t0;
  words += tokens.length;
  preds.set(String(d.doc_id), { text: d.text, times });
  records.set(String(d.doc_id), times);
}
console.log(formatTimexScore(scoreTimex(docs, preds)));
{
  // type agreement over the gold expressions that a prediction overlaps (not part of score.py)
  let same = 0;
  let matched = 0;
  for (const d of docs) {
    const conv = utf16ToCodePoint(d.text);
    const pred = records.get(String(d.doc_id))!.map((t) => ({ s: conv(t.start), e: conv(t.end), type: t.type }));
    for (const g of d.timex3) {
      const m = pred.find((x) => Math.min(x.e, g.end) - Math.max(x.s, g.start) > 0);
      if (!m) continue;
      matched++;
      if (m.type === g.type) same++;
    }
  }
  console.log(`type         ${same}/${matched} = ${(matched ? same / matched : 0).toFixed(4)} of relaxed matches`);
}
console.log(`findTimes ${(words / (ms / 1000)).toFixed(0)} tokens/s (${ms.toFixed(0)} ms)`);

if (showErrors) {
  const errors: string[] = [];
  const overlap = (a: { s: number; e: number }, b: { s: number; e: number }) => Math.min(a.e, b.e) - Math.max(a.s, b.s) > 0;
  for (const d of docs) {
    const conv = utf16ToCodePoint(d.text);
    const day = d.dct.slice(0, 10);
    const gold = d.timex3.map((t) => ({ s: t.start, e: t.end, v: t.value, text: t.text, type: t.type }));
    const pred = records.get(String(d.doc_id))!.map((t) => ({ s: conv(t.start), e: conv(t.end), v: t.value, text: t.text, type: t.type, rule: t.rule }));
    const chars = [...d.text];
    const around = (s: number, e: number) =>
      contextChars ? `\n     … ${chars.slice(Math.max(0, s - contextChars), s).join('')}[[${chars.slice(s, e).join('')}]]${chars.slice(e, e + contextChars).join('')}`.replace(/\s*\n\s*(?!…)/g, ' ') : '';
    for (const x of pred) {
      if (!gold.some((g) => overlap(x, g))) errors.push(`FP   ${day} "${x.text}" ${x.type} ${x.v} [${x.rule}]${around(x.s, x.e)}`);
    }
    for (const g of gold) {
      const m = pred.filter((x) => overlap(x, g));
      if (!m.length) errors.push(`FN   ${day} "${g.text}" ${g.type} ${g.v}${around(g.s, g.e)}`);
      else if (!m.some((x) => x.v === g.v)) errors.push(`VAL  ${day} "${g.text}" ${g.type} gold ${g.v} / "${m[0]!.text}" ${m[0]!.v} [${m[0]!.rule}]${around(g.s, g.e)}`);
      else if (!m.some((x) => x.s === g.s && x.e === g.e)) errors.push(`SPAN ${day} gold "${g.text}" / pred "${m[0]!.text}"${around(g.s, g.e)}`);
    }
  }
  for (const e of errors.slice(0, showErrors)) console.log(e);
}
