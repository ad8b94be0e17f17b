/**
 * newsgraph's tokenizer: one left-to-right pass over the text, character classes read with
 * charCodeAt, no regular expression over more than one token. Every token is a [start, end)
 * range of the text (offsets exact by construction) with a wink-like kind: word, number,
 * ordinal, decade, punctuation, currency, symbol, email, url, hashtag, mention, emoji.
 *
 * What it does, on the lines of wink-nlp's English tokenizer:
 * - white space separates tokens; leading and trailing punctuation is cut off a run;
 * - English clitics are split: "do|n't", "ca|n't", "he|'s", "Reuter|'s", "we|'ve", "I|'m";
 *   "cannot" is "can|not";
 * - numbers keep their inner marks: "1,200.5", "10:30", "1/2", "3-1/2", "1987-88", "-3";
 *   "$245" is "$|245", "68%" is "68|%", "US$" and "C$" are currencies;
 * - abbreviations keep their full stop: "U.S.", "a.m.", "J.", "Mr.", "Jan.", "Inc.", "e.g.";
 * - hyphenated words are split at the hyphen ("well|-|known", "U.K.|-|based") unless the first
 *   part is a common prefix ("co-operation", "anti-apartheid", "mid-1987");
 * - URLs, e-mail addresses, #hashtags and @mentions are single tokens.
 */

export type TokenKind =
  | 'word' | 'number' | 'ordinal' | 'decade' | 'punctuation' | 'currency' | 'symbol'
  | 'email' | 'url' | 'hashtag' | 'mention' | 'emoji';

/** Flat token list: token k is text[starts[k], ends[k]) of kind kinds[k]. */
export interface RawTokens {
  starts: number[];
  ends: number[];
  kinds: TokenKind[];
}

// character classes
const SPACE = 1;
const LETTER = 2;
const DIGIT = 3;
const OTHER = 4;
const MARK = 5; // combining marks: part of the word they follow

const classes = new Uint8Array(65536);
const LETTER_RE = /\p{L}/u;
const MARK_RE = /\p{M}/u;
const SPACE_RE = /\s/u;
function cls(c: number): number {
  const k = classes[c]!;
  if (k) return k;
  const ch = String.fromCharCode(c);
  const v = c >= 48 && c <= 57 ? DIGIT : SPACE_RE.test(ch) ? SPACE : LETTER_RE.test(ch) ? LETTER : MARK_RE.test(ch) ? MARK : c >= 0xd800 && c <= 0xdfff ? OTHER : OTHER;
  classes[c] = v;
  return v;
}
const isAlnum = (c: number): boolean => {
  const k = cls(c);
  return k === LETTER || k === DIGIT || k === MARK;
};
const isLetter = (c: number): boolean => {
  const k = cls(c);
  return k === LETTER || k === MARK;
};
const isDigit = (c: number): boolean => c >= 48 && c <= 57;

const APOS = 39; // '
const RSQUO = 0x2019; // ’
const isApos = (c: number): boolean => c === APOS || c === RSQUO;
const DOT = 46;
const HYPHEN = 45;

/** Characters cut off the front of a run, one token each. */
const OPENERS = new Set([...'"\'‘’“”«»‹›([{<`*+=~^|\\_#@,;:!?.-–—―…/'].map((c) => c.charCodeAt(0)));
/** Characters cut off the end of a run, one token each (the full stop and clitics are handled apart). */
const CLOSERS = new Set([...'"\'‘’“”«»‹›)]}>`*+=~^|\\_,;:!?-–—―…/%'].map((c) => c.charCodeAt(0)));
const CURRENCY = new Set([...'$£€¥₹¢₩₽'].map((c) => c.charCodeAt(0)));
const SYMBOLS = new Set([...'%&+=<>^~|\\*#@°§©®™±×÷'].map((c) => c.charCodeAt(0)));

