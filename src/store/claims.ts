/**
 * Numeric claims: the analysis's quantities, keyed by what they measure, the period and the unit,
 * with who the text says gave the figure. Values under one key that disagree across articles are
 * a conflict, reported with every source.
 */
import type { Analysis } from '../analysis.js';
import { normaliseName } from './entities.js';

export type AnalysisQuantity = Analysis['quantities'][number];

/**
 * Two figures conflict when they differ by more than 1% of the larger: "$245 billion" against
 * "$240 billion" does, "$245 billion" against "$245.3 billion" (rounding) does not.
 */
export const CONFLICT_RELATIVE_DIFFERENCE = 0.01;

/** "bilateral trade|2024|USD": case and punctuation of the measure do not matter. */
export function claimKey(q: Pick<AnalysisQuantity, 'measure' | 'period' | 'unit'>): string {
  return `${q.measure ? normaliseName(q.measure) : ''}|${q.period ?? ''}|${q.unit}`;
}

/** A key can conflict only when it says what is measured: "3 people" in two stories is not one figure. */
export function isComparableKey(key: string): boolean {
  return !key.startsWith('|');
}

export function valuesConflict(values: readonly number[]): boolean {
  if (values.length < 2) return false;
  const max = Math.max(...values);
  const min = Math.min(...values);
  const scale = Math.max(Math.abs(max), Math.abs(min));
  return scale > 0 && (max - min) / scale > CONFLICT_RELATIVE_DIFFERENCE;
}

export interface Attribution {
  /** the quote's speaker or the cited source that gave the figure; null when the article states it itself */
  attributedTo: string | null;
  /** publisher first, then each source down to whoever gave the figure */
  chain: string[];
}

const inside = (q: { start: number; end: number }, span: { start: number; end: number }) => q.start >= span.start && q.end <= span.end;

/** The chain of a cited source: walk citedBy up to the publisher. */
function sourceChain(sources: Analysis['sources'], name: string): string[] {
  const chain = [name];
  const seen = new Set(chain);
  let current = sources.find((s) => s.name === name);
  while (current?.citedBy && !seen.has(current.citedBy)) {
    chain.unshift(current.citedBy);
    seen.add(current.citedBy);
    current = sources.find((s) => s.name === current!.citedBy);
  }
  return chain;
}

/**
 * Who gave a figure: the speaker of a quote whose words hold it; else a source cited with a cue
 * ("according to") in the same sentence; else the publisher.
 */
export function attributeQuantity(a: Analysis, q: AnalysisQuantity, publisher: string | null): Attribution {
  const quote = a.quotes.find((qt) => qt.kind !== 'scare' && inside(q, qt.content));
  const nameOf = (id: string | null) => a.entities.find((e) => e.id === id)?.name ?? null;
  if (quote) {
    const speaker = nameOf(quote.speaker) ?? quote.source?.text ?? null;
    const chain = quote.chain?.length ? quote.chain : [publisher, speaker].filter((x): x is string => !!x);
    return { attributedTo: speaker, chain };
  }
  const sentence = a.sentences.find((s) => inside(q, s));
  const cited = sentence && a.sources.find((s) => s.role === 'cited' && s.cue && inside(s.cue, sentence));
  if (cited) return { attributedTo: cited.name, chain: sourceChain(a.sources, cited.name) };
  return { attributedTo: null, chain: publisher ? [publisher] : [] };
}
