/**
 * The trained tagger: a table from feature hash to weight row (one weight per BILOU label),
 * first-order Viterbi decoding under BILOU constraints (or, for models trained with --greedy,
 * left-to-right greedy decoding), and the model files (`<name>.json` header + `<name>.bin`:
 * Int32 keys, then Int16 weights with one scale).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { History, Extractor, FEATURE_VERSION, type ClusterFn, type DocInfo, type LexiconFn, type FeatureSet, type FirstPass } from './features.js';
import { ALLOWED_TABLE, BILOU, NLABELS, NTYPES, allowed, labelType } from './labels.js';
import { nameLists } from './gazmatch.js';

export interface ModelHeader {
  format: 'newsgraph-ner';
  version: number;
  featureVersion: number;
  labels: string[];
  features: FeatureSet;
  rows: number;
  /** weight = int16 × scale */
  scale: number;
  /** fingerprints of the resources the features read at training time */
  gazetteer?: string;
  clusters?: string;
  /** fingerprint of the name lists (@cspell/dict-people-names, @cspell/dict-companies), when the features read them */
  names?: string;
  /** fingerprint of models/lexicon.txt, when the features read it */
  lexicon?: string;
  training?: Record<string, unknown>;
}

/** Scores one token's features into `out` (length NLABELS). */
export type ScoreFn = (keys: Int32Array, vals: Float64Array, nf: number, out: Float64Array) => void;
/** Called in training after a token is decoded: the features, the gold and predicted labels. */
export type LearnFn = (keys: Int32Array, vals: Float64Array, nf: number, gold: number, pred: number) => void;

const MAX_DYNAMIC = 32;


/** Labels that may follow label p (p = -1: sentence start), as lists: PREV[l] = the p that l may follow (p ≥ 0). */
const PREV: Int8Array[] = Array.from({ length: NLABELS }, (_, l) => Int8Array.from(Array.from({ length: NLABELS }, (_, p) => p).filter((p) => allowed(p, l, false))));
/** labels a sentence may end on (O, L, U) */
const CAN_END = Uint8Array.from({ length: NLABELS }, (_, l) => (allowed(-1, l, true) || [...Array(NLABELS).keys()].some((p) => allowed(p, l, true)) ? 1 : 0));
/** label-transition matrix size: rows p = -1 … NLABELS-1, NLABELS labels each */
export const TRANS = (NLABELS + 1) * NLABELS;

/**
 * First-order Viterbi over BILOU under its constraints: emissions em[i·NLABELS + l], label
 * features tr[i·TRANS + (p+1)·NLABELS + l] (p = -1 read at i = 0 only); the best path into out.
 */
export function viterbi(n: number, em: Float64Array, tr: Float64Array, out: Int32Array, delta: Float64Array, back: Int8Array): void {
  if (n === 0) return;
  for (let l = 0; l < NLABELS; l++) delta[l] = allowed(-1, l, false) ? em[l]! + tr[l]! : -Infinity;
  for (let i = 1; i < n; i++) {
    const d0 = (i - 1) * NLABELS, d1 = i * NLABELS, t = i * TRANS + NLABELS;
    for (let l = 0; l < NLABELS; l++) {
      const prev = PREV[l]!;
      let best = -Infinity, arg = 0;
      for (let q = 0; q < prev.length; q++) {
        const p = prev[q]!;
        const v = delta[d0 + p]! + tr[t + p * NLABELS + l]!;
        if (v > best) { best = v; arg = p; }
      }
      delta[d1 + l] = best + em[d1 + l]!;
      back[d1 + l] = arg;
    }
  }
  backtrace(delta, back, n, out);
}

/** The best path's labels into out[0..n): the best label a sentence may end on, then the back pointers. */
function backtrace(delta: Float64Array, back: Int8Array, n: number, out: Int32Array): void {
  const dn = (n - 1) * NLABELS;
  let best = -Infinity, arg = 0;
  for (let l = 0; l < NLABELS; l++) {
    if (CAN_END[l] && delta[dn + l]! > best) { best = delta[dn + l]!; arg = l; }
  }
  for (let i = n - 1; i >= 0; i--) {
    out[i] = arg;
    if (i > 0) arg = back[i * NLABELS + arg]!;
  }
}

/** Labels that close an entity or are outside one (O, L-*, U-*): the only ones O, B-* and U-* may follow. */
const CLOSED = Int8Array.from([...Array(NLABELS).keys()].filter((p) => allowed(p, 0, false)));
/** Labels that may start a sentence or follow a closed label (O, B-*, U-*). */
const OPEN = Int8Array.from([...Array(NLABELS).keys()].filter((l) => allowed(-1, l, false)));

/**
 * viterbi() with each token's label features the sum of two matrices in `pool`, at offsets
 * a[i] and b[i] (a[i] = 0: zeros), written out for BILOU: O, B and U follow a closed label; I and
 * L of a type follow its B or I.
 */
