/**
 * Trains the part-of-speech tagger (src/stages/tokens/pos.ts) on the Penn POS column of CoNLL-2003
 * eng.train, mapped to Universal tags, and picks the number of passes on eng.testa.
 *   npm run train:pos   (npx tsx scripts/train-pos.ts [--train FILE] [--dev FILE] [--epochs 10])
 * Writes models/pos/pos.json (header: tags, tag dictionary, accuracy) and models/pos/pos.bin
 * (feature keys, Int16 weights). Deterministic: a fixed shuffle seed, no clocks.
 *
 * Each CoNLL token is re-read by newsgraph's tokenizer so that training sees the tokens tagging
 * will see: "well-known/JJ" becomes "well/ADJ -/PUNCT known/ADJ".
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../src/resources/paths.js';
import { tokenizeRaw } from '../src/stages/tokens/tokenizer.js';
import { scriptArgs, valueOptions } from './script-args.js';
import { Featurizer, NTAGS, TAGS, buildModel, normal, quantise, tagIds, type PosHeader } from '../src/stages/tokens/pos.js';

const USAGE = `
npm run train:pos -- [options]    (writes models/pos/)
  --train FILE  --dev FILE  --epochs N (10)  --min-count N (2)  --dict-min N (10)  --dict-ratio R (0.98)  --prune W (0.02)
`;
const args = scriptArgs(USAGE, valueOptions('train', 'dev', 'epochs', 'min-count', 'dict-min', 'dict-ratio', 'prune'));
const arg = (name: string, dflt: string): string => (args[name] as string | undefined) ?? dflt;
const shared = join(packageRoot(), '..', 'shared', 'data', 'ner');
const TRAIN = arg('train', join(shared, 'eng.train'));
const DEV = arg('dev', join(shared, 'eng.testa'));
const EPOCHS = Number(arg('epochs', '10'));
/** features seen fewer times than this (with gold context) get no weights */
const MIN_COUNT = Number(arg('min-count', '2'));
/** the tag dictionary: words seen this often with one tag this share of the time are not scored */
const DICT_MIN = Number(arg('dict-min', '10'));
const DICT_RATIO = Number(arg('dict-ratio', '0.98'));
/** rows whose largest averaged weight is below this are dropped from the saved model */
const PRUNE = Number(arg('prune', '0.02'));

interface Sent { raw: string[]; words: string[]; gold: Int32Array }

const tagId = (t: string): number => TAGS.indexOf(t as (typeof TAGS)[number]);

const BE = new Set(['be', 'is', 'are', 'was', 'were', 'been', 'being', 'am', "'re", "'m", 'ai']);
const HAVE = new Set(['have', 'has', 'had', 'having', "'ve", "'d"]);
const DO = new Set(['do', 'does', 'did']);
const SCONJ = new Set(['that', 'if', 'because', 'whether', 'although', 'though', 'while', 'unless', 'whereas', 'since']);

