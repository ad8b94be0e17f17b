/**
 * Train the named-entity tagger: `npm run train:ner` (= tsx scripts/train-ner.ts).
 *
 * Reads ../shared/data/ner/eng.train (CoNLL-2003, IOB1) and writes models/ner/: a first-pass
 * model (pass1.json/.bin) and, with --two-pass, a stacked second pass (pass2.json/.bin) that
 * also reads the first pass's labels of the sentence and of every occurrence of the same word
 * in the document. The second pass trains on first-pass labels of the training documents
 * predicted by models that did not see them (5-fold jackknife), so they are as noisy as at
 * tagging time. Entity F1 on eng.testa is reported after every epoch; no choice is made on
 * anything else. Deterministic for a given seed.
 *
 * Sentences are decoded by first-order Viterbi over BILOU (a structured perceptron: each wrong
 * label costs --margin while training decodes, and a wrong best path moves the weights towards
 * the gold path); --greedy trains the older left-to-right tagger instead.
 *
 * Options: --epochs N (default 15) --seed N --margin N (default 60) --min-count N (features seen
 * fewer times in the training data, under gold labels, are dropped; default 2) --folds N (default 5) --seeds N (average N runs in
 * different orders, default 1) --two-pass --greedy --pos (part-of-speech features) --no-gazetteer --no-towns --no-names (name lists)
 * --no-history --no-clusters --lexicon FILE (word statistics by scripts/train-lexicon.ts; none by
 * default) --out DIR --train FILE --dev FILE
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../src/resources/paths.js';
import { IntMap, mulberry32, shuffle } from '../src/stages/entities/tagger/hash.js';
import { DocInfo, History, Extractor, FEATURE_VERSION, type FeatureSet, type FirstPass } from '../src/stages/entities/tagger/features.js';
import { gazFingerprint, nameLists } from '../src/stages/entities/tagger/gazmatch.js';
import { BILOU, NTYPES, NLABELS, bilouFromIob, iob2FromBilou, labelType } from '../src/stages/entities/tagger/labels.js';
import { Decoder, NerModel, saveModel, type ModelHeader } from '../src/stages/entities/tagger/model.js';
import { parseConll } from '../src/stages/entities/tagger/conll.js';
import { AveragedPerceptron } from '../src/stages/entities/tagger/perceptron.js';
import { EntityScorer } from '../src/stages/entities/tagger/score.js';
import { readClusters, readLexicon } from '../src/stages/entities/tagger/clusters.js';
import { flagOptions, scriptArgs, valueOptions } from './script-args.js';

const USAGE = `
npm run train:ner -- [options]    (writes models/ner/ unless --out is given)
  --epochs N (15)  --seed N (1)  --margin N (60)  --min-count N (2)  --folds N (5)  --seeds N (1)
  --out DIR  --train FILE  --dev FILE  --lexicon FILE
  --two-pass  --greedy  --pos  --wide
  --no-gazetteer  --no-towns  --no-names  --no-history  --no-clusters  --no-runs  --no-doc  --no-agg  --no-headlines-last
`;
const VALUE_OPTIONS = ['epochs', 'seed', 'margin', 'min-count', 'folds', 'seeds', 'out', 'train', 'dev', 'lexicon'] as const;
const FLAG_OPTIONS = ['two-pass', 'greedy', 'pos', 'wide', 'no-gazetteer', 'no-towns', 'no-names', 'no-history', 'no-clusters', 'no-runs', 'no-doc', 'no-agg', 'no-headlines-last'] as const;
const args = scriptArgs(USAGE, { ...valueOptions(...VALUE_OPTIONS), ...flagOptions(...FLAG_OPTIONS) });
const opt = (name: (typeof VALUE_OPTIONS)[number], dflt: string): string => (args[name] as string | undefined) ?? dflt;
const flag = (name: (typeof FLAG_OPTIONS)[number]): boolean => args[name] === true;

const root = packageRoot();
const trainPath = opt('train', join(root, '..', 'shared', 'data', 'ner', 'eng.train'));
const devPath = opt('dev', join(root, '..', 'shared', 'data', 'ner', 'eng.testa'));
const epochs = Number(opt('epochs', '15'));
const seed = Number(opt('seed', '1'));
const minCount = Number(opt('min-count', '2'));
const folds = Number(opt('folds', '5'));
const seeds = Number(opt('seeds', '1'));
const twoPass = flag('two-pass');
const margin = Number(opt('margin', '60'));
const outDir = opt('out', join(root, 'models', 'ner'));

const clusterTable = flag('no-clusters') ? undefined : readClusters();
// word statistics (scripts/train-lexicon.ts) only when asked for: with Viterbi decoding they no longer help on dev
const lexiconPath = opt('lexicon', '');
const lexiconTable = lexiconPath ? readLexicon(lexiconPath) : undefined;
if (lexiconPath && !lexiconTable) throw new Error(`no word statistics at ${lexiconPath}`);
const base: FeatureSet = {
  gazetteer: !flag('no-gazetteer'), clusters: !!clusterTable, history: !flag('no-history'), towns: !flag('no-towns'),
  ...(flag('wide') ? { wide: true } : {}),
  ...(!flag('no-runs') ? { runs: true } : {}),
  ...(!flag('no-doc') ? { doc: true } : {}),
  ...(!flag('no-agg') ? { agg: true } : {}),
  ...(!flag('no-headlines-last') ? { headlinesLast: true } : {}),
  ...(lexiconTable ? { lexicon: true } : {}),
  ...(!flag('greedy') ? { viterbi: true } : {}),
  ...(flag('pos') ? { pos: true } : {}),
  ...(!flag('no-names') ? { names: true } : {}),
};
const log = (s: string) => process.stderr.write(`${s}\n`);

interface Sent { tokens: string[]; gold: Int32Array; iob: string[]; first?: Int32Array }
type Doc = Sent[];
const infos = new WeakMap<Doc, DocInfo>();
/** The DocInfo of a document (built once, by the first extractor that asks; it reads only the tokens). */
const infoOf = (ex: Extractor, d: Doc): DocInfo | undefined => {
  if (!ex.set.doc && !ex.set.agg) return undefined;
  let info = infos.get(d);
  if (!info) infos.set(d, (info = ex.docInfo(d.map((s) => s.tokens))));
  return info;
};
const load = (path: string): Doc[] =>
  parseConll(readFileSync(path, 'utf8')).docs.map((d) => d.sentences.map((s) => ({ tokens: s.tokens, gold: bilouFromIob(s.last), iob: s.last })));

