/**
 * `newsgraph eval time|quotes|events --jsonl GOLD`: run the analysis over a gold data set and
 * score it the way ../shared/eval/score.py does, plus the figures that script does not compute
 * (indirect attribution F1, per-type event figures).
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import type { Analysis } from '../../analysis.js';
import type { ArticleInput } from '../../doc/types.js';
import { InputError } from '../../stages/reading/errors.js';
import { formatEventScore, scoreEvents, type GoldEventSentence } from '../../eval/events.js';
import { formatQuoteScore, scoreQuotes, type GoldAttributionDoc } from '../../eval/quotes.js';
import { formatTimexScore, scoreTimex, type GoldTimexDoc, type PredTimexDoc } from '../../stages/times/eval.js';

async function readGold<T>(file: string): Promise<T[]> {
  const out: T[] = [];
  const input = createReadStream(file);
  await new Promise<void>((resolve, reject) => {
    input.once('open', () => resolve());
    input.once('error', (err: NodeJS.ErrnoException) => reject(new InputError(`cannot read ${file}: ${err.code === 'ENOENT' ? 'no such file' : err.message}`)));
  });
  let n = 0;
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    n++;
    if (!line.trim()) continue;
    try {
      out.push(JSON.parse(line) as T);
    } catch {
      throw new InputError(`${file}: line ${n} is not JSON`);
    }
  }
  return out;
}

/** Analyse each gold record, with a progress line now and then. */
async function analyzeAll<T>(records: T[], toInput: (r: T) => ArticleInput): Promise<Map<string, Analysis>> {
  const { analyze } = await import('../../pipeline.js');
  const out = new Map<string, Analysis>();
  let last = Date.now();
  records.forEach((r, k) => {
    const input = toInput(r);
    out.set(String(input.id), analyze(input));
    if (Date.now() - last > 2000) {
      process.stderr.write(`eval: ${k + 1}/${records.length} analysed\n`);
      last = Date.now();
    }
  });
  return out;
}

const day = (d: string | null | undefined) => (d ? d.slice(0, 10) : null);

export function registerEvalData(evalCommand: Command, run: (action: () => Promise<string>) => Promise<void>): void {
  evalCommand
    .command('time')
    .description('score time expressions on TimeML gold (e.g. ../shared/data/time/aquaint.jsonl): strict and relaxed span F1, value F1')
    .requiredOption('--jsonl <file>', 'gold JSON lines {doc_id, dct, text, timex3: [...]}')
    .action((opts: { jsonl: string }) => run(async () => {
      const gold = await readGold<GoldTimexDoc>(opts.jsonl);
      const analyses = await analyzeAll(gold, (g) => ({ id: String(g.doc_id), date: day(g.dct), text: g.text }));
      const pred = new Map<string, PredTimexDoc>([...analyses].map(([id, a]) => [id, { text: a.text, times: a.times }]));
      return formatTimexScore(scoreTimex(gold, pred));
    }));
  evalCommand
    .command('quotes')
    .description('score attribution on PolNeAR gold (e.g. ../shared/data/attribution/polnear_dev.jsonl): direct-quote F1 x speaker accuracy, and indirect attribution F1')
    .requiredOption('--jsonl <file>', 'gold JSON lines {doc_id, publication_date, text, attributions: [...]}')
    .action((opts: { jsonl: string }) => run(async () => {
      const gold = await readGold<GoldAttributionDoc & { publication_date?: string; title?: string }>(opts.jsonl);
      const analyses = await analyzeAll(gold, (g) => ({ id: String(g.doc_id), date: day(g.publication_date), text: g.text, ...(g.title ? { title: g.title } : {}) }));
      return formatQuoteScore(scoreQuotes(gold, analyses));
    }));
  evalCommand
    .command('events')
    .description('score event coding on PLOVER gold sentences (e.g. ../shared/data/events/plover_gsr_dev.jsonl): type, and type with source and target')
    .requiredOption('--jsonl <file>', 'gold JSON lines {id, date, text, event, source, target}')
    .action((opts: { jsonl: string }) => run(async () => {
      const gold = await readGold<GoldEventSentence & { date?: string; text: string }>(opts.jsonl);
      const analyses = await analyzeAll(gold, (g) => ({ id: String(g.id), date: day(g.date) ?? '2000-01-01', text: g.text }));
      return formatEventScore(scoreEvents(gold, analyses));
    }));
}