export function viterbiPooled(n: number, em: Float64Array, pool: Float64Array, a: Int32Array, b: Int32Array, out: Int32Array, delta: Float64Array, back: Int8Array, onlyO?: Uint8Array): void {
  if (n === 0) return;
  const nOpen = OPEN.length, nClosed = CLOSED.length;
  {
    const a0 = a[0]!, b0 = b[0]!;
    for (let l = 0; l < NLABELS; l++) delta[l] = -Infinity;
    for (let k = 0; k < nOpen; k++) {
      const l = OPEN[k]!;
      delta[l] = em[l]! + pool[a0 + l]! + pool[b0 + l]!;
    }
  }
  for (let i = 1; i < n; i++) {
    const d0 = (i - 1) * NLABELS, d1 = i * NLABELS;
    const ta = a[i]! + NLABELS, tb = b[i]! + NLABELS;
    if (CLOSED_FIXED) {
      if (onlyO && onlyO[i - 1]) afterOnlyO(em, pool, delta, back, d0, d1, ta, tb, onlyO[i] !== 0);
      else pooledStep(em, pool, delta, back, d0, d1, ta, tb, onlyO !== undefined && onlyO[i] !== 0);
      continue;
    }
    if (onlyO && onlyO[i]) {
      // a token that can only be O (see Extractor.pruneFar): one label to reach, the rest unreachable
      let best = -Infinity, arg = 0;
      for (let c = 0; c < nClosed; c++) {
        const p = CLOSED[c]!;
        const j = p * NLABELS;
        const v = delta[d0 + p]! + pool[ta + j]! + pool[tb + j]!;
        if (v > best) { best = v; arg = p; }
      }
      delta[d1] = best + em[d1]!;
      back[d1] = arg;
      for (let l = 1; l < NLABELS; l++) { delta[d1 + l] = -Infinity; back[d1 + l] = 0; }
      continue;
    }
    for (let k = 0; k < nOpen; k++) {
      const l = OPEN[k]!;
      let best = -Infinity, arg = 0;
      for (let c = 0; c < nClosed; c++) {
        const p = CLOSED[c]!;
        const j = p * NLABELS + l;
        const v = delta[d0 + p]! + pool[ta + j]! + pool[tb + j]!;
        if (v > best) { best = v; arg = p; }
      }
      delta[d1 + l] = best + em[d1 + l]!;
      back[d1 + l] = arg;
    }
    insideSteps(em, pool, delta, back, d0, d1, ta, tb);
  }
  backtrace(delta, back, n, out);
}

/** Whether CLOSED is O, then L-t and U-t of each type (labels 4t + 3, 4t + 4), as pooledStep has it written out. */
const CLOSED_FIXED = CLOSED.join() === '0,3,4,7,8,11,12,15,16' && OPEN.join() === '0,1,4,5,8,9,12,13,16' && NLABELS === 17;

/**
 * One token of viterbiPooled with CLOSED written out: the closed labels' scores read once into
 * locals rather than once per label reached; the same additions in the same order, and ties go to
 * the first closed label, as in the loop.
 */
function pooledStep(em: Float64Array, pool: Float64Array, delta: Float64Array, back: Int8Array, d0: number, d1: number, ta: number, tb: number, onlyO: boolean): void {
  const N = NLABELS;
  const x0 = delta[d0]!, x3 = delta[d0 + 3]!, x4 = delta[d0 + 4]!, x7 = delta[d0 + 7]!, x8 = delta[d0 + 8]!;
  const x11 = delta[d0 + 11]!, x12 = delta[d0 + 12]!, x15 = delta[d0 + 15]!, x16 = delta[d0 + 16]!;
  for (let k = 0; k < 9; k++) {
    // OPEN: O, then B-t and U-t (labels 4t + 1, 4t + 4)
    const l = k === 0 ? 0 : k & 1 ? 2 * k - 1 : 2 * k;
    const ja = ta + l, jb = tb + l;
    let best = x0 + pool[ja]! + pool[jb]!, arg = 0;
    let v = x3 + pool[ja + 3 * N]! + pool[jb + 3 * N]!;
    if (v > best) { best = v; arg = 3; }
    v = x4 + pool[ja + 4 * N]! + pool[jb + 4 * N]!;
    if (v > best) { best = v; arg = 4; }
    v = x7 + pool[ja + 7 * N]! + pool[jb + 7 * N]!;
    if (v > best) { best = v; arg = 7; }
    v = x8 + pool[ja + 8 * N]! + pool[jb + 8 * N]!;
    if (v > best) { best = v; arg = 8; }
    v = x11 + pool[ja + 11 * N]! + pool[jb + 11 * N]!;
    if (v > best) { best = v; arg = 11; }
    v = x12 + pool[ja + 12 * N]! + pool[jb + 12 * N]!;
    if (v > best) { best = v; arg = 12; }
    v = x15 + pool[ja + 15 * N]! + pool[jb + 15 * N]!;
    if (v > best) { best = v; arg = 15; }
    v = x16 + pool[ja + 16 * N]! + pool[jb + 16 * N]!;
    if (v > best) { best = v; arg = 16; }
    delta[d1 + l] = best + em[d1 + l]!;
    back[d1 + l] = arg;
    if (onlyO) {
      // a token that can only be O (see Extractor.pruneFar): one label to reach, the rest unreachable
      for (let m = 1; m < N; m++) { delta[d1 + m] = -Infinity; back[d1 + m] = 0; }
      return;
    }
  }
  insideSteps(em, pool, delta, back, d0, d1, ta, tb);
}

/**
 * pooledStep after a token that can only be O: every other label of it scores -Infinity, so each
 * label is best reached from O (or, for I and L, from a B or I that scores -Infinity: -Infinity
 * with the back pointer the loop would leave).
 */