/** Penn tag → Universal tag, with the context the mapping needs (the following Penn tags). */
function universal(word: string, penn: string, next: string[]): string {
  const w = word.toLowerCase();
  if (word === '%') return 'SYM';
  switch (penn) {
    case 'NN': case 'NNS': return 'NOUN';
    case 'NNP': case 'NNPS': return 'PROPN';
    case 'JJ': case 'JJR': case 'JJS': return 'ADJ';
    case 'RB': case 'RBR': case 'RBS': return w === 'not' || w === "n't" ? 'PART' : 'ADV';
    case 'WRB': return 'ADV';
    case 'CD': return 'NUM';
    case 'DT': case 'PDT': return 'DET';
    case 'WDT': return next[0]?.startsWith('NN') || next[0]?.startsWith('JJ') ? 'DET' : 'PRON';
    case 'EX': case 'PRP': case 'PRP$': case 'WP': case 'WP$': return 'PRON';
    case 'CC': return 'CCONJ';
    case 'IN': return SCONJ.has(w) ? 'SCONJ' : 'ADP';
    case 'RP': return 'ADP';
    case 'TO': return next[0]?.startsWith('VB') ? 'PART' : 'ADP';
    case 'POS': return 'PART';
    case 'MD': return 'AUX';
    case 'UH': return 'INTJ';
    case 'FW': case 'LS': return 'X';
    case 'SYM': case '$': case '#': return 'SYM';
    case 'VB': case 'VBD': case 'VBG': case 'VBN': case 'VBP': case 'VBZ': {
      if (BE.has(w) || (w === "'s" && !next.slice(0, 3).some((t) => t === 'VBN' || t === 'VBG') && penn === 'VBZ')) return 'AUX';
      if (HAVE.has(w) || w === "'s" || DO.has(w)) {
        // an auxiliary when a verb follows within three tokens (adverbs, "not", a subject between)
        for (const t of next.slice(0, 3)) {
          if (t.startsWith('VB')) return 'AUX';
          if (!(t.startsWith('RB') || t === 'PRP' || t === 'NNP' || t === 'DT' || t === 'NN')) break;
        }
        return w === "'s" ? 'AUX' : 'VERB';
      }
      return 'VERB';
    }
    default: return 'PUNCT';
  }
}

/**
 * The usual Universal tag of each word standing alone in `path` (for the parts of hyphenated
 * words: "long-term/JJ" is read "long/ADJ -/PUNCT term/NOUN", as "term" alone is a noun).
 */
function alone(path: string): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  const lines = readFileSync(path, 'utf8').split('\n').map((l) => l.trim().split(' '));
  for (let i = 0; i < lines.length; i++) {
    const [word, penn] = lines[i]!;
    if (!word || !penn || word === '-DOCSTART-' || /[-/]/.test(word)) continue;
    const next = lines.slice(i + 1, i + 4).map((l) => l[1] ?? '');
    const key = word.toLowerCase();
    const tag = universal(word, penn, next);
    let m = counts.get(key);
    if (!m) counts.set(key, (m = new Map()));
    m.set(tag, (m.get(tag) ?? 0) + 1);
  }
  const out = new Map<string, string>();
  for (const [w, m] of counts) out.set(w, [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0]);
  return out;
}

let usual = new Map<string, string>();

/** Sentences of a CoNLL file: token and Penn tag columns, re-tokenized, Universal gold tags. */
function read(path: string): Sent[] {
  const out: Sent[] = [];
  let toks: string[] = [];
  let penn: string[] = [];
  const flush = () => {
    if (!toks.length) return;
    const raw: string[] = [];
    const gold: number[] = [];
    for (let i = 0; i < toks.length; i++) {
      const tag = universal(toks[i]!, penn[i]!, penn.slice(i + 1, i + 4));
      const word = toks[i]!;
      const pieces = tokenizeRaw(word);
      if (pieces.starts.length <= 1) {
        raw.push(word);
        gold.push(tagId(tag));
        continue;
      }
      for (let k = 0; k < pieces.starts.length; k++) {
        const piece = word.slice(pieces.starts[k], pieces.ends[k]);
        const kind = pieces.kinds[k]!;
        const t = kind === 'punctuation' ? 'PUNCT' : kind === 'symbol' || kind === 'currency' ? 'SYM' : kind === 'number' ? 'NUM' : usual.get(piece.toLowerCase()) ?? tag;
        raw.push(piece);
        gold.push(tagId(t));
      }
    }
    out.push({ raw, words: raw.map(normal), gold: Int32Array.from(gold) });
    toks = [];
    penn = [];
  };
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const cols = line.trim().split(' ');
    if (!line.trim() || cols[0] === '-DOCSTART-') { flush(); continue; }
    toks.push(cols[0]!);
    penn.push(cols[1]!);
  }
  flush();
  return out;
}

/** A seeded PRNG (mulberry32) for the shuffle. */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

