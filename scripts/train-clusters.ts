/**
 * Learns hierarchical word clusters (Brown-style bit paths) from unlabelled news, for the
 * entity tagger's cluster features (Ratinov & Roth 2009: path prefixes of length 4, 6, 10, 20).
 *
 *   npx tsx scripts/train-clusters.ts [--out models/clusters.txt] [--classes 1000] [--min-count 3]
 *
 * Corpus: title + body of ../shared/data/corpora/reuters21578.jsonl and the tokens of
 * ../shared/data/ner/eng.train (never the dev or test splits).
 *
 * Algorithm (the same objective as Brown et al. 1992, in two stages that fit a few minutes):
 *  1. Exchange clustering (Kneser & Ney 1993; Martin, Liermann & Ney 1998): K flat classes that
 *     maximise the class-bigram likelihood  Σ N(c,d) log N(c,d) − 2 Σ N(c) log N(c).
 *     The K most frequent words start in classes of their own; every other word is placed by the
 *     first pass in frequency order (as Liang 2005's window does), then passes move each word to
 *     its best class until few move.
 *  2. Brown's agglomeration over the K classes: merge the pair that loses the least likelihood,
 *     K − 1 times; the merge tree gives each class a bit path (first-merged = '0' side).
 * Nothing is random (ties go to the lower index), so a run is byte-for-byte reproducible; the
 * header's date comes from SOURCE_DATE_EPOCH when set.
 *
 * Output: '# ...' header lines, then "BITPATH\tWORD\tCOUNT" sorted by path, count desc, word.
 * Words of count ≥ min-count are clustered case-sensitively; a lower-cased form that is not
 * itself in the vocabulary but whose case variants total ≥ min-count gets the path of its most
 * frequent clustered variant ("GERMANY"/"Germany" → "germany"), so the tagger's lower-case
 * fallback finds it.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageRoot } from '../src/resources/paths.js';
import { scriptArgs, valueOptions } from './script-args.js';

interface Options {
  out: string;
  classes: number;
  minCount: number;
  maxPasses: number;
  /** stop when fewer than this share of the words moved in a pass */
  minMoved: number;
}

const USAGE = `
npm run train:clusters -- [options]    (writes models/clusters.txt unless --out is given)
  --out FILE  --classes N (1000)  --min-count N (3)  --max-passes N (20)
`;

function readOptions(): Options {
  const args = scriptArgs(USAGE, valueOptions('out', 'classes', 'min-count', 'max-passes'));
  const num = (name: string, dflt: number): number => (args[name] === undefined ? dflt : Number(args[name]));
  return {
    out: args.out === undefined ? join(packageRoot(), 'models', 'clusters.txt') : resolve(args.out as string),
    classes: num('classes', 1000),
    minCount: num('min-count', 3),
    maxPasses: num('max-passes', 20),
    minMoved: 0.005,
  };
}

// ---------------------------------------------------------------- tokens

/** Abbreviations that keep their period, as CoNLL-2003 writes them ("Inc.", "Feb.", "vs."). */
const ABBREVIATIONS = new Set(
  ('Mr Mrs Ms Dr St Jr Sr Prof Gen Gov Sen Rep Col Lt Capt Sgt Rev Inc Corp Co Ltd Bros Plc vs etc ' +
    'Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Mon Tue Wed Thu Fri Sat Sun ' +
    'Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Ky La Md Mass Mich Minn Miss Mo Mont Neb Nev ' +
    'Okla Ore Pa Tenn Tex Va Vt Wash Wis Wyo No Nos Fig approx dept est').split(' '),
);