const t0 = Date.now();
const secs = () => `${((Date.now() - t0) / 1000).toFixed(0)} s`;
const train = load(trainPath);
const dev = load(devPath);
log(`train: ${train.length} documents, ${train.reduce((a, d) => a + d.length, 0)} sentences; dev: ${dev.length} documents`);
log(`features: ${JSON.stringify(base)}${clusterTable ? ` (clusters ${clusterTable.fingerprint}, ${clusterTable.size} words)` : ''}; ${twoPass ? 'two passes' : 'one pass'}`);

type HeaderPart = Omit<ModelHeader, 'rows' | 'scale' | 'format' | 'version' | 'featureVersion' | 'labels'>;
const headerFor = (features: FeatureSet): HeaderPart => ({
  features,
  ...(features.gazetteer ? { gazetteer: gazFingerprint() } : {}),
  ...(features.names ? { names: nameLists().fingerprint } : {}),
  ...(clusterTable ? { clusters: clusterTable.fingerprint } : {}),
  ...(features.lexicon && lexiconTable ? { lexicon: lexiconTable.fingerprint } : {}),
  training: { data: 'CoNLL-2003 eng.train', epochs, seed, seeds, minCount, margin, ...(features.stacked ? { folds } : {}) },
});
const modelOf = (features: FeatureSet, keys: Int32Array, weights: Float32Array): NerModel =>
  new NerModel({ format: 'newsgraph-ner', version: 1, featureVersion: FEATURE_VERSION, labels: [...BILOU], rows: keys.length, scale: 1, ...headerFor(features) }, keys, weights, clusterTable?.fn, lexiconTable?.fn);

/** First-pass counts of a document (its sentences' `first` labels), keyed as the features read them. */
function firstCounts(ex: Extractor, doc: Doc): Map<number, Float64Array> {
  const counts = new Map<number, Float64Array>();
  for (const s of doc) {
    ex.prepare(s.tokens);
    ex.countFirst(s.first!, counts);
  }
  return counts;
}