usual = alone(TRAIN);
const train = read(TRAIN);
const dev = read(DEV);
console.log(`train: ${train.length} sentences, ${train.reduce((a, s) => a + s.raw.length, 0)} tokens; dev: ${dev.length} sentences, ${dev.reduce((a, s) => a + s.raw.length, 0)} tokens`);

// the tag dictionary: frequent words (normalised) with one tag at least 97% of the time
const counts = new Map<string, Int32Array>();
for (const s of train) s.words.forEach((w, i) => {
  let c = counts.get(w);
  if (!c) counts.set(w, (c = new Int32Array(NTAGS)));
  c[s.gold[i]!]!++;
});
const dict = new Map<string, number>();
for (const [w, c] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
  let n = 0, best = 0;
  for (let t = 0; t < NTAGS; t++) { n += c[t]!; if (c[t]! > c[best]!) best = t; }
  if (n >= DICT_MIN && c[best]! / n >= DICT_RATIO) dict.set(w, best);
}
/**
 * Words of wire copy that CoNLL-2003 hardly has, with the one tag they take (units after figures,
 * "vs" between them); written here, not learnt.
 */
const WIRE: [string, string][] = [
  ['mln', 'NOUN'], ['bln', 'NOUN'], ['pct', 'NOUN'], ['dlrs', 'NOUN'], ['dlr', 'NOUN'], ['cts', 'NOUN'], ['stg', 'NOUN'],
  ['vs', 'ADP'], ['vs.', 'ADP'],
];
for (const [word, t] of WIRE) dict.set(word, tagId(t));

// the features allowed weights: seen MIN_COUNT times with gold context
const fz = new Featurizer();
const seen = new Map<number, number>();
for (const s of train) {
  fz.prepare(s.raw, s.words);
  for (let i = 0; i < s.raw.length; i++) {
    const nf = fz.features(i, i > 0 ? s.gold[i - 1]! : NTAGS, i > 1 ? s.gold[i - 2]! : i > 0 ? NTAGS : NTAGS + 1);
    for (let f = 0; f < nf; f++) seen.set(fz.keys[f]!, (seen.get(fz.keys[f]!) ?? 0) + 1);
  }
}
const keys = [...seen].filter(([, c]) => c >= MIN_COUNT).map(([k]) => k).sort((a, b) => a - b);
const rowOf = new Map<number, number>(keys.map((k, r) => [k, r]));
const R = keys.length;
console.log(`${seen.size} features, ${R} kept (seen ≥ ${MIN_COUNT} times), dictionary ${dict.size} words`);

const w = new Float64Array(R * NTAGS);
const total = new Float64Array(R * NTAGS);
const stamp = new Float64Array(R);
let clock = 0;
const touch = (r: number) => {
  const dt = clock - stamp[r]!;
  if (!dt) return;
  for (let t = 0; t < NTAGS; t++) total[r * NTAGS + t] = total[r * NTAGS + t]! + dt * w[r * NTAGS + t]!;
  stamp[r] = clock;
};
const averaged = (): Float32Array => {
  const out = new Float32Array(R * NTAGS);
  const c = Math.max(1, clock);
  for (let r = 0; r < R; r++) {
    const dt = clock - stamp[r]!;
    for (let t = 0; t < NTAGS; t++) out[r * NTAGS + t] = (total[r * NTAGS + t]! + dt * w[r * NTAGS + t]!) / c;
  }
  return out;
};

const keyArr = Int32Array.from(keys);
function accuracy(sents: Sent[], weights: Float32Array): number {
  const model = buildModel(keyArr, quantise(weights).q, dict);
  let ok = 0, n = 0;
  for (const s of sents) {
    const got = tagIds(model, s.raw, s.words);
    for (let i = 0; i < s.raw.length; i++) { n++; if (got[i] === s.gold[i]) ok++; }
  }
  return ok / n;
}

