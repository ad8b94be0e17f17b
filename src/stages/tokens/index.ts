import type { NewsDoc, Sentence, Span, Stage, Token } from '../../doc/types.js';
import { isSpaceCode, span } from '../../doc/span.js';
import { tokenizeRaw } from './tokenizer.js';
import { sentenceEnds } from './sentences.js';
import { TAGS, tagSentenceIds } from './pos.js';

const PARAGRAPH_BREAK = /\n[ \t\r\f\v]*\n/g;

/** Paragraphs: text between blank lines, trimmed; a text without blank lines is one paragraph per line. */
export function findParagraphs(text: string): Span[] {
  const breaks = text.includes('\n\n') || /\n[ \t]*\n/.test(text) ? PARAGRAPH_BREAK : /\n/g;
  const out: Span[] = [];
  let from = 0;
  const push = (s: number, e: number) => {
    while (s < e && isSpaceCode(text.charCodeAt(s))) s++;
    while (e > s && isSpaceCode(text.charCodeAt(e - 1))) e--;
    if (e > s) out.push(span(text, s, e));
  };
  for (const m of text.matchAll(breaks)) {
    push(from, m.index);
    from = m.index + m[0].length;
  }
  push(from, text.length);
  return out;
}

/**
 * Tokens with character offsets, Universal part of speech and sentences, all newsgraph's own:
 * the tokenizer (tokenizer.ts) reads each paragraph in one pass, sentences are cut within a
 * paragraph (sentences.ts) and joined again by mergeFragments, and the averaged-perceptron
 * tagger (pos.ts) tags each sentence. Deterministic: the same text always gives the same tokens,
 * whatever was read before.
 */
export function tokenize(text: string): { tokens: Token[]; sentences: Sentence[]; paragraphs: Span[] } {
  const paragraphs = findParagraphs(text);
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  for (let p = 0; p < paragraphs.length; p++) {
    const para = paragraphs[p]!;
    const raw = tokenizeRaw(text, para.start, para.end);
    const n = raw.starts.length;
    const texts = new Array<string>(n);
    const gaps = new Array<boolean>(n);
    for (let k = 0; k < n; k++) {
      texts[k] = text.slice(raw.starts[k], raw.ends[k]);
      gaps[k] = k > 0 && raw.starts[k] !== raw.ends[k - 1];
    }
    let from = 0;
    for (const end of sentenceEnds(texts, gaps)) {
      const tagIds = tagSentenceIds(texts, raw.kinds, from, end);
      const first = tokens.length;
      for (let k = from; k < end; k++) {
        const t = texts[k]!;
        tokens.push({ i: tokens.length, start: raw.starts[k]!, end: raw.ends[k]!, text: t, lower: t.toLowerCase(), pos: TAGS[tagIds[k - from]!]!, kind: raw.kinds[k]!, sentence: sentences.length });
      }
      const start = raw.starts[from]!, stop = raw.ends[end - 1]!;
      sentences.push({ start, end: stop, text: text.slice(start, stop), index: sentences.length, tokenStart: first, tokenEnd: tokens.length, paragraph: p });
      from = end;
    }
  }
  const merged = mergeFragments(text, tokens, sentences);
  for (const s of merged) for (let t = s.tokenStart; t < s.tokenEnd; t++) tokens[t]!.sentence = s.index;
  return { tokens, sentences: merged, paragraphs };
}

const CONTINUES = /^[a-z]/;
const ATTACHES = /^[―—–)\]”’]$/;

/**
 * A sentence cut after an abbreviation or a closing quote ('"…," Rep. John Mica (R-Fla.)' | 'said.')
 * is joined again: a sentence that starts in lower case, with a closing mark or with a dash
 * ("― Ariana Huichapa") continues the one before it in the same paragraph.
 */
export function mergeFragments(text: string, tokens: Token[], sentences: Sentence[]): Sentence[] {
  const out: Sentence[] = [];
  for (const s of sentences) {
    const prev = out[out.length - 1];
    const first = tokens[s.tokenStart]!;
    if (prev && prev.paragraph === s.paragraph && (CONTINUES.test(first.text) || ATTACHES.test(first.text))) {
      // (a literal too: a spread of prev made merged sentences an object shape of their own)
      out[out.length - 1] = { start: prev.start, end: s.end, text: text.slice(prev.start, s.end), index: prev.index, tokenStart: prev.tokenStart, tokenEnd: s.tokenEnd, paragraph: prev.paragraph };
      continue;
    }
    // an explicit literal, not a spread: every sentence object then has one shape
    out.push({ start: s.start, end: s.end, text: s.text, index: out.length, tokenStart: s.tokenStart, tokenEnd: s.tokenEnd, paragraph: s.paragraph });
  }
  return out;
}

export const tokensStage: Stage = {
  name: 'tokens',
  requires: ['text'],
  assigns: ['tokens', 'sentences', 'paragraphs'],
  run: (doc: NewsDoc) => tokenize(doc.text),
};
