/**
 * A greedy averaged-perceptron part-of-speech tagger (Collins 2002; the design of Honnibal's
 * "A good part-of-speech tagger in about 200 lines of Python"), over Universal tags. Features are
 * 32-bit hashes of (template, value) so tagging allocates no feature strings; the model maps each
 * kept hash to a row of weights through an open-addressing table. Frequent unambiguous words are
 * tagged from a dictionary. Trained by scripts/train-pos.ts; the model is models/pos/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../resources/paths.js';
import { fmix, hashRange } from '../../resources/hash.js';

export const TAGS = ['ADJ', 'ADP', 'ADV', 'AUX', 'CCONJ', 'DET', 'INTJ', 'NOUN', 'NUM', 'PART', 'PRON', 'PROPN', 'PUNCT', 'SCONJ', 'SYM', 'VERB', 'X'] as const;
/** 17: the loops of tagIds spell it out */
export const NTAGS: number = TAGS.length;
/** the tag id before the first word of a sentence */
const START = NTAGS;
const START2 = NTAGS + 1;

/** A feature key from a template id and a value; never 0 (0 marks an empty slot). */
function key(t: number, a: number): number {
  const h = fmix(Math.imul(t + 1, 0x9e3779b1) ^ a);
  return h === 0 ? 1 : h;
}
const key2 = (t: number, a: number, b: number): number => key(t, fmix(Math.imul(a, 0x01000193) ^ b ^ 0x7f4a7c15));

/** The word as the features see it: lower case, digit strings folded. */
export function normal(word: string): string {
  const lower = word.toLowerCase();
  let digits = 0;
  let other = 0;
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c !== 44 && c !== 46 && c !== 45 && c !== 47 && c !== 58) other++;
  }
  if (digits && !other) return digits === 4 && lower.length === 4 ? '!YEAR' : '!DIGITS';
  return lower;
}

/** Shape class of the original word: 1 Xxx, 2 XXX, 3 xxx, 4 digits, 5 mixed with digits, 6 punctuation, 7 other. */
function shape(w: string): number {
  let up = 0, low = 0, dig = 0, oth = 0;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 65 && c <= 90) up++;
    else if (c >= 97 && c <= 122) low++;
    else if (c >= 48 && c <= 57) dig++;
    else if (c > 127 && w[i]!.toLowerCase() !== w[i]!.toUpperCase()) { if (w[i] === w[i]!.toUpperCase()) up++; else low++; }
    else oth++;
  }
  if (dig) return up || low ? 5 : 4;
  if (!up && !low) return 6;
  const first = w.charCodeAt(0);
  const firstUp = (first >= 65 && first <= 90) || (first > 127 && w[0] === w[0]!.toUpperCase() && w[0] !== w[0]!.toLowerCase());
  if (up && !low) return w.length === 1 ? 1 : 2;
  if (firstUp) return 1;
  return oth ? 7 : 3;
}

const NF = 24;

/**
 * The feature keys of word i given the two tags before it: `words` are normalised, `raw` the
 * token texts, `hw`/`hs` precomputed hashes of the normalised words and their 3-letter suffixes.
 */
export class Featurizer {
  readonly keys = new Int32Array(NF);
  hw = new Int32Array(64);
  hs = new Int32Array(64);
  hp = new Int32Array(64);
  sh = new Int32Array(64);
  hr = new Int32Array(64);
  n = 0;

  prepare(raw: string[], words: string[]): void {
    const n = words.length;
    this.n = n;
    if (this.hw.length < n) {
      const m = n * 2;
      this.hw = new Int32Array(m); this.hs = new Int32Array(m); this.hp = new Int32Array(m); this.sh = new Int32Array(m); this.hr = new Int32Array(m);
    }
    for (let i = 0; i < n; i++) {
      const w = words[i]!;
      this.hw[i] = hashRange(w, 0, w.length);
      this.hs[i] = hashRange(w, Math.max(0, w.length - 3), w.length);
      this.hp[i] = w.charCodeAt(0) | 0;
      this.sh[i] = shape(raw[i]!);
      const r = raw[i]!;
      this.hr[i] = hashRange(r, 0, r.length);
    }
  }