function afterOnlyO(em: Float64Array, pool: Float64Array, delta: Float64Array, back: Int8Array, d0: number, d1: number, ta: number, tb: number, onlyO: boolean): void {
  const x0 = delta[d0]!;
  if (onlyO) {
    delta[d1] = x0 + pool[ta]! + pool[tb]! + em[d1]!;
    back[d1] = 0;
    for (let m = 1; m < NLABELS; m++) { delta[d1 + m] = -Infinity; back[d1 + m] = 0; }
    return;
  }
  for (let k = 0; k < 9; k++) {
    const l = k === 0 ? 0 : k & 1 ? 2 * k - 1 : 2 * k;
    delta[d1 + l] = x0 + pool[ta + l]! + pool[tb + l]! + em[d1 + l]!;
    back[d1 + l] = 0;
  }
  for (let bl = 1; bl < NLABELS; bl += 4) {
    delta[d1 + bl + 1] = -Infinity; back[d1 + bl + 1] = bl;
    delta[d1 + bl + 2] = -Infinity; back[d1 + bl + 2] = bl;
  }
}

/** I-t and L-t (labels B+1, B+2) after B-t or I-t. */
function insideSteps(em: Float64Array, pool: Float64Array, delta: Float64Array, back: Int8Array, d0: number, d1: number, ta: number, tb: number): void {
  for (let bl = 1; bl < NLABELS; bl += 4) {
    const dB = delta[d0 + bl]!, dI = delta[d0 + bl + 1]!;
    const jb = bl * NLABELS, ji = (bl + 1) * NLABELS;
    for (let l = bl + 1; l <= bl + 2; l++) {
      const vB = dB + pool[ta + jb + l]! + pool[tb + jb + l]!;
      const vI = dI + pool[ta + ji + l]! + pool[tb + ji + l]!;
      if (vI > vB) { delta[d1 + l] = vI + em[d1 + l]!; back[d1 + l] = bl + 1; } else { delta[d1 + l] = vB + em[d1 + l]!; back[d1 + l] = bl; }
    }
  }
}

/** Training: add delta × vals to the weights of `label` for features keys[0 … nf). */
export type UpdateFn = (keys: Int32Array, vals: Float64Array, nf: number, label: number, delta: number) => void;

/** Buffers reused across tokens and sentences. */
export class Decoder {
  keys = new Int32Array(256);
  vals = new Float64Array(256);
  scores = new Float64Array(NLABELS);
  /** training: the score by which the gold label must beat every other, else an update */
  margin = 0;
  constructor(readonly ex: Extractor) {}

  /**
   * Greedy left-to-right decoding of the prepared sentence into out[0..n). With `learn`, the
   * gold labels drive updates and decoding is unconstrained (the predicted history is kept).
   */
  run(score: ScoreFn, out: Int32Array, doc: History | undefined, gold?: Int32Array, learn?: LearnFn, roles?: (i: number, out: Float64Array) => void): void {
    const ex = this.ex;
    const n = ex.n;
    let p1 = -1, p2 = -1;
    for (let i = 0; i < n; i++) {
      const s0 = ex.staticOff[i]!, s1 = ex.staticOff[i + 1]!;
      const nStatic = s1 - s0;
      if (nStatic + MAX_DYNAMIC > this.keys.length) {
        this.keys = new Int32Array((nStatic + MAX_DYNAMIC) * 2);
        this.vals = new Float64Array((nStatic + MAX_DYNAMIC) * 2);
      }
      const keys = this.keys, vals = this.vals;
      keys.set(ex.staticKeys.subarray(s0, s1), 0);
      vals.fill(1, 0, nStatic);
      const nf = ex.dynamic(i, p1, p2, doc, keys, vals, nStatic);
      const scores = this.scores;
      scores.fill(0);
      score(keys, vals, nf, scores);
      if (roles) roles(i, scores);
      let best = -1;
      let bestScore = -Infinity;
      const last = i === n - 1;
      for (let l = 0; l < NLABELS; l++) {
        if (!learn && !allowed(p1, l, last)) continue;
        if (scores[l]! > bestScore) { bestScore = scores[l]!; best = l; }
      }
      if (learn && gold) {
        const g = gold[i]!;
        let rival = best;
        if (this.margin > 0) {
          // a margin perceptron: update against the strongest wrong label unless gold leads it by the margin
          let r = -1, rs = -Infinity;
          for (let l = 0; l < NLABELS; l++) if (l !== g && scores[l]! > rs) { rs = scores[l]!; r = l; }
          rival = scores[g]! - rs < this.margin ? r : g;
        }
        learn(keys, vals, nf, g, rival);
      }
      out[i] = best;
      ex.remember(i, best === 0 ? NTYPES : labelType(best), doc);
      p2 = p1;
      p1 = best;
    }
  }

  // Viterbi training buffers: each token's emission features (keys, values) at featOff[i] …
  private fk = new Int32Array(1 << 14);
  private fv = new Float64Array(1 << 14);
  private featOff = new Int32Array(257);
  private em = new Float64Array(256 * NLABELS);
  private tr = new Float64Array(256 * TRANS);
  private delta = new Float64Array(256 * NLABELS);
  private back = new Int8Array(256 * NLABELS);
  private tk = new Int32Array(16);
  private readonly ones = new Float64Array(16).fill(1);

