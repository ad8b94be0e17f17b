/**
 * Word statistics from unlabelled news for the entity tagger (`npm run train:lexicon`), written
 * to models/lexicon.txt:
 *  - how often a word is capitalised where capitals say nothing of the sentence (after the first
 *    token, in sentences that are not ALL-CAPS headlines): "SHARES" and a sentence-initial
 *    "Shares" are usually the common word, "NYMEX" never is;
 *  - a self-trained name list: the committed tagger (models/ner/) tags the corpus, and each
 *    word's capitalised occurrences are counted by the type they were tagged (PER, ORG, LOC,
 *    MISC or none), so a name the training data never shows is known by how the tagger read it
 *    in many other articles.
 * Corpus: title + body of ../shared/data/corpora/reuters21578.jsonl and the texts of
 * ../shared/data/attribution/polnear_train.jsonl (never a dev or test split), tokenised as
 * scripts/train-clusters.ts does. Deterministic: the same corpus and model give the same file.
 *
 *   npx tsx scripts/train-lexicon.ts --model DIR [--out models/lexicon.txt] [--min-count 3]
 *
 * The tagger that labels the corpus must not itself read the lexicon. The committed tagger reads
 * none (with Viterbi decoding the statistics cost dev F1 about 0.1 on two seeds); to try them:
 *   npm run train:ner -- --out /tmp/ner-nolex
 *   npx tsx scripts/train-lexicon.ts --model /tmp/ner-nolex       # writes models/lexicon.txt, where a model that reads it looks
 *   npm run train:ner -- --lexicon models/lexicon.txt --out /tmp/ner-lex
 *
 * Output: '# ...' header lines, then "WORD<TAB>CAPITALISED<TAB>MID<TAB>PER<TAB>ORG<TAB>LOC<TAB>MISC<TAB>O"
 * per normalised word (lower case, digits as 0): MID counts the occurrences after a sentence's
 * first token in non-headline sentences and CAPITALISED those of them with a capital;
 * the last five count the tagger's labels of all capitalised occurrences.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { packageRoot } from '../src/resources/paths.js';
import { tokenizeText } from './train-clusters.js';
import { scriptArgs, valueOptions } from './script-args.js';
import { capClass, normalise, CAP_ALL, CAP_DIGIT, CAP_INIT, CAP_LETTER, CAP_MIXED, CAP_OTHER } from '../src/stages/entities/tagger/features.js';
import { loadTagger } from '../src/stages/entities/tagger/index.js';

const USAGE = `
npx tsx scripts/train-lexicon.ts [options]    (writes models/lexicon.txt unless --out is given)
  --model DIR (the NER model whose labels are counted; models/ner)  --out FILE  --min-count N (3)
`;
const args = scriptArgs(USAGE, valueOptions('model', 'out', 'min-count'));
const opt = (name: string, dflt: string): string => (args[name] as string | undefined) ?? dflt;
const root = packageRoot();
const out = resolve(opt('out', join(root, 'models', 'lexicon.txt')));
const minCount = Number(opt('min-count', '3'));
const log = (s: string) => process.stderr.write(`${s}\n`);
const dataDir = join(root, '..', 'shared', 'data');

const ENDS = new Set(['.', '?', '!']);
/** Sentences of a paragraph's tokens: a break after . ? ! (and a closing quote after them). */
function sentences(text: string): string[][] {
  const toks: string[] = [];
  tokenizeText(text.replace(/\s+/g, ' '), toks);
  const outS: string[][] = [];
  let cur: string[] = [];
  for (let i = 0; i < toks.length; i++) {
    cur.push(toks[i]!);
    if (ENDS.has(toks[i]!)) {
      if (toks[i + 1] === '"') cur.push(toks[++i]!);
      outS.push(cur);
      cur = [];
    }
  }
  if (cur.length) outS.push(cur);
  return outS;
}

