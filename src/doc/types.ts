/**
 * The one document every pipeline stage reads and extends. The text is never changed:
 * every span is a half-open [start, end) range of UTF-16 indexes into `text`.
 */

export interface Span {
  start: number;
  end: number;
  text: string;
}

export type EntityType = 'PERSON' | 'ORG' | 'GPE' | 'LOC' | 'NORP' | 'EVENT' | 'MISC';

export interface Token extends Span {
  /** index in doc.tokens */
  i: number;
  lower: string;
  /** Universal part-of-speech tag (newsgraph's averaged perceptron, src/stages/tokens/pos.ts) */
  pos: string;
  /** token type, as wink-nlp named them: word, number, punctuation, currency, symbol, tabCRLF, … */
  kind: string;
  /** index of the sentence holding the token */
  sentence: number;
}

export interface Sentence extends Span {
  index: number;
  /** first token index and one past the last */
  tokenStart: number;
  tokenEnd: number;
  paragraph: number;
}

export interface Mention extends Span {
  /** how the mention was found: gazetteer, surname, pronoun, descriptor, capital, shape, tagger … */
  via: string;
  /** first token index and one past the last */
  tokenStart: number;
  tokenEnd: number;
}

export interface EntityRecord {
  id: string;
  name: string;
  type: EntityType;
  country?: string;
  /** stable id across articles when the gazetteer knows the entity, e.g. "person:vladimir-putin" */
  kbId?: string;
  gender?: 'm' | 'f';
  sector?: string;
  descriptors: string[];
  mentions: Mention[];
}

export type QuoteKind = 'direct' | 'indirect' | 'mixed' | 'scare';

export interface QuoteRecord {
  kind: QuoteKind;
  content: Span;
  speaker: string | null;
  source?: Span;
  cue?: Span;
  /** which rule produced it, so a user can ask "why?" */
  rule: string;
  /** names of the sources, outermost first, through which the text attributes it */
  chain?: string[];
  /**
   * the words quoted verbatim inside an indirect attribution, quotation marks excluded
   * ('stated that the crisis was caused by a "Western-provoked coup"'): PARC and PolNeAR count
   * such partial quotations as reported speech whose content is the whole clause
   */
  quoted?: Span[];
}

export type TimeType = 'DATE' | 'TIME' | 'DURATION' | 'SET';

export interface TimeRecord extends Span {
  type: TimeType;
  value: string;
  mod?: string;
  /** which parser produced it */
  rule: string;
  /** true when part of the value came from the article date rather than the text */
  anchored?: boolean;
}

export interface QuantityRecord extends Span {
  value: number;
  unit: string;
  measure?: string;
  period?: string;
  /** a comparison the text makes: "68% more than in 2021" */
  comparison?: { direction: 'more' | 'less' | 'same'; reference?: string };
  rule: string;
}

/** How the text presents an event: done, announced for the future, intended, conditional or demanded. */
export type EventMood = 'asserted' | 'future' | 'intended' | 'conditional' | 'demanded';

/** One actor of an event: the entity (when the text names one), its country and sector. */
export interface ActorRef {
  entity: string | null;
  country?: string;
  sector?: string;
  text: string;
}

export interface EventRecord {
  type: string;
  cameo: string;
  quadClass?: number;
  source: string | null;
  target: string | null;
  location?: string | null;
  date?: string | null;
  /** where the date came from: a time expression of the sentence, one of the sentences before, or the article's year */
  dateFrom?: 'sentence' | 'context' | 'article';
  trigger: Span;
  negated?: boolean;
  attributedTo?: string | null;
  mood?: EventMood;
  /** every actor where the text names several ("Hungarian and Romanian officials"); source/target are the first */
  sourceActors?: ActorRef[];
  targetActors?: ActorRef[];
  sentence: number;
  rule: string;
}

export interface SourceRecord {
  name: string;
  entity?: string;
  role: 'publisher' | 'cited';
  citedBy?: string;
  /** the words that establish the link: "with reference to", "According to" */
  cue?: Span;
}

export interface NewsDoc {
  id?: string;
  date: string | null;
  title?: string;
  /** publisher from metadata (feed, HTML meta, jsonl field), when known */
  publisher?: string;
  text: string;
  tokens: Token[];
  sentences: Sentence[];
  paragraphs: Span[];
  entities: EntityRecord[];
  quotes: QuoteRecord[];
  times: TimeRecord[];
  quantities: QuantityRecord[];
  events: EventRecord[];
  sources: SourceRecord[];
  tone: number;
}

/** A pipeline stage: a pure function from a document to the fields it assigns. */
export interface Stage {
  name: string;
  requires: (keyof NewsDoc)[];
  assigns: (keyof NewsDoc)[];
  run(doc: NewsDoc): Partial<NewsDoc>;
}

/** The input of the pipeline: an article as read from a file, a JSON line or a page. */
export interface ArticleInput {
  id?: string;
  date: string | null;
  title?: string;
  publisher?: string;
  text: string;
}
