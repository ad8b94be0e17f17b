/**
 * The quantities stage: money, percentages and counts, each with what it measures, the period
 * it refers to and the comparison the text makes.
 *
 * Shape (as chrono's parsers and refiners): one pass of AMOUNT_RE finds every number with its
 * currency prefix and scale; negative checks drop years, dates, clock times, phone numbers,
 * identifiers ("F-16"), ordinals ("80th") and list numbers; parsers, tried in order, read what
 * follows the number (percent → money → age → count); refiners then add measure, comparison
 * and period from the sentence.
 *
 * Ordinals are not quantities: "the 80th anniversary" yields nothing.
 * Qualifiers ("at least", "more than", "about") are left out of the span and the value.
 */
import type { NewsDoc, QuantityRecord, Sentence, Stage, TimeRecord, Token } from '../../doc/types.js';
import {
  CASUALTY_WORDS,
  CURRENCY_SUBUNITS,
  CURRENCY_SUFFIXES,
  CURRENCY_SUFFIXES_NEEDING_SCALE,
  MONTHS,
  NON_COUNT_HEADS,
  PERSON_NOUNS,
  UNIT_ALIASES,
  alternation,
  foldSpace,
} from './lexicon.js';
import { amountsIn, readAmount, type Amount } from './numbers.js';
import {
  findComparison,
  findMeasure,
  periodEarlierInSentence,
  periodLaterInClause,
  periodRightAfter,
  tokenRange,
  type Context,
} from './context.js';

// ---- patterns read after (or before) an amount, all sticky and compiled once ----

const WORD_END = '(?![\\p{L}\\p{N}])';
const PERCENT_RE = new RegExp(
  `[ \\t]?(?:(?<pct>%|percent${WORD_END}|per\\s+cent${WORD_END}|pct${WORD_END})` +
    `|(?<pp>percentage\\s+points?${WORD_END}|pp${WORD_END}|ppts?${WORD_END})` +
    `|(?<bp>basis\\s+points?${WORD_END}|bps${WORD_END}))`,
  'iuy',
);
const CURRENCY_SUFFIX_RE = new RegExp(`[ \\t]*(?:${alternation(CURRENCY_SUFFIXES.keys())})${WORD_END}`, 'iuy');
const SCALED_CURRENCY_RE = new RegExp(`[ \\t]*(?:${alternation(CURRENCY_SUFFIXES_NEEDING_SCALE.keys())})${WORD_END}`, 'iuy');
const SUBUNIT_RE = new RegExp(`[ \\t]*(?:${alternation(CURRENCY_SUBUNITS.keys())})${WORD_END}`, 'iuy');
/** "won" after a number is the verb when an object or adverbial follows: "12 won the election" */
const WON_VERB_RE = /\s+(?:the|a|an|his|her|its|their|our|by|over|in|at|with|against|and|or|re-?election|approval|support|seats?|votes?|praise|gold|silver)(?![\p{L}])/iuy;
const AGE_RE = /-(?:year|yr)s?-old(?![\p{L}])/iuy;
/** a number running on into another: phone numbers, dates, clock times, versions, ranges */
const CHAIN_AFTER_RE = /[-/:.]\d/y;
const LETTER_AFTER_RE = /\p{L}/uy;
const MONTH_BEFORE_RE = new RegExp(`(?:^|[^\\p{L}])(?:${MONTHS})\\.?\\s+$`, 'u');
const MONTH_AFTER_RE = new RegExp(`\\s+(?:of\\s+)?(?:${MONTHS})(?![\\p{L}])`, 'uy');
/** phone-like runs: "+1 555-123-4567", "(020) 7946 0958" */
const PHONE_RE = /\+?(?:\(\d{1,4}\)|\d{1,4})(?:[ .-]\d{2,4}){2,}/g;

/** Figures in the text: money, percentages and counts. */
export function findQuantities(text: string, tokens: Token[], sentences: Sentence[], times: TimeRecord[]): QuantityRecord[] {
  const ctx: Context = { text, tokens, sentences };
  const blocked = blockedRanges(text, times);
  const moneyAfter = (at: number) => sticky(CURRENCY_SUFFIX_RE, text, at) !== null;
  const found: Found[] = [];
  for (const m of amountsIn(text)) {
    const amount = readAmount(m, moneyAfter);
    if (rejected(text, amount, blocked)) continue;
    const q = parsePercent(text, amount) ?? parseMoney(text, amount) ?? parseAge(text, amount) ?? parseCount(ctx, amount);
    if (q) found.push(q);
  }
  return refine(ctx, found, times);
}

export const quantitiesStage: Stage = {
  name: 'quantities',
  requires: ['tokens', 'sentences', 'times'],
  assigns: ['quantities'],
  run: (doc: NewsDoc) => ({ quantities: findQuantities(doc.text, doc.tokens, doc.sentences, doc.times) }),
};