const order = train.map((_, i) => i);
const rand = rng(20030);
const sc = new Float64Array(NTAGS);
let best: { epoch: number; acc: number; weights: Float32Array } = { epoch: 0, acc: -1, weights: new Float32Array(0) };
for (let epoch = 1; epoch <= EPOCHS; epoch++) {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  let errors = 0, n = 0;
  for (const si of order) {
    const s = train[si]!;
    fz.prepare(s.raw, s.words);
    let p1 = NTAGS, p2 = NTAGS + 1;
    for (let i = 0; i < s.raw.length; i++) {
      const gold = s.gold[i]!;
      const d = dict.get(s.words[i]!);
      let guess: number;
      if (d !== undefined) guess = d;
      else {
        const nf = fz.features(i, p1, p2);
        sc.fill(0);
        for (let f = 0; f < nf; f++) {
          const r = rowOf.get(fz.keys[f]!);
          if (r === undefined) continue;
          for (let t = 0; t < NTAGS; t++) sc[t] = sc[t]! + w[r * NTAGS + t]!;
        }
        guess = 0;
        for (let t = 1; t < NTAGS; t++) if (sc[t]! > sc[guess]!) guess = t;
        clock++;
        if (guess !== gold) {
          for (let f = 0; f < nf; f++) {
            const r = rowOf.get(fz.keys[f]!);
            if (r === undefined) continue;
            touch(r);
            w[r * NTAGS + gold] = w[r * NTAGS + gold]! + 1;
            w[r * NTAGS + guess] = w[r * NTAGS + guess]! - 1;
          }
        }
      }
      n++;
      if (guess !== gold) errors++;
      p2 = p1;
      p1 = guess;
    }
  }
  const avg = averaged();
  const acc = accuracy(dev, avg);
  console.log(`epoch ${epoch}: train errors ${(100 * errors / n).toFixed(2)}%, dev accuracy ${(100 * acc).toFixed(2)}%`);
  if (acc > best.acc) best = { epoch, acc, weights: avg };
}

// keep rows with some weight; quantise to Int16
const kept: number[] = [];
for (let r = 0; r < R; r++) {
  let m = 0;
  for (let t = 0; t < NTAGS; t++) m = Math.max(m, Math.abs(best.weights[r * NTAGS + t]!));
  if (m >= PRUNE) kept.push(r);
}
const keptW = new Float32Array(kept.length * NTAGS);
kept.forEach((r, j) => { for (let t = 0; t < NTAGS; t++) keptW[j * NTAGS + t] = best.weights[r * NTAGS + t]!; });
const { q, scale } = quantise(keptW);
const body = Buffer.alloc(kept.length * 4 + kept.length * NTAGS * 2);
kept.forEach((r, j) => body.writeInt32LE(keys[r]!, j * 4));
q.forEach((v, j) => body.writeInt16LE(v, kept.length * 4 + j * 2));
// accuracy of the saved (pruned, quantised) model on dev
const savedModel = buildModel(Int32Array.from(kept.map((r) => keys[r]!)), q, dict);
let ok = 0, n = 0;
for (const s of dev) {
  const got = tagIds(savedModel, s.raw, s.words);
  for (let i = 0; i < s.raw.length; i++) { n++; if (got[i] === s.gold[i]) ok++; }
}
const header: PosHeader = {
  tags: [...TAGS],
  rows: kept.length,
  scale,
  dict: [...dict].map(([word, t]) => [word, TAGS[t]!]),
  trainedOn: `CoNLL-2003 eng.train Penn POS column mapped to Universal tags; ${best.epoch} passes chosen on eng.testa`,
  accuracy: { 'eng.testa': Math.round((10000 * ok) / n) / 10000 },
};
const dir = join(packageRoot(), 'models', 'pos');
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'pos.json'), JSON.stringify(header) + '\n');
writeFileSync(join(dir, 'pos.bin'), body);
console.log(`best: epoch ${best.epoch}; saved ${kept.length} rows (${(body.length / 1024).toFixed(0)} KiB), eng.testa accuracy ${(100 * ok / n).toFixed(2)}%`);
