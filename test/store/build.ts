/**
 * Hand-built analyses for store tests: offsets computed from the text, so each test states only
 * what matters to it and does not depend on the NLP stages.
 */
import type { Analysis } from '../../src/analysis.js';

type EntitySpec = { id: string; name: string; type: Analysis['entities'][number]['type']; kbId?: string; country?: string; sector?: string; descriptors?: string[]; mentions?: string[] };
type EventSpec = { type: string; cameo?: string; quadClass?: number; source: string | null; target: string | null; trigger: string; date?: string; negated?: boolean };
type QuoteSpec = { kind?: Analysis['quotes'][number]['kind']; content: string; speaker: string | null; chain?: string[] };
type QuantitySpec = { text: string; value: number; unit: string; measure?: string; period?: string };

export interface ArticleSpec {
  id?: string;
  date: string | null;
  title?: string;
  text: string;
  entities?: EntitySpec[];
  events?: EventSpec[];
  quotes?: QuoteSpec[];
  quantities?: QuantitySpec[];
  sources?: Analysis['sources'];
}

function span(text: string, sub: string, from = 0) {
  const start = text.indexOf(sub, from);
  if (start < 0) throw new Error(`"${sub}" is not in the test text`);
  return { start, end: start + sub.length, text: sub };
}

export function analysisOf(spec: ArticleSpec): Analysis {
  const t = spec.text;
  return {
    ...(spec.id ? { id: spec.id } : {}),
    date: spec.date,
    ...(spec.title ? { title: spec.title } : {}),
    text: t,
    sentences: [{ start: 0, end: t.length, text: t }],
    entities: (spec.entities ?? []).map((e) => {
      let from = 0;
      return {
        id: e.id,
        name: e.name,
        type: e.type,
        ...(e.country ? { country: e.country } : {}),
        ...(e.kbId ? { kbId: e.kbId } : {}),
        ...(e.sector ? { sector: e.sector } : {}),
        descriptors: e.descriptors ?? [],
        mentions: (e.mentions ?? [e.name]).map((m) => {
          const s = span(t, m, from);
          from = s.end;
          return { ...s, via: 'test' };
        }),
      };
    }),
    quotes: (spec.quotes ?? []).map((q) => ({ kind: q.kind ?? 'direct', content: span(t, q.content), speaker: q.speaker, rule: 'test', ...(q.chain ? { chain: q.chain } : {}) })),
    times: [],
    quantities: (spec.quantities ?? []).map((q) => ({ ...span(t, q.text), value: q.value, unit: q.unit, rule: 'test', ...(q.measure ? { measure: q.measure } : {}), ...(q.period ? { period: q.period } : {}) })),
    events: (spec.events ?? []).map((e) => ({
      type: e.type, cameo: e.cameo ?? '000', quadClass: e.quadClass ?? 1, source: e.source, target: e.target,
      location: null, date: e.date ?? null, trigger: span(t, e.trigger), negated: e.negated ?? false, attributedTo: null, rule: 'test',
    })),
    sources: spec.sources ?? [],
    tone: 0,
  };
}