const TOKEN_RE = new RegExp(
  [
    /(?:\p{L}\.){2,}/u.source, // U.S.  a.m.  F.C.
    /\p{L}+\.(?=[ \t]|$)/u.source, // candidate abbreviation "Inc." (checked below)
    /[\p{L}\p{N}]+(?:(?:[-'’&/][\p{L}\p{N}]+)|(?:(?<=\p{N})[.,:](?=\p{N})\p{N}+))*/u.source, // words, numbers
    /\.{2,}|--+|[^\s\p{L}\p{N}]/u.source, // punctuation
  ].join('|'),
  'gu',
);

const CLITIC_RE = /^(.+?)(n't|N'T|'s|'S|'re|'RE|'ve|'VE|'ll|'LL|'m|'M|'d|'D)$/;

/** A regex tokenizer close to CoNLL-2003's: punctuation split off, "U.S." kept, "'s" and "n't" split. */
export function tokenizeText(text: string, out: string[]): void {
  for (const m of text.replace(/[<>]/g, ' ').replace(/’/g, "'").matchAll(TOKEN_RE)) {
    let tok = m[0];
    if (/^\p{L}+\.$/u.test(tok)) {
      const stem = tok.slice(0, -1);
      // initials ("M.") and listed abbreviations keep the period
      if (!(stem.length === 1 && /\p{Lu}/u.test(stem)) && !ABBREVIATIONS.has(stem)) {
        out.push(stem, '.');
        continue;
      }
    }
    const clitic = CLITIC_RE.exec(tok);
    if (clitic && /\p{L}$/u.test(clitic[1]!) && !(clitic[2]!.startsWith("'") && clitic[1]!.length === 1 && /\p{Lu}/u.test(clitic[1]!))) {
      out.push(clitic[1]!, clitic[2]!);
      continue;
    }
    out.push(tok);
  }
}

/** Sentences (or paragraphs) of tokens from the two training sources. */
function readCorpus(): { segments: string[][]; description: string } {
  const dataDir = join(packageRoot(), '..', 'shared', 'data');
  const segments: string[][] = [];
  let reutersTokens = 0;
  const reuters = readFileSync(join(dataDir, 'corpora', 'reuters21578.jsonl'), 'utf8');
  for (const line of reuters.split('\n')) {
    if (!line.trim()) continue;
    const rec = JSON.parse(line) as { title?: string | null; body?: string | null };
    if (rec.title) {
      const toks: string[] = [];
      tokenizeText(rec.title, toks);
      if (toks.length) segments.push(toks), (reutersTokens += toks.length);
    }
    if (rec.body) {
      // paragraphs start on an indented line; other line breaks are hard wraps
      for (const para of rec.body.split(/\n(?=[ \t]+\S)|\n\s*\n/)) {
        const toks: string[] = [];
        tokenizeText(para.replace(/\s+/g, ' '), toks);
        if (toks.length) segments.push(toks), (reutersTokens += toks.length);
      }
    }
  }
  let conllTokens = 0;
  let sentence: string[] = [];
  for (const line of readFileSync(join(dataDir, 'ner', 'eng.train'), 'utf8').split('\n')) {
    const word = line.split(' ')[0]!.trim();
    if (!word || word === '-DOCSTART-') {
      if (sentence.length) segments.push(sentence), (conllTokens += sentence.length);
      sentence = [];
    } else sentence.push(word);
  }
  if (sentence.length) segments.push(sentence), (conllTokens += sentence.length);
  return {
    segments,
    description: `reuters21578.jsonl title+body (${reutersTokens} tokens) + ner/eng.train (${conllTokens} tokens)`,
  };
}

// ---------------------------------------------------------------- counts

interface Counts {
  words: string[]; // id → form; ids by count desc; last two are <unk> and the boundary
  count: Float64Array;
  unk: number;
  boundary: number;
  total: number;
  /** CSR: right neighbours of each word (id, count), and left neighbours */
  rStart: Int32Array; rId: Int32Array; rCount: Int32Array;
  lStart: Int32Array; lId: Int32Array; lCount: Int32Array;
  selfCount: Int32Array;
}

function countCorpus(segments: string[][], minCount: number): Counts {
  const freq = new Map<string, number>();
  for (const seg of segments) for (const w of seg) freq.set(w, (freq.get(w) ?? 0) + 1);
  const kept = [...freq].filter(([, c]) => c >= minCount).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const words = kept.map(([w]) => w);
  const unk = words.length;
  const boundary = unk + 1;
  words.push('<unk>', '<s>');
  const V = words.length;
  const id = new Map(kept.map(([w], i) => [w, i]));

  // one circular sequence: <s> seg <s> seg ... (the last token wraps round to the first <s>)
  let n = 0;
  for (const seg of segments) n += seg.length + 1;
  const seq = new Int32Array(n);
  let k = 0;
  for (const seg of segments) {
    seq[k++] = boundary;
    for (const w of seg) seq[k++] = id.get(w) ?? unk;
  }
  const count = new Float64Array(V);
  for (let i = 0; i < n; i++) count[seq[i]!]++;

  const bigrams = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const key = seq[i]! * V + seq[(i + 1) % n]!;
    bigrams.set(key, (bigrams.get(key) ?? 0) + 1);
  }
  const keys = Float64Array.from(bigrams.keys()).sort();
  const selfCount = new Int32Array(V);
  const rStart = new Int32Array(V + 1);
  const lStart = new Int32Array(V + 1);
  for (const key of keys) {
    const a = Math.floor(key / V), b = key - a * V;
    if (a === b) continue;
    rStart[a + 1]!++;
    lStart[b + 1]!++;
  }
  for (let i = 0; i < V; i++) (rStart[i + 1]! += rStart[i]!), (lStart[i + 1]! += lStart[i]!);
  const m = rStart[V]!;
  const rId = new Int32Array(m), rCount = new Int32Array(m), lId = new Int32Array(m), lCount = new Int32Array(m);
  const rFill = rStart.slice(0, V), lFill = lStart.slice(0, V);
  for (const key of keys) {
    const a = Math.floor(key / V), b = key - a * V;
    const c = bigrams.get(key)!;
    if (a === b) {
      selfCount[a] = c;
      continue;
    }
    const r = rFill[a]!++;
    rId[r] = b, (rCount[r] = c);
    const l = lFill[b]!++;
    lId[l] = a, (lCount[l] = c);
  }
  return { words, count, unk, boundary, total: n, rStart, rId, rCount, lStart, lId, lCount, selfCount };
}

// ---------------------------------------------------------------- exchange

/**
 * Class-bigram state over S = K + 2 classes: 0..K−1 real classes, K = "not yet placed",
 * K+1 = the sentence boundary (fixed). M[c*S+d] = N(c,d); MT is its transpose.
 */
interface ClassState {
  K: number; S: number;
  cls: Int32Array;
  M: Int32Array; MT: Int32Array;
  n: Float64Array;
  /** T[x] = x log x */
  T: Float64Array;
}

function exchange(c: Counts, opts: Options, log: (s: string) => void): { state: ClassState; passes: number } {
  const V = c.words.length;
  const K = Math.min(opts.classes, V - 1);
  const S = K + 2;
  const LIMBO = K, BOUND = K + 1;
  const T = new Float64Array(c.total + 2);
  for (let x = 1; x < T.length; x++) T[x] = x * Math.log(x);

  const cls = new Int32Array(V);
  let next = 0;
  for (let w = 0; w < V; w++) {
    if (w === c.boundary) cls[w] = BOUND;
    else cls[w] = next < K ? next++ : LIMBO;
  }
  const M = new Int32Array(S * S), MT = new Int32Array(S * S), n = new Float64Array(S);
  for (let w = 0; w < V; w++) {
    const a = cls[w]!;
    n[a]! += c.count[w]!;
    for (let j = c.rStart[w]!; j < c.rStart[w + 1]!; j++) M[a * S + cls[c.rId[j]!]!]! += c.rCount[j]!;
    M[a * S + a]! += c.selfCount[w]!;
  }
  for (let a = 0; a < S; a++) for (let d = 0; d < S; d++) MT[d * S + a] = M[a * S + d]!;

  const r = new Int32Array(S), l = new Int32Array(S);
  const rTouched = new Int32Array(S), lTouched = new Int32Array(S);
  const delta = new Float64Array(K);
  const order: number[] = [];
  for (let w = 0; w < V; w++) if (w !== c.boundary) order.push(w);

  let passes = 0;
  for (let pass = 0; pass < opts.maxPasses; pass++) {
    const t0 = Date.now();
    let moved = 0;
    for (const w of order) {
      const a = cls[w]!;
      const nw = c.count[w]!, s = c.selfCount[w]!;
      // class counts of w's neighbours
      let nr = 0, nl = 0;
      for (let j = c.rStart[w]!; j < c.rStart[w + 1]!; j++) {
        const d = cls[c.rId[j]!]!;
        if (r[d] === 0) rTouched[nr++] = d;
        r[d]! += c.rCount[j]!;
      }
      for (let j = c.lStart[w]!; j < c.lStart[w + 1]!; j++) {
        const d = cls[c.lId[j]!]!;
        if (l[d] === 0) lTouched[nl++] = d;
        l[d]! += c.lCount[j]!;
      }
      // take w out of a
      for (let i = 0; i < nr; i++) {
        const d = rTouched[i]!, x = r[d]!;
        M[a * S + d]! -= x;
        MT[d * S + a]! -= x;
      }
      for (let i = 0; i < nl; i++) {
        const d = lTouched[i]!, x = l[d]!;
        M[d * S + a]! -= x;
        MT[a * S + d]! -= x;
      }
      M[a * S + a]! -= s;
      MT[a * S + a]! -= s;
      n[a]! -= nw;
      // the gain of putting w into each class b
      for (let b = 0; b < K; b++) delta[b] = -2 * (T[n[b]! + nw]! - T[n[b]!]!);
      for (let i = 0; i < nr; i++) {
        const d = rTouched[i]!, x = r[d]!, off = d * S;
        for (let b = 0; b < K; b++) {
          const y = MT[off + b]!;
          delta[b]! += T[y + x]! - T[y]!;
        }
      }
      for (let i = 0; i < nl; i++) {
        const d = lTouched[i]!, x = l[d]!, off = d * S;
        for (let b = 0; b < K; b++) {
          const y = M[off + b]!;
          delta[b]! += T[y + x]! - T[y]!;
        }
      }
      let best = a === LIMBO ? -1 : a;
      let bestGain = -Infinity;
      for (let b = 0; b < K; b++) {
        const y = M[b * S + b]!, rb = r[b]!, lb = l[b]!;
        const g = delta[b]! + T[y + rb + lb + s]! - T[y + rb]! - T[y + lb]! + T[y]!;
        delta[b] = g;
        if (g > bestGain) (bestGain = g), (best = b);
      }
      // stay unless the move clearly gains (guards against float ties flip-flopping)
      if (a !== LIMBO && best !== a && !(bestGain > delta[a]! + 1e-7 * Math.max(1, Math.abs(bestGain)))) best = a;
      if (best !== a) moved++;
      // put w into best (r[best] and l[best] are bigrams of w with words now in best)
      const bb = best;
      for (let i = 0; i < nr; i++) {
        const d = rTouched[i]!, x = r[d]!;
        M[bb * S + d]! += x;
        MT[d * S + bb]! += x;
      }
      for (let i = 0; i < nl; i++) {
        const d = lTouched[i]!, x = l[d]!;
        M[d * S + bb]! += x;
        MT[bb * S + d]! += x;
      }
      M[bb * S + bb]! += s;
      MT[bb * S + bb]! += s;
      n[bb]! += nw;
      cls[w] = bb;
      for (let i = 0; i < nr; i++) r[rTouched[i]!] = 0;
      for (let i = 0; i < nl; i++) l[lTouched[i]!] = 0;
    }
    passes++;
    const objective = likelihood(M, n, T, S);
    log(`pass ${pass + 1}: ${moved} words moved, objective ${objective.toFixed(0)}, ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    if (pass > 0 && moved < opts.minMoved * order.length) break;
  }
  return { state: { K, S, cls, M, MT, n, T }, passes };
}

function likelihood(M: Int32Array, n: Float64Array, T: Float64Array, S: number): number {
  let f = 0;
  for (let i = 0; i < S * S; i++) f += T[M[i]!]!;
  for (let c = 0; c < S; c++) f -= 2 * T[n[c]!]!;
  return f;
}

// ---------------------------------------------------------------- agglomeration

/** Brown's greedy merging of the K classes; returns each class's bit path. */
function agglomerate(st: ClassState): string[] {
  const { K, S, M, n, T } = st;
  const BOUND = K + 1;
  const active: number[] = [];
  for (let c = 0; c < K; c++) if (n[c]! > 0) active.push(c);
  // context classes: the active ones and the boundary (the limbo class is empty by now)
  const gd = (i: number, j: number, d: number): number => {
    const mid = M[i * S + d]!, mjd = M[j * S + d]!, mdi = M[d * S + i]!, mdj = M[d * S + j]!;
    return T[mid + mjd]! - T[mid]! - T[mjd]! + T[mdi + mdj]! - T[mdi]! - T[mdj]!;
  };
  const fullGain = (i: number, j: number): number => {
    let g = gd(i, j, BOUND);
    for (const d of active) if (d !== i && d !== j) g += gd(i, j, d);
    const ii = M[i * S + i]!, ij = M[i * S + j]!, ji = M[j * S + i]!, jj = M[j * S + j]!;
    g += T[ii + ij + ji + jj]! - T[ii]! - T[ij]! - T[ji]! - T[jj]!;
    return g - 2 * (T[n[i]! + n[j]!]! - T[n[i]!]! - T[n[j]!]!);
  };
  const G = new Float64Array(S * S);
  for (let x = 0; x < active.length; x++)
    for (let y = x + 1; y < active.length; y++) G[active[x]! * S + active[y]!] = fullGain(active[x]!, active[y]!);

  // tree: node ids 0..K−1 are the classes, later ones merges
  const left: number[] = [], right: number[] = [];
  const node = new Int32Array(K);
  for (let c = 0; c < K; c++) node[c] = c;
  let nextNode = K;
  while (active.length > 1) {
    let bi = -1, bj = -1, best = -Infinity;
    for (let x = 0; x < active.length; x++) {
      const i = active[x]!, off = i * S;
      for (let y = x + 1; y < active.length; y++) {
        const g = G[off + active[y]!]!;
        if (g > best) (best = g), (bi = i), (bj = active[y]!);
      }
    }
    const a = bi, b = bj; // a < b: active stays sorted
    const others = active.filter((c) => c !== a && c !== b);
    for (let x = 0; x < others.length; x++)
      for (let y = x + 1; y < others.length; y++) {
        const i = others[x]!, j = others[y]!;
        G[i * S + j]! -= gd(i, j, a) + gd(i, j, b);
      }
    for (let d = 0; d < S; d++) M[a * S + d]! += M[b * S + d]!;
    for (let d = 0; d < S; d++) M[d * S + a]! += M[d * S + b]!;
    for (let d = 0; d < S; d++) (M[b * S + d] = 0), (M[d * S + b] = 0);
    n[a]! += n[b]!;
    n[b] = 0;
    active.splice(active.indexOf(b), 1);
    for (let x = 0; x < others.length; x++)
      for (let y = x + 1; y < others.length; y++) {
        const i = others[x]!, j = others[y]!;
        G[i * S + j]! += gd(i, j, a);
      }
    for (const j of active) if (j !== a) G[Math.min(a, j) * S + Math.max(a, j)] = fullGain(Math.min(a, j), Math.max(a, j));
    left.push(node[a]!), right.push(node[b]!);
    node[a] = nextNode++;
  }
  // bit paths: walk down from the root
  const paths: string[] = new Array<string>(K).fill('');
  if (active.length === 0) return paths;
  const stack: [number, string][] = [[node[active[0]!]!, '']];
  while (stack.length) {
    const [id, path] = stack.pop()!;
    if (id < K) paths[id] = path || '0';
    else stack.push([left[id - K]!, path + '0'], [right[id - K]!, path + '1']);
  }
  return paths;
}

// ---------------------------------------------------------------- main

function main(): void {
  const opts = readOptions();
  const t0 = Date.now();
  const log = (s: string): void => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)} s] ${s}`);
  const { segments, description } = readCorpus();
  log(`read ${segments.length} segments: ${description}`);
  const counts = countCorpus(segments, opts.minCount);
  log(`vocabulary ${counts.words.length - 2} forms (count ≥ ${opts.minCount}), ${counts.total} tokens with boundaries, ${counts.rStart[counts.words.length]} distinct bigrams`);
  const { state, passes } = exchange(counts, opts, log);
  const paths = agglomerate(state);
  log(`agglomerated ${state.K} classes`);

  const lines: [string, string, number][] = [];
  const inVocab = new Set<string>();
  for (let w = 0; w < counts.unk; w++) {
    lines.push([paths[state.cls[w]!]!, counts.words[w]!, counts.count[w]!]);
    inVocab.add(counts.words[w]!);
  }
  // lower-case fallbacks: total count over case variants, path of the most frequent clustered variant
  const lower = new Map<string, { total: number; best: number }>();
  const freq = new Map<string, number>();
  for (const seg of segments) for (const w of seg) freq.set(w, (freq.get(w) ?? 0) + 1);
  const idOf = new Map(counts.words.slice(0, counts.unk).map((w, i) => [w, i]));
  for (const [w, c] of freq) {
    const lc = w.toLowerCase();
    if (lc === w || inVocab.has(lc)) continue;
    const e = lower.get(lc) ?? { total: 0, best: -1 };
    e.total += c;
    const id = idOf.get(w);
    if (id !== undefined && (e.best < 0 || id < e.best)) e.best = id; // ids are by count desc
    lower.set(lc, e);
  }
  let derived = 0;
  for (const [lc, e] of lower)
    if (e.total >= opts.minCount && e.best >= 0) lines.push([paths[state.cls[e.best]!]!, lc, e.total]), derived++;
  lines.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : y[2] - x[2] || (x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : 0)));

  const epoch = process.env.SOURCE_DATE_EPOCH;
  const date = (epoch ? new Date(Number(epoch) * 1000) : new Date()).toISOString().slice(0, 10);
  const maxDepth = Math.max(...paths.map((p) => p.length));
  const header = [
    `# newsgraph word clusters, made by scripts/train-clusters.ts on ${date}. Format: BITPATH<TAB>WORD<TAB>COUNT (Brown/Liang paths).`,
    `# corpus: ${description}; CoNLL-2003-style regex tokens, case kept.`,
    `# algorithm: exchange clustering (two-sided class bigram likelihood, Martin et al. 1998) into K=${state.K} classes, ${passes} passes, ` +
      `then Brown agglomerative merging of the classes (paths up to ${maxDepth} bits).`,
    `# vocabulary: ${counts.unk} case-sensitive forms with count >= ${opts.minCount}, plus ${derived} lower-cased forms that take their most frequent variant's path.`,
  ];
  const text = header.join('\n') + '\n' + lines.map(([p, w, c]) => `${p}\t${w}\t${c}`).join('\n') + '\n';
  mkdirSync(dirname(opts.out), { recursive: true });
  writeFileSync(opts.out, text);
  log(`wrote ${lines.length} lines (${(Buffer.byteLength(text) / 1e6).toFixed(2)} MB) to ${relative(process.cwd(), opts.out) || opts.out}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