/** Words that keep their full stop: titles, months, company forms, Latin, units. Lower case. */
export const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'messrs', 'mme', 'dr', 'prof', 'rev', 'fr', 'sr', 'jr', 'st', 'mt', 'ft',
  'gov', 'govs', 'sen', 'sens', 'rep', 'reps', 'gen', 'lt', 'col', 'maj', 'capt', 'cmdr', 'sgt', 'adm', 'cpl', 'pres', 'supt', 'hon', 'amb',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'tue', 'tues', 'thu', 'thur', 'thurs',
  'inc', 'ltd', 'corp', 'co', 'cos', 'bros', 'plc', 'llc', 'bhd', 'pty', 'nv', 'sa', 'ag', 'spa', 'dept', 'div', 'assn', 'intl', 'natl', 'govt',
  'no', 'nos', 'vol', 'pp', 'fig', 'para', 'approx', 'vs', 'v', 'etc', 'al', 'cf', 'ca',
  'ala', 'ariz', 'ark', 'calif', 'colo', 'conn', 'fla', 'ga', 'kan', 'kans', 'ky', 'la', 'md', 'mich', 'minn',
  'mo', 'mont', 'neb', 'nev', 'okla', 'pa', 'penn', 'tenn', 'tex', 'va', 'vt', 'wis', 'wyo', 'ave', 'blvd', 'rd', 'hwy',
]);
/** Abbreviations that are also English words, kept only with a capital: "Ill.", "Mass.", "Wash.". */
export const CAPITAL_ABBREVIATIONS = new Set(['ill', 'ind', 'del', 'mass', 'wash', 'miss', 'ore', 'me', 'wisc', 'nebr', 'mon', 'wed', 'fri', 'sat', 'sun']);
/** Abbreviations after which a sentence does not end (they precede a name or a number). */
export const TITLES = new Set([
  'mr', 'mrs', 'ms', 'messrs', 'mme', 'dr', 'prof', 'rev', 'fr', 'st', 'mt', 'gov', 'govs', 'sen', 'sens', 'rep', 'reps', 'gen', 'lt', 'col', 'maj',
  'capt', 'cmdr', 'sgt', 'adm', 'cpl', 'pres', 'supt', 'hon', 'amb', 'no', 'nos', 'vol', 'pp', 'fig', 'vs', 'v', 'cf',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'approx', 'ca',
]);
/** First parts of hyphenated words that stay whole ("co-operation", "mid-1987", "anti-apartheid"). */
export const PREFIXES = new Set([
  'anti', 'bi', 'co', 'counter', 'cross', 'de', 'ex', 'extra', 'inter', 'intra', 'macro', 'mega', 'micro', 'mid', 'mini', 'multi',
  'neo', 'non', 'over', 'pan', 'post', 'pre', 'pro', 're', 'self', 'semi', 'sub', 'super', 'trans', 'tri', 'ultra', 'un', 'under', 'vice', 'quasi',
]);

const CLITICS = ["'s", "'re", "'ve", "'ll", "'d", "'m"];

export function tokenizeRaw(text: string, from = 0, to = text.length): RawTokens {
  const out: RawTokens = { starts: [], ends: [], kinds: [] };
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (cls(c) === SPACE) { i++; continue; }
    let j = i + 1;
    while (j < to && cls(text.charCodeAt(j)) !== SPACE) j++;
    run(text, i, j, out);
    i = j;
  }
  return out;
}

function push(out: RawTokens, s: number, e: number, kind: TokenKind): void {
  out.starts.push(s);
  out.ends.push(e);
  out.kinds.push(kind);
}

function punctKind(c: number): TokenKind {
  return CURRENCY.has(c) ? 'currency' : SYMBOLS.has(c) ? 'symbol' : 'punctuation';
}

