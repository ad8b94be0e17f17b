/**
 * The times stage's output on a TimeML gold set (the texts and article dates `eval time` reads),
 * one JSON line per document, so two builds' predictions can be diffed byte for byte:
 *   node dist/scripts/perf/times-predictions.js GOLD.jsonl [ROOT] > FILE
 * ROOT is a compiled newsgraph checkout (default this one), e.g. an earlier commit unpacked with `git archive`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ArticleInput, NewsDoc, Stage } from '../../src/doc/types.js';
import { packageRoot } from '../../src/resources/paths.js';

const [gold, root = packageRoot()] = process.argv.slice(2);
if (!gold) throw new Error('usage: times-predictions GOLD.jsonl [ROOT]');
const load = async <T>(path: string): Promise<T> => (await import(pathToFileURL(join(root, 'dist', 'src', ...path.split('/'))).href)) as T;
const { runPipeline } = await load<{ runPipeline(input: ArticleInput, stages: readonly Stage[]): NewsDoc }>('pipeline.js');
const { tokensStage } = await load<{ tokensStage: Stage }>('stages/tokens/index.js');
const { timesStage } = await load<{ timesStage: Stage }>('stages/times/index.js');
for (const line of readFileSync(gold, 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const g = JSON.parse(line) as { doc_id: string | number; dct?: string | null; text: string };
  const doc = runPipeline({ id: String(g.doc_id), date: g.dct ? g.dct.slice(0, 10) : null, text: g.text }, [tokensStage, timesStage]);
  console.log(JSON.stringify({ id: String(g.doc_id), times: doc.times }));
}