/** A figure before refinement: the record plus what the parsers already know. */
interface Found {
  record: QuantityRecord;
  /** the measure was set by the parser (counts): refiners leave it */
  fixedMeasure?: boolean;
}

// ---- negative checks ----

/** Ranges no figure may touch: phone-like runs and the times found by the times stage, merged and sorted. */
function blockedRanges(text: string, times: TimeRecord[]): Blocked {
  const spans: [number, number][] = times.map((t) => [t.start, t.end]);
  // an exec loop, not matchAll, which clones the regex and builds an iterator for every article
  PHONE_RE.lastIndex = 0;
  for (let m = PHONE_RE.exec(text); m; m = PHONE_RE.exec(text)) spans.push([m.index, m.index + m[0].length]);
  spans.sort((a, b) => a[0] - b[0]);
  const starts: number[] = [];
  const ends: number[] = [];
  for (const [s, e] of spans) {
    if (ends.length > 0 && s < ends[ends.length - 1]!) ends[ends.length - 1] = Math.max(ends[ends.length - 1]!, e);
    else {
      starts.push(s);
      ends.push(e);
    }
  }
  return { starts, ends };
}

interface Blocked {
  starts: number[];
  ends: number[];
}

function isBlocked(b: Blocked, s: number, e: number): boolean {
  // last range starting before e
  let lo = 0;
  let hi = b.starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (b.starts[mid]! < e) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && b.ends[lo - 1]! > s;
}

function rejected(text: string, a: Amount, blocked: Blocked): boolean {
  const { numberStart: s, numberEnd: e } = a;
  if (isBlocked(blocked, s, e)) return true;
  if (a.digits) {
    // "F-16", "COVID-19", "1990-2000", "10:30", "9/11"
    const p1 = text[s - 1];
    if (p1 !== undefined && '-/:'.includes(p1) && s >= 2 && /[\p{L}\p{N}]/u.test(text[s - 2]!)) return true;
    if (a.end === e) {
      CHAIN_AFTER_RE.lastIndex = e;
      if (CHAIN_AFTER_RE.test(text)) return true;
      // "80th", "5G", "100m", "10km"
      LETTER_AFTER_RE.lastIndex = e;
      if (LETTER_AFTER_RE.test(text)) return true;
    }
    // "1." or "2)" opening a line: a list number
    if (!a.currency && (text[e] === '.' || text[e] === ')') && /\s/.test(text[e + 1] ?? ' ') && lineStart(text, a.start)) return true;
  }
  if (!a.currency && !a.scaled && Number.isInteger(a.value) && a.value >= 1 && a.value <= 31) {
    // "May 5", "5 May", "5 of May"
    if (MONTH_BEFORE_RE.test(text.slice(Math.max(0, s - 12), s))) return true;
    MONTH_AFTER_RE.lastIndex = e;
    if (MONTH_AFTER_RE.test(text)) return true;
  }
  return false;
}

