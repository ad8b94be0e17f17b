/**
 * The tokens stage as it was with wink-nlp (tokens, Universal POS, sentences), kept for the
 * agreement measurements (scripts/perf/tokens-agreement.ts) and the wink tests; the pipeline
 * no longer imports it, so analyze never loads wink.
 */
import type { Sentence, Span, Token } from '../../doc/types.js';
import { findParagraphs, mergeFragments } from './index.js';
import { span } from '../../doc/span.js';
import { wink } from '../../resources/wink.js';

/** Runs without white space longer than this are split by newsgraph, not wink (URLs, hyphen chains, junk). */
const LONG_RUN = /\S{64,}/g;
const RUN_PIECE = 64;

interface WinkParagraph {
  values: string[];
  pos: string[];
  kinds: string[];
  /** paragraph-local token indexes where wink ends a sentence */
  sentenceEnds: Set<number>;
}

/** Where paragraphs are joined for wink: a blank line, which wink never reads across. */
const JOIN = '\n\n';

/**
 * wink's tokens, part of speech and sentence ends for each paragraph's (masked) text, from one
 * readDoc over the paragraphs joined by blank lines: one call per article costs half as much as
 * one per paragraph, and gives the same tokens, tags and sentences. Each token is placed by its
 * preceding white space and value; when that does not rebuild the joined text exactly, or a
 * token straddles a paragraph join, undefined (the caller reads paragraph by paragraph).
 */
export function winkArticle(texts: string[]): WinkParagraph[] | undefined {
  const nlp = wink();
  const its = nlp.its;
  const joined = texts.join(JOIN);
  const wdoc = nlp.readDoc(joined);
  const tokens = wdoc.tokens();
  const values = tokens.out(its.value) as string[];
  const pos = tokens.out(its.pos) as string[];
  const kinds = tokens.out(its.type) as string[];
  const spaces = tokens.out(its.precedingSpaces) as string[];
  const ends: number[] = [];
  let count = 0;
  wdoc.sentences().each((s: { tokens(): { length(): number } }) => {
    count += s.tokens().length();
    ends.push(count);
  });
  const out: WinkParagraph[] = texts.map(() => ({ values: [], pos: [], kinds: [], sentenceEnds: new Set<number>() }));
  // the paragraph of each token, by its place in the joined text
  const first = new Int32Array(texts.length).fill(-1);
  const para = new Int32Array(values.length);
  let p = 0;
  let from = 0; // start of paragraph p in `joined`
  let at = 0;
  for (let k = 0; k < values.length; k++) {
    at += spaces[k]!.length;
    const v = values[k]!;
    if (!joined.startsWith(v, at)) return undefined;
    while (p < texts.length - 1 && at >= from + texts[p]!.length) { from += texts[p]!.length + JOIN.length; p++; }
    if (at < from) {
      // inside a join: only the join's own white space may be there
      if (kinds[k] !== 'tabCRLF' || at + v.length > from) return undefined;
      para[k] = -1;
    } else {
      if (at + v.length > from + texts[p]!.length) return undefined;
      para[k] = p;
      if (first[p] < 0) first[p] = k;
      const o = out[p]!;
      o.values.push(v);
      o.pos.push(pos[k]!);
      o.kinds.push(kinds[k]!);
    }
    at += v.length;
  }
  if (joined.slice(at).trim() !== '') return undefined;
  for (const e of ends) {
    const k = e - 1;
    const q = para[k]!;
    if (q >= 0) out[q]!.sentenceEnds.add(k - first[q]! + 1);
  }
  return out;
}

/** wink over one paragraph's (masked) text: the way tokens were read before winkArticle. */
export function winkParagraph(text: string): WinkParagraph {
  const nlp = wink();
  const its = nlp.its;
  const wdoc = nlp.readDoc(text);
  const sentenceEnds = new Set<number>();
  let count = 0;
  wdoc.sentences().each((s: { tokens(): { length(): number } }) => {
    count += s.tokens().length();
    sentenceEnds.add(count);
  });
  return {
    values: wdoc.tokens().out(its.value) as string[],
    pos: wdoc.tokens().out(its.pos) as string[],
    kinds: wdoc.tokens().out(its.type) as string[],
    sentenceEnds,
  };
}

