/**
 * The committed tagger (models/ner/): its files round-trip, `tag --conll` and `eval ner` keep
 * the CoNLL contract, and it finds the names in sentences written for this test.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type Run } from '../support/cli.js';
import { DocState, EntityScorer, MODEL_DIR, NerTagger, evalConllText, loadTagger, tagConllFile, tagConllText, tagDocument, tagTokens } from '../../src/stages/entities/tagger/index.js';
import { parseConll } from '../../src/stages/entities/tagger/conll.js';
import { packageRoot } from '../../src/resources/paths.js';
import { NerModel, saveModel } from '../../src/stages/entities/tagger/model.js';
import { spansFromIob } from '../../src/stages/entities/tagger/labels.js';

// the shared CoNLL dev split, when this checkout sits beside it
const DEV = join(packageRoot(), '..', 'shared', 'data', 'ner', 'eng.testa');

let tmp: string;
let tagger: NerTagger;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'newsgraph-ner-'));
  tagger = loadTagger();
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Entities of one tokenised sentence as "TYPE:words". */
const entities = (sentence: string, doc?: DocState): string[] => {
  const tokens = sentence.split(' ');
  return spansFromIob(tagTokens(tokens, doc, tagger)).map((s) => `${s.type}:${tokens.slice(s.start, s.end).join(' ')}`);
};

describe('tagging sentences written for this test', () => {
  const cases: [string, string[]][] = [
    ['Angela Merkel met Emmanuel Macron in Paris on Tuesday .', ['PER:Angela Merkel', 'PER:Emmanuel Macron', 'LOC:Paris']],
    ['Shares in Siemens rose 3 percent in Frankfurt after the European Central Bank held rates .', ['ORG:Siemens', 'LOC:Frankfurt', 'ORG:European Central Bank']],
    ['Chelsea beat Arsenal 2-1 at Stamford Bridge on Saturday .', ['ORG:Chelsea', 'ORG:Arsenal', 'LOC:Stamford Bridge']],
    ['The United Nations said refugees were crossing from Syria into Turkey .', ['ORG:United Nations', 'LOC:Syria', 'LOC:Turkey']],
    ['Finance minister Olaf Scholz told reporters in Berlin that German exports would grow .', ['PER:Olaf Scholz', 'LOC:Berlin', 'MISC:German']],
  ];
  it.each(cases)('%s', (sentence, expected) => expect(entities(sentence)).toEqual(expected));

  it('tags an ALL-CAPS headline', () => {
    expect(entities('SOCCER - GERMANY BEAT FRANCE IN PARIS .')).toEqual(expect.arrayContaining(['LOC:GERMANY', 'LOC:FRANCE', 'LOC:PARIS']));
  });

  it('tags a whole document and keeps lengths; sentence by sentence, a one-sentence article gets the same tags', () => {
    const sentences = [['Kofi', 'Annan', 'arrived', 'in', 'Nairobi', '.'], ['Annan', 'met', 'officials', '.'], []];
    const whole = tagDocument(sentences, tagger);
    expect(whole.map((t) => t.length)).toEqual([6, 4, 0]);
    const doc = new DocState();
    expect(sentences.map((s) => tagTokens(s, doc, tagger)).map((t) => t.length)).toEqual([6, 4, 0]);
    for (const s of sentences.slice(0, 2)) expect(tagTokens(s, new DocState(), tagger)).toEqual(tagDocument([s], tagger)[0]);
    expect(whole[1]![0]).toBe('B-PER');
  });
});

