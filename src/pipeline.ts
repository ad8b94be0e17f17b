/**
 * newsgraph's analysis, stage by stage: the table of contents of the product.
 * Each stage is a pure function of the document; the order below is checked at start-up
 * against what each stage requires and assigns.
 */
import type { ArticleInput, NewsDoc, Stage } from './doc/types.js';
import { toAnalysis, type Analysis } from './analysis.js';
import { tokensStage } from './stages/tokens/index.js';
import { timesStage } from './stages/times/index.js';
import { quantitiesStage } from './stages/quantities/index.js';
import { entitiesStage } from './stages/entities/index.js';
import { quotesStage } from './stages/quotes/index.js';
import { sourcesStage } from './stages/sources/index.js';
import { eventsStage } from './stages/events/index.js';
import { framingStage } from './stages/framing/index.js';

export const STAGES: readonly Stage[] = [
  tokensStage, //      words, part of speech, sentences, paragraphs
  timesStage, //       TIMEX3 expressions anchored to the article date
  quantitiesStage, //  money, percentages, counts, with measure and period
  entitiesStage, //    people, places, organisations; descriptors; coreference
  quotesStage, //      direct, indirect (partial quotes included) and scare quotes with speakers
  sourcesStage, //     the publisher and the chain of cited sources
  eventsStage, //      PLOVER and CAMEO events with actors, place and date
  framingStage, //     tone
];

/** Fails at start-up when a stage needs a field no earlier stage assigns. */
export function checkOrder(stages: readonly Stage[]): void {
  const have = new Set<keyof NewsDoc>(['id', 'date', 'title', 'publisher', 'text']);
  for (const stage of stages) {
    for (const need of stage.requires) {
      if (!have.has(need)) throw new Error(`pipeline stage "${stage.name}" requires "${String(need)}", which no earlier stage assigns`);
    }
    for (const field of stage.assigns) have.add(field);
  }
}
checkOrder(STAGES);

/**
 * The working document before any stage: every field present (undefined when the input has none),
 * so that every document has one object shape and the stages' reads of it stay monomorphic.
 */
export function emptyDoc(input: ArticleInput): NewsDoc {
  return {
    id: input.id,
    date: input.date,
    title: input.title || undefined,
    publisher: input.publisher || undefined,
    text: input.text,
    tokens: [], sentences: [], paragraphs: [], entities: [], quotes: [], times: [],
    quantities: [], events: [], sources: [], tone: 0,
  };
}

/**
 * Run the stages over one article, returning the working document. Each stage is a pure function
 * of the document; its fields are written into this run's own document, which keeps one shape (a
 * new object per stage, spread, gave the stages documents of several shapes, and each new one cost
 * them a deoptimisation).
 */
export function runPipeline(input: ArticleInput, stages: readonly Stage[] = STAGES): NewsDoc {
  const doc = emptyDoc(input);
  for (const stage of stages) Object.assign(doc, stage.run(doc));
  return doc;
}

/** One article in, its analysis (../shared/CONTRACT.md section 1) out. */
export function analyze(input: ArticleInput): Analysis {
  return toAnalysis(runPipeline(input));
}