/** Length of a punctuation token at s (in [s, e)): "...", "--", "?!" runs are one token. */
function punctLength(text: string, s: number, e: number): number {
  const c = text.charCodeAt(s);
  let n = 1;
  if (c === DOT || c === HYPHEN || c === 33 || c === 63 || c === 0x2014 || c === 0x2013 || c === 96 || c === 39 || c === 42 || c === 61) {
    while (s + n < e) {
      const d = text.charCodeAt(s + n);
      if (d === c || ((c === 33 || c === 63) && (d === 33 || d === 63))) n++;
      else break;
    }
    // a lone `'` or '`' pair opens/closes a quote ('' ``); other lone characters are one token
  }
  return n;
}

/**
 * A URL, e-mail address, hashtag or mention starting at s, ending by `end` (the run without its
 * trailing punctuation): where it ends and its kind, or undefined. Linear in the run.
 */
function special(text: string, s: number, end: number): { end: number; kind: TokenKind } | undefined {
  const c = text.charCodeAt(s);
  if (c === 35 || c === 64) {
    if (end - s > 1 && isLetter(text.charCodeAt(s + 1))) {
      let k = s + 1;
      while (k < end && (isAlnum(text.charCodeAt(k)) || text.charCodeAt(k) === 95)) k++;
      return { end: k, kind: c === 35 ? 'hashtag' : 'mention' };
    }
    return undefined;
  }
  if (!isAlnum(c) || end - s < 5) return undefined;
  // only a run starting with h, w or f can be a URL: most words are spared the slice
  const c0 = c | 0x20;
  if (c0 === 104 || c0 === 119 || c0 === 102) {
    const head = text.slice(s, s + 8).toLowerCase();
    if (head.startsWith('http://') || head.startsWith('https://') || head.startsWith('www.') || head.startsWith('ftp://')) return { end, kind: 'url' };
  }
  let at = -1;
  let dot = -1;
  for (let k = s; k < end; k++) {
    const d = text.charCodeAt(k);
    if (d === 64) { if (at >= 0 || k === s) return undefined; at = k; continue; }
    if (d === DOT && at >= 0 && k > at + 1 && k < end - 1) dot = k;
    if (!(isAlnum(d) || d === DOT || d === HYPHEN || d === 95 || d === 43)) return undefined;
  }
  return at > 0 && dot > 0 ? { end, kind: 'email' } : undefined;
}

/** The end of [s, e) without trailing closing punctuation and full stops (for special()). */
function trimmedEnd(text: string, s: number, e: number): number {
  let end = e;
  while (end > s && ((CLOSERS.has(text.charCodeAt(end - 1)) && text.charCodeAt(end - 1) !== 47) || text.charCodeAt(end - 1) === DOT)) end--;
  return end;
}

/** One run of non-white-space characters [s, e). */
function run(text: string, s: number, e: number, out: RawTokens): void {
  for (;;) {
    const next = runPart(text, s, e, out);
    if (next >= e) return;
    s = next;
  }
}

