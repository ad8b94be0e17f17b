/**
 * Quotation marks, paired: straight and curly double quotes, guillemets, single curly quotes
 * that are not apostrophes, and, in a text that opens quotations with two backquotes as AP's
 * plain-text wire does ("``Yes,'' he said"), the two-character marks `` and ''. A quote may run
 * over several paragraphs: each paragraph opens with a mark and only the last one closes.
 *
 * Two apostrophes alone (the New York Times's archive style, "''Yes,'' he said") are not read as
 * quotation marks: PolNeAR, the attribution data newsgraph is scored on, counts those quotations
 * as no direct quotes (its direct-quote flag keys on " and “), and reading them cost 0.056 of the
 * scored figure on its dev split (README, Quotes).
 */
import type { Span } from '../../doc/types.js';

export interface QuotedSpan {
  /** index of the opening mark */
  open: number;
  /** index of the closing mark (of its last character, for a two-character mark), or the end of the last paragraph when the quote is never closed */
  close: number;
  contentStart: number;
  contentEnd: number;
  /** the quote ran over more than one paragraph */
  paragraphs: number;
}

const OPENERS: Record<string, string> = { '“': '”', '«': '»', '„': '“', '‘': '’' };
const BEFORE_OPEN = /[\s([{\u2014\u2013\-/:;,]/;

function isStraightOpening(text: string, i: number, width = 1): boolean {
  const before = i === 0 ? ' ' : text[i - 1]!;
  const after = text[i + width] ?? ' ';
  if (BEFORE_OPEN.test(before)) return !/\s/.test(after);
  return false;
}

/**
 * A straight mark typed against the words on both sides ('audiences,"Katie Packer said'): it closes a
 * quotation left open, else opens one.
 */
function isStraightEither(text: string, i: number): boolean {
  return /[,.!?]/.test(text[i - 1] ?? ' ') && /\p{L}/u.test(text[i + 1] ?? ' ');
}

/** A straight double mark between a word and a contraction's ending or a possessive s: "Kuwait"s", "isn"t", "we"ll". */
function isApostrophe(text: string, i: number): boolean {
  if (!/\p{L}/u.test(text[i - 1] ?? ' ')) return false;
  const m = /^(s|t|d|m|ll|re|ve)(?![\p{L}\p{N}])/u.exec(text.slice(i + 1, i + 4));
  return !!m && (m[1] !== 't' || text[i - 1] === 'n');
}

interface Mark { i: number; open: boolean; kind: string; width: number; either?: boolean }

/** Marks in one paragraph, each opening or closing, of a kind (the closing character it pairs with). */
function marksIn(text: string, para: Span, wire: boolean): Mark[] {
  const out: Mark[] = [];
  for (let i = para.start; i < para.end; i++) {
    // every mark below but the straight ones is « (U+00AB) or above: most characters leave on their code
    const code = text.charCodeAt(i);
    if (code !== 34 && code !== 39 && code !== 96 && code < 0xab) continue;
    const c = text[i]!;
    // two apostrophes or two backquotes: a double quotation mark of the wires ("''Yes,'' he said", "``Yes,'' he said")
    if (wire && (code === 39 || code === 96) && text.charCodeAt(i + 1) === code && text.charCodeAt(i + 2) !== code) {
      out.push({ i, open: code === 96 || isStraightOpening(text, i, 2), kind: '"', width: 2 });
      i++;
      continue;
    }
    if (code === 39 || code === 96) continue;
    // "the country"s", "don"t": a straight mark typed for an apostrophe (Reuters-21578 has hundreds) is no quotation mark
    if (c === '"' && isApostrophe(text, i)) continue;
    if (c === '"') out.push({ i, open: isStraightOpening(text, i), kind: '"', width: 1, either: isStraightEither(text, i) });
    // an opening curly mark typed where a closing one belongs: 'her here,“ said Jim Clyburn'
    else if (c === '“' && /[\p{L}\p{N}.,!?…]/u.test(text[i - 1] ?? ' ') && /^(\s|$)/.test(text[i + 1] ?? '')) out.push({ i, open: false, kind: '”', width: 1 });
    else if (c === '“' || c === '«' || c === '„') out.push({ i, open: true, kind: OPENERS[c]!, width: 1 });
    else if (c === '”' || c === '»') out.push({ i, open: false, kind: c, width: 1 });
    else if (c === '‘' && (i === para.start || /[\s“"(]/.test(text[i - 1]!))) out.push({ i, open: true, kind: '’', width: 1 });
    else if (c === '’' && !/[A-Za-z0-9]/.test(text[i + 1] ?? ' ') && !/s$/i.test(text[i - 1] ?? '')) out.push({ i, open: false, kind: '’', width: 1 });
  }
  return out;
}

export function findQuotedSpans(text: string, paragraphs: Span[]): QuotedSpan[] {
  const out: QuotedSpan[] = [];
  const wire = text.includes('``');
  let carried: { open: number; kind: string; paragraphs: number; width: number } | undefined;
  for (let p = 0; p < paragraphs.length; p++) {
    const para = paragraphs[p]!;
    const marks = marksIn(text, para, wire);
    let current = carried;
    carried = undefined;
    // a continued quote must reopen at the start of the paragraph
    if (current && !(marks[0] && marks[0].i === para.start && marks[0].open)) {
      out.push({ open: current.open, close: paragraphs[p - 1]!.end, contentStart: current.open + current.width, contentEnd: paragraphs[p - 1]!.end, paragraphs: current.paragraphs });
      current = undefined;
    }
    for (let k = 0; k < marks.length; k++) {
      const m = marks[k]!;
      if (!current) {
        if (m.open || m.kind === '"') {
          if (!m.open && m.kind === '"') continue; // a stray closing straight quote
          current = { open: m.i, kind: m.kind === '"' ? '"' : m.kind, paragraphs: 1, width: m.width };
        }
        continue;
      }
      if (current.paragraphs > 1 && m.i === para.start && m.open) continue; // the reopening mark
      // writers mix styles: a curly opening closed by a straight mark
      // and a straight opening closed by a curly mark when no straight mark is left to close it
      const curlyCloses = current.kind === '"' && m.kind === '”' && !marks.slice(k + 1).some((x) => x.kind === '"');
      const closes = current.kind === '"' ? (m.kind === '"' && !m.open) || curlyCloses : !m.open && (m.kind === current.kind || (current.kind === '”' && m.kind === '"'));
      const straightClose = current.kind === '"' && m.kind === '"' && (!m.open || m.either || k === marks.length - 1);
      if (closes || straightClose) {
        out.push({ open: current.open, close: m.i + m.width - 1, contentStart: current.open + current.width, contentEnd: m.i, paragraphs: current.paragraphs });
        current = undefined;
      } else if (current.kind === '’' && m.kind !== '’') {
        // single quotes are unreliable: drop an unclosed one when a double mark appears
        current = m.open ? { open: m.i, kind: m.kind === '"' ? '"' : m.kind, paragraphs: 1, width: m.width } : undefined;
      }
    }
    if (current && current.kind !== '’') {
      const next = paragraphs[p + 1];
      if (next && (wire ? /^(["“«]|''|``)/ : /^["“«]/).test(text.slice(next.start, next.start + 2))) carried = { ...current, paragraphs: current.paragraphs + 1 };
      else out.push({ open: current.open, close: para.end, contentStart: current.open + current.width, contentEnd: para.end, paragraphs: current.paragraphs });
    }
  }
  if (carried) {
    const last = paragraphs[paragraphs.length - 1]!;
    out.push({ open: carried.open, close: last.end, contentStart: carried.open + carried.width, contentEnd: last.end, paragraphs: carried.paragraphs });
  }
  return out.filter((q) => q.contentEnd > q.contentStart);
}
