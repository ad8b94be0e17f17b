import type { NewsDoc, Sentence, Span, Stage, Token } from '../../doc/types.js';
import { span } from '../../doc/span.js';
import { wink } from '../../resources/wink.js';

const PARAGRAPH_BREAK = /\n[ \t\r\f\v]*\n/g;
/** Runs without white space longer than this are split by newsgraph, not wink (URLs, hyphen chains, junk). */
const LONG_RUN = /\S{64,}/g;
const RUN_PIECE = 64;

/** Paragraphs: text between blank lines, trimmed; a text without blank lines is one paragraph per line. */
export function findParagraphs(text: string): Span[] {
  const breaks = text.includes('\n\n') || /\n[ \t]*\n/.test(text) ? PARAGRAPH_BREAK : /\n/g;
  const out: Span[] = [];
  let from = 0;
  const push = (s: number, e: number) => {
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
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
 * Tokens with character offsets, part of speech and sentences from wink-nlp.
 * wink keeps every character (its tokens plus preceding spaces rebuild the text), so offsets are
 * found by walking the text; sentences are cut again at paragraph breaks, which wink may join.
 */
export function tokenize(text: string): { tokens: Token[]; sentences: Sentence[]; paragraphs: Span[] } {
  const paragraphs = findParagraphs(text);
  const nlp = wink();
  const its = nlp.its;
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  let cursor = 0;
  for (let p = 0; p < paragraphs.length; p++) {
    const para = paragraphs[p]!;
    // wink's tokenizer is quadratic on long runs without spaces; those runs are masked and split here
    const longRuns = [...para.text.matchAll(LONG_RUN)].map((m) => ({ start: para.start + m.index, end: para.start + m.index + m[0].length }));
    const winkText = longRuns.length ? para.text.replace(LONG_RUN, (run) => ' '.repeat(run.length)) : para.text;
    const wdoc = nlp.readDoc(winkText);
    const values = wdoc.tokens().out(its.value) as string[];
    const pos = wdoc.tokens().out(its.pos) as string[];
    const kinds = wdoc.tokens().out(its.type) as string[];
    // token index boundaries of wink's sentences
    const sentenceEnds = new Set<number>();
    let count = 0;
    wdoc.sentences().each((s: { tokens(): { length(): number } }) => {
      count += s.tokens().length();
      sentenceEnds.add(count);
    });
    cursor = para.start;
    let sentenceStart = tokens.length;
    /** A long run becomes word tokens of at most RUN_PIECE characters, cut after punctuation where it can. */
    const pushRun = (run: { start: number; end: number }) => {
      for (let at = run.start; at < run.end; ) {
        let end = Math.min(at + RUN_PIECE, run.end);
        const cut = text.slice(at, end).search(/[-–—/.,;:_]+[^-–—/.,;:_]*$/);
        if (end < run.end && cut > 0) end = at + cut + 1;
        tokens.push({ i: tokens.length, start: at, end, text: text.slice(at, end), lower: text.slice(at, end).toLowerCase(), pos: 'X', kind: 'word', sentence: sentences.length });
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
        tokens.push({
          i: tokens.length,
          start: at,
          end,
          text: text.slice(at, end),
          lower: text.slice(at, end).toLowerCase(),
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

const CONTINUES = /^[a-z]/;
const ATTACHES = /^[―—–)\]”’]$/;

/**
 * wink cuts after abbreviations and closing quotes: '"…," Rep. John Mica (R-Fla.)' | 'said.'.
 * A sentence that starts in lower case, with a closing mark or with a dash ("― Ariana Huichapa")
 * continues the one before it in the same paragraph.
 */
function mergeFragments(text: string, tokens: Token[], sentences: Sentence[]): Sentence[] {
  const out: Sentence[] = [];
  for (const s of sentences) {
    const prev = out[out.length - 1];
    const first = tokens[s.tokenStart]!;
    if (prev && prev.paragraph === s.paragraph && (CONTINUES.test(first.text) || ATTACHES.test(first.text))) {
      out[out.length - 1] = { ...prev, ...span(text, prev.start, s.end), tokenEnd: s.tokenEnd };
      continue;
    }
    out.push({ ...s, index: out.length });
  }
  return out;
}

export const tokensStage: Stage = {
  name: 'tokens',
  requires: ['text'],
  assigns: ['tokens', 'sentences', 'paragraphs'],
  run: (doc: NewsDoc) => tokenize(doc.text),
};