  /** Fills keys for word i; returns the count. */
  features(i: number, p1: number, p2: number): number {
    const k = this.keys;
    const n = this.n;
    const W = (j: number): number => (j < 0 ? -1 - j : j >= n ? 0x7ffffff0 + j - n : this.hw[j]!);
    const S = (j: number): number => (j < 0 || j >= n ? 0x6ffffff0 : this.hs[j]!);
    const H = (j: number): number => (j < 0 ? 8 : j >= n ? 9 : this.sh[j]!);
    let f = 0;
    k[f++] = key(0, 0);
    k[f++] = key(1, this.hw[i]!);
    k[f++] = key(2, this.hs[i]!);
    k[f++] = key(3, this.hp[i]!);
    k[f++] = key(4, p1);
    k[f++] = key(5, p2);
    k[f++] = key2(6, p1, p2);
    k[f++] = key2(7, p1, this.hw[i]!);
    k[f++] = key(8, W(i - 1));
    k[f++] = key(9, S(i - 1));
    k[f++] = key(10, W(i - 2));
    k[f++] = key(11, W(i + 1));
    k[f++] = key(12, S(i + 1));
    k[f++] = key(13, W(i + 2));
    k[f++] = key(14, this.sh[i]!);
    k[f++] = key2(15, this.sh[i]!, i === 0 ? 1 : 0);
    k[f++] = key(16, this.hr[i]!);
    k[f++] = key(17, H(i + 1));
    k[f++] = key(18, H(i - 1));
    k[f++] = key2(19, this.hw[i]!, W(i + 1));
    k[f++] = key2(20, W(i - 1), this.hw[i]!);
    k[f++] = key2(21, p1, H(i));
    k[f++] = key2(22, this.hs[i]!, H(i));
    const w = this.hw[i]!;
    k[f++] = key2(23, w, i === 0 ? 1 : 0);
    return f;
  }
}

export interface PosModel {
  /** open-addressing table of (key, row) pairs: slot h holds table[2h] = key, table[2h + 1] = row (of rows × NTAGS weights) */
  table: Int32Array;
  /** rows × NTAGS weights, fixed point (Int16; the scale does not matter to the argmax) */
  weights: Int16Array;
  /** word (normalised) → tag id for frequent unambiguous words */
  dict: Map<string, number>;
}

export function lookup(m: PosModel, k: number): number {
  const table = m.table;
  const mask = (table.length >> 1) - 1;
  let h = k & mask;
  for (;;) {
    const v = table[h << 1]!;
    if (v === k) return table[(h << 1) + 1]!;
    if (v === 0) return -1;
    h = (h + 1) & mask;
  }
}

const scores = new Int32Array(NTAGS);
const featurizer = new Featurizer();

/** Tags one sentence (raw token texts); the tag ids. */
export function tagIds(m: PosModel, raw: string[], words = raw.map(normal), fz = featurizer, fixed?: Int32Array): Int32Array {
  const n = raw.length;
  const out = new Int32Array(n);
  fz.prepare(raw, words);
  let p1 = START;
  let p2 = START2;
  const w = m.weights;
  const table = m.table;
  const mask = (table.length >> 1) - 1;
  for (let i = 0; i < n; i++) {
    const d = fixed && fixed[i]! >= 0 ? fixed[i]! : m.dict.get(words[i]!);
    let best: number;
    if (d !== undefined) best = d;
    else {
      scores.fill(0);
      const nf = fz.features(i, p1, p2);
      const keys = fz.keys;
      for (let f = 0; f < nf; f++) {
        const k = keys[f]!;
        let h = k & mask;
        let row = -1;
        for (;;) {
          const v = table[h << 1]!;
          if (v === k) { row = table[(h << 1) + 1]!; break; }
          if (v === 0) break;
          h = (h + 1) & mask;
        }
        if (row < 0) continue;
        const base = row * 17;
        for (let t = 0; t < 17; t++) scores[t] = scores[t]! + w[base + t]!;
      }
      best = 0;
      for (let t = 1; t < NTAGS; t++) if (scores[t]! > scores[best]!) best = t;
    }
    out[i] = best;
    p2 = p1;
    p1 = best;
  }
  return out;
}

