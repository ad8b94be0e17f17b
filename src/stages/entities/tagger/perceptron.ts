/**
 * The averaged perceptron that trains the tagger (training only; tagging reads the saved model).
 * Weights are averaged lazily: each row remembers when it last changed.
 */
import type { IntMap } from './hash.js';
import { NLABELS } from './labels.js';
import type { LearnFn, ScoreFn, UpdateFn } from './model.js';

export class AveragedPerceptron {
  readonly map: IntMap;
  readonly rows: number;
  readonly w: Float64Array;
  private readonly total: Float64Array;
  private readonly stamp: Float64Array;
  /** tokens seen so far (the averaging clock) */
  clock = 0;
  updates = 0;
  readonly score: ScoreFn;
  readonly learn: LearnFn;
  /** Viterbi training: a sentence's updates (call tick first, once per sentence) */
  readonly update: UpdateFn;

  /** `map`: feature key → row, for the features allowed weights (rows 0 … rows-1). */
  constructor(map: IntMap, rows: number) {
    this.map = map;
    this.rows = rows;
    this.w = new Float64Array(rows * NLABELS);
    this.total = new Float64Array(rows * NLABELS);
    this.stamp = new Float64Array(rows);
    const w = this.w;
    this.score = (keys, vals, nf, out) => {
      for (let f = 0; f < nf; f++) {
        const row = map.get(keys[f]!);
        if (row < 0) continue;
        const x = vals[f]!;
        const base = row * NLABELS;
        for (let l = 0; l < NLABELS; l++) out[l] = out[l]! + x * w[base + l]!;
      }
    };
    this.learn = (keys, vals, nf, gold, pred) => {
      this.clock++;
      if (gold === pred) return;
      this.updates++;
      for (let f = 0; f < nf; f++) {
        const row = map.get(keys[f]!);
        if (row < 0) continue;
        this.touch(row);
        const x = vals[f]!;
        w[row * NLABELS + gold] = w[row * NLABELS + gold]! + x;
        w[row * NLABELS + pred] = w[row * NLABELS + pred]! - x;
      }
    };
    this.update = (keys, vals, nf, label, delta) => {
      for (let f = 0; f < nf; f++) {
        const row = map.get(keys[f]!);
        if (row < 0) continue;
        this.touch(row);
        w[row * NLABELS + label] = w[row * NLABELS + label]! + delta * vals[f]!;
      }
    };
  }

  /** Advance the averaging clock by n tokens. */
  tick(n: number): void {
    this.clock += n;
  }

  private touch(row: number): void {
    const dt = this.clock - this.stamp[row]!;
    if (dt === 0) return;
    const base = row * NLABELS;
    for (let l = 0; l < NLABELS; l++) this.total[base + l] = this.total[base + l]! + dt * this.w[base + l]!;
    this.stamp[row] = this.clock;
  }

  /** The averaged weights (rows × NLABELS). */
  averaged(): Float32Array {
    const out = new Float32Array(this.rows * NLABELS);
    const c = Math.max(1, this.clock);
    for (let row = 0; row < this.rows; row++) {
      const dt = this.clock - this.stamp[row]!;
      const base = row * NLABELS;
      for (let l = 0; l < NLABELS; l++) out[base + l] = (this.total[base + l]! + dt * this.w[base + l]!) / c;
    }
    return out;
  }
}