/** Tokens of [s, e) up to the end of a hashtag, mention, URL or e-mail address, or to e; where it stopped. */
function runPart(text: string, s: number, e: number, out: RawTokens): number {
  const runEnd = e;
  const trimmed = trimmedEnd(text, s, e);
  // leading punctuation
  while (s < e) {
    const c = text.charCodeAt(s);
    if (isAlnum(c)) break;
    if ((c === 35 || c === 64) && special(text, s, trimmed)) break;
    // a sign or a decimal point before a digit belongs to the number: "-3", "+4", ".5"
    if ((c === HYPHEN || c === 43 || c === DOT) && s + 1 < e && isDigit(text.charCodeAt(s + 1)) && (c !== HYPHEN || s === 0 || cls(text.charCodeAt(s - 1)) === SPACE)) break;
    if (CURRENCY.has(c)) { push(out, s, s + 1, 'currency'); s++; continue; }
    if (c >= 0xd800 && c <= 0xdbff && s + 1 < e) { push(out, s, s + 2, 'emoji'); s += 2; continue; }
    if (!OPENERS.has(c) && !CLOSERS.has(c) && !SYMBOLS.has(c) && cls(c) !== OTHER) break;
    const n = punctLength(text, s, e);
    push(out, s, s + n, punctKind(c));
    s += n;
  }
  if (s >= e) return runEnd;
  // a clitic standing alone: "Moody 's"
  if (s > 0 && isApos(text.charCodeAt(s - 1)) && (s - 1 === 0 || cls(text.charCodeAt(s - 2)) === SPACE) && s < trimmed && isClitic(text.slice(s - 1, trimmed).toLowerCase())) {
    out.starts.pop(); out.ends.pop(); out.kinds.pop();
    push(out, s - 1, trimmed, 'word');
    s = trimmed;
    if (s >= e) return runEnd;
  }
  const sp = s < trimmed ? special(text, s, trimmed) : undefined;
  if (sp) {
    push(out, s, sp.end, sp.kind);
    return sp.end;
  }
  // trailing punctuation, collected from the end
  const tail: number[] = []; // pairs start, end (reversed order)
  const tailKinds: TokenKind[] = [];
  let stop = false;
  while (e > s && !stop) {
    const c = text.charCodeAt(e - 1);
    if (isAlnum(c)) break;
    if (c === DOT) {
      // a run of full stops: "..." is one token; one full stop may belong to an abbreviation
      let k = e - 1;
      while (k > s && text.charCodeAt(k - 1) === DOT) k--;
      if (e - k === 1 && keepsStop(text, s, e - 1)) { stop = true; break; }
      tail.push(k, e); tailKinds.push('punctuation');
      e = k;
      continue;
    }
    if (isApos(c) && e - 1 > s && (text.charCodeAt(e - 2) === 115 || text.charCodeAt(e - 2) === 83) && e - 2 > s && isLetter(text.charCodeAt(e - 3))) {
      // "Jones'": the apostrophe is punctuation
      tail.push(e - 1, e); tailKinds.push('punctuation');
      e--;
      continue;
    }
    if (c >= 0xdc00 && c <= 0xdfff && e - 2 >= s) { tail.push(e - 2, e); tailKinds.push('emoji'); e -= 2; continue; }
    if (!CLOSERS.has(c) && !SYMBOLS.has(c) && !CURRENCY.has(c) && cls(c) !== OTHER) break;
    let k = e - 1;
    if (c === HYPHEN || c === 33 || c === 63 || c === 0x2014 || c === 0x2013) while (k > s && text.charCodeAt(k - 1) === c) k--;
    tail.push(k, e); tailKinds.push(punctKind(c));
    e = k;
  }
  if (e > s) core(text, s, e, out);
  for (let t = tail.length - 2; t >= 0; t -= 2) push(out, tail[t]!, tail[t + 1]!, tailKinds[t / 2]!);
  return runEnd;
}

/**
 * Whether the full stop at `dot` belongs to the word before it in [s, dot): single letters
 * ("J."), dotted abbreviations ("U.S.", "a.m."), and the ABBREVIATIONS list ("Mr.", "Inc.").
 */
function keepsStop(text: string, s: number, dot: number): boolean {
  // the word before the stop: back to the start of the run or a hyphen/slash
  let w = dot;
  while (w > s && (isAlnum(text.charCodeAt(w - 1)) || text.charCodeAt(w - 1) === DOT)) w--;
  if (w === dot || (w > s && isApos(text.charCodeAt(w - 1)))) return false;
  const n = dot - w;
  if (n === 1 && isLetter(text.charCodeAt(w))) return true;
  // dotted: letter(.letter)+
  let dotted = n >= 3;
  for (let k = w; k < dot && dotted; k++) {
    const d = text.charCodeAt(k);
    dotted = (k - w) % 2 === 0 ? isLetter(d) : d === DOT;
  }
  if (dotted) return true;
  if (n > 7) return false;
  for (let k = w; k < dot; k++) if (!isLetter(text.charCodeAt(k))) return false;
  const lower = text.slice(w, dot).toLowerCase();
  if (ABBREVIATIONS.has(lower)) return true;
  const first = text.charCodeAt(w);
  return first >= 65 && first <= 90 && CAPITAL_ABBREVIATIONS.has(lower);
}