/**
 * The fast path of tagIds, same tags: the features that read one word only (its own, or as the
 * word before, two before, after or two after) are summed once per word type and cached, so a
 * token looks up 3 features instead of 24; the features of the two tags before it (and of the
 * tag before with the word's shape) are summed once per model for every tag pair. Scores are
 * integers, so the sums are exact and the tags are those of tagIds. The cache is emptied when it
 * holds CACHE_WORDS words (memory stays flat; the tags do not depend on what was read before).
 * `words` must be raw.map(normal) (computed here for the words not cached when left out).
 */
const CACHE_WORDS = 16384;
/** per cached word: 6 roles × 17 scores (self not first, prev, prev2, next, next2, self first) */
const ROLE = 6 * 17;
const FIRST = 85;
/** tag ids before a word: the 17 tags, START and START2 */
const PREV_TAGS = NTAGS + 2;
/** shape classes (1..7, see shape) */
const SHAPES = 8;
/** open-addressing index of cached words: twice CACHE_WORDS entries, so probes stay short */
const INDEX_SIZE = CACHE_WORDS * 2;
interface RoleCache {
  model: PosModel;
  /**
   * word → slot, by hand rather than a Map: the token texts are fresh slices whose hash V8 would
   * compute anew for each look-up, and hashRange of the raw word is needed for feature 16 anyway.
   * index[h] holds slot + 1 (0: empty); per slot the raw word and its hashRange.
   */
  index: Int32Array;
  words: string[];
  rawHash: Int32Array;
  size: number;
  pool: Int32Array;
  /** per slot: hash of the normalised word, shape class, dictionary tag (-1: none) */
  hw: Int32Array;
  sh: Int32Array;
  dict: Int32Array;
  pads: Int32Array;
  /** per (p1, p2): the sums of features 4, 5 and 6 */
  tags2: Int32Array;
  /** per (p1, shape): the sums of feature 21 */
  tagShape: Int32Array;
  /** one bit per FILTER_BITS-bit hash of the model's keys (see mayHold) */
  keyFilter: Int32Array;
}
/** 2^19 bits (64 KiB): about 1 in 8 absent keys passes with the model's 66k keys */
const FILTER_BITS = 19;

/** The model's keys, as bits in a filter small enough to stay in cache, unlike its 1 MiB table. */
function keyFilter(m: PosModel): Int32Array {
  const filter = new Int32Array(1 << (FILTER_BITS - 5));
  for (let h = 0; h < m.table.length; h += 2) {
    const k = m.table[h]!;
    if (k !== 0) filter[k >>> (32 - FILTER_BITS + 5)] |= 1 << ((k >>> (32 - FILTER_BITS)) & 31);
  }
  return filter;
}
/** A row of zero weights: the stand-in for a feature that the model lacks. */
const ZERO_ROW = new Int16Array(17);

/** The weight row of key k, -1 when the model lacks it. */
function pairRow(m: PosModel, filter: Int32Array, k: number): number {
  return mayHold(filter, k) ? lookup(m, k) : -1;
}

/** False when the model surely has no key k, so its probe of the table need not run (the filter reads the top bits of k, the table mostly the low ones). */
function mayHold(filter: Int32Array, k: number): boolean {
  return (filter[k >>> (32 - FILTER_BITS + 5)]! & (1 << ((k >>> (32 - FILTER_BITS)) & 31))) !== 0;
}
let cache: RoleCache | undefined;

function addKey(m: PosModel, k: number, out: Int32Array, at: number): void {
  const table = m.table;
  const mask = (table.length >> 1) - 1;
  let h = k & mask;
  for (;;) {
    const v = table[h << 1]!;
    if (v === k) {
      const base = table[(h << 1) + 1]! * 17;
      const w = m.weights;
      for (let t = 0; t < 17; t++) out[at + t] = out[at + t]! + w[base + t]!;
      return;
    }
    if (v === 0) return;
    h = (h + 1) & mask;
  }
}

