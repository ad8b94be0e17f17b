/**
 * Viterbi decoding over BILOU: on small random problems it finds the best-scoring path the BILOU
 * constraints allow (checked against every path), and the tagging-time form (label features as
 * two pooled matrices) finds the same path as the training-time form.
 */
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../src/stages/entities/tagger/hash.js';
import { NLABELS, allowed } from '../../src/stages/entities/tagger/labels.js';
import { TRANS, viterbi, viterbiPooled } from '../../src/stages/entities/tagger/model.js';

/** A random problem: emissions, and label features as two matrices per token (the first zeros for some). */
function problem(n: number, rand: () => number) {
  const r = () => Math.round((rand() - 0.5) * 200);
  const em = Float64Array.from({ length: n * NLABELS }, r);
  const pool = new Float64Array(TRANS * (1 + 2 * n));
  for (let k = TRANS; k < pool.length; k++) pool[k] = r();
  const a = Int32Array.from({ length: n }, (_, i) => (rand() < 0.3 ? 0 : (1 + 2 * i) * TRANS));
  const b = Int32Array.from({ length: n }, (_, i) => (2 + 2 * i) * TRANS);
  // the same label features as one dense array, as training builds them
  const tr = new Float64Array(n * TRANS);
  for (let i = 0; i < n; i++) for (let j = 0; j < TRANS; j++) tr[i * TRANS + j] = pool[a[i]! + j]! + pool[b[i]! + j]!;
  return { em, pool, a, b, tr };
}

const scoreOf = (path: number[], em: Float64Array, tr: Float64Array): number =>
  path.reduce((s, l, i) => s + em[i * NLABELS + l]! + tr[i * TRANS + ((i ? path[i - 1]! : -1) + 1) * NLABELS + l]!, 0);

const valid = (path: number[]): boolean => path.every((l, i) => allowed(i ? path[i - 1]! : -1, l, i === path.length - 1));

/** The best valid path by trying every one (n ≤ 4). */
function bruteForce(n: number, em: Float64Array, tr: Float64Array): number {
  let best = -Infinity;
  const path: number[] = [];
  const walk = (i: number) => {
    if (i === n) {
      if (valid(path)) best = Math.max(best, scoreOf(path, em, tr));
      return;
    }
    for (let l = 0; l < NLABELS; l++) {
      path.push(l);
      walk(i + 1);
      path.pop();
    }
  };
  walk(0);
  return best;
}

describe('Viterbi decoding', () => {
  const rand = mulberry32(3);
  const delta = new Float64Array(64 * NLABELS);
  const back = new Int8Array(64 * NLABELS);

  it('finds the best path the BILOU constraints allow (against every path, up to 4 tokens)', () => {
    for (let k = 0; k < 60; k++) {
      const n = 1 + (k % 4);
      const { em, tr } = problem(n, rand);
      const out = new Int32Array(n);
      viterbi(n, em, tr, out, delta, back);
      const path = Array.from(out);
      expect(valid(path)).toBe(true);
      expect(scoreOf(path, em, tr)).toBe(bruteForce(n, em, tr));
    }
  });

  it('gives the same path from pooled matrices as from dense label features', () => {
    for (let k = 0; k < 300; k++) {
      const n = 1 + Math.floor(rand() * 40);
      const { em, pool, a, b, tr } = problem(n, rand);
      const dense = new Int32Array(n);
      const pooled = new Int32Array(n);
      viterbi(n, em, tr, dense, delta, back);
      viterbiPooled(n, em, pool, a, b, pooled, delta, back);
      expect(Array.from(pooled)).toEqual(Array.from(dense));
    }
  });

  it('prefers a multi-token entity when the label features reward continuing it', () => {
    // two tokens; emissions alone favour U-PER U-PER, the transition B-PER → L-PER outweighs them
    const n = 2;
    const em = new Float64Array(n * NLABELS);
    const uPer = 4, bPer = 1, lPer = 3;
    em[uPer] = 10; em[bPer] = 8;
    em[NLABELS + uPer] = 10; em[NLABELS + lPer] = 8;
    const tr = new Float64Array(n * TRANS);
    tr[TRANS + (bPer + 1) * NLABELS + lPer] = 5;
    const out = new Int32Array(n);
    viterbi(n, em, tr, out, delta, back);
    expect(Array.from(out)).toEqual([bPer, lPer]);
    tr[TRANS + (bPer + 1) * NLABELS + lPer] = 3;
    viterbi(n, em, tr, out, delta, back);
    expect(Array.from(out)).toEqual([uPer, uPer]);
  });
});