describe('an article read by one model and tagged by another', () => {
  it('is tagged with the word types the tagging model read itself', () => {
    const other = loadTagger(MODEL_DIR()).pass1; // a second instance, with its own word-type ids
    other.tagIds('Nothing to see here , said the clerk .'.split(' '));
    const sentences = [['Kofi', 'Annan', 'arrived', 'in', 'Nairobi', '.'], ['Annan', 'met', 'officials', 'in', 'Kenya', '.']];
    const readByFirst = tagger.pass1.extractor.docInfo(sentences);
    const readByOther = other.extractor.docInfo(sentences);
    for (let k = 0; k < sentences.length; k++) {
      const tags = Array.from(other.tagIds(sentences[k]!, undefined, undefined, readByFirst, k));
      expect(tags).toEqual(Array.from(other.tagIds(sentences[k]!, undefined, undefined, readByOther, k)));
      expect(tags.some((l) => l !== 0)).toBe(true);
    }
  });
});

describe('pruning plain stretches (lower-case words and punctuation away from any capital)', () => {
  it('leaves out exactly the plain tokens whose neighbours are plain too', () => {
    const model = tagger.pass1;
    const tokens = 'He said on Monday that the talks were over .'.split(' ');
    model.tagIds(tokens);
    expect(Array.from(model.extractor.far.subarray(0, tokens.length))).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1, 1]);
  });

  it('keeps a lower-case word between two capitals inside a name', () => {
    expect(entities('Officials at the Bank of England said inflation would fall .')).toEqual(['ORG:Bank of England']);
  });

  it.runIf(existsSync(DEV))('changes no tag of CoNLL-2003 dev', () => {
    const file = parseConll(readFileSync(DEV, 'utf8'));
    const pruned = tagConllFile(file, tagger).flat();
    const model = tagger.pass1;
    model.extractor.pruneFar = false;
    try {
      const full = tagConllFile(file, tagger).flat();
      expect(pruned.length).toBeGreaterThan(50000);
      expect(pruned).toEqual(full);
    } finally {
      model.extractor.pruneFar = true;
    }
  });
});


describe.runIf(existsSync(DEV))('the committed tagger on CoNLL-2003 dev (eng.testa)', () => {
  it('keeps the F1 the README states (0.9381 when committed) and every type above 0.88', () => {
    const scorer = evalConllText(readFileSync(DEV, 'utf8'), tagger);
    expect(scorer.overall().f1).toBeGreaterThanOrEqual(0.936);
    for (const t of ['PER', 'LOC', 'ORG', 'MISC']) expect(EntityScorer.prf(scorer.byType.get(t)!).f1).toBeGreaterThan(0.88);
  });
});

describe('the model files', () => {
  it('load with their recorded feature sets', () => {
    expect(tagger.pass1.header.features.gazetteer).toBe(true);
    expect(tagger.pass1.header.features.viterbi).toBe(true);
    expect(tagger.pass1.header.features.names).toBe(true);
    expect(tagger.pass1.header.names).toMatch(/^\d+\+\d+:[0-9a-f]{12}$/);
    expect(tagger.pass1.header.rows).toBeGreaterThan(1000);
  });

  it('save and load back to the same predictions', () => {
    const resave = (m: NerModel, name: string) => {
      const { features, gazetteer, names, clusters, lexicon, training } = m.header;
      saveModel(join(tmp, name), { features, ...(gazetteer ? { gazetteer } : {}), ...(names ? { names } : {}), ...(clusters ? { clusters } : {}), ...(lexicon ? { lexicon } : {}), ...(training ? { training } : {}) }, m.keys, m.dense());
    };
    resave(tagger.pass1, 'pass1');
    if (tagger.pass2) resave(tagger.pass2, 'pass2');
    const again = loadTagger(tmp);
    expect(Array.from(again.pass1.keys)).toEqual(Array.from(tagger.pass1.keys));
    const doc = [
      'Boris Yeltsin flew to Moscow on Sunday , Interfax said .',
      'NEW YORK 1996-08-22',
      'Microsoft Corp and IBM shares fell on the Nasdaq .',
    ].map((s) => s.split(' '));
    expect(tagDocument(doc, again)).toEqual(tagDocument(doc, tagger));
  });
});

