/**
 * Quotation marks, paired: straight and curly double quotes, guillemets, and single curly
 * quotes that are not apostrophes. A quote may run over several paragraphs: each paragraph
 * opens with a mark and only the last one closes.
 */
import type { Span } from '../../doc/types.js';

export interface QuotedSpan {
  /** index of the opening mark */
  open: number;
  /** index of the closing mark, or the end of the last paragraph when the quote is never closed */
  close: number;
  contentStart: number;
  contentEnd: number;
  /** the quote ran over more than one paragraph */
  paragraphs: number;
}

const OPENERS: Record<string, string> = { '“': '”', '«': '»', '„': '“', '‘': '’' };
const BEFORE_OPEN = /[\s([{\u2014\u2013\-/:;,]/;

function isStraightOpening(text: string, i: number): boolean {
  const before = i === 0 ? ' ' : text[i - 1]!;
  const after = text[i + 1] ?? ' ';
  if (BEFORE_OPEN.test(before)) return !/\s/.test(after);
  return false;
}

/** Marks in one paragraph: [index, role] with role 'open' | 'close' | 'either'. */
function marksIn(text: string, para: Span): { i: number; open: boolean; kind: string }[] {
  const out: { i: number; open: boolean; kind: string }[] = [];
  for (let i = para.start; i < para.end; i++) {
    // every mark below but the straight one is « (U+00AB) or above: most characters leave on their code
    const code = text.charCodeAt(i);
    if (code !== 34 && code < 0xab) continue;
    const c = text[i]!;
    if (c === '"') out.push({ i, open: isStraightOpening(text, i), kind: '"' });
    // an opening curly mark typed where a closing one belongs: 'her here,“ said Jim Clyburn'
    else if (c === '“' && /[\p{L}\p{N}.,!?…]/u.test(text[i - 1] ?? ' ') && /^(\s|$)/.test(text[i + 1] ?? '')) out.push({ i, open: false, kind: '”' });
    else if (c === '“' || c === '«' || c === '„') out.push({ i, open: true, kind: OPENERS[c]! });
    else if (c === '”' || c === '»') out.push({ i, open: false, kind: c });
    else if (c === '‘' && (i === para.start || /[\s“"(]/.test(text[i - 1]!))) out.push({ i, open: true, kind: '’' });
    else if (c === '’' && !/[A-Za-z0-9]/.test(text[i + 1] ?? ' ') && !/s$/i.test(text[i - 1] ?? '')) out.push({ i, open: false, kind: '’' });
  }
  return out;
}

export function findQuotedSpans(text: string, paragraphs: Span[]): QuotedSpan[] {
  const out: QuotedSpan[] = [];
  let carried: { open: number; kind: string; paragraphs: number } | undefined;
  for (let p = 0; p < paragraphs.length; p++) {
    const para = paragraphs[p]!;
    const marks = marksIn(text, para);
    let current = carried;
    carried = undefined;
    // a continued quote must reopen at the start of the paragraph
    if (current && !(marks[0] && marks[0].i === para.start && marks[0].open)) {
      out.push({ open: current.open, close: paragraphs[p - 1]!.end, contentStart: current.open + 1, contentEnd: paragraphs[p - 1]!.end, paragraphs: current.paragraphs });
      current = undefined;
    }
    for (let k = 0; k < marks.length; k++) {
      const m = marks[k]!;
      if (!current) {
        if (m.open || m.kind === '"') {
          if (!m.open && m.kind === '"') continue; // a stray closing straight quote
          current = { open: m.i, kind: m.kind === '"' ? '"' : m.kind, paragraphs: 1 };
        }
        continue;
      }
      if (current.paragraphs > 1 && m.i === para.start && m.open) continue; // the reopening mark
      // writers mix styles: a curly opening closed by a straight mark
      // and a straight opening closed by a curly mark when no straight mark is left to close it
      const curlyCloses = current.kind === '"' && m.kind === '”' && !marks.slice(k + 1).some((x) => x.kind === '"');
      const closes = current.kind === '"' ? (m.kind === '"' && !m.open) || curlyCloses : !m.open && (m.kind === current.kind || (current.kind === '”' && m.kind === '"'));
      const straightClose = current.kind === '"' && m.kind === '"' && (!m.open || k === marks.length - 1);
      if (closes || straightClose) {
        out.push({ open: current.open, close: m.i, contentStart: current.open + 1, contentEnd: m.i, paragraphs: current.paragraphs });
        current = undefined;
      } else if (current.kind === '’' && m.kind !== '’') {
        // single quotes are unreliable: drop an unclosed one when a double mark appears
        current = m.open ? { open: m.i, kind: m.kind === '"' ? '"' : m.kind, paragraphs: 1 } : undefined;
      }
    }
    if (current && current.kind !== '’') {
      const next = paragraphs[p + 1];
      if (next && /^["“«]/.test(text[next.start]!)) carried = { ...current, paragraphs: current.paragraphs + 1 };
      else out.push({ open: current.open, close: para.end, contentStart: current.open + 1, contentEnd: para.end, paragraphs: current.paragraphs });
    }
  }
  if (carried) {
    const last = paragraphs[paragraphs.length - 1]!;
    out.push({ open: carried.open, close: last.end, contentStart: carried.open + 1, contentEnd: last.end, paragraphs: carried.paragraphs });
  }
  return out.filter((q) => q.contentEnd > q.contentStart);
}
