/**
 * The tagger's figures: model load time, tagging speed (one core, tokens per second, history
 * features on, after a warm-up pass) and entity F1 on a CoNLL file (default eng.testa).
 * Usage: tsx scripts/eval-ner.ts [FILE] [--model BASE] [--repeat N]
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../src/resources/paths.js';
import { MODEL_DIR, loadTagger, tagConllFile } from '../src/stages/entities/tagger/index.js';
import { parseConll } from '../src/stages/entities/tagger/conll.js';
import { EntityScorer } from '../src/stages/entities/tagger/score.js';
import { gazMatcher } from '../src/stages/entities/tagger/gazmatch.js';

const argv = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const k = argv.indexOf(`--${name}`);
  return k >= 0 ? argv[k + 1] : undefined;
};
const file = argv.find((a, k) => !a.startsWith('--') && (k === 0 || !argv[k - 1]!.startsWith('--'))) ?? join(packageRoot(), '..', 'shared', 'data', 'ner', 'eng.testa');
const dir = opt("model") ?? MODEL_DIR();
const repeat = Number(opt('repeat') ?? '5');

const t0 = performance.now();
gazMatcher();
const t1 = performance.now();
const model = loadTagger(dir);
const t2 = performance.now();
const parsed = parseConll(readFileSync(file, 'utf8'));
const tokens = parsed.docs.reduce((a, d) => a + d.sentences.reduce((b, s) => b + s.tokens.length, 0), 0);

let tags = tagConllFile(parsed, model); // warm-up
const t3 = performance.now();
for (let r = 0; r < repeat; r++) tags = tagConllFile(parsed, model);
const t4 = performance.now();

const scorer = new EntityScorer();
let k = 0;
for (const d of parsed.docs) for (const s of d.sentences) scorer.add(s.last, tags[k++]!);
const size = ['pass1.json', 'pass1.bin', 'pass2.json', 'pass2.bin'].map((f) => join(dir, f)).filter(existsSync).reduce((a, f) => a + statSync(f).size, 0);
const passes = [model.pass1, ...(model.pass2 ? [model.pass2] : [])];
const perSec = (tokens * repeat) / ((t4 - t3) / 1000);
process.stdout.write(scorer.report());
process.stdout.write(`model ${dir}: ${(size / 1e6).toFixed(2)} MB; ${passes.map((p, k) => `pass ${k + 1}: ${p.header.rows} rows, features ${JSON.stringify(p.header.features)}`).join('; ')}\n`);
process.stdout.write(`load: gazetteer matcher ${(t1 - t0).toFixed(0)} ms, model ${(t2 - t1).toFixed(0)} ms\n`);
process.stdout.write(`speed: ${tokens} tokens × ${repeat} in ${((t4 - t3) / 1000).toFixed(2)} s = ${Math.round(perSec).toLocaleString('en-US')} tokens/s\n`);
