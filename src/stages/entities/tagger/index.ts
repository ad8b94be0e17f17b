/**
 * The learned named-entity tagger: an averaged structured perceptron over BILOU tags, decoded by
 * first-order Viterbi, trained by `npm run train:ner` (scripts/train-ner.ts) on CoNLL-2003 and
 * saved under models/ner/. A first pass tags each sentence; an optional stacked second pass
 * (train:ner --two-pass; not committed) re-tags it reading the first pass's labels of the
 * sentence and of the same words elsewhere in the document.
 *
 *   tagDocument([['Peter', 'Blackburn'], ['BRUSSELS', '1996-08-22']])   // → [['B-PER', 'I-PER'], ['B-LOC', 'O']]
 *   const doc = new DocState();                    // or sentence by sentence, one state per article
 *   tagTokens(['Peter', 'Blackburn'], doc);
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../../resources/paths.js';
import { DocInfo, History } from './features.js';
import { iob2FromBilouFast as iob2FromBilou } from './labels.js';
import { NerModel } from './model.js';
import { parseConll, type ConllFile } from './conll.js';
import { EntityScorer } from './score.js';
import { clustersFor, lexiconFor } from './clusters.js';

export { NerModel } from './model.js';
export { EntityScorer } from './score.js';

/** What the tagger remembers of an article while tagging it sentence by sentence. */
export class DocState {
  /** labels the first pass gave each word so far (its history features) */
  readonly history1 = new History();
  /** labels the second pass gave each word so far */
  readonly history2 = new History();
  /** the first pass's labels per word, over the sentences seen so far (the second pass's document features) */
  readonly first = new Map<number, Float64Array>();
  /** the sentences seen so far, for a model with document-level features (DocInfo) */
  readonly info = new DocInfo();
}

/** One or two passes of models. */
export class NerTagger {
  constructor(readonly pass1: NerModel, readonly pass2?: NerModel) {
    if (pass2 && !pass2.header.features.stacked) throw new Error('the second NER pass is not a stacked model');
  }

  /** Tag one sentence, remembering it in `doc` for the sentences after it. */
  tagSentence(tokens: readonly string[], doc: DocState = new DocState()): string[] {
    if (tokens.length === 0) return [];
    // sentence by sentence, the document-level features know the sentences up to this one
    if (this.pass1.readsDocument) this.pass1.extractor.addToDoc(tokens, doc.info);
    const labels = this.pass1.tagIds(tokens, doc.history1, undefined, doc.info, doc.info.headlines.length - 1);
    if (!this.pass2) return iob2FromBilou(labels, tokens.length);
    const first = labels.slice();
    this.pass1.extractor.countFirst(first, doc.first);
    return iob2FromBilou(this.pass2.tagIds(tokens, doc.history2, { labels: first, counts: doc.first }), tokens.length);
  }

  /** Tag a whole article's sentences: the second pass sees every sentence's first-pass labels. */
  tagDocument(sentences: readonly (readonly string[])[]): string[][] {
    const history1 = new History();
    const info = this.pass1.readsDocument ? this.pass1.extractor.docInfo(sentences) : undefined;
    if (!this.pass2) {
      const out: string[][] = new Array(sentences.length);
      for (const k of this.pass1.extractor.order(sentences, info)) {
        const s = sentences[k]!;
        out[k] = s.length ? iob2FromBilou(this.pass1.tagIds(s, history1, undefined, info, k), s.length) : [];
      }
      return out;
    }
    const counts = new Map<number, Float64Array>();
    const firsts = sentences.map((s, k) => {
      if (!s.length) return new Int32Array(0);
      const labels = this.pass1.tagIds(s, history1, undefined, info, k).slice();
      this.pass1.extractor.countFirst(labels, counts);
      return labels;
    });
    const history2 = new History();
    return sentences.map((s, k) => (s.length ? iob2FromBilou(this.pass2!.tagIds(s, history2, { labels: firsts[k]!, counts }), s.length) : []));
  }
}

