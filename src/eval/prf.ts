/** Precision, recall and F1 from counts: precision over predictions, recall over gold items. */
export interface Prf {
  p: number;
  r: number;
  f1: number;
}

export function prf(truePredicted: number, predicted: number, trueGold: number, gold: number): Prf {
  const p = predicted ? truePredicted / predicted : 0;
  const r = gold ? trueGold / gold : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

export const fmt = (x: Prf) => `P ${x.p.toFixed(4)} R ${x.r.toFixed(4)} F1 ${x.f1.toFixed(4)}`;

export function overlap(a: readonly [number, number], b: readonly [number, number]): number {
  return Math.max(0, Math.min(a[1], b[1]) - Math.max(a[0], b[0]));
}