function roleCache(m: PosModel): RoleCache {
  if (cache && cache.model === m) return cache;
  // pads: the prev role of position -1, prev2 of -1 and -2, next of n, next2 of n and n + 1 (see Featurizer.features)
  const pads = new Int32Array(6 * 17);
  addKey(m, key(8, 0), pads, 0); addKey(m, key(9, 0x6ffffff0), pads, 0); addKey(m, key(18, 8), pads, 0);
  addKey(m, key(10, 0), pads, 17);
  addKey(m, key(10, 1), pads, 34);
  addKey(m, key(11, 0x7ffffff0), pads, 51); addKey(m, key(12, 0x6ffffff0), pads, 51); addKey(m, key(17, 9), pads, 51);
  addKey(m, key(13, 0x7ffffff0), pads, 68);
  addKey(m, key(13, 0x7ffffff1), pads, 85);
  const tags2 = new Int32Array(PREV_TAGS * PREV_TAGS * 17);
  const tagShape = new Int32Array(PREV_TAGS * SHAPES * 17);
  for (let p1 = 0; p1 < PREV_TAGS; p1++) {
    for (let p2 = 0; p2 < PREV_TAGS; p2++) {
      const at = (p1 * PREV_TAGS + p2) * 17;
      addKey(m, key(4, p1), tags2, at); addKey(m, key(5, p2), tags2, at); addKey(m, key2(6, p1, p2), tags2, at);
    }
    for (let sh = 0; sh < SHAPES; sh++) addKey(m, key2(21, p1, sh), tagShape, (p1 * SHAPES + sh) * 17);
  }
  cache = {
    model: m, index: new Int32Array(INDEX_SIZE), words: [], rawHash: new Int32Array(CACHE_WORDS), size: 0, pool: new Int32Array(CACHE_WORDS * ROLE),
    hw: new Int32Array(CACHE_WORDS), sh: new Int32Array(CACHE_WORDS), dict: new Int32Array(CACHE_WORDS),
    pads, tags2, tagShape, keyFilter: keyFilter(m),
  };
  return cache;
}

/** The cache slot of the raw word `r`, filled on first sight (`w`: its normal form, computed when left out). */
function slotOf(m: PosModel, c: RoleCache, r: string, w: string | undefined): number {
  const h = hashRange(r, 0, r.length);
  const mask = INDEX_SIZE - 1;
  let at = h & mask;
  for (;;) {
    const entry = c.index[at]!;
    if (entry === 0) break;
    const slot = entry - 1;
    if (c.rawHash[slot] === h && c.words[slot] === r) return slot;
    at = (at + 1) & mask;
  }
  const slot = c.size++;
  c.index[at] = slot + 1;
  c.words[slot] = r;
  c.rawHash[slot] = h;
  fillSlot(m, c, slot, r, w ?? normal(r), h);
  return slot;
}

/** Fills cache slot `slot` for the raw word `r` (normalised `w`, raw hash `hr`). */
function fillSlot(m: PosModel, c: RoleCache, slot: number, r: string, w: string, hr: number): void {
  const pool = c.pool;
  const at = slot * ROLE;
  pool.fill(0, at, at + ROLE);
  const hw = hashRange(w, 0, w.length);
  const hs = hashRange(w, Math.max(0, w.length - 3), w.length);
  const sh = shape(r);
  c.hw[slot] = hw;
  c.sh[slot] = sh;
  c.dict[slot] = m.dict.get(w) ?? -1;
  // self: not first (role 0) and first (role 5) in the sentence
  addKey(m, key(0, 0), pool, at); addKey(m, key(1, hw), pool, at); addKey(m, key(2, hs), pool, at);
  addKey(m, key(3, w.charCodeAt(0) | 0), pool, at); addKey(m, key(14, sh), pool, at); addKey(m, key(16, hr), pool, at);
  addKey(m, key2(22, hs, sh), pool, at);
  for (let t = 0; t < 17; t++) pool[at + FIRST + t] = pool[at + t]!;
  addKey(m, key2(15, sh, 0), pool, at); addKey(m, key2(23, hw, 0), pool, at);
  addKey(m, key2(15, sh, 1), pool, at + FIRST); addKey(m, key2(23, hw, 1), pool, at + FIRST);
  // as the word before, two before, after, two after
  addKey(m, key(8, hw), pool, at + 17); addKey(m, key(9, hs), pool, at + 17); addKey(m, key(18, sh), pool, at + 17);
  addKey(m, key(10, hw), pool, at + 34);
  addKey(m, key(11, hw), pool, at + 51); addKey(m, key(12, hs), pool, at + 51); addKey(m, key(17, sh), pool, at + 51);
  addKey(m, key(13, hw), pool, at + 68);
}

