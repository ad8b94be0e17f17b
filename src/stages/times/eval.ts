/**
 * TempEval-3 style scoring of time expressions, computed exactly as shared/eval/score.py
 * `timex` does: strict span, relaxed span (any overlap) and value F1 (an overlapping gold
 * expression with the same value), each precision counted over the predictions and recall over
 * the gold expressions. Pure: no I/O.
 *
 * Offsets: the gold files count code points (Python string indexes); predictions carry
 * JavaScript (UTF-16) offsets and are mapped to code points through the prediction's text, as
 * score.py does. For text without astral characters the mapping is the identity.
 */

export interface GoldTimexDoc {
  doc_id: string;
  dct: string;
  text: string;
  timex3: { start: number; end: number; value: string }[];
}

export interface PredTimexDoc {
  times: { start: number; end: number; value?: string | null }[];
  text: string;
}

export interface Prf {
  p: number;
  r: number;
  f1: number;
}

export interface TimexScore {
  strict: Prf;
  relaxed: Prf;
  value: Prf;
  gold: number;
  predicted: number;
  /** gold documents with no prediction (scored as predicting nothing) */
  missing: number;
}

/** UTF-16 offset → code point offset in `text` (score.py `utf16_to_py`). */
export function utf16ToCodePoint(text: string): (o: number) => number {
  const table: number[] = [];
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    table.push(cp);
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        table.push(cp);
        i++;
      }
    }
    cp++;
  }
  table.push(cp);
  return (o) => table[Math.min(Math.max(o, 0), table.length - 1)]!;
}

function prf(tpP: number, nP: number, tpR: number, nR: number): Prf {
  const p = nP ? tpP / nP : 0;
  const r = nR ? tpR / nR : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

type Span = [number, number, string];
const overlaps = (a: Span, b: Span) => Math.min(a[1], b[1]) - Math.max(a[0], b[0]) > 0;

export function scoreTimex(gold: GoldTimexDoc[], pred: Map<string, PredTimexDoc>): TimexScore {
  let nG = 0, nP = 0, strictP = 0, strictR = 0, relaxP = 0, relaxR = 0, valP = 0, valR = 0, missing = 0;
  for (const g of gold) {
    const goldSpans: Span[] = g.timex3.map((t) => [t.start, t.end, String(t.value)]);
    const p = pred.get(String(g.doc_id));
    let predSpans: Span[] = [];
    if (!p) missing++;
    else {
      const conv = utf16ToCodePoint(p.text ?? '');
      // score.py: str(t.get('value')) — a missing value is the string 'None'
      predSpans = p.times.map((t) => [conv(t.start), conv(t.end), t.value == null ? 'None' : String(t.value)]);
    }
    nG += goldSpans.length;
    nP += predSpans.length;
    for (const s of predSpans) {
      const m = goldSpans.filter((x) => overlaps(s, x));
      if (m.some((x) => x[0] === s[0] && x[1] === s[1])) strictP++;
      if (m.length) relaxP++;
      if (m.some((x) => x[2] === s[2])) valP++;
    }
    for (const s of goldSpans) {
      const m = predSpans.filter((x) => overlaps(s, x));
      if (m.some((x) => x[0] === s[0] && x[1] === s[1])) strictR++;
      if (m.length) relaxR++;
      if (m.some((x) => x[2] === s[2])) valR++;
    }
  }
  return {
    strict: prf(strictP, nP, strictR, nG),
    relaxed: prf(relaxP, nP, relaxR, nG),
    value: prf(valP, nP, valR, nG),
    gold: nG,
    predicted: nP,
    missing,
  };
}

/** The figures as score.py prints them. */
export function formatTimexScore(s: TimexScore): string {
  const line = (name: string, x: Prf) => `${name.padEnd(12)} P ${x.p.toFixed(4)} R ${x.r.toFixed(4)} F1 ${x.f1.toFixed(4)}`;
  return [
    line('strict span', s.strict),
    line('relaxed span', s.relaxed),
    line('value', s.value),
    `gold ${s.gold} predicted ${s.predicted} documents without output ${s.missing}`,
  ].join('\n');
}
