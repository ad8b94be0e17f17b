/**
 * Reading the numeric core of a figure: an optional currency written before it, a number in
 * digits or words, and an optional scale ("$245 billion", "two million", "Rs 2,000 crore").
 * All patterns are built once at module load; none nests unbounded repetition, so every
 * match runs in time linear in the text.
 */
import {
  CURRENCY_PREFIXES,
  LETTER_SCALES,
  SCALES,
  TEEN_WORDS,
  TENS_WORDS,
  UNIT_WORDS,
  alternation,
} from './lexicon.js';

const UNITS = Object.keys(UNIT_WORDS).join('|');
const TEENS = Object.keys(TEEN_WORDS).join('|');
const TENS = Object.keys(TENS_WORDS).join('|');
const NOT_LETTER = '(?![\\p{L}])';
/** one … ninety-nine */
const SMALL = `(?:(?:${TENS})(?:[-\\s](?:${UNITS})${NOT_LETTER})?|(?:${TEENS})|(?:${UNITS}))${NOT_LETTER}`;
/** one … nine hundred and ninety-nine */
const WORDS = `${SMALL}(?:\\s+hundred(?:\\s+(?:and\\s+)?${SMALL})?${NOT_LETTER})?`;
const DIGITS = '(?:\\d{1,3}(?:,\\d{3})+(?!\\d)|\\d+)(?:\\.\\d+)?(?!\\d)';
const SCALE_WORDS = alternation(Object.keys(SCALES));
/** the scales "a" may stand for one of: "a hundred", "a million" */
const A_SCALE_WORDS = ['hundred', 'thousand', 'million', 'billion', 'trillion'];
const A_SCALE = `a(?=\\s+(?:${A_SCALE_WORDS.join('|')})${NOT_LETTER})`;

/**
 * The amount pattern. Groups: cur (currency prefix), digits | words, scaleGap, scale.
 * Not preceded by a letter, digit or a digit plus separator, so "G20", "F-16"'s parts and the
 * tail of "1,2345" are not read as numbers.
 */
export const AMOUNT_RE = new RegExp(
  `(?<![\\p{L}\\p{N}_]|\\d[.,])` +
    `(?:(?<cur>${alternation(CURRENCY_PREFIXES.keys())})\\s?)?` +
    `(?:(?<digits>${DIGITS})|(?<words>${WORDS}|${A_SCALE}))` +
    `(?:(?<scaleGap>\\s?-?\\s?)(?<scale>${SCALE_WORDS})${NOT_LETTER})?`,
  'giud',
);

/**
 * AMOUNT_RE tried at one offset only (sticky), by amountsIn; without match indices, which cost
 * more than the match itself (readAmount finds the number's offsets from the groups).
 */
const AMOUNT_AT = new RegExp(AMOUNT_RE.source, 'yiu');

// Where an AMOUNT_RE match can start, by the ASCII codes of its first characters, lower-cased, so
// that amountsIn runs the regex only there. Characters beyond ASCII always get the regex: currency
// signs, and letters that case folding matches to ASCII ones ('ſ' is an 's', the Kelvin sign a 'k').
const ASCII = 128;
/** a match can start with this character whatever follows: a digit, a one-character currency ("$") */
const STARTS_ALONE = new Uint8Array(ASCII);
/** a match can start with these two characters whatever follows ("Rs") */
const STARTS_AS_PAIR = new Uint8Array(ASCII * ASCII);
/** a match can start with these three characters ("twe" of "twelve", "us$", "u.s" of "U.S.$") */
const STARTS_AS_TRIPLE = new Set<number>();
/** "a hundred", "a million" (A_SCALE): the scale words' first letters */
const SCALE_AFTER_A = new Set(A_SCALE_WORDS.map((w) => w.charCodeAt(0)));
const lowerCode = (c: number) => (c >= 65 && c <= 90 ? c + 32 : c);
for (let d = 48; d <= 57; d++) STARTS_ALONE[d] = 1;
for (const start of [...CURRENCY_PREFIXES.keys(), ...Object.keys(UNIT_WORDS), ...Object.keys(TEEN_WORDS), ...Object.keys(TENS_WORDS)]) {
  const [a, b, c] = [0, 1, 2].map((k) => (k < start.length ? lowerCode(start.charCodeAt(k)) : -1)) as [number, number, number];
  if (a >= ASCII) continue; // the text's own character is then beyond ASCII too
  // white space (which the pattern matches as \s+) ends what is known of the start: keep the known part
  if (b < 0 || b === 32) STARTS_ALONE[a] = 1;
  else if (b >= ASCII) continue;
  else if (c < 0 || c === 32) STARTS_AS_PAIR[a * ASCII + b] = 1;
  else if (c < ASCII) STARTS_AS_TRIPLE.add((a * ASCII + b) * ASCII + c);
}
// the pattern ignores case: a letter that starts alone does so in capitals too
for (let c = 97; c <= 122; c++) if (STARTS_ALONE[c]) STARTS_ALONE[c - 32] = 1;
const isAsciiWordCode = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isAsciiSpaceCode = (c: number) => c === 32 || (c >= 9 && c <= 13);

/**
 * Can an AMOUNT_RE match start at offset i, whose character is a, after a character that is no
 * ASCII letter, digit or underscore (the pattern's look-behind refuses a start after one)? Never
 * wrong when it answers no.
 */