/** The core of a run: no leading punctuation; ends in a letter, digit or an abbreviation's stop. */
function core(text: string, s: number, e: number, out: RawTokens): void {
  const c0 = text.charCodeAt(s);
  if (isDigit(c0) || ((c0 === HYPHEN || c0 === 43 || c0 === DOT) && s + 1 < e && isDigit(text.charCodeAt(s + 1)))) s = numberAt(text, s, e, out);
  if (s < e) core2(text, s, e, out);
}

/**
 * A number at s (a digit, or a sign or point before one): digits with inner , . : / and -
 * between digits, an ordinal ("22nd") or a decade ("1980s"); pushes it and returns where it ends.
 * Digits before letters are a number of their own ("10" "K", "27.5" "p"), as wink reads them.
 */
function numberAt(text: string, s: number, e: number, out: RawTokens): number {
  const c0 = text.charCodeAt(s);
  let k = s + 1;
  while (k < e) {
    const d = text.charCodeAt(k);
    if (isDigit(d)) { k++; continue; }
    if ((d === 44 || d === DOT || d === 58 || d === 47 || d === HYPHEN) && k + 1 < e && isDigit(text.charCodeAt(k + 1))) { k += 2; continue; }
    break;
  }
  if (k === e) { push(out, s, e, 'number'); return e; }
  const rest = text.slice(k, Math.min(e, k + 3)).toLowerCase();
  const end2 = k + 2;
  if ((rest.startsWith('st') || rest.startsWith('nd') || rest.startsWith('rd') || rest.startsWith('th')) && (end2 === e || !isAlnum(text.charCodeAt(end2))) && isDigit(text.charCodeAt(k - 1))) {
    push(out, s, end2, 'ordinal');
    return end2;
  }
  if (rest[0] === 's' && (k + 1 === e || !isAlnum(text.charCodeAt(k + 1))) && k - s === 4) {
    push(out, s, k + 1, 'decade');
    return k + 1;
  }
  if (!isDigit(c0) && isAlnum(text.charCodeAt(k))) {
    // a sign before digits and letters is punctuation
    push(out, s, s + 1, punctKind(c0));
    return s + 1;
  }
  push(out, s, k, 'number');
  return k;
}