/** The committed models' folder. */
export const MODEL_DIR = (): string => join(packageRoot(), 'models', 'ner');

let loaded: NerTagger | undefined;

/** Load the tagger in a folder (pass1.json/.bin and, when present, pass2.json/.bin); the committed one is cached. */
export function loadTagger(dir?: string): NerTagger {
  if (!dir && loaded) return loaded;
  const d = dir ?? MODEL_DIR();
  const part = (name: string) => (existsSync(join(d, `${name}.json`)) && existsSync(join(d, `${name}.bin`)) ? NerModel.fromFiles(join(d, `${name}.json`), join(d, `${name}.bin`), (h) => clustersFor(h), (h) => lexiconFor(h)) : undefined);
  const pass1 = part('pass1');
  if (!pass1) throw new Error(`no NER model in ${d}: run npm run train:ner`);
  const tagger = new NerTagger(pass1, part('pass2'));
  if (!dir) loaded = tagger;
  return tagger;
}

/**
 * IOB2 labels (B-PER, I-ORG, O …) for one sentence's tokens. Pass one DocState per article, and
 * its sentences in order, so earlier sentences inform later ones.
 */
export function tagTokens(tokens: readonly string[], doc?: DocState, tagger: NerTagger = loadTagger()): string[] {
  return tagger.tagSentence(tokens, doc);
}

/** IOB2 labels for every sentence of one article. */
export function tagDocument(sentences: readonly (readonly string[])[], tagger: NerTagger = loadTagger()): string[][] {
  return tagger.tagDocument(sentences);
}

/** Tag every sentence of a parsed CoNLL file (-DOCSTART- delimits articles); IOB2 tags per sentence, in file order. */
export function tagConllFile(file: ConllFile, tagger: NerTagger = loadTagger()): string[][] {
  return file.docs.flatMap((d) => tagger.tagDocument(d.sentences.map((s) => s.tokens)));
}

/**
 * `newsgraph tag --conll`: every line back, the predicted tag appended as a new last column of
 * each token line; blank and -DOCSTART- lines unchanged.
 */
export function tagConllText(text: string, tagger: NerTagger = loadTagger()): string {
  const file = parseConll(text);
  const tags = tagConllFile(file, tagger);
  const lines = file.lines.slice();
  let k = 0;
  for (const d of file.docs) {
    for (const s of d.sentences) {
      const t = tags[k++]!;
      s.lines.forEach((ln, j) => {
        const line = lines[ln]!;
        const cr = line.endsWith('\r') ? '\r' : '';
        const body = cr ? line.slice(0, -1) : line;
        const sep = body.includes('\t') ? '\t' : ' ';
        lines[ln] = `${body}${sep}${t[j]}${cr}`;
      });
    }
  }
  return lines.join('\n') + (file.finalNewline ? '\n' : '');
}

/** Score the tagger on a CoNLL text with gold tags in its last column. */
export function evalConllText(text: string, tagger: NerTagger = loadTagger()): EntityScorer {
  const file = parseConll(text);
  const tags = tagConllFile(file, tagger);
  const scorer = new EntityScorer();
  let k = 0;
  for (const d of file.docs) for (const s of d.sentences) scorer.add(s.last, tags[k++]!);
  return scorer;
}

const TAG = /^(O|[BIELSU]-[A-Za-z]+)$/;

/** Why a CoNLL text cannot be scored (a token line without a gold tag column), or undefined. */
export function checkGoldColumn(text: string): string | undefined {
  const file = parseConll(text);
  if (!file.docs.length) return 'no tokens';
  for (const d of file.docs) {
    for (const s of d.sentences) {
      for (let j = 0; j < s.tokens.length; j++) {
        const cols = file.lines[s.lines[j]!]!.trim().split(/\s+/);
        if (cols.length < 2 || !TAG.test(s.last[j]!)) return `line ${s.lines[j]! + 1} has no gold entity tag (O, B-TYPE or I-TYPE) in its last column`;
      }
    }
  }
  return undefined;
}
