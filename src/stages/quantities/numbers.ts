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
const A_SCALE = `a(?=\\s+(?:hundred|thousand|million|billion|trillion)${NOT_LETTER})`;

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
  const ix = m.indices!.groups!;
  const numberSpan = (g.digits !== undefined ? ix.digits : ix.words)!;
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