/** Articles as lists of sentences. */
function readArticles(): { articles: string[][][]; description: string } {
  const articles: string[][][] = [];
  let reuters = 0, polnear = 0;
  for (const line of readFileSync(join(dataDir, 'corpora', 'reuters21578.jsonl'), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const rec = JSON.parse(line) as { title?: string | null; body?: string | null };
    const doc: string[][] = [];
    if (rec.title) doc.push(...sentences(rec.title));
    if (rec.body) for (const para of rec.body.split(/\n(?=[ \t]+\S)|\n\s*\n/)) doc.push(...sentences(para));
    if (doc.length) articles.push(doc), (reuters += doc.reduce((a, s) => a + s.length, 0));
  }
  const pol = join(dataDir, 'attribution', 'polnear_train.jsonl');
  if (existsSync(pol)) {
    for (const line of readFileSync(pol, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const rec = JSON.parse(line) as { text?: string | null };
      const doc: string[][] = [];
      for (const para of (rec.text ?? '').split(/\n+/)) doc.push(...sentences(para));
      if (doc.length) articles.push(doc), (polnear += doc.reduce((a, s) => a + s.length, 0));
    }
  }
  return { articles, description: `reuters21578.jsonl title+body (${reuters} tokens) + polnear_train.jsonl texts (${polnear} tokens)` };
}

const t0 = Date.now();
const { articles, description } = readArticles();
log(`read ${articles.length} articles: ${description} (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
const tagger = loadTagger(resolve(opt('model', join(root, 'models', 'ner'))));
if (tagger.pass1.header.features.lexicon) throw new Error('the tagger that labels the corpus reads the lexicon itself: train one with npm run train:ner (without --lexicon) and pass --model');
const TYPES = ['PER', 'ORG', 'LOC', 'MISC'];
/** normalised word → [capitalised mid-sentence, mid-sentence, PER, ORG, LOC, MISC, O] */
const stats = new Map<string, number[]>();
const row = (w: string): number[] => {
  let r = stats.get(w);
  if (!r) stats.set(w, (r = [0, 0, 0, 0, 0, 0, 0]));
  return r;
};
let tagged = 0;
for (const doc of articles) {
  const tags = tagger.tagDocument(doc);
  doc.forEach((s, k) => {
    let letters = 0, caps = 0;
    const cls = s.map(capClass);
    for (const c of cls) if (c !== CAP_DIGIT && c !== CAP_OTHER) { letters++; if (c === CAP_ALL || c === CAP_LETTER) caps++; }
    const headline = letters >= 2 && caps >= 0.7 * letters;
    s.forEach((w, i) => {
      const c = cls[i]!;
      if (c === CAP_DIGIT || c === CAP_OTHER) return;
      const capital = c >= CAP_INIT && c <= CAP_MIXED;
      const r = row(normalise(w));
      if (i > 0 && !headline && !ENDS.has(s[i - 1]!) && s[i - 1] !== '"' && s[i - 1] !== ':') {
        r[1]!++;
        if (capital) r[0]!++;
      }
      if (capital) {
        const t = tags[k]![i]!;
        const type = t === 'O' ? 4 : TYPES.indexOf(t.slice(2));
        r[2 + type]!++;
      }
    });
    tagged += s.length;
  });
}
log(`tagged ${tagged} tokens (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
const lines = [...stats].filter(([, r]) => r[1]! >= minCount || r[2]! + r[3]! + r[4]! + r[5]! + r[6]! >= minCount).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
const model = tagger.pass1.header;
const text = [
  `# newsgraph word statistics for the entity tagger, made by scripts/train-lexicon.ts. Format: WORD<TAB>CAPITALISED<TAB>MID<TAB>PER<TAB>ORG<TAB>LOC<TAB>MISC<TAB>O (normalised words).`,
  `# corpus: ${description}; tokens as scripts/train-clusters.ts; sentences split after . ? !`,
  `# MID: occurrences after a sentence's first token in non-headline sentences; CAPITALISED: those written with a capital.`,
  `# PER…O: labels of the capitalised occurrences by a tagger trained without this file (${model.rows} rows, features ${Object.keys(model.features).filter((k) => (model.features as unknown as Record<string, boolean>)[k]).join(' ')}); words with count >= ${minCount}.`,
  ...lines.map(([w, r]) => `${w}\t${r.join('\t')}`),
].join('\n') + '\n';
writeFileSync(out, text);
log(`wrote ${lines.length} words (${(Buffer.byteLength(text) / 1e6).toFixed(2)} MB) to ${out}`);