let slotBuf = new Int32Array(64);

export function tagIdsFast(m: PosModel, raw: readonly string[], words?: readonly string[], fz = featurizer, fixed?: Int32Array): Int32Array {
  const n = raw.length;
  if (n > CACHE_WORDS) return tagIds(m, raw as string[], words ? (words as string[]) : raw.map(normal), fz, fixed);
  const out = new Int32Array(n);
  tagRange(m, raw, 0, n, words, fixed, out);
  return out;
}

/**
 * tagIdsFast over raw[from, to) (at most CACHE_WORDS words), so that a caller tags a sentence of a
 * longer array without slicing it; `fixed` and `out` are indexed from 0 (the sentence's first word).
 */
function tagRange(m: PosModel, raw: readonly string[], from: number, to: number, words: readonly string[] | undefined, fixed: Int32Array | undefined, out: Int32Array): void {
  const n = to - from;
  const c = roleCache(m);
  if (c.size + n > CACHE_WORDS) {
    c.index.fill(0);
    c.size = 0;
  }
  if (slotBuf.length < n) slotBuf = new Int32Array(n * 2);
  for (let j = 0; j < n; j++) slotBuf[j] = slotOf(m, c, raw[from + j]!, words?.[from + j]);
  const pool = c.pool, pads = c.pads, hws = c.hw, shs = c.sh, dict = c.dict, tags2 = c.tags2, tagShape = c.tagShape, filter = c.keyFilter;
  let p1 = START;
  let p2 = START2;
  const weights = m.weights;
  for (let i = 0; i < n; i++) {
    const s = slotBuf[i]!;
    let best = fixed && fixed[i]! >= 0 ? fixed[i]! : dict[s]!;
    if (best < 0) {
      const self = s * ROLE + (i === 0 ? FIRST : 0);
      const prev = i > 0 ? slotBuf[i - 1]! * ROLE + 17 : 0;
      const prev2 = i > 1 ? slotBuf[i - 2]! * ROLE + 34 : i === 1 ? 17 : 34;
      const next = i + 1 < n ? slotBuf[i + 1]! * ROLE + 51 : 51;
      const next2 = i + 2 < n ? slotBuf[i + 2]! * ROLE + 68 : i + 2 === n ? 68 : 85;
      // the pads stand in for the words beyond the sentence
      const prevA = i > 0 ? pool : pads, prev2A = i > 1 ? pool : pads, nextA = i + 1 < n ? pool : pads, next2A = i + 2 < n ? pool : pads;
      const hw = hws[s]!, sh = shs[s]!;
      const t2 = (p1 * PREV_TAGS + p2) * 17;
      const ts = (p1 * SHAPES + sh) * 17;
      const wPrev = i > 0 ? hws[slotBuf[i - 1]!]! : 0;
      const wNext = i + 1 < n ? hws[slotBuf[i + 1]!]! : 0x7ffffff0;
      // the word-pair features' rows (most pairs are absent from the model: the filter spares their probes); ZERO_ROW stands in for a missing one
      const r7 = pairRow(m, filter, key2(7, p1, hw)), r19 = pairRow(m, filter, key2(19, hw, wNext)), r20 = pairRow(m, filter, key2(20, wPrev, hw));
      const w7 = r7 < 0 ? ZERO_ROW : weights, w19 = r19 < 0 ? ZERO_ROW : weights, w20 = r20 < 0 ? ZERO_ROW : weights;
      const b7 = r7 < 0 ? 0 : r7 * 17, b19 = r19 < 0 ? 0 : r19 * 17, b20 = r20 < 0 ? 0 : r20 * 17;
      // the scores summed and their argmax (the first of equal highest) in one pass
      let bestScore = 0;
      best = 0;
      for (let t = 0; t < 17; t++) {
        const score = pool[self + t]! + prevA[prev + t]! + prev2A[prev2 + t]! + nextA[next + t]! + next2A[next2 + t]! + tags2[t2 + t]! + tagShape[ts + t]!
          + w7[b7 + t]! + w19[b19 + t]! + w20[b20 + t]!;
        if (t === 0 || score > bestScore) { bestScore = score; best = t; }
      }
    }
    out[i] = best;
    p2 = p1;
    p1 = best;
  }
}

