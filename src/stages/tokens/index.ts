import type { NewsDoc, Sentence, Span, Stage, Token } from '../../doc/types.js';
import { isSpaceCode, span } from '../../doc/span.js';
import { tokenizeRaw } from './tokenizer.js';
import { sentenceEnds } from './sentences.js';
import { TAGS, tagSentenceIds } from './pos.js';

const PARAGRAPH_BREAK = /\n[ \t\r\f\v]*\n/g;

/**
 * Paragraphs, trimmed: text between blank lines, or each line of a text without blank lines. A
 * hard-wrapped stretch (an e-mail, a wire story, a text file wrapped at 60–80 columns) is read as
 * the paragraphs its writer meant: a line break there is a paragraph break only where the next
 * line is indented or where its first word would have fitted on the line before.
 */
export function findParagraphs(text: string): Span[] {
  const blankLines = text.includes('\n\n') || /\n[ \t]*\n/.test(text);
  const out: Span[] = [];
  const push = (s: number, e: number) => {
    while (s < e && isSpaceCode(text.charCodeAt(s))) s++;
    while (e > s && isSpaceCode(text.charCodeAt(e - 1))) e--;
    if (e > s) out.push(span(text, s, e));
  };
  const block = (s: number, e: number) => {
    const lines = linesIn(text, s, e);
    if (lines.length < 2) return push(s, e);
    const breaks = wrappedBreaks(text, lines);
    if (!breaks && blankLines) return push(s, e);
    let from = s;
    for (let k = 1; k < lines.length; k++) {
      if (breaks && !breaks[k]) continue;
      push(from, lines[k - 1]!.end);
      from = lines[k]!.start;
    }
    push(from, e);
  };
  if (!blankLines) {
    block(0, text.length);
    return out;
  }
  let from = 0;
  for (const m of text.matchAll(PARAGRAPH_BREAK)) {
    block(from, m.index);
    from = m.index + m[0].length;
  }
  block(from, text.length);
  return out;
}

interface Line { start: number; end: number; indent: number; length: number; firstWord: number }

/** The non-blank lines of text[s, e): where each starts and ends, its indentation, its length without it, and its first word's length. */
function linesIn(text: string, s: number, e: number): Line[] {
  const lines: Line[] = [];
  let at = s;
  while (at < e) {
    let stop = text.indexOf('\n', at);
    if (stop < 0 || stop > e) stop = e;
    let first = at;
    while (first < stop && isSpaceCode(text.charCodeAt(first))) first++;
    let last = stop;
    while (last > first && isSpaceCode(text.charCodeAt(last - 1))) last--;
    if (last > first) {
      let word = first;
      while (word < last && !isSpaceCode(text.charCodeAt(word))) word++;
      lines.push({ start: at, end: stop, indent: first - at, length: last - first, firstWord: word - first });
    }
    at = stop + 1;
  }
  return lines;
}

/** The widest a wrapped text's lines run; wider lines are paragraphs on one line each. */
const MAX_WRAP_WIDTH = 132;
const MIN_WRAP_WIDTH = 30;
const WRAP_SLACK = 2;
const SENTENCE_END = /[.!?:"”’)]/;
const LIST_ITEM = /^[•·▪*-]\s/;
/** What a paragraph after a heading may open with: a capital, a quotation mark, a bracket. */
const OPENS_HEADED = /[A-Z"“‘(]/;

/**
 * For lines that were wrapped at a fixed width, whether a paragraph starts at each line (index 0
 * unused); undefined where they were not. Lines were wrapped when at least half of them are full:
 * the next line's first word would not have fitted on them (a paragraph's last line is not).
 */
function wrappedBreaks(text: string, lines: readonly Line[]): boolean[] | undefined {
  if (lines.length < 3) return undefined;
  let width = 0;
  for (const l of lines) width = Math.max(width, l.indent + l.length);
  if (width < MIN_WRAP_WIDTH || width > MAX_WRAP_WIDTH) return undefined;
  const fits = (k: number, slack = 0) => lines[k - 1]!.indent + lines[k - 1]!.length + 1 + lines[k]!.firstWord <= width - slack;
  // (counted with two columns of slack: the widest line may run past the width the rest were wrapped at)
  let full = 0;
  let lowerStarts = 0;
  for (let k = 1; k < lines.length; k++) {
    if (!fits(k, WRAP_SLACK)) full++;
    const c = text.charCodeAt(lines[k]!.start + lines[k]!.indent);
    if (c >= 97 && c <= 122) lowerStarts++;
  }
  // prose goes on from line to line: a table's lines of even width ("Net 12.6 mln vs 15.8 mln") do not
  if (full < 2 || full < 0.5 * (lines.length - 1) || lowerStarts < 0.25 * (lines.length - 1)) return undefined;
  // the indentation most lines share (the smallest, on a tie; counted up to 64 columns); a line
  // indented further starts a paragraph
  const counts = new Uint32Array(65);
  for (const l of lines) counts[Math.min(l.indent, 64)]!++;
  let usual = 0;
  for (let i = 1; i < counts.length; i++) if (counts[i]! > counts[usual]!) usual = i;
  const breaks = new Array<boolean>(lines.length).fill(false);
  for (let k = 1; k < lines.length; k++) {
    const line = lines[k]!;
    const first = text.charCodeAt(line.start + line.indent);
    const before = lines[k - 1]!;
    const last = text.charAt(before.start + before.indent + before.length - 1);
    // a short line ends a paragraph: after a sentence's end, unless the next line goes on in lower
    // case; without one (a heading), before a capital, and not after the first line, which may be
    // short for other reasons (a dateline was cut off it)
    const shortEnd = fits(k, WRAP_SLACK) && (SENTENCE_END.test(last) ? !(first >= 97 && first <= 122) : k > 1 && OPENS_HEADED.test(text.charAt(line.start + line.indent)));
    breaks[k] = line.indent > usual || shortEnd || LIST_ITEM.test(text.slice(line.start + line.indent, line.start + line.indent + 2));
  }
  return breaks;
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