  /**
   * Viterbi decoding of the prepared sentence into out[0..n) (a structured perceptron). With
   * `update`, every wrong label costs `margin` during decoding, and when the best path so found
   * differs from gold, the gold path's features gain and the path's lose (where the two differ).
   * The document history is read as it stood before the sentence, then the path is remembered.
   */
  viterbi(score: ScoreFn, out: Int32Array, doc: History | undefined, gold?: Int32Array, update?: UpdateFn): boolean {
    const ex = this.ex;
    const n = ex.n;
    if (this.featOff.length < n + 1) {
      this.featOff = new Int32Array(2 * n + 1);
      this.em = new Float64Array(2 * n * NLABELS);
      this.tr = new Float64Array(2 * n * TRANS);
      this.delta = new Float64Array(2 * n * NLABELS);
      this.back = new Int8Array(2 * n * NLABELS);
    }
    const em = this.em, tr = this.tr;
    let off = 0;
    for (let i = 0; i < n; i++) {
      const s0 = ex.staticOff[i]!, s1 = ex.staticOff[i + 1]!;
      if (off + (s1 - s0) + MAX_DYNAMIC > this.fk.length) {
        const k = new Int32Array(2 * (off + (s1 - s0) + MAX_DYNAMIC));
        k.set(this.fk);
        this.fk = k;
        const v = new Float64Array(k.length);
        v.set(this.fv);
        this.fv = v;
      }
      this.featOff[i] = off;
      this.fk.set(ex.staticKeys.subarray(s0, s1), off);
      this.fv.fill(1, off, off + (s1 - s0));
      const end = ex.history(i, doc, this.fk, this.fv, off + (s1 - s0));
      const row = em.subarray(i * NLABELS, (i + 1) * NLABELS);
      row.fill(0);
      score(this.fk.subarray(off), this.fv.subarray(off), end - off, row);
      if (gold && update) for (let l = 0; l < NLABELS; l++) if (l !== gold[i]) row[l] = row[l]! + this.margin;
      off = end;
      const tk = this.tk;
      for (let p = i === 0 ? -1 : 0; p < (i === 0 ? 0 : NLABELS); p++) {
        const nf = ex.transKeys(i, p, tk, 0);
        const t = tr.subarray(i * TRANS + (p + 1) * NLABELS, i * TRANS + (p + 2) * NLABELS);
        t.fill(0);
        score(tk, this.ones, nf, t);
      }
    }
    this.featOff[n] = off;
    viterbi(n, em, tr, out, this.delta, this.back);
    let wrong = false;
    if (gold && update) {
      for (let i = 0; i < n; i++) {
        const g = gold[i]!, y = out[i]!;
        const gp = i > 0 ? gold[i - 1]! : -1, yp = i > 0 ? out[i - 1]! : -1;
        if (g === y && gp === yp) continue;
        wrong = true;
        if (g !== y) {
          const a = this.featOff[i]!, b = this.featOff[i + 1]!;
          const k = this.fk.subarray(a, b), v = this.fv.subarray(a, b);
          update(k, v, b - a, g, 1);
          update(k, v, b - a, y, -1);
        }
        const tk = this.tk;
        let nf = ex.transKeys(i, gp, tk, 0);
        update(tk, this.ones, nf, g, 1);
        nf = ex.transKeys(i, yp, tk, 0);
        update(tk, this.ones, nf, y, -1);
      }
    }
    for (let i = 0; i < n; i++) ex.remember(i, out[i] === 0 ? NTYPES : labelType(out[i]!), doc);
    return wrong;
  }
}

/** A packed weight: (q << 5) | label, q the Int16 weight (never 0); OVERFLOW in the label bits marks a row kept in `extra`. */
const OVERFLOW = 31;
/**
 * The model's keys as bits of a filter small enough to stay in cache (the table is 2 MiB): a key
 * whose bit is clear is surely absent, and its probe of the table is spared. A fifth of the
 * probes in tagging, and most of those of a word type first met (its role scores and label
 * features), are of absent keys. The filter reads the key's top bits, the table its low ones.
 */
const FILTER_BITS = 20;

/** A loaded model, ready to tag. */
export class NerModel {
  readonly header: ModelHeader;
  /** feature key of each row */
  readonly keys: Int32Array;
  /** weight = q × scale; the tagger adds the integers q (the same best labels, in other units) */
  readonly scale: number;
  readonly extractor: Extractor;
  private labels = new Int32Array(64);
  /** per word type, the scores of its word-level features in each of 3 roles (see Extractor.roleKeys) */
  private roleCache = new Float32Array(3 * NLABELS * 1024);
  private roleDone = new Int32Array(1024);
  private readonly padLeft: Float32Array;
  private readonly padRight: Float32Array;
  private readonly roleKeyBuf = new Int32Array(64);
  private readonly roleTmp = new Float64Array(NLABELS);
  /**
   * The feature table, open addressing with linear probing, four Int32 a slot: the key, then up to
   * three packed weights (0 = none) so that most look-ups read one cache line; a row with more
   * weights has [(offset << 5) | OVERFLOW, 0, 0] and its count and weights at extra[offset …].
   */
  private readonly slots: Int32Array;
  private readonly slotMask: number;
  private readonly extra: Int32Array;
  /** bit (key >>> (32 - FILTER_BITS)) set for each key of the table */
  private readonly keyFilter = new Int32Array(1 << (FILTER_BITS - 5));
  private dynKeys = new Int32Array(MAX_DYNAMIC);
  private dynVals = new Float64Array(MAX_DYNAMIC);
  private readonly sc = new Float64Array(NLABELS);
  private readonly addRoles = (i: number, out: Float64Array): void => {
    const ex = this.extractor;
    const n = ex.n;
    this.addRole(ex.typeAt(i), 0, out);
    if (i > 0) this.addRole(ex.typeAt(i - 1), 1, out);
    else for (let l = 0; l < NLABELS; l++) out[l] += this.padLeft[l]!;
    if (i + 1 < n) this.addRole(ex.typeAt(i + 1), 2, out);
    else for (let l = 0; l < NLABELS; l++) out[l] += this.padRight[l]!;
  };

