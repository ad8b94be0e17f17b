/**
 * MinHash signatures over word shingles, and LSH bands over the signatures: two texts whose
 * shingle sets overlap much share a band with high probability, so near-duplicates are found by
 * looking up a few band keys instead of comparing every pair.
 *
 * Thresholds (why these numbers):
 * - shingles of 4 words: long enough that unrelated articles share almost none, short enough
 *   that an edited sentence only breaks the shingles around the edit;
 * - 128 hashes in 32 bands of 4 rows: a pair becomes a candidate with probability
 *   1 - (1 - J^4)^32, i.e. 0.56 at Jaccard 0.4, 0.87 at 0.5, 0.99 at 0.6, under 0.001 at 0.1;
 * - a candidate is the same story when the estimated Jaccard is at least 0.5 (a reprint with a
 *   new lead sentence and attribution stays well above it; two reports of the same event in
 *   different words stay well below, and are grouped by shared events instead).
 */
import { fmix, fnvState } from '../resources/hash.js';

export const SHINGLE_WORDS = 4;
export const HASHES = 128;
export const BANDS = 32;
export const ROWS_PER_BAND = HASHES / BANDS;
export const NEAR_DUPLICATE_JACCARD = 0.5;

/** murmur3's finaliser and FNV-1a (src/resources/hash.ts), unsigned. */
const fmix32 = (h: number): number => fmix(h) >>> 0;
const fnv1a = (s: string): number => fnvState(s) >>> 0;

/** One seed per hash function, fixed so signatures stored yesterday compare with today's. */
const SEEDS: Uint32Array = (() => {
  const seeds = new Uint32Array(HASHES);
  let x = 0x9e3779b9;
  for (let i = 0; i < HASHES; i++) {
    x = fmix32(x + 0x6d2b79f5);
    seeds[i] = x;
  }
  return seeds;
})();

export function words(text: string): string[] {
  return text.toLowerCase().normalize('NFKD').replace(/\p{M}+/gu, '').match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Hashes of the text's overlapping word 4-grams (the whole text when it is shorter). */
export function shingles(text: string): Set<number> {
  const w = words(text);
  const out = new Set<number>();
  if (w.length === 0) return out;
  if (w.length < SHINGLE_WORDS) {
    out.add(fnv1a(w.join(' ')));
    return out;
  }
  for (let i = 0; i + SHINGLE_WORDS <= w.length; i++) out.add(fnv1a(w.slice(i, i + SHINGLE_WORDS).join(' ')));
  return out;
}

/** The MinHash signature, or null for a text without words. */
export function minhash(text: string): Uint32Array | null {
  const set = shingles(text);
  if (set.size === 0) return null;
  const sig = new Uint32Array(HASHES).fill(0xffffffff);
  for (const s of set) {
    for (let i = 0; i < HASHES; i++) {
      const h = fmix32(s ^ SEEDS[i]!);
      if (h < sig[i]!) sig[i] = h;
    }
  }
  return sig;
}

/** The share of equal positions: an unbiased estimate of the shingle sets' Jaccard similarity. */
export function estimatedJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < HASHES; i++) if (a[i] === b[i]) same++;
  return same / HASHES;
}

/** One key per band: "band number:hash of its rows". */
export function bandKeys(sig: Uint32Array): string[] {
  const keys: string[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = b;
    for (let r = 0; r < ROWS_PER_BAND; r++) h = fmix32(h ^ sig[b * ROWS_PER_BAND + r]!) ^ Math.imul(r + 1, 0x27d4eb2d);
    keys.push(`${b}:${(h >>> 0).toString(36)}`);
  }
  return keys;
}

/** Little-endian base64, explicit so a signature reads the same on any machine. */
export function encodeSignature(sig: Uint32Array): string {
  const buf = Buffer.alloc(sig.length * 4);
  sig.forEach((v, i) => buf.writeUInt32LE(v, i * 4));
  return buf.toString('base64');
}

export function decodeSignature(s: string): Uint32Array {
  const buf = Buffer.from(s, 'base64');
  const sig = new Uint32Array(buf.length / 4);
  for (let i = 0; i < sig.length; i++) sig[i] = buf.readUInt32LE(i * 4);
  return sig;
}