// A small CoNLL file of sentences written for this test (no -DOCSTART- before the first article, CRLF on one line).
const CONLL = [
  '-DOCSTART- -X- O O',
  '',
  'Nelson NNP I-NP I-PER',
  'Mandela NNP I-NP I-PER',
  'visited VBD I-VP O',
  'London NNP I-NP I-LOC',
  '. . O O',
  '',
  '-DOCSTART- -X- O O',
  '',
  'The DT I-NP O\r',
  'World NNP I-NP I-ORG',
  'Bank NNP I-NP I-ORG',
  'lent VBD I-VP O',
  'Kenya NNP I-NP I-LOC',
  'money NN I-NP O',
].join('\n');

const newsgraph = (args: string[], stdin = ''): Promise<Run> => runCli(args, { stdin });

describe('newsgraph tag --conll', () => {
  it('writes every line back, with the predicted tag appended to token lines only', async () => {
    const file = join(tmp, 'small.conll');
    writeFileSync(file, CONLL);
    const r = await newsgraph(['tag', '--conll', file]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const inLines = CONLL.split('\n');
    const outLines = r.stdout.split('\n');
    // no final newline in, none out
    expect(outLines).toHaveLength(inLines.length);
    inLines.forEach((line, k) => {
      const out = outLines[k]!;
      if (!line.trim() || line.startsWith('-DOCSTART-')) {
        expect(out).toBe(line);
        return;
      }
      const cr = line.endsWith('\r') ? '\r' : '';
      const body = cr ? line.slice(0, -1) : line;
      expect(out.startsWith(`${body} `)).toBe(true);
      expect(out.endsWith(cr)).toBe(true);
      const added = out.slice(body.length + 1, out.length - cr.length);
      expect(added).toMatch(/^(O|[BI]-(PER|ORG|LOC|MISC))$/);
    });
    expect(outLines.slice(2, 7).map((l) => l.split(' ').pop())).toEqual(['B-PER', 'I-PER', 'O', 'B-LOC', 'O']);
    expect(r.stdout).toBe(tagConllText(CONLL, tagger));
  });

  it('reads only the first column', async () => {
    const onlyTokens = CONLL.split('\n').map((l) => (l.trim() && !l.startsWith('-DOCSTART-') ? l.split(' ')[0] : l)).join('\n');
    const a = await newsgraph(['tag', '--conll', '-'], CONLL);
    const b = await newsgraph(['tag', '--conll', '-'], onlyTokens);
    const lastColumn = (out: string) => out.split('\n').map((l) => l.trim().split(' ').pop());
    expect(lastColumn(a.stdout)).toEqual(lastColumn(b.stdout));
  });

  it('reports a missing file in one line and exits 1', async () => {
    const r = await newsgraph(['tag', '--conll', join(tmp, 'nope.conll')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/no such file/);
  });
});

describe('newsgraph eval ner --conll', () => {
  it('prints precision, recall and F1 per type and overall, as conlleval.py does', async () => {
    const r = await newsgraph(['eval', 'ner', '--conll', '-'], CONLL);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^LOC {3}P \d\.\d{4} R \d\.\d{4} F1 \d\.\d{4} {2}gold 2 pred \d+$/m);
    expect(r.stdout).toMatch(/^F1 \d\.\d{4}$/m);
  });

  it('refuses a file without a gold column', async () => {
    const r = await newsgraph(['eval', 'ner', '--conll', '-'], 'Nelson\nMandela\n');
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/gold entity tag/);
  });
});

describe('the scorer', () => {
  it('counts exact span and type only', () => {
    const s = new EntityScorer();
    s.add(['I-PER', 'I-PER', 'O', 'I-LOC'], ['B-PER', 'I-PER', 'O', 'B-ORG']);
    s.add(['I-ORG', 'I-ORG'], ['B-ORG', 'O']);
    expect(s.overall()).toMatchObject({ gold: 3, pred: 3, correct: 1 });
    expect(s.report()).toContain('PER   P 1.0000 R 1.0000 F1 1.0000  gold 1 pred 1');
  });
});