  /** The scores of a word type's word-level features in one role, into out[at … at + NLABELS). */
  private roleScoresInto(type: number, role: number, out: Float32Array, at: number): void {
    const nf = this.extractor.roleKeys(type, role, this.roleKeyBuf, 0);
    const tmp = this.roleTmp;
    tmp.fill(0);
    this.scoreOnes(this.roleKeyBuf, 0, nf, tmp);
    for (let l = 0; l < NLABELS; l++) out[at + l] = tmp[l]!;
  }

  private roleScores(type: number, role: number): Float32Array {
    const out = new Float32Array(NLABELS);
    this.roleScoresInto(type, role, out, 0);
    return out;
  }

  /** Where a word type's three role scores start in roleCache (computed when first asked for). */
  private roleBase(type: number): number {
    const mark = this.extractor.generation + 1;
    if (type >= this.roleDone.length) {
      let cap = this.roleDone.length;
      while (cap <= type) cap *= 2;
      const done = new Int32Array(cap);
      done.set(this.roleDone);
      this.roleDone = done;
      const cache = new Float32Array(cap * 3 * NLABELS);
      cache.set(this.roleCache);
      this.roleCache = cache;
    }
    const base = type * 3 * NLABELS;
    if (this.roleDone[type] !== mark) {
      for (let r = 0; r < 3; r++) this.roleScoresInto(type, r, this.roleCache, base + r * NLABELS);
      this.roleDone[type] = mark;
    }
    return base;
  }

  private addRole(type: number, role: number, out: Float64Array): void {
    const base = this.roleBase(type);
    const c = this.roleCache;
    const b = base + role * NLABELS;
    for (let l = 0; l < NLABELS; l++) out[l] += c[b + l]!;
  }

  /**
   * `weights`: rows × NLABELS, dense; quantised to Int16 as saveModel does (so a model in training
   * tags as its saved file will), or already quantised (a saved file's Int16 weights, whose unit is
   * header.scale: the largest is ±32767, so quantising their floats again gives them back).
   */
  constructor(header: ModelHeader, keys: Int32Array, weights: Float32Array | Int16Array, clusters?: ClusterFn, lexicon?: LexiconFn) {
    if (header.format !== 'newsgraph-ner' || header.featureVersion !== FEATURE_VERSION) {
      throw new Error(`unsupported NER model (format ${header.format}, feature version ${header.featureVersion}; this code reads ${FEATURE_VERSION})`);
    }
    if (header.labels.join(' ') !== BILOU.join(' ')) throw new Error('NER model labels differ from this code\'s');
    this.header = header;
    this.keys = keys;
    const rows = keys.length;
    const quantised = weights instanceof Int16Array;
    let max = 0;
    if (!quantised) for (let i = 0; i < weights.length; i++) max = Math.max(max, Math.abs(weights[i]!));
    const scale = quantised ? header.scale : max > 0 ? max / 32767 : 1;
    this.scale = scale;
    let cap = 16;
    while (cap < rows * 2) cap <<= 1;
    this.slotMask = cap - 1;
    this.slots = new Int32Array(cap * 4);
    const extra: number[] = [];
    const row: number[] = [];
    for (let r = 0; r < rows; r++) {
      row.length = 0;
      for (let l = 0; l < NLABELS; l++) {
        const q = quantised ? weights[r * NLABELS + l]! : Math.round(weights[r * NLABELS + l]! / scale);
        if (q !== 0) row.push((q << 5) | l);
      }
      const key = keys[r]!;
      let i = key & this.slotMask;
      while (this.slots[4 * i] !== 0 && this.slots[4 * i] !== key) i = (i + 1) & this.slotMask;
      if (this.slots[4 * i] === key) continue; // the first row of a key wins
      this.slots[4 * i] = key;
      this.keyFilter[key >>> (32 - FILTER_BITS + 5)] |= 1 << ((key >>> (32 - FILTER_BITS)) & 31);
      if (row.length <= 3) {
        for (let j = 0; j < row.length; j++) this.slots[4 * i + 1 + j] = row[j]!;
      } else {
        this.slots[4 * i + 1] = (extra.length << 5) | OVERFLOW;
        extra.push(row.length, ...row);
      }
    }
    this.extra = Int32Array.from(extra);
    if (header.features.names && header.names && header.names !== nameLists().fingerprint) {
      throw new Error(`the NER model was trained with other name lists (${header.names}) than the installed @cspell/dict-people-names and @cspell/dict-companies (${nameLists().fingerprint}): run npm install, or npm run train:ner`);
    }
    this.extractor = new Extractor(header.features, clusters, lexicon);
    this.extractor.cacheRoles = true;
    this.extractor.pruneFar = true;
    this.extractor.cacheCommon = !!header.features.viterbi;
    this.padLeft = this.roleScores(-1, 1);
    this.padRight = this.roleScores(-2, 2);
  }

