/**
 * Attribution scoring on PolNeAR-style gold: the direct-quote F1 times speaker accuracy that
 * shared/eval/score.py `quotes` computes, and indirect attribution F1 (content overlap, and content
 * with cue overlap) for the reported speech and claims the direct-quote figure does not see.
 * Gold offsets count code points; predictions are mapped through their text.
 */
import type { Analysis } from '../analysis.js';
import { utf16ToCodePoint } from '../stages/times/eval.js';
import { fmt, overlap, prf, type Prf } from './prf.js';

type Range = readonly [number, number];

export interface GoldAttributionDoc {
  doc_id: string;
  text: string;
  attributions: {
    source?: { spans?: [number, number][] };
    cue?: { spans?: [number, number][] };
    content?: { spans?: [number, number][] };
    direct_quote?: boolean;
  }[];
}

export interface QuoteScore {
  direct: Prf;
  speakerAccuracy: number;
  endToEnd: number;
  indirect: Prf;
  indirectWithCue: Prf;
  /** indirect, leaving out of the predictions those that match a gold direct quote (the direct figure scores them) */
  indirectOnly: Prf;
  gold: { direct: number; indirect: number };
  predicted: { direct: number; indirect: number };
}

const QUOTE_CHARS = new Set(['"', '\u201c', '\u201d', '\u2018', '\u2019', "'", '`']);
const isSpace = (c: string) => /\s/.test(c);

/** score.py's strip_quotes: marks and spaces off both ends, and a trailing comma or full stop. */
function stripQuotes(text: string, s: number, e: number): Range {
  const cps = [...text];
  while (s < e && (QUOTE_CHARS.has(cps[s]!) || isSpace(cps[s]!))) s++;
  while (e > s && (QUOTE_CHARS.has(cps[e - 1]!) || isSpace(cps[e - 1]!) || cps[e - 1] === ',' || cps[e - 1] === '.')) e--;
  return [s, e];
}

const matches = (a: Range, b: Range) => {
  const o = overlap(a, b);
  return o > 0 && o >= 0.5 * Math.min(a[1] - a[0], b[1] - b[0]);
};
const whole = (spans?: [number, number][]): Range | undefined => (spans?.length ? [spans[0]![0], spans[spans.length - 1]![1]] : undefined);

export function scoreQuotes(gold: GoldAttributionDoc[], predictions: Map<string, Analysis>): QuoteScore {
  let nGold = 0, nPred = 0, tpP = 0, tpR = 0, speakerOk = 0, speakerN = 0;
  let iGold = 0, iPred = 0, iTpP = 0, iTpR = 0, cTpP = 0, cTpR = 0;
  let oPred = 0, oTpP = 0, oTpR = 0;
  for (const g of gold) {
    const a = predictions.get(String(g.doc_id));
    const cp = a ? utf16ToCodePoint(a.text) : (o: number) => o;
    const span = (s: { start: number; end: number }): Range => [cp(s.start), cp(s.end)];
    const direct = g.attributions.filter((x) => x.direct_quote && whole(x.content?.spans)).map((x) => {
      const [s, e] = whole(x.content!.spans)!;
      return { content: stripQuotes(g.text, s, e), source: (x.source?.spans ?? []).map((r) => [r[0], r[1]] as Range) };
    });
    const indirect = g.attributions.filter((x) => !x.direct_quote && whole(x.content?.spans)).map((x) => ({ content: whole(x.content!.spans)!, cue: (x.cue?.spans ?? []).map((r) => [r[0], r[1]] as Range) }));
    const entities = new Map((a?.entities ?? []).map((e) => [e.id, e]));
    const predDirect = (a?.quotes ?? []).filter((q) => q.kind === 'direct' || q.kind === 'mixed').map((q) => ({
      content: span(q.content),
      speakers: [...(q.source ? [span(q.source)] : []), ...((q.speaker && entities.get(q.speaker)?.mentions) || []).map(span)],
    }));
    const predIndirect = (a?.quotes ?? []).filter((q) => q.kind !== 'scare').map((q) => ({ content: span(q.content), cue: q.cue ? span(q.cue) : undefined }));
    nGold += direct.length;
    nPred += predDirect.length;
    for (const p of predDirect) if (direct.some((d) => matches(p.content, d.content))) tpP++;
    for (const d of direct) {
      const hits = predDirect.filter((p) => matches(p.content, d.content));
      if (hits.length) tpR++;
      if (hits.length && d.source.length) {
        speakerN++;
        if (hits[0]!.speakers.some((s) => d.source.some((t) => overlap(s, t) > 0))) speakerOk++;
      }
    }
    iGold += indirect.length;
    iPred += predIndirect.length;
    const cueHit = (p: { cue?: Range }, d: { cue: Range[] }) => !!p.cue && d.cue.some((c) => overlap(c, p.cue!) > 0);
    for (const p of predIndirect) {
      const hit = indirect.filter((d) => matches(p.content, d.content));
      if (hit.length) iTpP++;
      if (hit.some((d) => cueHit(p, d))) cTpP++;
    }
    for (const d of indirect) {
      const hit = predIndirect.filter((p) => matches(p.content, d.content));
      if (hit.length) iTpR++;
      if (hit.some((p) => cueHit(p, d))) cTpR++;
    }
    const notDirect = predIndirect.filter((p) => !direct.some((d) => matches(p.content, d.content)));
    oPred += notDirect.length;
    for (const p of notDirect) if (indirect.some((d) => matches(p.content, d.content))) oTpP++;
    for (const d of indirect) if (notDirect.some((p) => matches(p.content, d.content))) oTpR++;
  }
  const directPrf = prf(tpP, nPred, tpR, nGold);
  const speakerAccuracy = speakerN ? speakerOk / speakerN : 0;
  return {
    direct: directPrf,
    speakerAccuracy,
    endToEnd: directPrf.f1 * speakerAccuracy,
    indirect: prf(iTpP, iPred, iTpR, iGold),
    indirectWithCue: prf(cTpP, iPred, cTpR, iGold),
    indirectOnly: prf(oTpP, oPred, oTpR, iGold),
    gold: { direct: nGold, indirect: iGold },
    predicted: { direct: nPred, indirect: iPred },
  };
}

export function formatQuoteScore(s: QuoteScore): string {
  return [
    `direct quotes          ${fmt(s.direct)}  gold ${s.gold.direct} predicted ${s.predicted.direct}`,
    `speaker of found quotes ${s.speakerAccuracy.toFixed(4)}`,
    `other attributions     ${fmt(s.indirect)}  (content overlap; gold ${s.gold.indirect}, predicted attributions ${s.predicted.indirect})`,
    `  with the cue too     ${fmt(s.indirectWithCue)}`,
    `  gold direct quotes' matches left out ${fmt(s.indirectOnly)}`,
    `quote F1 x speaker accuracy ${s.endToEnd.toFixed(4)}`,
  ].join('\n');
}
