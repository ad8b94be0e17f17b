/**
 * The 32-bit hashes newsgraph's tables share: FNV-1a over a string's UTF-16 code units and
 * murmur3's finaliser. The tagger's features, the part-of-speech cache, the gazetteer matcher,
 * the word filters and the near-duplicate signatures all read these, so one change here changes
 * every stored key: the committed models record hashes made by these functions.
 */

export const FNV_SEED = 0x811c9dc5 | 0;

/** The FNV-1a state after the code units of s, from `h` (to go on over a concatenation without building it). */
export function fnvState(s: string, h = FNV_SEED): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}

/** murmur3's finaliser: a well-mixed 32-bit value (signed) of a 32-bit value. */
export function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/** FNV-1a over UTF-16 code units [from, to), finalised. */
export function hashRange(s: string, from: number, to: number, seed = FNV_SEED): number {
  let h = seed | 0;
  for (let i = from; i < to; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix(h);
}