  /** Add the (integer) weights of features keys[from … to), each of value 1, to out. */
  private scoreOnes(k: Int32Array, from: number, to: number, out: Float64Array, at = 0): void {
    const slots = this.slots, mask = this.slotMask, filter = this.keyFilter;
    for (let f = from; f < to; f++) {
      const key = k[f]!;
      if ((filter[key >>> (32 - FILTER_BITS + 5)]! & (1 << ((key >>> (32 - FILTER_BITS)) & 31))) === 0) continue;
      let i = key & mask;
      for (;;) {
        const s = 4 * i;
        const sk = slots[s]!;
        if (sk === key) {
          const a = slots[s + 1]!;
          if ((a & 31) === OVERFLOW) {
            const extra = this.extra;
            const o = a >>> 5;
            const end = o + 1 + extra[o]!;
            for (let q = o + 1; q < end; q++) { const x = extra[q]!; out[at + (x & 31)] += x >> 5; }
          } else {
            out[at + (a & 31)] += a >> 5;
            const b = slots[s + 2]!;
            if (b !== 0) {
              out[at + (b & 31)] += b >> 5;
              const c = slots[s + 3]!;
              if (c !== 0) out[at + (c & 31)] += c >> 5;
            }
          }
          break;
        }
        if (sk === 0) break;
        i = (i + 1) & mask;
      }
    }
  }

  /** Add the (integer) weights of features keys[0 … nf) times their values vals to out. */
  private scoreVals(k: Int32Array, v: Float64Array, nf: number, out: Float64Array, at = 0): void {
    const slots = this.slots, mask = this.slotMask;
    for (let f = 0; f < nf; f++) {
      const key = k[f]!;
      let i = key & mask;
      for (;;) {
        const s = 4 * i;
        const sk = slots[s]!;
        if (sk === key) {
          const x = v[f]!;
          const a = slots[s + 1]!;
          if ((a & 31) === OVERFLOW) {
            const extra = this.extra;
            const o = a >>> 5;
            const end = o + 1 + extra[o]!;
            for (let q = o + 1; q < end; q++) { const y = extra[q]!; out[at + (y & 31)] += x * (y >> 5); }
          } else {
            for (let j = 1; j <= 3; j++) {
              const y = slots[s + j]!;
              if (y === 0) break;
              out[at + (y & 31)] += x * (y >> 5);
            }
          }
          break;
        }
        if (sk === 0) break;
        i = (i + 1) & mask;
      }
    }
  }

  /**
   * Greedy constrained decoding of the prepared sentence into out[0..n): Decoder.run without
   * learning, the static features scored in place rather than copied per token.
   */
  private decode(out: Int32Array, doc: History | undefined): void {
    const ex = this.extractor;
    const n = ex.n;
    const staticKeys = ex.staticKeys, staticOff = ex.staticOff;
    const scores = this.sc;
    let p1 = -1, p2 = -1;
    for (let i = 0; i < n; i++) {
      scores.fill(0);
      this.scoreOnes(staticKeys, staticOff[i]!, staticOff[i + 1]!, scores);
      const nf = ex.dynamic(i, p1, p2, doc, this.dynKeys, this.dynVals, 0);
      this.scoreVals(this.dynKeys, this.dynVals, nf, scores);
      this.addRoles(i, scores);
      let best = -1;
      let bestScore = -Infinity;
      const row = (p1 + 1) * NLABELS * 2 + (i === n - 1 ? 1 : 0);
      for (let l = 0; l < NLABELS; l++) {
        if (ALLOWED_TABLE[row + 2 * l] === 0) continue;
        if (scores[l]! > bestScore) { bestScore = scores[l]!; best = l; }
      }
      out[i] = best;
      ex.remember(i, best === 0 ? NTYPES : labelType(best), doc);
      p2 = p1;
      p1 = best;
    }
  }

  // Viterbi tagging: per word type, the index in `pool` of its label-feature matrices (TRANS
  // weights each; 0 = none): one from the word, one from its shape and capitalisation (× headline)
  private vEm = new Float64Array(64 * NLABELS);
  private vA = new Int32Array(64);
  private vRole = new Int32Array(64);
  private vB = new Int32Array(64);
  private vDelta = new Float64Array(64 * NLABELS);
  private vBack = new Int8Array(64 * NLABELS);
  private lwIdx = new Int32Array(1024);
  private shIdx = new Int32Array(2048);
  private lwMark = new Int32Array(1024);
  private shMark = new Int32Array(2048);
  /** matrices by the value they are computed from (normalised word, shape code), so types share them */
  private readonly lwMats = new Map<number, number>();
  private readonly shMats = new Map<number, number>();
  private pool = new Float64Array(TRANS * 64);
  private poolN = 1;
  private readonly tKeys = new Int32Array(8);

  /** The pool index of a word type's label-feature matrix (part 0: word, 1: shape and capitalisation in the current sentence). */
  private transMatrix(type: number, part: number, code: number): number {
    const mats = part === 0 ? this.lwMats : this.shMats;
    const hit = mats.get(code);
    if (hit !== undefined) return hit;
    // computed into the next free matrix of the pool, which is taken only when it is not all zeros
    if ((this.poolN + 1) * TRANS > this.pool.length) {
      const grown = new Float64Array(this.pool.length * 2);
      grown.set(this.pool);
      this.pool = grown;
    }
    // the pool past its last taken matrix is all zeros, so the weights are added in place
    const m = this.pool, at = this.poolN * TRANS;
    for (let p = -1; p < NLABELS; p++) {
      const nf = this.extractor.transPartKeys(type, part, p, this.tKeys, 0);
      this.scoreOnes(this.tKeys, 0, nf, m, at + (p + 1) * NLABELS);
    }
    let any = false;
    for (let j = at; j < at + TRANS; j++) if (m[j] !== 0) { any = true; break; }
    if (!any) return 0;
    const idx = this.poolN++;
    // only matrices with weights are kept (bounded by the model's rows); a word without any is 0 again when next met
    mats.set(code, idx);
    return idx;
  }

