import type { QuoteRecord } from './types.js';

/**
 * The quote with every field present (undefined when absent), in one order: one object shape for
 * every quote, so the stages after the quotes stage read quotes without deoptimising on each new
 * combination of optional fields (its rules build records of a dozen shapes, and spread them).
 */
export function shapedQuote(q: QuoteRecord, chain: string[] | undefined = q.chain): QuoteRecord {
  return { kind: q.kind, content: q.content, speaker: q.speaker, source: q.source, cue: q.cue, rule: q.rule, chain, quoted: q.quoted };
}
