/**
 * Features are 32-bit hashes of (template, value…) rather than strings, so tagging allocates no
 * feature strings; the model maps each kept hash to a weight row through an open-addressing table.
 */

import { fmix, hashRange } from '../../../resources/hash.js';

export { fmix, hashRange };

export const hashStr = (s: string): number => hashRange(s, 0, s.length);

/** A feature key from a template id and one value; never 0 (0 marks an empty slot). */
export function key2(t: number, a: number): number {
  const h = fmix(Math.imul(t + 1, 0x9e3779b1) ^ a);
  return h === 0 ? 1 : h;
}

/** A feature key from a template id and two values. */
export function key3(t: number, a: number, b: number): number {
  const h = fmix(fmix(Math.imul(t + 1, 0x9e3779b1) ^ a) + Math.imul(b ^ 0x5bd1e995, 0x27d4eb2f));
  return h === 0 ? 1 : h;
}

/** Combine two values into one (for features over three or more values). */
export const combine = (a: number, b: number): number => fmix(Math.imul(a, 0x01000193) ^ b ^ 0x7f4a7c15);

/** int32 key (never 0) → int32 value, open addressing with linear probing; -1 when absent. */
export class IntMap {
  keys: Int32Array;
  vals: Int32Array;
  size = 0;
  private mask: number;

  constructor(capacity = 1024) {
    let cap = 16;
    while (cap < capacity * 2) cap <<= 1;
    this.keys = new Int32Array(cap);
    this.vals = new Int32Array(cap);
    this.mask = cap - 1;
  }

  get(key: number): number {
    const { keys, mask } = this;
    let i = key & mask;
    for (;;) {
      const k = keys[i]!;
      if (k === key) return this.vals[i]!;
      if (k === 0) return -1;
      i = (i + 1) & mask;
    }
  }

  /** The slot's value for key, inserting `value` when absent; returns the stored value. */
  setIfAbsent(key: number, value: number): number {
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
    const { keys, mask } = this;
    let i = key & mask;
    for (;;) {
      const k = keys[i]!;
      if (k === key) return this.vals[i]!;
      if (k === 0) {
        keys[i] = key;
        this.vals[i] = value;
        this.size++;
        return value;
      }
      i = (i + 1) & mask;
    }
  }

  /** Add delta to key's value (inserting 0 first); for counting. */
  add(key: number, delta: number): void {
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
    const { keys, mask } = this;
    let i = key & mask;
    for (;;) {
      const k = keys[i]!;
      if (k === key) { this.vals[i] = this.vals[i]! + delta; return; }
      if (k === 0) {
        keys[i] = key;
        this.vals[i] = delta;
        this.size++;
        return;
      }
      i = (i + 1) & mask;
    }
  }

  private grow(): void {
    const oldK = this.keys;
    const oldV = this.vals;
    const cap = oldK.length * 2;
    this.keys = new Int32Array(cap);
    this.vals = new Int32Array(cap);
    this.mask = cap - 1;
    this.size = 0;
    for (let i = 0; i < oldK.length; i++) if (oldK[i] !== 0) this.setIfAbsent(oldK[i]!, oldV[i]!);
  }
}

/** mulberry32: a small seeded generator for deterministic shuffling. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(items: T[], rand: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}