  // the scores of the capitalisation and gazetteer features by their codes (see Extractor.cacheCommon):
  // open addressing, three Int32 a slot (code a + 1, 0 when empty; code b; the row's index in commonRows)
  private commonSlots = new Int32Array(3 * 4096);
  private commonMask = 4095;
  private commonN = 0;
  private commonRows = new Float64Array(NLABELS * 2048);
  private readonly commonKeyBuf = new Int32Array(16);

  /** Where the scores of the common features with codes a, b start in commonRows (computed when first met). */
  private commonRow(a: number, b: number): number {
    const slots = this.commonSlots, mask = this.commonMask;
    const h = Math.imul(a ^ Math.imul(b, 0x9e3779b1), 0x85ebca6b);
    let i = (h ^ (h >>> 15)) & mask;
    for (;;) {
      const sa = slots[3 * i]!;
      if (sa === 0) break;
      if (sa === a + 1 && slots[3 * i + 1] === b) return slots[3 * i + 2]!;
      i = (i + 1) & mask;
    }
    const row = this.commonN++ * NLABELS;
    if (row + NLABELS > this.commonRows.length) {
      const grown = new Float64Array(2 * this.commonRows.length);
      grown.set(this.commonRows);
      this.commonRows = grown;
    }
    // the rows past the last taken are zeros, so the weights are added in place
    const nf = this.extractor.commonKeys(a, b, this.commonKeyBuf, 0);
    this.scoreOnes(this.commonKeyBuf, 0, nf, this.commonRows, row);
    slots[3 * i] = a + 1;
    slots[3 * i + 1] = b;
    slots[3 * i + 2] = row;
    if (2 * this.commonN > mask + 1) this.growCommon();
    return row;
  }

  private growCommon(): void {
    const old = this.commonSlots;
    const cap = 2 * (this.commonMask + 1);
    this.commonSlots = new Int32Array(3 * cap);
    this.commonMask = cap - 1;
    for (let s = 0; s < old.length; s += 3) {
      if (old[s] === 0) continue;
      const a = old[s]! - 1, b = old[s + 1]!;
      const h = Math.imul(a ^ Math.imul(b, 0x9e3779b1), 0x85ebca6b);
      let i = (h ^ (h >>> 15)) & this.commonMask;
      while (this.commonSlots[3 * i] !== 0) i = (i + 1) & this.commonMask;
      this.commonSlots.set(old.subarray(s, s + 3), 3 * i);
    }
  }

  /** Viterbi decoding of the prepared sentence into out[0..n) (see Decoder.viterbi). */
  private decodeViterbi(out: Int32Array, doc: History | undefined): void {
    const ex = this.extractor;
    const n = ex.n;
    if (this.vEm.length < n * NLABELS) {
      this.vEm = new Float64Array(2 * n * NLABELS);
      this.vA = new Int32Array(2 * n);
      this.vB = new Int32Array(2 * n);
      this.vDelta = new Float64Array(2 * n * NLABELS);
      this.vBack = new Int8Array(2 * n * NLABELS);
    }
    if (this.vRole.length < n) this.vRole = new Int32Array(2 * n);
    const em = this.vEm, va = this.vA, vb = this.vB, roles = this.vRole;
    const staticKeys = ex.staticKeys, staticOff = ex.staticOff;
    const mark = ex.generation + 1;
    const head = ex.headline;
    // per token: where its word type's role scores and label-feature matrices are (computed on first sight)
    for (let i = 0; i < n; i++) {
      const type = ex.typeAt(i);
      roles[i] = this.roleBase(type);
      if (type >= this.lwIdx.length) this.growTypes(type);
      if (this.lwMark[type] !== mark) {
        this.lwIdx[type] = this.transMatrix(type, 0, ex.typeWord(type)) * TRANS;
        this.lwMark[type] = mark;
      }
      const hs = 2 * type + head;
      if (this.shMark[hs] !== mark) {
        this.shIdx[hs] = this.transMatrix(type, 1, ex.shapeCode(i)) * TRANS;
        this.shMark[hs] = mark;
      }
      va[i] = this.lwIdx[type]!;
      vb[i] = this.shIdx[hs]!;
    }
    // emissions: the static features, the document history, the word-level features of the token and its neighbours
    const c = this.roleCache, padL = this.padLeft, padR = this.padRight;
    em.fill(0, 0, n * NLABELS);
    const far = ex.pruneFar ? ex.far : undefined;
    const commonA = ex.commonA, commonB = ex.commonB;
    for (let i = 0; i < n; i++) {
      const e = i * NLABELS;
      if (far && far[i]) {
        // only O: its emission is the same on every path, so it is left at 0
        for (let l = 1; l < NLABELS; l++) em[e + l] = -Infinity;
        continue;
      }
      this.scoreOnes(staticKeys, staticOff[i]!, staticOff[i + 1]!, em, e);
      const nf = ex.history(i, doc, this.dynKeys, this.dynVals, 0);
      if (nf > 0) this.scoreVals(this.dynKeys, this.dynVals, nf, em, e);
      const so = roles[i]!;
      const L = i > 0 ? c : padL, lo = i > 0 ? roles[i - 1]! + NLABELS : 0;
      const R = i + 1 < n ? c : padR, ro = i + 1 < n ? roles[i + 1]! + 2 * NLABELS : 0;
      // (the scores are sums of integers, exact in doubles, so the order of the additions does not matter)
      const mo = this.commonRow(commonA[i]!, commonB[i]!), M = this.commonRows;
      for (let l = 0; l < NLABELS; l++) em[e + l] += c[so + l]! + L[lo + l]! + R[ro + l]! + M[mo + l]!;
    }
    viterbiPooled(n, em, this.pool, va, vb, out, this.vDelta, this.vBack, far);
    for (let i = 0; i < n; i++) ex.remember(i, out[i] === 0 ? NTYPES : labelType(out[i]!), doc);
  }

