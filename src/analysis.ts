/** The public JSON shape of one analysis: ../shared/CONTRACT.md section 1, plus added fields. */
import type { ActorRef, EntityRecord, EntityType, EventMood, NewsDoc, QuoteKind, QuoteRecord, Span, TimeType } from './doc/types.js';

export interface Analysis {
  id?: string;
  date: string | null;
  title?: string;
  text: string;
  sentences: Span[];
  entities: {
    id: string; name: string; type: EntityType; country?: string; kbId?: string; sector?: string;
    descriptors: string[]; mentions: (Span & { via: string })[];
  }[];
  quotes: { kind: QuoteKind; content: Span; speaker: string | null; source?: Span; cue?: Span; rule: string; chain?: string[]; quoted?: Span[] }[];
  times: { start: number; end: number; text: string; type: TimeType; value: string; mod?: string; rule: string; anchored?: boolean }[];
  quantities: NewsDoc['quantities'];
  events: {
    type: string; cameo: string; quadClass?: number; source: string | null; target: string | null; location?: string | null;
    date?: string | null; dateFrom?: 'sentence' | 'context' | 'article'; trigger: Span; negated?: boolean; attributedTo?: string | null; rule: string;
    mood?: EventMood; sourceActors?: ActorRef[]; targetActors?: ActorRef[];
  }[];
  sources: NewsDoc['sources'];
  tone: number;
}

const pickSpan = (s: Span): Span => ({ start: s.start, end: s.end, text: s.text });
/** A mention's span and how it was found; one literal, not a spread of pickSpan (articles have thousands). */
const pickMention = (m: Span & { via: string }): Span & { via: string } => ({ start: m.start, end: m.end, text: m.text, via: m.via });

// The records below get their optional fields set in place, in the contract's key order, rather
// than spread from throwaway objects (articles have hundreds of mentions and quotes). The casts
// cover the required fields that follow the optional ones.

function entityOf(e: EntityRecord): Analysis['entities'][number] {
  const out = { id: e.id, name: e.name, type: e.type } as Analysis['entities'][number];
  if (e.country) out.country = e.country;
  if (e.kbId) out.kbId = e.kbId;
  if (e.sector) out.sector = e.sector;
  out.descriptors = e.descriptors;
  out.mentions = e.mentions.map(pickMention);
  return out;
}

function quoteOf(q: QuoteRecord): Analysis['quotes'][number] {
  const out = { kind: q.kind, content: pickSpan(q.content), speaker: q.speaker } as Analysis['quotes'][number];
  if (q.source) out.source = pickSpan(q.source);
  if (q.cue) out.cue = pickSpan(q.cue);
  out.rule = q.rule;
  if (q.chain) out.chain = q.chain;
  if (q.quoted?.length) out.quoted = q.quoted.map(pickSpan);
  return out;
}

/** Project the working document onto the contract's JSON: spans only, no token indexes. */
export function toAnalysis(doc: NewsDoc): Analysis {
  return {
    ...(doc.id !== undefined ? { id: doc.id } : {}),
    date: doc.date,
    ...(doc.title ? { title: doc.title } : {}),
    text: doc.text,
    sentences: doc.sentences.map(pickSpan),
    entities: doc.entities.map(entityOf),
    quotes: doc.quotes.map(quoteOf),
    times: doc.times,
    quantities: doc.quantities,
    events: doc.events.map(({ sentence: _sentence, ...e }) => e),
    sources: doc.sources,
    tone: doc.tone,
  };
}