/** Tag documents: labels per sentence. A stacked model reads each sentence's `first`. */
function tagDocs(model: NerModel, docs: Doc[], counter?: Extractor): Int32Array[][] {
  return docs.map((d) => {
    const doc = new History();
    const counts = model.header.features.stacked ? firstCounts(counter!, d) : undefined;
    const info = infoOf(model.extractor, d);
    const out: Int32Array[] = new Array(d.length);
    for (const k of model.extractor.order(d.map((s) => s.tokens))) {
      const s = d[k]!;
      out[k] = model.tagIds(s.tokens, doc, counts ? { labels: s.first!, counts } : undefined, info, k).slice();
    }
    return out;
  });
}

function score(docs: Doc[], labels: Int32Array[][]): EntityScorer {
  const scorer = new EntityScorer();
  docs.forEach((d, di) => d.forEach((s, si) => scorer.add(s.iob, iob2FromBilou(labels[di]![si]!, s.tokens.length))));
  return scorer;
}

/** Train one model over docs; reports dev F1 per epoch when `devDocs` is given. */
function trainModel(docs: Doc[], features: FeatureSet, label: string, devDocs?: Doc[], counter?: Extractor): { keys: Int32Array; weights: Float32Array } {
  const ex = new Extractor(features, clusterTable?.fn, lexiconTable?.fn);
  const counts1 = new Map<Doc, Map<number, Float64Array>>();
  const firstOf = (d: Doc, s: Sent): FirstPass | undefined => {
    if (!features.stacked) return undefined;
    let c = counts1.get(d);
    if (!c) counts1.set(d, (c = firstCounts(counter!, d)));
    return { labels: s.first!, counts: c };
  };
  // 1. The feature dictionary: static features, and dynamic ones under gold history, seen ≥ minCount times.
  const counts = new IntMap(1 << 22);
  const keys = new Int32Array(256);
  const vals = new Float64Array(256);
  for (const d of docs) {
    const doc = new History();
    const info = infoOf(ex, d);
    for (const k of ex.order(d.map((s) => s.tokens))) {
      const s = d[k]!;
      ex.prepare(s.tokens, firstOf(d, s), info, k);
      for (let i = 0; i < s.tokens.length; i++) {
        for (let f = ex.staticOff[i]!; f < ex.staticOff[i + 1]!; f++) counts.add(ex.staticKeys[f]!, 1);
        const p1 = i > 0 ? s.gold[i - 1]! : -1;
        const nf = features.viterbi ? ex.transKeys(i, p1, keys, ex.history(i, doc, keys, vals, 0)) : ex.dynamic(i, p1, i > 1 ? s.gold[i - 2]! : -1, doc, keys, vals, 0);
        for (let f = 0; f < nf; f++) counts.add(keys[f]!, 1);
        if (!features.viterbi) ex.remember(i, s.gold[i] === 0 ? NTYPES : labelType(s.gold[i]!), doc);
      }
      if (features.viterbi) for (let i = 0; i < s.tokens.length; i++) ex.remember(i, s.gold[i] === 0 ? NTYPES : labelType(s.gold[i]!), doc);
    }
  }
  const dict = new IntMap(counts.size);
  const dictKeys: number[] = [];
  for (let slot = 0; slot < counts.keys.length; slot++) {
    const k = counts.keys[slot]!;
    if (k !== 0 && counts.vals[slot]! >= minCount) dict.setIfAbsent(k, dictKeys.push(k) - 1);
  }
  const keyArray = Int32Array.from(dictKeys);
  log(`${label}: ${counts.size} distinct features, ${dictKeys.length} kept (${secs()})`);

  // 2. Greedy perceptron epochs over shuffled documents, with the predicted (not gold) history;
  //    with --seeds N, N runs in different orders whose averaged weights are averaged again.
  const weights = new Float32Array(keyArray.length * NLABELS);
  for (let run = 0; run < seeds; run++) {
    const model = new AveragedPerceptron(dict, dictKeys.length);
    const decoder = new Decoder(ex);
    decoder.margin = margin;
    const rand = mulberry32(seed + run);
    const order = docs.map((_, i) => i);
    let out = new Int32Array(256);
    let w: Float32Array = new Float32Array(0);
    for (let epoch = 1; epoch <= epochs; epoch++) {
      shuffle(order, rand);
      let errors = 0, tokens = 0;
      for (const di of order) {
        const d = docs[di]!;
        const doc = new History();
        const info = infoOf(ex, d);
        for (const k of ex.order(d.map((s) => s.tokens))) {
          const s = d[k]!;
          if (out.length < s.tokens.length) out = new Int32Array(s.tokens.length * 2);
          ex.prepare(s.tokens, firstOf(d, s), info, k);
          if (features.viterbi) {
            model.tick(s.tokens.length);
            decoder.viterbi(model.score, out, doc, s.gold, model.update);
          } else decoder.run(model.score, out, doc, s.gold, model.learn);
          for (let i = 0; i < s.tokens.length; i++) if (out[i] !== s.gold[i]) errors++;
          tokens += s.tokens.length;
        }
      }
      if (devDocs || epoch === epochs) w = model.averaged();
      if (devDocs) {
        const r = score(devDocs, tagDocs(modelOf(features, keyArray, w), devDocs, counter)).overall();
        log(`${label}${seeds > 1 ? ` run ${run + 1}` : ''} epoch ${String(epoch).padStart(2)}: train token errors ${((100 * errors) / tokens).toFixed(2)}%, dev P ${r.precision.toFixed(4)} R ${r.recall.toFixed(4)} F1 ${r.f1.toFixed(4)} (${secs()})`);
      }
    }
    for (let i = 0; i < w.length; i++) weights[i] = weights[i]! + w[i]! / seeds;
    if (devDocs && seeds > 1 && run > 0) {
      const sofar = Float32Array.from(weights, (x) => (x * seeds) / (run + 1));
      const r = score(devDocs, tagDocs(modelOf(features, keyArray, sofar), devDocs, counter)).overall();
      log(`${label} average of ${run + 1} runs: dev P ${r.precision.toFixed(4)} R ${r.recall.toFixed(4)} F1 ${r.f1.toFixed(4)}`);
    }
  }
  return { keys: keyArray, weights };
}