function mayStartAmount(text: string, i: number, a: number): boolean {
  if (a >= ASCII || STARTS_ALONE[a]) return true;
  const b = text.charCodeAt(i + 1);
  if (!(b < ASCII)) return true; // beyond ASCII, or the end of the text: the regex decides
  const first = lowerCode(a);
  if (first === 97 && isAsciiSpaceCode(b)) {
    // "a hundred", "a million": a scale word after the white space
    let k = i + 1;
    while (isAsciiSpaceCode(text.charCodeAt(k))) k++;
    const next = text.charCodeAt(k);
    if (!(next < ASCII) || SCALE_AFTER_A.has(lowerCode(next))) return true;
  }
  const pair = first * ASCII + lowerCode(b);
  if (STARTS_AS_PAIR[pair]) return true;
  const c = text.charCodeAt(i + 2);
  return !(c < ASCII) || STARTS_AS_TRIPLE.has(pair * ASCII + lowerCode(c));
}

/**
 * The matches text.matchAll(AMOUNT_RE) finds, in order, with the regex run only at offsets where
 * one may start: most characters sit inside words or begin words no amount begins with.
 */
export function amountsIn(text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  let afterWordChar = false; // the character before offset i is an ASCII letter, digit or underscore
  for (let i = 0; i < text.length; i++) {
    const a = text.charCodeAt(i);
    const refused = afterWordChar;
    afterWordChar = isAsciiWordCode(a);
    if (refused || !mayStartAmount(text, i, a)) continue;
    AMOUNT_AT.lastIndex = i;
    const m = AMOUNT_AT.exec(text);
    if (!m) continue;
    out.push(m);
    // as matchAll, go on after the match (never empty)
    i = AMOUNT_AT.lastIndex - 1;
    afterWordChar = isAsciiWordCode(text.charCodeAt(i));
  }
  return out;
}

export interface Amount {
  start: number;
  /** end of the number (scale included) */
  end: number;
  numberStart: number;
  numberEnd: number;
  value: number;
  /** ISO code of a currency written before the number */
  currency?: string;
  /** the number was written in digits */
  digits: boolean;
  /** a scale word multiplied the number */
  scaled: boolean;
  /** digits only, no separator or decimal, 1900..2099: could be a year */
  yearLike: boolean;
  raw: string;
}

/** Value of a number written in words: "two", "twenty-five", "three hundred and twelve", "a". */
export function wordsValue(words: string): number {
  let total = 0;
  let current = 0;
  for (const w of words.toLowerCase().split(/[\s-]+/)) {
    if (w === 'a') current = 1;
    else if (w === 'and' || w === '') continue;
    else if (w === 'hundred') current = (current || 1) * 100;
    else current += UNIT_WORDS[w] ?? TEEN_WORDS[w] ?? TENS_WORDS[w] ?? 0;
  }
  total += current;
  return total;
}

/** Value of digits times a scale, exact for decimals: "1.2" × 1e12 = 12 × 1e12 / 10. */
export function digitsValue(digits: string, scale = 1): number {
  const plain = digits.replace(/,/g, '');
  const dot = plain.indexOf('.');
  if (dot < 0) return Number(plain) * scale;
  const decimals = plain.length - dot - 1;
  const mantissa = Number(plain.slice(0, dot) + plain.slice(dot + 1));
  const p = 10 ** decimals;
  return scale >= p ? mantissa * (scale / p) : (mantissa * scale) / p;
}

/**
 * Turn one AMOUNT_RE match into an Amount. A one-letter scale counts only glued to money:
 * after a currency prefix ("£120m") or before a currency word (moneyAfter: "120m euros"),
 * not in "100m sprint" or "5 m".
 */
export function readAmount(m: RegExpMatchArray, moneyAfter: (at: number) => boolean): Amount {
  const g = m.groups!;
  // the number follows the currency and the one white-space character \s? takes after it (a
  // number never starts with white space, so the character is taken whenever it is one)
  let numberStart = m.index!;
  if (g.cur !== undefined) numberStart += g.cur.length + (/\s/.test(m[0][g.cur.length] ?? '') ? 1 : 0);
  const numberSpan = [numberStart, numberStart + (g.digits ?? g.words)!.length] as const;
  let scaleWord: string | undefined = g.scale?.toLowerCase();
  let end = m.index! + m[0].length;
  if (
    scaleWord !== undefined &&
    LETTER_SCALES.has(scaleWord) &&
    (g.scaleGap !== '' || (g.cur === undefined && !moneyAfter(end)))
  ) {
    scaleWord = undefined;
    end = numberSpan[1];
  }
  const scale = scaleWord === undefined ? 1 : SCALES[scaleWord]!;
  const digits = g.digits !== undefined;
  const value = digits ? digitsValue(g.digits!, scale) : wordsValue(g.words!) * scale;
  const raw = digits ? g.digits! : g.words!;
  return {
    start: m.index!,
    end,
    numberStart: numberSpan[0],
    numberEnd: numberSpan[1],
    value,
    currency: g.cur === undefined ? undefined : CURRENCY_PREFIXES.get(g.cur.toLowerCase()),
    digits,
    scaled: scaleWord !== undefined,
    yearLike: digits && /^(?:19|20)\d\d$/.test(raw) && scaleWord === undefined,
    raw,
  };
}
