import type { Span, Token } from './types.js';

export function span(text: string, start: number, end: number): Span {
  return { start, end, text: text.slice(start, end) };
}

/** The span covering tokens [from, to). */
export function tokenSpan(text: string, tokens: Token[], from: number, to: number): Span {
  return span(text, tokens[from]!.start, tokens[to - 1]!.end);
}

export function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

export function contains(outer: { start: number; end: number }, inner: { start: number; end: number }): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

/**
 * Whether a UTF-16 code unit is white space as a regex's \s reads it (Unicode space separators,
 * line terminators, tab, vertical tab, form feed, no-break space, byte-order mark), without
 * making a one-character string per test.
 */
export function isSpaceCode(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Trim white space (and optionally the given characters) from both ends of a span. */
export function trimSpan(text: string, start: number, end: number, chars = ''): Span {
  const skip = (k: number) => isSpaceCode(text.charCodeAt(k)) || (chars !== '' && chars.includes(text[k]!));
  while (start < end && skip(start)) start++;
  while (end > start && skip(end - 1)) end--;
  return span(text, start, end);
}

/** Index of the first item whose key is >= value, in items sorted by that key (binary search). */
export function firstAtOrAfter<T>(items: readonly T[], value: number, key: (item: T) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(items[mid]!) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const startOf = (s: { start: number }) => s.start;

/** Index of the first token whose start is >= offset (binary search). */
export function tokenAt(tokens: Token[], offset: number): number {
  return firstAtOrAfter(tokens, offset, startOf);
}