mkdirSync(outDir, { recursive: true });
const f1 = { ...base };
const pass1 = trainModel(train, f1, 'pass 1', dev);
const saved1 = saveModel(join(outDir, 'pass1'), headerFor(f1), pass1.keys, pass1.weights);
log(`wrote ${join(outDir, 'pass1')}.json/.bin: ${saved1.rows} rows (${((saved1.rows * (4 + 2 * NLABELS)) / 1e6).toFixed(1)} MB)`);

if (twoPass) {
  const model1 = NerModel.fromFiles(join(outDir, 'pass1.json'), join(outDir, 'pass1.bin'), () => clusterTable?.fn, () => lexiconTable?.fn);
  // first-pass labels: the dev documents from the saved pass-1 model; each training fold from a model trained on the other folds
  tagDocs(model1, dev).forEach((labels, di) => dev[di]!.forEach((s, si) => (s.first = labels[si])));
  for (let k = 0; k < folds; k++) {
    const inFold = (di: number) => di % folds === k;
    const m = trainModel(train.filter((_, di) => !inFold(di)), f1, `fold ${k + 1}/${folds}`);
    const held = train.filter((_, di) => inFold(di));
    tagDocs(modelOf(f1, m.keys, m.weights), held).forEach((labels, j) => held[j]!.forEach((s, si) => (s.first = labels[si])));
  }
  log(`jackknifed first pass on train: ${score(train, train.map((d) => d.map((s) => s.first!))).overall().f1.toFixed(4)} F1 (${secs()})`);
  const f2: FeatureSet = { ...base, stacked: true };
  const pass2 = trainModel(train, f2, 'pass 2', dev, model1.extractor);
  const saved2 = saveModel(join(outDir, 'pass2'), headerFor(f2), pass2.keys, pass2.weights);
  log(`wrote ${join(outDir, 'pass2')}.json/.bin: ${saved2.rows} rows (${((saved2.rows * (4 + 2 * NLABELS)) / 1e6).toFixed(1)} MB)`);
}
log(`done in ${secs()}`);