/** Float weights to Int16 fixed point: the largest magnitude becomes 32767; the scale used. */
export function quantise(weights: Float32Array): { q: Int16Array; scale: number } {
  let maxAbs = 0;
  for (let j = 0; j < weights.length; j++) maxAbs = Math.max(maxAbs, Math.abs(weights[j]!));
  const scale = maxAbs ? 32767 / maxAbs : 1;
  const q = new Int16Array(weights.length);
  for (let j = 0; j < weights.length; j++) q[j] = Math.round(weights[j]! * scale);
  return { q, scale };
}

/** Serialised form: a JSON header and a binary body (keys Int32, then weights as Int16 × scale). */
export interface PosHeader {
  tags: string[];
  rows: number;
  scale: number;
  dict: [string, string][];
  trainedOn: string;
  accuracy?: Record<string, number>;
}

export function buildModel(keys: Int32Array, weights: Int16Array, dict: Map<string, number>): PosModel {
  const rows = keys.length;
  let size = 1;
  while (size < rows * 1.5) size <<= 1;
  const table = new Int32Array(size * 2);
  for (let r = 0; r < rows; r++) {
    const k = keys[r]!;
    let h = k & (size - 1);
    while (table[h << 1] !== 0) h = (h + 1) & (size - 1);
    table[h << 1] = k;
    table[(h << 1) + 1] = r;
  }
  return { table, weights, dict };
}

export function decode(header: PosHeader, body: Buffer): PosModel {
  const rows = header.rows;
  // typed-array views of an aligned copy (the files are little-endian, as the machines that read them)
  const bytes = new Uint8Array(body.buffer, body.byteOffset, body.length).slice();
  const keys = new Int32Array(bytes.buffer, 0, rows);
  const weights = new Int16Array(bytes.buffer, rows * 4, rows * NTAGS);
  const dict = new Map<string, number>(header.dict.map(([w, t]) => [w, TAGS.indexOf(t as (typeof TAGS)[number])]));
  return buildModel(keys, weights, dict);
}

let loaded: PosModel | undefined;

/** The committed model (models/pos/), loaded once. */
export function posModel(): PosModel {
  if (loaded) return loaded;
  const dir = join(packageRoot(), 'models', 'pos');
  const header = JSON.parse(readFileSync(join(dir, 'pos.json'), 'utf8')) as PosHeader;
  loaded = decode(header, readFileSync(join(dir, 'pos.bin')));
  return loaded;
}

/** Tags that a token's kind decides, whatever the context (as wink tags them); -1: the model decides. */
const KIND_TAG: ReadonlyMap<string, number> = new Map([
  ['punctuation', 'PUNCT'], ['symbol', 'SYM'], ['currency', 'SYM'], ['url', 'SYM'], ['email', 'SYM'], ['hashtag', 'SYM'], ['emoji', 'SYM'],
  ['mention', 'PROPN'], ['number', 'NUM'], ['ordinal', 'ADJ'], ['decade', 'NOUN'],
].map(([kind, tag]) => [kind!, TAGS.indexOf(tag as (typeof TAGS)[number])]));

let fixedBuf = new Int32Array(64);
let idsBuf = new Int32Array(64);

/**
 * The tag ids (into TAGS) of the sentence texts[from, to) with token kinds kinds[from, to): no
 * slices and no tag strings. The array returned is reused by the next call; read ids[0, to - from).
 */
export function tagSentenceIds(texts: readonly string[], kinds: readonly string[], from: number, to: number, m = posModel()): Int32Array {
  const n = to - from;
  if (n > CACHE_WORDS) {
    const fixed = kindTags(kinds, from, to, new Int32Array(n));
    return tagIds(m, texts.slice(from, to), undefined, featurizer, fixed);
  }
  if (fixedBuf.length < n) { fixedBuf = new Int32Array(n * 2); idsBuf = new Int32Array(n * 2); }
  tagRange(m, texts, from, to, undefined, kindTags(kinds, from, to, fixedBuf), idsBuf);
  return idsBuf;
}

function kindTags(kinds: readonly string[], from: number, to: number, fixed: Int32Array): Int32Array {
  for (let i = from; i < to; i++) fixed[i - from] = KIND_TAG.get(kinds[i]!) ?? -1;
  return fixed;
}