function lineStart(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t' || text[i] === '(')) i--;
  return i < 0 || text[i] === '\n';
}

// ---- parsers: each reads what follows an amount ----

function record(text: string, start: number, end: number, value: number, unit: string, rule: string): QuantityRecord {
  return { start, end, text: text.slice(start, end), value, unit, rule };
}

/** A minus sign glued to the number, after a space or at the start: "-3%", "−0.5%". */
function signed(text: string, a: Amount): { start: number; value: number } {
  const c = text[a.start - 1];
  if ((c === '-' || c === '−') && (a.start < 2 || /[\s(]/.test(text[a.start - 2]!))) return { start: a.start - 1, value: -a.value };
  return { start: a.start, value: a.value };
}

function parsePercent(text: string, a: Amount): Found | undefined {
  PERCENT_RE.lastIndex = a.end;
  const m = PERCENT_RE.exec(text);
  if (!m) return undefined;
  const g = m.groups!;
  const unit = g.pct !== undefined ? 'percent' : g.pp !== undefined ? 'percentage points' : 'basis points';
  const { start, value } = signed(text, a);
  return { record: record(text, start, PERCENT_RE.lastIndex, value, unit, `percent:${unit.replace(' ', '-')}`) };
}

function sticky(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}

function parseMoney(text: string, a: Amount): Found | undefined {
  const { start, value } = signed(text, a);
  if (a.currency) {
    // "$3 million dollars": take the repeated unit into the span
    const m = sticky(CURRENCY_SUFFIX_RE, text, a.end);
    const end = m && CURRENCY_SUFFIXES.get(foldSpace(m[0].trim())) === a.currency ? a.end + m[0].length : a.end;
    return { record: record(text, start, end, value, a.currency, 'money:prefix') };
  }
  if (a.yearLike) return undefined; // "in 2016 won the election", "2024 dollars"
  const suffix = sticky(CURRENCY_SUFFIX_RE, text, a.end);
  if (suffix) {
    const word = foldSpace(suffix[0].trim());
    const code = CURRENCY_SUFFIXES.get(word)!;
    // "3 trillion won" is money whatever follows; "12 won the" is a verb
    const verb = word === 'won' && !a.scaled && !a.raw.includes(',') && sticky(WON_VERB_RE, text, a.end + suffix[0].length);
    if (!verb) {
      return { record: record(text, start, a.end + suffix[0].length, value, code, 'money:suffix') };
    }
  }
  if (a.scaled) {
    const m = sticky(SCALED_CURRENCY_RE, text, a.end);
    if (m) {
      const code = CURRENCY_SUFFIXES_NEEDING_SCALE.get(foldSpace(m[0].trim()))!;
      return { record: record(text, start, a.end + m[0].length, value, code, 'money:suffix') };
    }
  }
  const sub = sticky(SUBUNIT_RE, text, a.end);
  if (sub) {
    const { currency, factor } = CURRENCY_SUBUNITS.get(foldSpace(sub[0].trim()))!;
    return { record: record(text, start, a.end + sub[0].length, round(value * factor), currency, 'money:subunit') };
  }
  return undefined;
}

/** Clear float noise from a scaled value: 0.07 * 100 cents. */
function round(v: number): number {
  return Number(v.toPrecision(12));
}

function parseAge(text: string, a: Amount): Found | undefined {
  if (a.scaled || a.currency) return undefined;
  const m = sticky(AGE_RE, text, a.numberEnd);
  if (!m) return undefined;
  const r = record(text, a.start, a.numberEnd + m[0].length, a.value, 'years', 'count:age');
  r.measure = 'age';
  return { record: r, fixedMeasure: true };
}

/** Words between a number and the noun it counts: "30 Palestinian civilians", "12 more people". */
const COUNT_MODIFIERS = new Set(['more', 'other', 'additional', 'further', 'extra', 'new', 'unarmed']);
const MAX_MODIFIERS = 3;

function parseCount(ctx: Context, a: Amount): Found | undefined {
  if (a.currency || a.yearLike) return undefined;
  const { text, tokens } = ctx;
  const [from, k] = tokenRange(tokens, a.start, a.end);
  const first = tokens[k];
  const sentence = tokens[from]?.sentence;
  if (!first || first.sentence !== sentence) return undefined;
  const bareOne = !a.scaled && !a.digits && a.raw.toLowerCase() === 'one';
  if (first.lower === 'of') return undefined; // "one of the", "dozens of", "two of them"
  // "12 killed", "40 wounded" — unless a noun follows ("3 wounded soldiers")
  if (CASUALTY_WORDS.has(first.lower) && !bareOne) {
    const next = tokens[k + 1];
    if (!(next && next.sentence === sentence && next.pos === 'NOUN')) {
      const r = record(text, a.start, first.end, a.value, 'people', 'count:casualty');
      r.measure = first.lower;
      return { record: r, fixedMeasure: true };
    }
  }
  let j = k;
  let casualty: string | undefined;
  while (j < tokens.length && j - k < MAX_MODIFIERS && tokens[j]!.sentence === sentence && isCountModifier(tokens[j]!)) {
    if (CASUALTY_WORDS.has(tokens[j]!.lower)) casualty = tokens[j]!.lower;
    j++;
  }
  let head = tokens[j];
  if (!head || head.sentence !== sentence || !isCountHead(head)) return bareOne ? undefined : parseToll(ctx, a, from, k);
  // a compound: "1,200 police officers"
  const next = tokens[j + 1];
  if (next && next.sentence === sentence && next.pos === 'NOUN' && !NON_COUNT_HEADS.has(next.lower) && next.start === head.end + 1) head = next;
  if (NON_COUNT_HEADS.has(head.lower)) return undefined;
  if (bareOne && !PERSON_NOUNS.has(head.lower)) return undefined;
  const unit = UNIT_ALIASES[head.lower] ?? head.lower;
  const r = record(text, a.start, head.end, a.value, unit, 'count:noun');
  casualty ??= casualtyAfter(tokens, head.i + 1, sentence!);
  if (casualty) r.measure = casualty;
  return { record: r, fixedMeasure: casualty !== undefined };
}

const TOLL_RE = /(?:toll|casualties|fatalities|dead)$/i;

/** A number with no noun whose subject is a death toll: "the death toll rose to 45". */
function parseToll(ctx: Context, a: Amount, from: number, to: number): Found | undefined {
  const m = findMeasure(ctx, from, to);
  if (!m.text || !TOLL_RE.test(m.text)) return undefined;
  const r = record(ctx.text, a.start, a.end, a.value, 'people', 'count:toll');
  r.measure = m.text;
  return { record: r, fixedMeasure: true };
}

function isCountModifier(t: Token): boolean {
  if (COUNT_MODIFIERS.has(t.lower) || CASUALTY_WORDS.has(t.lower)) return true;
  if (t.pos === 'ADJ') return true;
  // nationality adjectives tagged as names: "Palestinian", "Ukrainian"
  if (t.pos === 'PROPN' && /^\p{Lu}\p{Ll}+(?:an|ian|ish|ese|i)$/u.test(t.text)) return true;
  return false;
}

function isCountHead(t: Token): boolean {
  if (t.pos === 'NOUN') return /\p{L}/u.test(t.text);
  if (t.lower === 'others') return true;
  // plural demonyms tagged as names: "Ukrainians", "Israelis"
  return t.pos === 'PROPN' && /^\p{Lu}\p{Ll}+s$/u.test(t.text);
}

/** "12 people were killed": the casualty word after the counted noun, over auxiliaries and adverbs. */
function casualtyAfter(tokens: Token[], from: number, sentence: number): string | undefined {
  for (let j = from; j < tokens.length && j < from + 4; j++) {
    const t = tokens[j]!;
    if (t.sentence !== sentence) return undefined;
    if (CASUALTY_WORDS.has(t.lower)) return t.lower;
    if (t.pos !== 'AUX' && t.pos !== 'ADV' && t.pos !== 'PART') return undefined;
  }
  return undefined;
}

// ---- refiners: measure, comparison, period ----

function refine(ctx: Context, found: Found[], times: TimeRecord[]): QuantityRecord[] {
  const dates = times.filter((t) => t.type === 'DATE').sort((a, b) => a.start - b.start);
  const ranges = found.map((f) => tokenRange(ctx.tokens, f.record.start, f.record.end));
  // 1. comparisons, whose reference dates are then not periods
  const references = new Set<TimeRecord>();
  found.forEach((f, n) => {
    const c = findComparison(ctx, f.record.end, ranges[n]![0], dates);
    if (c) {
      f.record.comparison = c.comparison;
      if (c.time) references.add(c.time);
    }
  });
  const periodDates = dates.filter((t) => !references.has(t));
  // 2. a date right after a figure belongs to it and to no figure before
  const claimed = new Set<TimeRecord>();
  const rightAfter = found.map((f) => {
    const t = periodRightAfter(ctx, f.record.end, periodDates);
    if (t) claimed.add(t);
    return t;
  });
  const skipForLater = new Set(references);
  const skipForEarlier = new Set([...references, ...claimed]);
  found.forEach((f, n) => {
    const r = f.record;
    const [from, to] = ranges[n]!;
    let relative = false;
    if (!f.fixedMeasure && !r.rule.startsWith('count') && ctx.tokens.length > 0) {
      const m = findMeasure(ctx, from, to);
      if (m.text) r.measure = m.text;
      relative = m.relative === true;
    }
    // "which is 68% more than in 2021": describes the figure before it in the sentence
    const antecedent = relative ? previousInSentence(ctx, found, n, ranges) : undefined;
    if (antecedent?.measure && !r.measure) r.measure = antecedent.measure;
    const period =
      rightAfter[n]?.value ??
      antecedent?.period ??
      (ctx.tokens.length > 0
        ? (periodLaterInClause(ctx, to, periodDates, skipForLater) ?? periodEarlierInSentence(ctx, from, periodDates, skipForEarlier))?.value
        : undefined);
    if (period !== undefined) r.period = period;
  });
  shareCasualty(ctx.text, found);
  return found.map((f) => f.record);
}

const COORDINATION_RE = /^\s*(?:,\s*)?(?:and|or|as\s+well\s+as)\s+(?:(?:at\s+least|more\s+than|about|nearly|some|another)\s+)?$/i;

/** "30 civilians and 12 others were killed": the casualty word covers both counts. */
function shareCasualty(text: string, found: Found[]): void {
  for (let n = found.length - 2; n >= 0; n--) {
    const a = found[n]!.record;
    const b = found[n + 1]!.record;
    if (a.measure || !b.measure || !a.rule.startsWith('count:noun') || !b.rule.startsWith('count:')) continue;
    if (b.unit === 'years' || b.start - a.end > 40 || !COORDINATION_RE.test(text.slice(a.end, b.start))) continue;
    if (CASUALTY_WORDS.has(b.measure)) a.measure = b.measure;
  }
}

function previousInSentence(ctx: Context, found: Found[], n: number, ranges: [number, number][]): QuantityRecord | undefined {
  const sentence = ctx.tokens[ranges[n]![0]]?.sentence;
  for (let p = n - 1; p >= 0 && n - p <= 4; p--) {
    if (ctx.tokens[ranges[p]![0]]?.sentence !== sentence) return undefined;
    if (found[p]!.record.unit !== 'percent') return found[p]!.record;
  }
  return undefined;
}