  private growTypes(type: number): void {
    let cap = this.lwIdx.length;
    while (cap <= type) cap *= 2;
    const grow = (a: Int32Array, size: number) => { const b = new Int32Array(size); b.set(a); return b; };
    this.lwIdx = grow(this.lwIdx, cap);
    this.lwMark = grow(this.lwMark, cap);
    this.shIdx = grow(this.shIdx, 2 * cap);
    this.shMark = grow(this.shMark, 2 * cap);
  }

  /** Whether the model reads a whole article before tagging it (a DocInfo). */
  get readsDocument(): boolean {
    return !!(this.header.features.doc || this.header.features.agg);
  }

  /** The weights as rows × NLABELS (q × scale). */
  dense(): Float32Array {
    const out = new Float32Array(this.keys.length * NLABELS);
    const tmp = new Float64Array(NLABELS);
    const one = new Int32Array(1);
    for (let r = 0; r < this.keys.length; r++) {
      one[0] = this.keys[r]!;
      tmp.fill(0);
      this.scoreOnes(one, 0, 1, tmp);
      for (let l = 0; l < NLABELS; l++) out[r * NLABELS + l] = tmp[l]! * this.scale;
    }
    return out;
  }

  /**
   * BILOU label ids for one sentence's tokens (a view, valid until the next call). `sentence`:
   * its index in `info`, when `info` has read it (see Extractor.prepare).
   */
  tagIds(tokens: readonly string[], doc?: History, first?: FirstPass, info?: DocInfo, sentence?: number): Int32Array {
    if (this.labels.length < tokens.length) this.labels = new Int32Array(tokens.length * 2);
    this.extractor.prepare(tokens, first, info, sentence);
    if (this.header.features.viterbi) this.decodeViterbi(this.labels, doc);
    else this.decode(this.labels, doc);
    return this.labels.subarray(0, tokens.length);
  }

  static fromFiles(jsonPath: string, binPath: string, clusters?: (header: ModelHeader) => ClusterFn | undefined, lexicon?: (header: ModelHeader) => LexiconFn | undefined): NerModel {
    const header = JSON.parse(readFileSync(jsonPath, 'utf8')) as ModelHeader;
    const buf = readFileSync(binPath);
    const rows = header.rows;
    if (buf.length !== rows * 4 + rows * NLABELS * 2) throw new Error(`NER model ${binPath} has ${buf.length} bytes, expected ${rows * 4 + rows * NLABELS * 2}`);
    const bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.length).slice();
    const keys = new Int32Array(bytes.buffer, 0, rows);
    const q = new Int16Array(bytes.buffer, rows * 4, rows * NLABELS);
    return new NerModel(header, keys, q, clusters?.(header), lexicon?.(header));
  }
}

/**
 * Quantise averaged weights (rows × NLABELS) to Int16, dropping rows that quantise to all
 * zeros, and write `<base>.json` and `<base>.bin`. Returns the header written.
 */
export function saveModel(base: string, header: Omit<ModelHeader, 'rows' | 'scale' | 'format' | 'version' | 'featureVersion' | 'labels'>, keys: Int32Array, weights: Float64Array | Float32Array): ModelHeader {
  let max = 0;
  for (let i = 0; i < weights.length; i++) max = Math.max(max, Math.abs(weights[i]!));
  const scale = max > 0 ? max / 32767 : 1;
  const keep: number[] = [];
  const rows = keys.length;
  for (let r = 0; r < rows; r++) {
    let any = false;
    for (let l = 0; l < NLABELS; l++) if (Math.round(weights[r * NLABELS + l]! / scale) !== 0) { any = true; break; }
    if (any) keep.push(r);
  }
  // sorted by key, so the file does not depend on the order features were met
  keep.sort((a, b) => keys[a]! - keys[b]!);
  const outKeys = new Int32Array(keep.length);
  const outW = new Int16Array(keep.length * NLABELS);
  keep.forEach((r, j) => {
    outKeys[j] = keys[r]!;
    for (let l = 0; l < NLABELS; l++) outW[j * NLABELS + l] = Math.round(weights[r * NLABELS + l]! / scale);
  });
  const full: ModelHeader = {
    format: 'newsgraph-ner', version: 1, featureVersion: FEATURE_VERSION, labels: [...BILOU],
    rows: keep.length, scale, ...header,
  };
  writeFileSync(`${base}.json`, `${JSON.stringify(full, null, 2)}\n`);
  writeFileSync(`${base}.bin`, Buffer.concat([Buffer.from(outKeys.buffer), Buffer.from(outW.buffer)]));
  return full;
}