/** Splits [s, e) at hyphens, slashes and other inner punctuation, then splits clitics off words. */
function core2(text: string, s: number, e: number, out: RawTokens): void {
  let p = s;
  while (p < e) {
    const c = text.charCodeAt(p);
    if (isDigit(c)) { p = numberAt(text, p, e, out); continue; }
    if (isApos(c) && p > 0 && cls(text.charCodeAt(p - 1)) !== SPACE) {
      // a clitic after a number or a mark: "1985's", "747-300's", "Corp>'s"
      let q = p + 1;
      while (q < e && isLetter(text.charCodeAt(q))) q++;
      if (q > p + 1 && (q === e || !isAlnum(text.charCodeAt(q))) && isClitic(text.slice(p, q).toLowerCase())) {
        push(out, p, q, 'word');
        p = q;
        continue;
      }
    }
    if (!isAlnum(c)) {
      // inner punctuation: one token (a run of hyphens or dots together)
      if (CURRENCY.has(c) || SYMBOLS.has(c) || OPENERS.has(c) || CLOSERS.has(c) || cls(c) === OTHER || c === DOT) {
        const n = c === DOT || c === HYPHEN ? punctLength(text, p, e) : 1;
        push(out, p, p + n, punctKind(c));
        p += n;
        continue;
      }
    }
    // a word: letters, digits, inner apostrophes, ampersands ("AT&T") and dotted abbreviations
    let q = p;
    let prefixed = false;
    while (q < e) {
      const d = text.charCodeAt(q);
      if (isAlnum(d)) { q++; continue; }
      if ((isApos(d) || d === 38) && q + 1 < e && isAlnum(text.charCodeAt(q + 1)) && q > p) { q++; continue; }
      if (d === DOT && q + 1 < e && isLetter(text.charCodeAt(q + 1)) && q - p === 1 && isLetter(text.charCodeAt(q - 1))) {
        // U.S., a.m., U.S.A.: letter . letter . …
        let r = q;
        while (r + 1 < e && text.charCodeAt(r) === DOT && isLetter(text.charCodeAt(r + 1)) && (r + 2 >= e || !isAlnum(text.charCodeAt(r + 2)))) r += 2;
        if (r > q) { q = r < e && text.charCodeAt(r) === DOT ? r + 1 : r; break; }
      }
      if (d === DOT && q + 1 === e && keepsStop(text, p, q)) { q++; break; }
      // a hyphenated word whose first part is a prefix stays whole
      if (d === HYPHEN && q + 1 < e && isAlnum(text.charCodeAt(q + 1)) && (prefixed || PREFIXES.has(text.slice(p, q).toLowerCase()))) { prefixed = true; q++; continue; }
      // letters, a hyphen and a number: "M-1", "MD-11", "G-5", "end-1985"
      if (d === HYPHEN && q + 1 < e && isDigit(text.charCodeAt(q + 1)) && isLetter(text.charCodeAt(q - 1))) {
        let r = q + 1;
        while (r < e && isDigit(text.charCodeAt(r))) r++;
        if (r === e || !isAlnum(text.charCodeAt(r))) { q = r; break; }
      }
      // US$, C$: a currency
      if (CURRENCY.has(d) && q - p <= 2 && q + 1 <= e && isUpperRange(text, p, q)) { push(out, p, q + 1, 'currency'); p = q + 1; q = -1; break; }
      break;
    }
    if (q < 0) continue;
    if (q === p) { push(out, p, p + 1, punctKind(c)); p++; continue; }
    word(text, p, q, out);
    p = q;
  }
}

function isUpperRange(text: string, s: number, e: number): boolean {
  for (let k = s; k < e; k++) {
    const c = text.charCodeAt(k);
    if (c < 65 || c > 90) return false;
  }
  return true;
}

function isClitic(w: string): boolean {
  return w.length <= 3 && (w === "'s" || w === "'re" || w === "'ve" || w === "'ll" || w === "'d" || w === "'m" || w === '’s' || w === '’re' || w === '’ve' || w === '’ll' || w === '’d' || w === '’m');
}

/** A word [s, e), with clitics split off: "don't" → "do" "n't", "Reuter's" → "Reuter" "'s". */
function word(text: string, s: number, e: number, out: RawTokens): void {
  const n = e - s;
  if (n >= 4) {
    // n't
    const t = text.charCodeAt(e - 1) | 32;
    if (t === 116 && isApos(text.charCodeAt(e - 2)) && (text.charCodeAt(e - 3) | 32) === 110) {
      push(out, s, e - 3, 'word');
      push(out, e - 3, e, 'word');
      return;
    }
  }
  if (n >= 3) {
    for (const cl of CLITICS) {
      const k = e - cl.length;
      if (k > s && isApos(text.charCodeAt(k)) && text.slice(k + 1, e).toLowerCase() === cl.slice(1) && isLetter(text.charCodeAt(k - 1))) {
        push(out, s, k, 'word');
        push(out, k, e, 'word');
        return;
      }
    }
  }
  if (n === 6 && text.slice(s, e).toLowerCase() === 'cannot') {
    push(out, s, s + 3, 'word');
    push(out, s + 3, e, 'word');
    return;
  }
  push(out, s, e, 'word');
}