/**
 * Tokens with character offsets, part of speech and sentences from wink-nlp.
 * wink keeps every character (its tokens plus preceding spaces rebuild the text), so offsets are
 * found by walking the text; sentences are cut again at paragraph breaks, which wink may join.
 */
export function winkTokenize(text: string): { tokens: Token[]; sentences: Sentence[]; paragraphs: Span[] } {
  const paragraphs = findParagraphs(text);
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  // wink's tokenizer is quadratic on long runs without spaces; those runs are masked and split here
  const masked = paragraphs.map((para) => {
    const longRuns = para.text.length >= 64 ? [...para.text.matchAll(LONG_RUN)].map((m) => ({ start: para.start + m.index, end: para.start + m.index + m[0].length })) : [];
    const winkText = longRuns.length ? para.text.replace(LONG_RUN, (run) => ' '.repeat(run.length)) : para.text;
    return { longRuns, winkText };
  });
  const read = winkArticle(masked.map((m) => m.winkText));
  let cursor = 0;
  for (let p = 0; p < paragraphs.length; p++) {
    const para = paragraphs[p]!;
    const { longRuns, winkText } = masked[p]!;
    const { values, pos, kinds, sentenceEnds } = read ? read[p]! : winkParagraph(winkText);
    cursor = para.start;
    let sentenceStart = tokens.length;
    /** A long run becomes word tokens of at most RUN_PIECE characters, cut after punctuation where it can. */
    const pushRun = (run: { start: number; end: number }) => {
      for (let at = run.start; at < run.end; ) {
        let end = Math.min(at + RUN_PIECE, run.end);
        const cut = text.slice(at, end).search(/[-–—/.,;:_]+[^-–—/.,;:_]*$/);
        if (end < run.end && cut > 0) end = at + cut + 1;
        const piece = text.slice(at, end);
        tokens.push({ i: tokens.length, start: at, end, text: piece, lower: piece.toLowerCase(), pos: 'X', kind: 'word', sentence: sentences.length });
        at = end;
      }
      cursor = run.end;
    };
    if (!values.length) while (longRuns.length) pushRun(longRuns.shift()!);
    for (let k = 0; k < values.length; k++) {
      const value = values[k]!;
      const kind = kinds[k]!;
      if (kind !== 'tabCRLF') {
        // search the text wink saw (long runs masked), so a token is never found inside a run
        const found = winkText.indexOf(value, cursor - para.start);
        let at = found < 0 ? -1 : para.start + found;
        if (at < 0 || at >= para.end) at = cursor; // wink normalised the token: keep position, best effort
        while (longRuns.length && longRuns[0]!.start < at) pushRun(longRuns.shift()!);
        const end = Math.min(at + value.length, para.end);
        const tokenText = text.slice(at, end);
        tokens.push({
          i: tokens.length,
          start: at,
          end,
          text: tokenText,
          lower: tokenText.toLowerCase(),
          pos: pos[k]!,
          kind,
          sentence: sentences.length,
        });
        cursor = end;
      }
      if (k === values.length - 1) while (longRuns.length) pushRun(longRuns.shift()!);
      if (sentenceEnds.has(k + 1) || k === values.length - 1) {
        if (tokens.length > sentenceStart) {
          const first = tokens[sentenceStart]!;
          const last = tokens[tokens.length - 1]!;
          sentences.push({
            ...span(text, first.start, last.end),
            index: sentences.length,
            tokenStart: sentenceStart,
            tokenEnd: tokens.length,
            paragraph: p,
          });
          sentenceStart = tokens.length;
        }
      }
    }
  }
  const merged = mergeFragments(text, tokens, sentences);
  for (const s of merged) for (let t = s.tokenStart; t < s.tokenEnd; t++) tokens[t]!.sentence = s.index;
  return { tokens, sentences: merged, paragraphs };
}

