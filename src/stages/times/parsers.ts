/**
 * The time parsers: each a precompiled pattern and an `extract` that turns a match into a TIMEX3
 * type and value, anchored to the article date where the text leaves it implicit. Patterns are
 * written without leading prepositions ("on Tuesday" → "Tuesday") and use only bounded
 * alternations and single-level quantifiers, so matching is linear in the text.
 */
import type { TimeType } from '../../doc/types.js';
import {
  addDays, addMonths, compare, daysInMonth, fmtClock, fmtDate, fmtMonth, fmtWeek, fmtYear, isoWeekday,
  quarterOf, UNANCHORED, type Ymd,
} from './calendar.js';
import {
  AMBIGUOUS_MONTHS, COUNT_NOUNS, DAY_PARTS, HOLIDAYS, MONTH_CUES, MONTH_DETERMINERS, MONTHS, NUMBER_WORDS, ORDINALS, SEASONS,
  TIME_ZONES, UNITS, VAGUE_NUMBERS, WEEKDAYS, withCurlyApostrophes,
} from './lexicon.js';
import type { Tense } from './tense.js';

export interface Ctx {
  text: string;
  /** the article date, or null: relative values then stay unanchored */
  ref: Ymd | null;
  /** the tense of the clause around [start, end): of the nearest cue, at most `reach` tokens away when given */
  tense(start: number, end: number, reach?: number): Tense;
}

export interface Found {
  start: number;
  end: number;
  type: TimeType;
  value: string;
  mod?: string;
  anchored: boolean;
  rule: string;
  /**
   * The value depends on the time in focus in the discourse (see refiners.ts `followFocus`):
   * 'year-before' for "a year earlier", 'quarter' for "the quarter", 'in-year' for "the 1988 period".
   */
  focus?: 'year-before' | 'quarter' | 'in-year' | 'anaphor' | 'clock' | 'shift';
  /** for focus 'shift': days from the time in focus ("ten days before" → -10) */
  offset?: number;
}

type Extracted = Omit<Found, 'start' | 'end' | 'rule' | 'anchored'> & { start?: number; end?: number; anchored?: boolean };

export interface Parser {
  name: string;
  pattern: RegExp;
  /**
   * A pre-filter: lower-case ASCII strings one of which the text holds wherever the pattern
   * matches (case aside); runParsers skips the parser for a text holding none of them.
   */
  needs?: readonly string[];
  extract(m: RegExpExecArray, ctx: Ctx): Extracted | null;
}

// ------------------------------------------------------------------ pattern pieces

const escapeRx = (w: string) => w.replace(/[.'*+?^${}()|[\]\\]/g, '\\$&');

/** An alternation of the words, longest first, a space in one matching any run of white space. */
const alt = (words: Iterable<string>) =>
  [...words].sort((a, b) => b.length - a.length).map((w) => escapeRx(w).replace(/ /g, '\\s+')).join('|');

/**
 * A word-bounded, case-insensitive global pattern. Where every match starts with a word character
 * (all patterns but the decades' "'90s"), the lookbehind implies a word boundary there; `\b`,
 * written first, rejects most positions more cheaply than the lookbehind does.
 */
const rx = (source: string, flags = 'gi', startsWithWordChar = true) =>
  new RegExp(`${startsWithWordChar ? '\\b' : ''}(?<![\\w'])(?:${source})(?![\\w])`, flags);

const MONTH = `(${alt(Object.keys(MONTHS))})`;
/** Pre-filter strings for a pattern holding MONTH: every month name begins with one of them. */
const MONTH_NEEDS = [...new Set(Object.keys(MONTHS).map((name) => name.slice(0, 3)))];
const WEEKDAY = `(${alt(Object.keys(WEEKDAYS))})`;
const YEAR = '((?:19|20)\\d\\d)';
const TENS = 'twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety';
const ONES = 'one|two|three|four|five|six|seven|eight|nine';
const NUM = `(\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?|(?:${TENS})(?:[\\s-](?:${ONES}))?|${alt([...Object.keys(NUMBER_WORDS), ...VAGUE_NUMBERS])})`;
const UNIT = '(seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|quarters?|years?|decades?|century|centuries)';
const DAYPART = `(${alt(Object.keys(DAY_PARTS).filter((p) => p !== 'tonight'))})`;

// ------------------------------------------------------------------ helpers

function parseNumber(s: string): number | null {
  const w = s.toLowerCase().replace(/\s+/g, ' ');
  if (/^\d/.test(w)) return Number(w.replace(/,/g, ''));
  if (VAGUE_NUMBERS.has(w)) return null;
  if (w in NUMBER_WORDS) return NUMBER_WORDS[w]!;
  const m = /^(\w+)[ -](\w+)$/.exec(w);
  if (m && m[1]! in NUMBER_WORDS && m[2]! in NUMBER_WORDS) return NUMBER_WORDS[m[1]!]! + NUMBER_WORDS[m[2]!]!;
  return null;
}

function unitKey(u: string): string {
  const w = u.toLowerCase();
  if (w === 'centuries' || w === 'century') return 'century';
  return w.endsWith('s') ? w.slice(0, -1) : w;
}

/** TIMEX3 duration: P2D, PT48H, P10Y (decades in years), PXY for vague amounts. */
export function durationValue(n: number | null, unit: string): string {
  const u = UNITS[unitKey(unit)];
  if (!u) return 'PX';
  const total = n === null ? null : n * (u.scale ?? 1);
  if (total !== null && !Number.isInteger(total) && Number.isInteger(total * 2)) {
    // a half: written in the next smaller unit, as TimeML does ("2 1/2 years" → P2Y6M)
    const w = Math.floor(total);
    const half = HALF_OF[unitKey(unit)];
    if (half) return `P${u.time ? 'T' : ''}${w ? `${w}${u.letter}` : ''}${half}`;
  }
  const amount = total === null ? 'X' : String(+total.toFixed(3));
  return `P${u.time ? 'T' : ''}${amount}${u.letter}`;
}

/** Half of each unit in the next smaller one (the "T" designator is added by the caller for clock units). */
const HALF_OF: Record<string, string> = {
  year: '6M', month: '15D', week: '3DT12H', day: 'T12H', night: 'T12H', hour: '30M', minute: '30S', quarter: '1M15D',
};

const isCapitalized = (s: string) => /^[A-Z]/.test(s);

/** The word before `at`, lower-cased ("" at a sentence start). */
function wordBefore(text: string, at: number): string {
  const m = /([A-Za-z]+)[\s-]*$/.exec(text.slice(Math.max(0, at - 24), at));
  return m ? m[1]!.toLowerCase() : '';
}

/** The word after `at`, as written. */
function wordAfter(text: string, at: number): string {
  const m = /^[ \t]*([A-Za-z%]+|%)/.exec(text.slice(at, at + 24));
  return m ? m[1]! : '';
}

/** How far (in months) the tense may push a month or date away from the article date. */
const TENSE_REACH_MONTHS = 10;

/**
 * Year of a month (and day) mention without a year: the occurrence on the side of the article
 * date that the tense names, when it lies within TENSE_REACH_MONTHS; otherwise the nearest one.
 */
function yearFor(ref: Ymd, month: number, day: number | null, tense: Tense, reach = TENSE_REACH_MONTHS): number {
  let best = ref.y;
  let bestDist = Infinity;
  let sided: number | null = null;
  let sidedDist = Infinity;
  for (let y = ref.y - 1; y <= ref.y + 1; y++) {
    const diff = day === null
      ? y * 12 + month - (ref.y * 12 + ref.m)
      : compare({ y, m: month, d: Math.min(day, daysInMonth(y, month)) }, ref) / 86_400_000 / 30.44;
    if (Math.abs(diff) < bestDist) {
      best = y;
      bestDist = Math.abs(diff);
    }
    const onSide = tense === 'past' ? diff <= 0 : tense === 'future' ? diff >= 0 : false;
    if (onSide && Math.abs(diff) <= reach && Math.abs(diff) < sidedDist) {
      sided = y;
      sidedDist = Math.abs(diff);
    }
  }
  return sided ?? best;
}

/** Words right before a date that name a deadline ("until Nov. 9", "payable Dec. 7", "expires Jan. 2"): a date to come. */
const DEADLINE_BEFORE =
  /(?:^|[^\w])(?:until|till|through|payable|effective|expires?|expiring|extended\s+to|due|by)\s+(?:on\s+)?(?:\d{1,2}(?::\d\d)?\s*[ap]\.?m\.?\s*(?:[A-Z]{2,4},?\s+)?|(?:early|mid|late)[\s-]+)?$/i;
/** "this year through August": a month of the year already named, the nearest one. */
const WITHIN_YEAR_BEFORE = /(?:^|[^\w])this\s+year\s+(?:through|until|till|to)\s+$/i;
/** Words right before a date that put it in the past ("the quarter ended Sept. 30", "a letter dated Feb. 4", "on patrol since March"; not "to be dated March 15"). */
const ENDED_BEFORE = /(?:^|[^\w])(?<!\bbe\s+)(?:ended|dated|since)\s+(?:on\s+)?(?:(?:early|mid|late)[\s-]+)?$/i;

/** A month's figure, already published: "January's three pct record", "February's trade figures" (whatever the clause's tense). */
const FIGURE_AFTER = /^['’]s[ \t\n]+(?:[\w.,%-]+[ \t\n]+){0,3}?(?:figures?|record|level|rate|data|total|reading|numbers?|results?|deficit|surplus|output|sales|rise|fall|drop|decline|increase|gain|jump|performance)\b/;

/** A scheduled event right before a weekday, with no preposition: "the second nomination contest Tuesday". */
const CONTEST_BEFORE = /(?:^|[^\w])(?:primary|primaries|caucus(?:es)?|contests?|elections?|debates?|vote)[ \t]+$/i;

/** How many tokens away a verb may be to set the tense of a scheduled event's date. */
const EVENT_TENSE_REACH = 6;
/** Scheduled events named with their date: "the convention in July", "the primary on June 7", "the Nov. 8 election". */
const EVENT_NOUNS = 'elections?|primary|primaries|caucus(?:es)?|contests?|conventions?|referendum|summit|showdown|inauguration|runoff|run-off';
const EVENT_BEFORE = new RegExp(`(?:^|[^\\w])(?:${EVENT_NOUNS})[ \\t]+(?:in|on)[ \\t]+(?:(?:early|mid|late)[\\s-]+)?$`, 'i');
const EVENT_AFTER = new RegExp(`^(?:\\.|,?[ \\t]+\\d{4})?[ \\t]+(?:[A-Z][a-z]+[ \\t]+){0,2}(?:presidential[ \\t]+|general[ \\t]+|national[ \\t]+)?(?:${EVENT_NOUNS})\\b`);

/**
 * The side of the article date a year-less month or date lies on, and how far (in months) that
 * side may win over the nearest occurrence: "ended" right before the date puts it in the past
 * within a year; a deadline puts it in the future; otherwise the clause's tense decides.
 */
function dateSide(ctx: Ctx, start: number, end: number): { tense: Tense; reach: number } {
  const before = ctx.text.slice(Math.max(0, start - 30), start);
  if (ENDED_BEFORE.test(before) || FIGURE_AFTER.test(ctx.text.slice(end, end + 50))) return { tense: 'past', reach: 12 };
  if (WITHIN_YEAR_BEFORE.test(before)) return { tense: 'none', reach: 0 };
  // a deadline is to come, unless the clause is in the past perfect ("had been paying $35,000 a month until May")
  if (DEADLINE_BEFORE.test(before)) return { tense: /\bhad\b[^.;]*$/i.test(ctx.text.slice(Math.max(0, start - 60), start)) ? 'past' : 'future', reach: TENSE_REACH_MONTHS };
  // the date of a scheduled event ("the Nov. 8 election", "the convention in July"): the tense of a verb close by
  // ("the November election will end up …"), else the nearest one, not a distant verb's ("… had been pressing for a
  // role in drafting the platform for the convention in July")
  if (EVENT_BEFORE.test(before) || EVENT_AFTER.test(ctx.text.slice(end, end + 30))) {
    const near = ctx.tense(start, end, EVENT_TENSE_REACH);
    return { tense: near, reach: near === 'none' ? 0 : TENSE_REACH_MONTHS };
  }
  return { tense: ctx.tense(start, end), reach: TENSE_REACH_MONTHS };
}

/** The weekday `wd` relative to the article date: past → on or before, future → on or after. */
function weekdayDate(ref: Ymd, wd: number, how: 'past' | 'future' | 'last' | 'next'): Ymd {
  const today = isoWeekday(ref);
  if (how === 'past') return addDays(ref, -((today - wd + 7) % 7));
  if (how === 'future') return addDays(ref, (wd - today + 7) % 7);
  if (how === 'last') return addDays(ref, -((today - wd + 7) % 7 || 7));
  return addDays(ref, (wd - today + 7) % 7 || 7);
}

function seasonYear(ref: Ymd, season: string, how: 'this' | 'last' | 'next'): number {
  const order: Record<string, number> = { WI: 0, SP: 1, SU: 2, FA: 3 };
  const cur = ref.m <= 2 ? 0 : ref.m <= 5 ? 1 : ref.m <= 8 ? 2 : ref.m <= 11 ? 3 : 4;
  const s = order[season]!;
  if (how === 'last') return s < cur ? ref.y : ref.y - 1;
  if (how === 'next') return s > cur ? ref.y : ref.y + 1;
  return ref.y;
}

function quarterYear(ref: Ymd, q: number, tense: Tense): number {
  const cur = quarterOf(ref.m);
  // results for the quarter just ended are still reported in the future tense
  if (tense === 'future') return q >= cur - 1 ? ref.y : ref.y + 1;
  return q <= cur ? ref.y : ref.y - 1;
}

/** Shift the article date by n units and write it at that unit's granularity. */
function shifted(ref: Ymd, n: number, unit: string): string | null {
  switch (unitKey(unit)) {
    case 'day':
    case 'night':
      return fmtDate(addDays(ref, n));
    case 'week':
      return fmtWeek(addDays(ref, 7 * n));
    case 'fortnight':
      return fmtWeek(addDays(ref, 14 * n));
    case 'month':
      return fmtMonth(addMonths(ref, n).y, addMonths(ref, n).m);
    case 'quarter': {
      const t = addMonths(ref, 3 * n);
      return `${fmtYear(t.y)}-Q${quarterOf(t.m)}`;
    }
    case 'year':
      return fmtYear(ref.y + n);
    case 'decade':
      return fmtYear(ref.y + 10 * n);
    case 'century':
      return fmtYear(ref.y + 100 * n);
    default:
      return null;
  }
}

const granularity = (unit: string): keyof typeof UNANCHORED => {
  const u = unitKey(unit);
  if (u === 'week' || u === 'fortnight') return 'week';
  if (u === 'month') return 'month';
  if (u === 'quarter') return 'quarter';
  if (u === 'year' || u === 'decade' || u === 'century') return 'year';
  return 'day';
};

// ------------------------------------------------------------------ the parsers

const ISO_DATE: Parser = {
  name: 'iso-date',
  pattern: rx(`${YEAR}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])(?!-\\d)(?:T(\\d\\d):(\\d\\d))?`, 'g'),
  extract: (m) => {
    const date = `${m[1]}-${m[2]}-${m[3]}`;
    return m[4] ? { type: 'TIME', value: `${date}T${m[4]}:${m[5]}` } : { type: 'DATE', value: date };
  },
};

const NUMERIC_DATE: Parser = {
  name: 'numeric-date',
  pattern: rx('(\\d{1,2})/(\\d{1,2})/((?:19|20)\\d\\d)(?!/)', 'g'),
  extract: (m) => {
    const a = +m[1]!;
    const b = +m[2]!;
    // month/day as in US news; day/month when the first number cannot be a month
    const [mo, d] = a > 12 ? [b, a] : [a, b];
    if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
    return { type: 'DATE', value: fmtDate({ y: +m[3]!, m: mo, d }) };
  },
};

/** "12.03.2024": day, month, year, as European and Ukrainian news write dates with full stops. */
const DOTTED_DATE: Parser = {
  name: 'dotted-date',
  needs: ['.19', '.20'],
  pattern: rx('(\\d{1,2})\\.(\\d{1,2})\\.((?:19|20)\\d\\d)(?![.\\d])'),
  extract: (m, ctx) => {
    const d = +m[1]!;
    const mo = +m[2]!;
    if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
    // "version 1.2.2024", "v1.2.2020": a version number
    if (/(?:\bversion\s+|\bv)$/i.test(ctx.text.slice(Math.max(0, m.index - 9), m.index))) return null;
    return { type: 'DATE', value: fmtDate({ y: +m[3]!, m: mo, d }) };
  },
};

const isAbbreviation = (key: string) => key.length <= 4 && key !== 'may' && key !== 'june' && key !== 'july';

/** A full month name does not take the full stop after it ("in April."). */
function dropStop(m: RegExpExecArray, name: string): number | undefined {
  const end = m.index + m[0].length;
  return m[0].endsWith('.') && !isAbbreviation(name.toLowerCase()) && /[a-z]\.$/i.test(m[0]) ? end - 1 : undefined;
}

/** Days of the month written as ordinal words ("March eighth", "May twenty-first"), as spoken. */
const DAY_ORDINALS: Record<string, number> = (() => {
  const ones = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth'];
  const out: Record<string, number> = {};
  const teens = ['tenth', 'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth'];
  ones.forEach((w, i) => { out[w] = i + 1; out[`twenty ${w}`] = 21 + i; });
  teens.forEach((w, i) => { out[w] = 10 + i; });
  out.twentieth = 20;
  out.thirtieth = 30;
  out['thirty first'] = 31;
  return out;
})();
const DAY_ORDINAL_WORDS = Object.keys(DAY_ORDINALS).sort((a, b) => b.length - a.length).map((w) => w.replace(/ /g, '[\\s-]')).join('|');

/** Words after "Sept. 11" that name the 2001 attacks rather than this year's day. */
const NINE_ELEVEN_AFTER = /^[ \t]+(?:attacks?|terror\w*|hijack\w*|conspiracy|truthers?|commission|victims|plot\w*|era|bombings?)\b/i;

/** Capitalised words after a month that make a name of it ("the October Revolution", "the July Fourth parade"). */
const NAMES_AFTER_MONTH = /^(?:Revolution|Revolutionary|Uprising|Crisis|Surprise|Fourth|Days?|Manifesto|Monarchy|Accords?|Agreement|Coup|Massacre|War|Offensive|Storm|Madness)$/;

/** "September 2, 2025", "Sept. 30", "March 2024", "in March", "May 5", "last November". */
const MONTH_DAY_YEAR: Parser = {
  name: 'month-day-year',
  needs: MONTH_NEEDS,
  pattern: rx(`(?:(last|next|this|this\\s+past|this\\s+coming)\\s+)?${MONTH}(\\.)?(?:(?:\\s+|(?<=\\.)(?=\\d))(?:(\\d{1,2})(?:st|nd|rd|th)?|(${DAY_ORDINAL_WORDS})(?!-|\\s+(?:quarter|half|time|round|place|week|day|term)\\b))(?![\\d\\w]|[:.,]\\d))?(?:,?\\s+${YEAR}(?![\\w%]|[.,]\\d)|\\s+'(\\d\\d)(?!\\w))?`),
  extract: (m, ctx) => {
    const det = m[1]?.toLowerCase().replace(/\s+/g, ' ');
    const name = m[2]!;
    if (!isCapitalized(name)) return null;
    const key = name.toLowerCase();
    const month = MONTHS[key]!;
    const day = m[4] ? +m[4] : m[5] ? DAY_ORDINALS[m[5].toLowerCase().replace(/[\s-]+/g, ' ')]! : null;
    const year = m[6] ? +m[6] : m[7] ? 1900 + +m[7] + (+m[7] < 50 ? 100 : 0) : null;
    const monthAt = m.index + m[0].indexOf(name);
    // "Sept.11": an abbreviation's full stop may run into the day; "in May.5 people" is a sentence end
    if (m[3] && /\d/.test(ctx.text[monthAt + name.length + 1] ?? '') && !isAbbreviation(key)) return null;
    const end = dropStop(m, name);
    if (day === null && year === null) {
      if (isAbbreviation(key)) return null; // "Jan", "Dec" alone are names more often than months
      if (AMBIGUOUS_MONTHS.has(key) && !det && !MONTH_CUES.has(wordBefore(ctx.text, monthAt))) {
        // "the March accession", "the May elections": a month naming the time of the noun after it
        if (!MONTH_DETERMINERS.has(wordBefore(ctx.text, monthAt)) || !/^[a-z]/.test(wordAfter(ctx.text, m.index + m[0].length))) return null;
      }
      // "June Carter", "March Madness" (not "in December. Colonel …"); but after an article or a modifier a month
      // names the time of the name that follows: "a July NATO summit", "an early-October CBS News poll"
      const next = m[3] ? '' : wordAfter(ctx.text, m.index + m[0].length);
      if (next && isCapitalized(next) && !(next.toLowerCase() in MONTHS)) {
        const attributive = !AMBIGUOUS_MONTHS.has(key) && /(?:^|[^\w-])(?:a|an|the|this|that|its|his|her|their|our|last|next|(?:early|mid|late)-)[ \t]*$/i.test(ctx.text.slice(Math.max(0, monthAt - 12), monthAt));
        if (!attributive || NAMES_AFTER_MONTH.test(next)) return null;
      }
    }
    if (day !== null && (day < 1 || day > 31)) return null;
    // "last May" names a year only with a bare month: "last May 5" is rare, read as the date
    const start = det && (day !== null || year !== null) ? monthAt : undefined;
    const span = { ...(start !== undefined ? { start } : {}), ...(end !== undefined ? { end } : {}) };
    if (year !== null) {
      return { type: 'DATE', value: day === null ? fmtMonth(year, month) : fmtDate({ y: year, m: month, d: day }), ...span };
    }
    // "the Sept. 11 attacks", "Sept. 11 conspiracy theories": the day of the attacks, whatever the article's year
    if (month === 9 && day === 11 && (!ctx.ref || ctx.ref.y > 2001) && NINE_ELEVEN_AFTER.test(ctx.text.slice(end ?? m.index + m[0].length, m.index + m[0].length + 30))) {
      return { type: 'DATE', value: '2001-09-11', ...span };
    }
    const mm = String(month).padStart(2, '0');
    if (!ctx.ref) return { type: 'DATE', value: day === null ? `XXXX-${mm}` : `XXXX-${mm}-${String(day).padStart(2, '0')}`, ...span };
    let y: number;
    if (det && day === null) {
      if (det === 'this') y = ctx.ref.y;
      // "last February" written in March is last year's: the month just gone is "last month" (det "last" only)
      else if (det === 'last' || det === 'this past') y = month < ctx.ref.m && !(det === 'last' && month === ctx.ref.m - 1) ? ctx.ref.y : ctx.ref.y - 1;
      else y = month > ctx.ref.m ? ctx.ref.y : ctx.ref.y + 1;
    } else {
      const side = dateSide(ctx, m.index, m.index + m[0].length);
      y = yearFor(ctx.ref, month, day, side.tense, side.reach);
    }
    return { type: 'DATE', value: day === null ? fmtMonth(y, month) : fmtDate({ y, m: month, d: day }), anchored: true, ...span };
  },
};

/** "2 September 2025", "2nd of September". */
const DAY_MONTH_YEAR: Parser = {
  name: 'day-month-year',
  needs: MONTH_NEEDS,
  pattern: rx(`(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}\\.?(?:,?\\s+${YEAR}(?![\\w%]|[.,]\\d))?`),
  extract: (m, ctx) => {
    if (!isCapitalized(m[2]!)) return null;
    const day = +m[1]!;
    const month = MONTHS[m[2]!.toLowerCase()]!;
    if (day < 1 || day > 31) return null;
    if (m[3]) return { type: 'DATE', value: fmtDate({ y: +m[3], m: month, d: day }) };
    const end = dropStop(m, m[2]!);
    const span = end !== undefined ? { end } : {};
    if (!ctx.ref) return { type: 'DATE', value: `XXXX-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`, ...span };
    const side = dateSide(ctx, m.index, m.index + m[0].length);
    const y = yearFor(ctx.ref, month, day, side.tense, side.reach);
    return { type: 'DATE', value: fmtDate({ y, m: month, d: day }), anchored: true, ...span };
  },
};

/**
 * A capitalised word right before a year inside a sentence names a product or an event ("Windows
 * 2000", "Orion 1980", "Euro 2012"); prepositions, months, seasons and sentence openers do not.
 */
function isNameBefore(text: string, at: number): boolean {
  const m = /(^|[.!?"'\u201c\u2018(\n]\s*|[^\s.!?"'\u201c\u2018(]\s+)([A-Z][A-Za-z]+)\s+$/.exec(text.slice(Math.max(0, at - 40), at));
  if (!m || !/[^\s]\s+$/.test(m[1]!) || /[.!?"'\u201c\u2018(\n]\s*$/.test(m[1]!)) return false;
  const w = m[2]!.toLowerCase();
  return !(w in MONTHS) && !(w in SEASONS) && !NOT_NAMES_BEFORE_YEAR.has(w);
}
/** Capitalised words that may stand before a year inside a sentence. */
const NOT_NAMES_BEFORE_YEAR = new Set(['fiscal', 'fy', 'calendar', 'christmas', 'easter', 'thanksgiving', 'january', 'ad', 'bc']);

/** A bare year: "2024", "in 2021" (not "1,200", "$2024", "2024 people"); `\b` as in `rx`. */
const YEAR_ONLY: Parser = {
  name: 'year',
  pattern: new RegExp(`\\b(?<![\\w$€£#.,/:]|\\d[.,])${YEAR}(?![\\w%]|[.,:]\\d|'s)`, 'g'),
  extract: (m, ctx) => {
    const after = wordAfter(ctx.text, m.index + m[0].length);
    if (after === '%' || COUNT_NOUNS.has(after.toLowerCase())) return null;
    const before = ctx.text.slice(Math.max(0, m.index - 4), m.index).toLowerCase();
    if (/(no\.|#|no |nr\.?)\s*$/.test(before)) return null;
    if (isNameBefore(ctx.text, m.index)) return null;
    return { type: 'DATE', value: m[1]! };
  },
};

/** Years before 1900 only after a preposition ("independence from Spain in 1898"): bare, such numbers are more often counts or index levels. */
const OLD_YEAR: Parser = {
  name: 'year',
  pattern: /\b(?<![\w$€£#.,/:]|\d[.,])1[0-8]\d\d(?![\w%]|[.,:]\d|'s)/g,
  extract: (m, ctx) => {
    if (!/^(in|since|from|until|till|by|before|after|around|circa|during)$/.test(wordBefore(ctx.text, m.index))) return null;
    if (!/\s$/.test(ctx.text.slice(Math.max(0, m.index - 1), m.index))) return null;
    const after = wordAfter(ctx.text, m.index + m[0].length);
    if (COUNT_NOUNS.has(after.toLowerCase())) return null;
    return { type: 'DATE', value: m[0] };
  },
};

/** Decades: "the 1990s", "the '90s", "the early 2000s", "the last half of the '80s" (the decade, mod END). */
const DECADE: Parser = {
  name: 'decade',
  needs: ['0s', "0's"],
  // (straight or curly apostrophes: "the 1980’s", "the late ’60s")
  pattern: rx(`(?:the\\s+(first|second|last|latter)\\s+half\\s+of\\s+)?(?:the\\s+)?(?:(early|mid|late)[\\s-]+)?(?:((?:1[0-9]|20)\\d)0|['’‘](\\d)0)['’]?s`, 'gi', false),
  extract: (m) => {
    const value = m[3] ?? `19${m[4]}`;
    const half = m[1] ? (m[1].toLowerCase() === 'first' ? 'START' : 'END') : undefined;
    const mod = half ?? (m[2] ? ({ early: 'START', mid: 'MID', late: 'END' } as Record<string, string>)[m[2].toLowerCase()] : undefined);
    return { type: 'DATE', value, ...(mod ? { mod } : {}) };
  },
};

/** Centuries: "the 19th century" → "18". */
const CENTURY: Parser = {
  name: 'century',
  needs: ['century'],
  pattern: rx(`(?:the\\s+)?(?:(early|mid|late)[\\s-]+)?(${alt(Object.keys(ORDINALS))}|\\d{1,2}(?:st|nd|rd|th))[\\s-]+century`),
  extract: (m) => {
    const k = m[2]!.toLowerCase();
    const n = ORDINALS[k] ?? parseInt(k, 10);
    if (!n || n > 21) return null;
    const mod = m[1] ? ({ early: 'START', mid: 'MID', late: 'END' } as Record<string, string>)[m[1].toLowerCase()] : undefined;
    return { type: 'DATE', value: String(n - 1).padStart(2, '0'), ...(mod ? { mod } : {}) };
  },
};

/** Quarters and halves: "the third quarter", "first-quarter", "Q3 2024", "the second half of 2024". */
/** After "the first half", "the third quarter": "of" something other than a year ("of the 20th century", "of his term", "of July"). */
const HALF_OF_OTHER = /^[ \t]+of[ \t]+(?:(?:the|his|her|its|their|this|that)[ \t]+(?!(?:(?:fiscal|calendar|current)[ \t]+)?year\b)|(?:January|February|March|April|May|June|July|August|September|October|November|December)\b)/;

const QUARTER: Parser = {
  name: 'quarter',
  needs: ['quarter', 'half'],
  pattern: rx(
    `(?:the\\s+)?(?:(fiscal|calendar)\\s+)?(?:(this|last|next|${YEAR.slice(1, -1)})(?:'s|\\s+year's)?\\s+)?` +
      `(first|second|third|fourth|1st|2nd|3rd|4th|final|last|latest|current|previous|prior|past|recent|most\\s+recent|same)` +
      `(?:\\s+fiscal)?[\\s-]+(quarter|half)(?:\\s+of\\s+(?:(?:the\\s+)?(?:fiscal|calendar)\\s+(?:year\\s+)?)?(${YEAR.slice(1, -1)}|this\\s+year|last\\s+year|next\\s+year|the\\s+(?:(?:fiscal|calendar|current)\\s+)?year(?![-\\w])))?`,
  ),
  extract: (m, ctx) => {
    // "the first half of the 20th century", "the second half of July": a part of something other than a year
    if (!m[5] && HALF_OF_OTHER.test(ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 30))) return null;
    // adjectival "the third-quarter (results)": the article belongs to the noun
    const the = /^the\s+/i.exec(m[0]);
    if (the && /-(quarter|half)$/i.test(m[0])) {
      const r = quarterValue(m, ctx);
      return r && { ...r, start: m.index + the[0].length };
    }
    return quarterValue(m, ctx);
  },
};

function quarterValue(m: RegExpExecArray, ctx: Ctx): Extracted | null {
  const ord = m[3]!.toLowerCase().replace(/\s+/g, ' ');
  const half = m[4]!.toLowerCase() === 'half';
  const letter = half ? 'H' : 'Q';
  const yearWord = (m[5] ?? m[2] ?? '').toLowerCase().replace(/\s+/g, ' ');
  let year: number | null = null;
  let anchored = false;
  if (/^\d{4}$/.test(yearWord)) year = +yearWord;
  else if (yearWord && ctx.ref) {
    year = ctx.ref.y + (yearWord.startsWith('last') ? -1 : yearWord.startsWith('next') ? 1 : 0);
    anchored = true;
  }
  const fixed: Record<string, number> = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4 };
  let n = fixed[ord];
  if (n === undefined) {
    if (ord === 'same') return null;
    if (!ctx.ref) return { type: 'DATE', value: `${UNANCHORED.year}-${letter}X` };
    const cur = half ? (ctx.ref.m <= 6 ? 1 : 2) : quarterOf(ctx.ref.m);
    const count = half ? 2 : 4;
    if (ord === 'final' || (ord === 'last' && m[5])) n = count; // "the last half of 1989"

    else if (ord === 'current') n = cur;
    else {
      // last, latest, previous, prior, past, recent: the one before the current
      n = cur - 1;
      if (n < 1) {
        n = count;
        year ??= ctx.ref.y - 1;
      }
    }
    year ??= ctx.ref.y;
    return { type: 'DATE', value: `${fmtYear(year)}-${letter}${n}`, anchored: true };
  }
  if (n > (half ? 2 : 4)) return null;
  if (year === null) {
    if (!ctx.ref) return { type: 'DATE', value: `${UNANCHORED.year}-${letter}${n}` };
    const tense = ctx.tense(m.index, m.index + m[0].length);
    year = half
      ? tense === 'future' ? (n >= (ctx.ref.m <= 6 ? 1 : 2) ? ctx.ref.y : ctx.ref.y + 1) : (n <= (ctx.ref.m <= 6 ? 1 : 2) ? ctx.ref.y : ctx.ref.y - 1)
      : quarterYear(ctx.ref, n, tense);
    anchored = true;
  }
  return { type: 'DATE', value: `${fmtYear(year)}-${letter}${n}`, anchored };
}

/** "the first two quarters of 1990": a half year. */
const TWO_QUARTERS: Parser = {
  name: 'two-quarters',
  needs: ['quarters'],
  pattern: rx(`(?:the\\s+)?(first|last)\\s+two\\s+quarters\\s+of\\s+${YEAR}`),
  extract: (m) => ({ type: 'DATE', value: `${m[2]}-H${m[1]!.toLowerCase() === 'first' ? 1 : 2}` }),
};

const Q_SHORT: Parser = {
  name: 'quarter-short',
  pattern: rx(`(?:Q([1-4])(?:\\s+${YEAR})?|${YEAR}\\s+Q([1-4]))`, 'g'),
  extract: (m, ctx) => {
    const q = +(m[1] ?? m[4]!);
    const y = m[2] ?? m[3];
    if (y) return { type: 'DATE', value: `${y}-Q${q}` };
    if (!ctx.ref) return { type: 'DATE', value: `XXXX-Q${q}` };
    return { type: 'DATE', value: `${fmtYear(quarterYear(ctx.ref, q, ctx.tense(m.index, m.index + m[0].length)))}-Q${q}`, anchored: true };
  },
};

/**
 * "the quarter", "the latest quarter": in past-tense reporting, the quarter before the article.
 * "the latest period" of a company's results is the quarter in focus.
 */
const THE_QUARTER: Parser = {
  name: 'the-quarter',
  needs: ['quarter', 'period'],
  // not "the quarter-to-quarter comparison", a compound adjective
  pattern: rx('the\\s+(?:(latest|recent|just-ended|current)\\s+quarter|quarter|(latest|most\\s+recent)\\s+period)(?!-)'),
  extract: (m, ctx) => {
    if (!ctx.ref) return { type: 'DATE', value: 'XXXX-QX' };
    if (m[2]) return { type: 'DATE', value: `${fmtYear(addMonths(ctx.ref, -3).y)}-Q${quarterOf(addMonths(ctx.ref, -3).m)}`, anchored: true, focus: 'quarter' };
    const cur = m[1]?.toLowerCase() === 'current' || ctx.tense(m.index, m.index + m[0].length) === 'future';
    const t = cur ? ctx.ref : addMonths(ctx.ref, -3);
    return { type: 'DATE', value: `${fmtYear(t.y)}-Q${quarterOf(t.m)}`, anchored: true, ...(m[1] ? {} : { focus: 'quarter' as const }) };
  },
};

/**
 * "the quarter ended Sept. 30": the quarter in focus when one is (a fiscal quarter just named),
 * otherwise the calendar quarter that the three months before that date mostly cover (a quarter
 * ended July 31 is the second), which then becomes the quarter in focus (refiners.ts `followFocus`).
 */
const QUARTER_ENDED: Parser = {
  name: 'quarter-ended',
  needs: ['quarter'],
  pattern: rx(`the\\s+quarter(?=\\s+(ended|ending)\\s+${MONTH}\\.?\\s+(\\d{1,2})(?:,?\\s+${YEAR})?(?!\\d))`),
  extract: (m, ctx) => {
    if (!isCapitalized(m[2]!)) return null;
    const month = MONTHS[m[2]!.toLowerCase()]!;
    const day = +m[3]!;
    if (day < 1 || day > 31) return null;
    let y: number;
    if (m[4]) y = +m[4];
    else if (ctx.ref) y = yearFor(ctx.ref, month, day, m[1]!.toLowerCase() === 'ended' ? 'past' : 'none', 12);
    else return { type: 'DATE', value: 'XXXX-QX' };
    const middle = addDays({ y, m: month, d: Math.min(day, daysInMonth(y, month)) }, -45);
    return { type: 'DATE', value: `${fmtYear(middle.y)}-Q${quarterOf(middle.m)}`, anchored: !m[4], focus: 'quarter' };
  },
};

/** "until (9 a.m.) Tuesday", "as soon as Tuesday": a deadline or a hope, so a day to come. */
const UNTIL_BEFORE = /(?:^|[^\w])(?:until|till|as\s+soon\s+as|as\s+early\s+as)\s+(?:on\s+|\d{1,2}(?::\d\d)?\s*[ap]\.?m\.?\s*(?:[A-Z]{2,4}\s+)?|noon\s+|midnight\s+)?$/i;

/** A present-tense verb of a scheduled event right before a weekday ("meet separately Monday", "opens on Friday"). */
const SCHEDULED_BEFORE = /(?:^|[^\w'])(?:meets?|begins?|starts?|opens?|arrives?|leaves?|visits?|resumes?|returns?|votes?|closes?|ends?|expires?|convenes?|travels?|flies)(?:\s+\w+ly)?(?:\s+(?:on|until))?\s+$/i;

/** An event held on a day, after "<weekday>'s" ("Monday's debate", "Tuesday night's first presidential debate"). */
const SCHEDULED_AFTER = /^['’]s[ \t]+(?:[A-Za-z-]+[ \t]+){0,3}?(?:contests?|debates?|meetings?|summit|elections?|votes?|hearings?|games?|match|race|rally|speech|talks|deadline|session|launch|ceremony|encounter|event|visit|trip|opening|conference|primary|primaries|caucus(?:es)?|showdown|final|parade|march|address|forum|kickoff|kick-off|premiere|concert|vigil|funeral|inauguration|sentencing|trial|arraignment)\b/;

/** The end of a programme's or a newspaper's name that a weekday completes ("Fox News Sunday", "The Mail on Sunday"). */
const BROADCAST_BEFORE = /\b(?:Fox[ \t]+News|(?:Mail|Independent)[ \t]+on)[ \t]+$/;

/** TimeML writes the part of the day into the value ("Tuesday night" → 2025-09-02TNI). */
const WEEKDAY_PART_IN_VALUE = true;

/** Super Tuesdays off the usual first Tuesday of March. */
const SUPER_TUESDAYS: Record<number, Ymd> = { 2008: { y: 2008, m: 2, d: 5 } };

/**
 * "Super Tuesday": the US primaries' day of the article's year, the first Tuesday of March (2008:
 * 5 February); in the second half of the year before a presidential election, the coming one.
 */
function superTuesday(m: RegExpExecArray, ctx: Ctx): Extracted {
  const start = ctx.text.lastIndexOf('Super', m.index);
  if (!ctx.ref) return { type: 'DATE', value: UNANCHORED.day, start };
  const y = ctx.ref.m >= 7 && (ctx.ref.y + 1) % 4 === 0 ? ctx.ref.y + 1 : ctx.ref.y;
  return { type: 'DATE', value: fmtDate(SUPER_TUESDAYS[y] ?? nthWeekday(y, 3, 2, 1)), anchored: true, start };
}

/** Weekdays, tense-aware: "Tuesday", "last Friday", "next Monday", "Tuesday night", "Mondays". */
const WEEKDAY_P: Parser = {
  name: 'weekday',
  needs: Object.keys(WEEKDAYS),
  pattern: rx(`(?:(last|next|this|this\\s+coming|this\\s+past|coming|past|every|each)\\s+)?${WEEKDAY}(s)?(?:\\s+${DAYPART}(s)?)?`),
  extract: (m, ctx) => {
    const name = m[2]!;
    if (!isCapitalized(name)) return null;
    const wd = WEEKDAYS[name.toLowerCase()]!;
    const before = wordBefore(ctx.text, m.index);
    // "Super Tuesday": the day of the most primaries, a date of the spring campaign
    if (!m[1] && !m[3] && wd === 2 && /(?:^|[^\w])Super[ \t]+$/.test(ctx.text.slice(Math.max(0, m.index - 7), m.index))) return superTuesday(m, ctx);
    if (!m[1] && /^(good|black|super|cyber|ash|palm|easter|bloody|holy|maundy|manic|blue)$/.test(before)) return null;
    // "Fox News Sunday", "the Mail on Sunday": a programme or a newspaper
    if (!m[1] && wd === 7 && BROADCAST_BEFORE.test(ctx.text.slice(Math.max(0, m.index - 20), m.index))) return null;
    const end = m.index + m[0].length;
    const next = wordAfter(ctx.text, end);
    if (!m[4]) {
      if (next && isCapitalized(next) && !(next.toLowerCase() in MONTHS) && !(next.toLowerCase() in DAY_PARTS)) return null; // "Sunday Times"
    } else if (isCapitalized(m[4]) && next && isCapitalized(next)) return null; // "Saturday Night Live"
    const det = m[1]?.toLowerCase().replace(/\s+/g, ' ');
    // "Mondays", "Tuesday nights", "every Friday": recurring
    if (m[3] || m[5] || det === 'every' || det === 'each') return { type: 'SET', value: `XXXX-WXX-${wd}${m[4] ? `T${DAY_PARTS[m[4].toLowerCase()]}` : ''}` };
    const part = m[4] && WEEKDAY_PART_IN_VALUE ? `T${DAY_PARTS[m[4].toLowerCase()]}` : '';
    const type: TimeType = part ? 'TIME' : 'DATE';
    if (!ctx.ref) return { type, value: `${UNANCHORED.day}${part}` };
    let how: 'past' | 'future' | 'last' | 'next';
    /** days from the article date to the next such weekday (0: the same day) */
    const daysAhead = (wd - isoWeekday(ctx.ref) + 7) % 7;
    if (det === 'last' || det === 'past' || det === 'this past') how = 'last';
    else if (det === 'next' || det === 'coming' || det === 'this coming') how = 'next';
    // "until Tuesday" is a day to come, unless the clause is in the past perfect ("Until Thursday, they had not …")
    else if (UNTIL_BEFORE.test(ctx.text.slice(Math.max(0, m.index - 40), m.index))) how = /^[^.;]{0,30}\bhad\b/i.test(ctx.text.slice(end, end + 40)) ? 'past' : 'future';
    // "Wednesday's ruling": the day of an event named as a thing, which the clause's tense does not govern
    // (a past one, unless it is a scheduled event in one of the next three days and the clause looks ahead: "voters
    // expect Clinton to win Monday's debate" on a Sunday; "they will look for ways around Wednesday's ruling" is past)
    else if (/^['’]s(?!\w)/.test(ctx.text.slice(end, end + 3))) {
      const scheduled = daysAhead >= 1 && daysAhead <= 3 && SCHEDULED_AFTER.test(ctx.text.slice(end, end + 40));
      // (a clause with no tense cue at all takes the nearer one: "Sanders holds a lead in Tuesday's primary" on a Monday)
      how = scheduled && ctx.tense(m.index, end) !== 'past' ? 'future' : 'past';
    }
    // "the New Hampshire primary on Tuesday", "New Hampshire's Tuesday primary", "the second nomination contest Tuesday":
    // a scheduled event's day, by a verb close by, else the nearer one
    else if (EVENT_BEFORE.test(ctx.text.slice(Math.max(0, m.index - 40), m.index)) || EVENT_AFTER.test(ctx.text.slice(end, end + 30)) || CONTEST_BEFORE.test(ctx.text.slice(Math.max(0, m.index - 30), m.index))) {
      const near = ctx.tense(m.index, end, EVENT_TENSE_REACH);
      how = near === 'future' || (near === 'none' && daysAhead <= 3) ? 'future' : 'past';
    }
    else {
      const tense = ctx.tense(m.index, end);
      // a scheduled event in the present tense: "they meet separately Monday", "the summit opens on Friday"
      how = tense === 'future' || (tense === 'none' && SCHEDULED_BEFORE.test(ctx.text.slice(Math.max(0, m.index - 40), m.index))) ? 'future' : 'past';
    }
    return { type, value: fmtDate(weekdayDate(ctx.ref, wd, how)) + part, anchored: true };
  },
};

/** "today", "yesterday", "tomorrow", "tonight", "yesterday morning". */
const DAY_WORD: Parser = {
  name: 'day-word',
  needs: ['today', 'yesterday', 'tomorrow', 'tonight'],
  pattern: rx(`(today|yesterday|tomorrow|tonight)(?:\\s+${DAYPART})?`),
  extract: (m, ctx) => {
    const w = m[1]!.toLowerCase();
    const offset = w === 'yesterday' ? -1 : w === 'tomorrow' ? 1 : 0;
    const part = w === 'tonight' ? 'TNI' : m[2] ? `T${DAY_PARTS[m[2].toLowerCase()]}` : '';
    const type: TimeType = part ? 'TIME' : 'DATE';
    // "VOA Today", "USA Today": a title
    if (isCapitalized(m[1]!) && /[A-Z]\w*[ \t]+$/.test(ctx.text.slice(Math.max(0, m.index - 20), m.index))) return null;
    // "today's youth", "today's world": the present in general, not the article's day
    if (w === 'today' && !part && /^['\u2019]s\s+(world|youth|society|generation|young|children|kids|culture|standards)\b/i.test(ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 16))) return null;
    if (!ctx.ref) return { type, value: `${UNANCHORED.day}${part}` };
    return { type, value: fmtDate(addDays(ctx.ref, offset)) + part, anchored: true };
  },
};

/** "this week", "last month", "next year", "this quarter", "this morning", "last night", "this summer". */
const THIS_UNIT: Parser = {
  name: 'this-unit',
  pattern: rx(
    '(this|last|next|the\\s+current|the\\s+present|the\\s+coming|this\\s+coming|this\\s+past|the\\s+previous|the\\s+prior|the\\s+latest)\\s+' +
      '(week|weekend|month|quarter|year|fiscal\\s+year|decade|century|spring|summer|fall|autumn|winter|morning|afternoon|evening|night)',
  ),
  extract: (m, ctx) => {
    // ABC's "This Week": a title in quotation marks
    if (/^[A-Z]\w*\s+[A-Z]/.test(m[0]) && /["\u201c]$/.test(ctx.text.slice(Math.max(0, m.index - 1), m.index))) return null;
    // "told CBS This Morning", "on ABC's This Week": a programme's title after a broadcaster's initials
    if (/^[A-Z]\w*\s+[A-Z]/.test(m[0]) && /(?:^|[^\w])[A-Z]{2,5}(?:['’]s)?[ \t]+$/.test(ctx.text.slice(Math.max(0, m.index - 12), m.index))) return null;
    const det = m[1]!.toLowerCase().replace(/\s+/g, ' ').replace(/^the /, '');
    const unit = m[2]!.toLowerCase().replace(/\s+/g, ' ');
    // "the latest (fiscal) year": the last one completed
    if (det === 'latest' && unit !== 'year' && unit !== 'fiscal year') return null;
    const shift = det === 'last' || det === 'previous' || det === 'prior' || det === 'this past' || det === 'latest' ? -1 : det === 'next' || det === 'coming' || det === 'this coming' ? 1 : 0;
    const ref = ctx.ref;
    if (unit in SEASONS) {
      const s = SEASONS[unit]!;
      if (!ref) return { type: 'DATE', value: `XXXX-${s}` };
      return { type: 'DATE', value: `${fmtYear(seasonYear(ref, s, shift < 0 ? 'last' : shift > 0 ? 'next' : 'this'))}-${s}`, anchored: true };
    }
    if (unit in DAY_PARTS) {
      const p = DAY_PARTS[unit]!;
      if (!ref) return { type: 'TIME', value: `${UNANCHORED.day}T${p}` };
      // "last night" is the night before; "this morning" today
      return { type: 'TIME', value: `${fmtDate(addDays(ref, shift))}T${p}`, anchored: true };
    }
    if (unit === 'weekend') {
      if (!ref) return { type: 'DATE', value: `${UNANCHORED.week}-WE` };
      const sat = weekdayDate(ref, 6, shift < 0 ? 'last' : shift > 0 ? 'next' : isoWeekday(ref) >= 6 ? 'past' : 'future');
      return { type: 'DATE', value: `${fmtWeek(sat)}-WE`, anchored: true };
    }
    if (unit === 'decade' || unit === 'century') {
      if (!ref) return { type: 'DATE', value: unit === 'decade' ? 'XXX' : 'XX' };
      const value = unit === 'decade' ? String(Math.floor(ref.y / 10) + shift) : String(Math.floor(ref.y / 100) + shift).padStart(2, '0');
      return { type: 'DATE', value, anchored: true };
    }
    const u = unit === 'fiscal year' ? 'year' : unit;
    if (!ref) return { type: 'DATE', value: UNANCHORED[granularity(u)] };
    // on a Sunday the week ahead is "this week" ("will extend to this week's convention"): the ISO week is ending
    const ahead = u === 'week' && det === 'this' && isoWeekday(ref) === 7 && ctx.tense(m.index, m.index + m[0].length) === 'future' ? 1 : 0;
    return { type: 'DATE', value: shifted(ref, shift + ahead, u)!, anchored: true };
  },
};

/**
 * "(into) the summer", "(of) the early summer": a season of the article's year, the last one in a
 * past-tense sentence and the next one in a future-tense one. Only after a preposition, so that
 * "the fall of the Berlin Wall" and "the spring in his step" stay out.
 */
const THE_SEASON: Parser = {
  name: 'the-season',
  needs: ['spring', 'summer', 'fall', 'autumn', 'winter'],
  pattern: rx('the\\s+(?:(early|late|mid)[\\s-]+)?(spring|summer|fall|autumn|winter)(?!\\s+of\\b)'),
  extract: (m, ctx) => {
    if (!/^(in|into|over|during|of|through|throughout|since|until|by|before|after|for)$/.test(wordBefore(ctx.text, m.index))) return null;
    // "the Spring Festival": a name
    if (isCapitalized(m[2]!) && isCapitalized(wordAfter(ctx.text, m.index + m[0].length))) return null;
    const season = SEASONS[m[2]!.toLowerCase()]!;
    const mod = m[1] ? ({ early: 'START', mid: 'MID', late: 'END' } as Record<string, string>)[m[1].toLowerCase()] : undefined;
    const extra = mod ? { mod } : {};
    if (!ctx.ref) return { type: 'DATE', value: `XXXX-${season}`, ...extra };
    const order: Record<string, number> = { WI: 0, SP: 1, SU: 2, FA: 3 };
    const cur = ctx.ref.m <= 2 ? 0 : ctx.ref.m <= 5 ? 1 : ctx.ref.m <= 8 ? 2 : ctx.ref.m <= 11 ? 3 : 4;
    const tense = ctx.tense(m.index, m.index + m[0].length);
    const s = order[season]!;
    const y = tense === 'past' ? (s <= cur ? ctx.ref.y : ctx.ref.y - 1) : tense === 'future' ? (s >= cur ? ctx.ref.y : ctx.ref.y + 1) : ctx.ref.y;
    return { type: 'DATE', value: `${fmtYear(y)}-${season}`, anchored: true, ...extra };
  },
};

/**
 * "the week": the week of the day in focus (refiners.ts `followFocus`), the article's week when
 * none is; "the week of March 6": the ISO week of that date.
 */
const THE_WEEK: Parser = {
  name: 'the-week',
  needs: ['week'],
  pattern: rx(`the\\s+week(?:\\s+of\\s+${MONTH}\\.?\\s+(\\d{1,2})(?:,?\\s+${YEAR})?)?(?!\\s+(?:ahead|before|after|earlier|later|ended|ending|of)\\b)`),
  extract: (m, ctx) => {
    if (m[1]) {
      if (!isCapitalized(m[1])) return null;
      const month = MONTHS[m[1].toLowerCase()]!;
      const day = +m[2]!;
      if (day < 1 || day > 31) return null;
      if (m[3]) return { type: 'DATE', value: fmtWeek({ y: +m[3], m: month, d: day }) };
      if (!ctx.ref) return { type: 'DATE', value: UNANCHORED.week };
      const side = dateSide(ctx, m.index, m.index + m[0].length);
      return { type: 'DATE', value: fmtWeek({ y: yearFor(ctx.ref, month, day, side.tense, side.reach), m: month, d: day }), anchored: true };
    }
    if (!ctx.ref) return { type: 'DATE', value: UNANCHORED.week };
    return { type: 'DATE', value: fmtWeek(ctx.ref), anchored: true, focus: 'anaphor' };
  },
};

/** "(by the end of) the month": the month in focus, the article's month when none is. */
const THE_MONTH: Parser = {
  name: 'the-month',
  needs: ['month'],
  pattern: rx('the\\s+month(?!\\s+(?:of|ahead|before|after|earlier|later|ended|ending|when|that|in)\\b)'),
  extract: (_m, ctx) => {
    if (!ctx.ref) return { type: 'DATE', value: UNANCHORED.month };
    return { type: 'DATE', value: fmtMonth(ctx.ref.y, ctx.ref.m), anchored: true, focus: 'anaphor' };
  },
};

/** "the weekend": the one before the article in past-tense sentences, the next one otherwise. */
const THE_WEEKEND: Parser = {
  name: 'the-weekend',
  needs: ['weekend'],
  pattern: rx('the\\s+weekend'),
  extract: (m, ctx) => {
    if (!ctx.ref) return { type: 'DATE', value: `${UNANCHORED.week}-WE` };
    const how = ctx.tense(m.index, m.index + m[0].length) === 'future' ? 'future' : 'past';
    return { type: 'DATE', value: `${fmtWeek(weekdayDate(ctx.ref, how === 'past' ? 7 : 6, how))}-WE`, anchored: true };
  },
};

/** What follows an adverb that ends its phrase: a mark, the end of the text, or a conjunction. */
const ADVERB_END = /^\s*(?:$|[,.;:!?)"'`\u2019\u201d]|-{2}|(?:and|but|or|when|that)\b)/i;

/** "two years ago", "a year earlier", "three months from now", "a week or so ago". */
const AGO: Parser = {
  name: 'ago',
  // "now" rather than the commoner "from": the pattern's "from now" holds it
  needs: ['ago', 'earlier', 'before', 'prior', 'now', 'hence'],
  pattern: rx(`(?:(about|around|nearly|almost|some|roughly|more\\s+than|less\\s+than|just|only)\\s+)?${NUM}(?:\\s+|-)${UNIT}(\\s+or\\s+so)?\\s+(ago|earlier|before|prior|from\\s+now|hence)`),
  extract: (m, ctx) => {
    // "two days before the vote": "before" is a preposition, and TimeML marks the duration alone
    // (the DURATION parser); only "two days before," standing alone is a date
    if (/^(before|prior)$/i.test(m[5]!) && !ADVERB_END.test(ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 8))) return null;
    const n = parseNumber(m[2]!);
    const unit = m[3]!;
    const dir = /^(ago|earlier|before|prior)$/i.test(m[5]!) ? -1 : 1;
    const mod = m[1] ? approxMod(m[1]) : m[4] ? 'APPROX' : undefined;
    const extra = mod ? { mod } : {};
    if (n === null || !Number.isInteger(n)) {
      return { type: 'DATE', value: dir < 0 ? 'PAST_REF' : 'FUTURE_REF', ...extra };
    }
    if (!ctx.ref) return { type: 'DATE', value: UNANCHORED[granularity(unit)], ...extra };
    const u = UNITS[unitKey(unit)];
    if (u?.time) return { type: 'TIME', value: fmtDate(ctx.ref), anchored: true, ...extra };
    const value = shifted(ctx.ref, dir * n, unit);
    const relative = /^(earlier|before)$/i.test(m[5]!);
    const focus = n === 1 && dir < 0 && unitKey(unit) === 'year' ? { focus: 'year-before' as const }
      : relative && /^(day|night|week)$/.test(unitKey(unit)) ? { focus: 'shift' as const, offset: dir * n * (unitKey(unit) === 'week' ? 7 : 1) } : {};
    return value ? { type: 'DATE', value, anchored: true, ...extra, ...focus } : null;
  },
};

function approxMod(w: string): string | undefined {
  const k = w.toLowerCase().replace(/\s+/g, ' ');
  if (/^(about|around|some|roughly|approximately|nearly|almost)$/.test(k)) return 'APPROX';
  if (k === 'more than' || k === 'over') return 'MORE_THAN';
  if (k === 'less than' || k === 'under') return 'LESS_THAN';
  if (k === 'at least') return 'EQUAL_OR_MORE';
  if (k === 'up to' || k === 'no more than') return 'EQUAL_OR_LESS';
  if (k === 'no less than') return 'EQUAL_OR_MORE';
  return undefined;
}

/** Words after which "over" means "more than" ("lasted over a week", "just over an hour"). */
const OVER_AS_MORE_THAN_AFTER = /^(last|lasts|lasted|lasting|just|for|took|take|takes|taking|taken|wait|waited|in|of|after|within|than|be|been|is|was|are|were|only|still|well)$/;

/** Durations: "the past two days", "two years", "48 hours", "a decade", "several years", "two-year", "two more weeks", "eight trading days". */
const DURATION: Parser = {
  name: 'duration',
  // every match holds a UNIT ("fortnight" holds "night", "centuries" "centur")
  needs: ['second', 'minute', 'hour', 'day', 'night', 'week', 'month', 'quarter', 'year', 'decade', 'centur'],
  pattern: rx(
    `(?:(the)\\s+)?(?:(past|last|next|previous|coming|first|final|following|latest|recent|initial|remaining|ensuing|preceding|other)\\s+)?` +
      `(?:(nearly|almost|about|around|no\\s+more\\s+than|no\\s+less\\s+than|more\\s+than|over|roughly|approximately|at\\s+least|less\\s+than|up\\s+to|some)\\s+)?` +
      `(?:(\\d+|${TENS}|${ONES}|ten|eleven|twelve)\\s+(?:to|or)\\s+)?${NUM}(\\s+1/2|\\s+and\\s+a\\s+half)?(?:\\s+|-)(?:(?:more|additional|extra|further|trading|business|working)\\s+)?${UNIT}(\\s+and\\s+a\\s+half)?(\\s+or\\s+so)?`,
  ),
  extract: (m, ctx) => {
    const numText = m[5]!;
    const whole = parseNumber(numText);
    if (whole === null && !VAGUE_NUMBERS.has(numText.toLowerCase().replace(/\s+/g, ' '))) return null;
    // a range ("two to three weeks", "12 to 18 months"): an amount not given exactly
    const n = m[4] ? null : whole !== null && (m[6] || m[8]) ? whole + 0.5 : whole;
    const unit = m[7]!;
    const plural = /s$/i.test(unit);
    const lowerNum = numText.toLowerCase();
    // "Islam will one day be …": an unspecified time to come, not a day-long duration
    if (lowerNum === 'one' && /^day$/i.test(unit) && !m[1] && !m[2] && !m[3] && /^(will|would|could|might|may|can|should|must)$/.test(wordBefore(ctx.text, m.index))) {
      return { type: 'DATE', value: 'FUTURE_REF' };
    }
    if ((lowerNum === 'a' || lowerNum === 'an' || n === 1) && plural && unitKey(unit) !== 'century') return null;
    if (n !== null && n >= 1900 && n < 2100 && !plural) return null; // "the 1988 quarter" is a date
    // "(to) last over a week": "last" is the verb, not a determiner
    const verbLast = !m[1] && m[2] !== undefined && m[3] !== undefined;
    // "over" means "more than" after a word of length ("lasted over a week", "just over an hour");
    // elsewhere it is the preposition "during" ("used over three years"), outside the expression
    const during = m[3]?.toLowerCase() === 'over' && !m[1] && !m[2] && !OVER_AS_MORE_THAN_AFTER.test(wordBefore(ctx.text, m.index));
    const modWord = during ? undefined : m[3];
    const mod = modWord ? approxMod(modWord) : m[9] ? 'APPROX' : undefined;
    // a count followed by "-year-old" or "years old" is an age, not a duration
    const rest = ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 8);
    if (/^(-old|\s+old\b)/i.test(rest)) return null;
    // fractions: "three-quarters of its food", "more than a quarter of the market" (a vague count is
    // never a fraction: "several quarters of losses")
    if (unitKey(unit) === 'quarter' && whole !== null && (/^\s+of\b/i.test(rest) || /-quarters$/i.test(m[0]))) return null;
    // "a second group": an ordinal
    // ("a second-place finish", "a second-largest")
    if (unitKey(unit) === 'second' && (lowerNum === 'a' || lowerNum === 'an') && (/^-[a-z]/.test(rest) || (/^\s+[a-z]/.test(rest) && !/^\s+(ago|later|earlier|before|after|or|and)\b/.test(rest)))) return null;
    // "$5 a year", "four flights a week": a rate
    if ((lowerNum === 'a' || lowerNum === 'an') && !m[1] && !m[2] && !m[3] && isRate(ctx.text, m.index)) return null;
    if (m[4] && (whole === null || (parseNumber(m[4]) ?? 0) >= whole)) return null;
    // adjectival "the two-week (talks)": the article belongs to the noun, not to the duration
    const adjectival = !plural && !m[8] && m[0][m[0].length - unit.length - 1] === '-';
    const start = adjectival && (m[1] || m[2]) && !m[6] ? m.index + m[0].length - numText.length - 1 - unit.length
      : during ? m.index + m[0].indexOf(m[3]!) + m[3]!.length + 1
      : verbLast ? m.index + m[0].indexOf(m[3]!)
      : undefined;
    const keepsMod = start === undefined || verbLast;
    return { type: 'DURATION', value: durationValue(n, unit), ...(mod && keepsMod ? { mod } : {}), ...(start !== undefined ? { start } : {}) };
  },
};

/** Prepositions before "the next year" that make it a span of time ("over the next year"). */
const SPAN_PREPOSITIONS = /^(in|for|over|during|within|throughout|through|into|across|of)$/;

/** "the next year" as a date, the one after the time in focus: in a past-tense clause, not after a span preposition. */
function nextUnitIsDate(m: RegExpExecArray, ctx: Ctx): boolean {
  return !SPAN_PREPOSITIONS.test(wordBefore(ctx.text, m.index)) && ctx.tense(m.index, m.index + m[0].length) === 'past';
}

/** "the past week", "the coming months", "the last decade": one (or an unspecified number of) unit. */
const PAST_UNIT: Parser = {
  name: 'past-unit',
  needs: ['past', 'last', 'previous', 'coming', 'next', 'following'],
  pattern: rx('(?:(the)\\s+)?(past|last|previous|coming|next|following)\\s+(day|week|month|year|decade|century|hour|days|weeks|months|years|decades|hours)(\\s+or\\s+so)?'),
  extract: (m, ctx) => {
    const det = m[2]!.toLowerCase();
    const unit = m[3]!.toLowerCase();
    // "last week", "next year" without an article are dates (this-unit); "the past week" is a duration
    if (!m[1] && (det === 'last' || det === 'next') && !unit.endsWith('s')) return null;
    if (det === 'following' && !m[1]) return null;
    if (m[1] && det === 'next' && /^(week|month|year)$/.test(unit) && !m[4] && nextUnitIsDate(m, ctx)) return null; // that-unit's
    // "the past year", "the last decade": the calendar unit before the article's, as TimeBank and
    // AQUAINT mark them (4 of 5 such singulars); plural and counted ones stay durations
    if (m[1] && (det === 'past' || det === 'last') && /^(week|month|year|decade)$/.test(unit)) {
      if (!ctx.ref) return { type: 'DATE', value: unit === 'decade' ? 'XXX' : UNANCHORED[granularity(unit)] };
      const value = unit === 'decade' ? String(Math.floor(ctx.ref.y / 10) - 1) : shifted(ctx.ref, -1, unit)!;
      return { type: 'DATE', value, anchored: true, ...(m[4] ? { mod: 'APPROX' } : {}) };
    }
    return { type: 'DURATION', value: durationValue(unit.endsWith('s') && unit !== 'centuries' ? null : 1, unit), ...(m[4] ? { mod: 'APPROX' } : {}) };
  },
};

/** Bare plural units: "for years", "weeks of talks", "over the years" → PXY, PXW. */
const VAGUE_UNITS: Parser = {
  name: 'vague-units',
  needs: ['years', 'months', 'weeks', 'days', 'hours', 'decades', 'centuries'],
  pattern: rx('(?:the\\s+(?:(early|later?)\\s+)?(?=years|decades))?(years|months|weeks|days|hours|decades|centuries)'),
  extract: (m, ctx) => {
    const before = wordBefore(ctx.text, m.index);
    const unit = m[2]!.toLowerCase();
    // "within days", "for hours": the short units only after words of length ("a matter of days" is not a time)
    const lengthWords = unit === 'days' || unit === 'hours' ? /^(for|within|after|over|took|takes|take|lasted|last|spent|spend)$/ : /^(for|in|over|within|after|of|from|took|takes|take|lasted|last|spent|spend|through|throughout)$/;
    // "over the years", "in the early years": the article only before years and decades
    if (!lengthWords.test(before)) return null;
    // "a matter of months": an amount, not a time
    if (before === 'of' && /\bmatter\s+of\s+$/i.test(ctx.text.slice(Math.max(0, m.index - 12), m.index))) return null;
    if (/^the\s/i.test(m[0]) && !/^(in|over|through|throughout|during)$/.test(before)) return null;
    const after = wordAfter(ctx.text, m.index + m[0].length).toLowerCase();
    if (after === 'ago' || after === 'old' || after === 'later' || after === 'earlier') return null;
    // decades are counted in years, as for "two decades" (P20Y)
    const value = unit === 'decades' ? 'PXY' : unit === 'centuries' ? 'PXCE' : unit === 'hours' ? 'PTXH' : `PX${unit[0]!.toUpperCase()}`;
    return { type: 'DURATION', value };
  },
};

/**
 * "the weeks ahead": an unspecified stretch to come; "(in) the days before the shooting": the
 * plural unit is marked, the article and the event it is anchored to are not.
 */
const UNITS_AROUND: Parser = {
  name: 'units-around',
  needs: ['days', 'weeks', 'months'],
  pattern: rx('the\\s+(days|weeks|months)(?:\\s+(ahead)|(?=\\s+(?:before|after|following|leading|since|prior)\\b))'),
  extract: (m) => {
    const value = `PX${m[1]![0]!.toUpperCase()}`;
    if (m[2]) return { type: 'DURATION', value };
    return { type: 'DURATION', value, start: m.index + m[0].length - m[1]!.length };
  },
};

/** "(just) months ago", "years ago": an unspecified time back (counted ones are the AGO parser's). */
const UNITS_AGO: Parser = {
  name: 'units-ago',
  needs: ['ago'],
  pattern: rx('(?:days|weeks|months|years|decades)\\s+ago'),
  extract: () => ({ type: 'DATE', value: 'PAST_REF' }),
};

/** Adjectives of length: "a day-long strike", "a decades-long embargo", "a two-week-long visit". */
const LONG_ADJECTIVE: Parser = {
  name: 'long-adjective',
  needs: ['-long'],
  // matched from the unit; the count before it is read in extract, which keeps the scan cheap
  pattern: rx(`${UNIT}-long`),
  extract: (m, ctx) => {
    const unit = m[1]!;
    const plural = /s$/i.test(unit);
    const count = COUNT_BEFORE.exec(ctx.text.slice(Math.max(0, m.index - 24), m.index));
    // the article belongs to the noun: "a day-long strike" → "day-long"
    const numText = count && !/^an?$/i.test(count[1]!) ? count[1]! : undefined;
    const n = numText ? parseNumber(numText) : plural ? null : 1;
    if (numText && n === null && !VAGUE_NUMBERS.has(numText.toLowerCase().replace(/\s+/g, ' '))) return null;
    const value = n === null && unitKey(unit) === 'decade' ? 'PXY' : durationValue(n, unit);
    return { type: 'DURATION', value, ...(numText ? { start: m.index - count![0].length + count![0].indexOf(numText) } : {}) };
  },
};
/** A count right before a hyphenated unit ("two-week-long"). */
const COUNT_BEFORE = new RegExp(`(?:^|[^\\w'])${NUM}-$`, 'i');

/** "for a while", "in a little while": an unspecified amount of time. */
const A_WHILE: Parser = {
  name: 'a-while',
  needs: ['while'],
  pattern: rx('a\\s+(?:little\\s+|long\\s+|short\\s+)?while'),
  extract: (m, ctx) => {
    if (!/^(for|in|after|within|took|take|takes)$/.test(wordBefore(ctx.text, m.index))) return null;
    return { type: 'DURATION', value: 'PXX' };
  },
};

/** "year-ago", "the year-earlier quarter", "the year-ago third quarter": the year before. */
const YEAR_AGO_ADJ: Parser = {
  name: 'year-ago-adj',
  needs: ['year-'],
  pattern: rx('(?:the\\s+)?(?:(?:comparable|corresponding|same)\\s+)?year-(?:ago|earlier)(?:\\s+(?:(first|second|third|fourth)[\\s-]+)?(quarter|period))?'),
  extract: (m, ctx) => {
    if (!ctx.ref) return { type: 'DATE', value: UNANCHORED.year };
    const q = m[1] ? ORDINALS[m[1].toLowerCase()]! : null;
    if (q) return { type: 'DATE', value: `${fmtYear(ctx.ref.y - 1)}-Q${q}`, anchored: true };
    return { type: 'DATE', value: fmtYear(ctx.ref.y - 1), anchored: true, focus: 'year-before' };
  },
};

/**
 * "the corresponding period last year", "the quarter a year ago", "last year's quarter": the
 * period in focus, a year back.
 */
const PERIOD_YEAR_BEFORE: Parser = {
  name: 'period-year-before',
  needs: ['period', 'quarter'],
  pattern: rx(
    "(?:(?:the\\s+)?(?:(?:corresponding|comparable|same)\\s+)?(?:period|quarter)\\s+(?:of\\s+)?(?:last\\s+year|a\\s+year\\s+(?:ago|earlier))" +
      "|last\\s+year's\\s+(?:(?:corresponding|comparable|same)\\s+)?(?:period|quarter))",
  ),
  extract: (_m, ctx) => {
    if (!ctx.ref) return { type: 'DATE', value: UNANCHORED.year };
    return { type: 'DATE', value: fmtYear(ctx.ref.y - 1), anchored: true, focus: 'year-before' };
  },
};

/** "the 1988 quarter", "the 1989 period": that year, at the quarter in focus. */
const YEAR_PERIOD: Parser = {
  name: 'year-period',
  needs: ['quarter', 'period'],
  pattern: rx(`the\\s+${YEAR}\\s+(?:(first|second|third|fourth)[\\s-]+)?(quarter|period)`),
  extract: (m) => {
    const q = m[2] ? ORDINALS[m[2].toLowerCase()]! : null;
    if (q) return { type: 'DATE', value: `${m[1]}-Q${q}` };
    return { type: 'DATE', value: m[1]!, focus: 'in-year' };
  },
};

/** Reference words: "now", "currently", "recently", "the past", "the future", "soon", "recent years". */
const REF_WORDS: Record<string, [TimeType, string]> = {
  now: ['DATE', 'PRESENT_REF'], currently: ['DATE', 'PRESENT_REF'],
  'at present': ['DATE', 'PRESENT_REF'], presently: ['DATE', 'PRESENT_REF'], nowadays: ['DATE', 'PRESENT_REF'],
  'these days': ['DATE', 'PRESENT_REF'], 'the present': ['DATE', 'PRESENT_REF'], 'at the moment': ['DATE', 'PRESENT_REF'],
  current: ['DATE', 'PRESENT_REF'],
  recently: ['DATE', 'PAST_REF'], 'more recently': ['DATE', 'PAST_REF'], 'most recently': ['DATE', 'PAST_REF'],
  lately: ['DATE', 'PAST_REF'], 'the past': ['DATE', 'PAST_REF'],
  'recent years': ['DATE', 'PAST_REF'],
  'recent decades': ['DATE', 'PAST_REF'], 'recent months': ['DURATION', 'PXM'], 'recent weeks': ['DURATION', 'PXW'],
  'recent days': ['DURATION', 'PXD'],
  'the future': ['DATE', 'FUTURE_REF'], 'the near future': ['DATE', 'FUTURE_REF'], 'the foreseeable future': ['DATE', 'FUTURE_REF'],
  future: ['DATE', 'FUTURE_REF'], 'the coming days': ['DATE', 'FUTURE_REF'],
  // "(cut taxes in) future quarters": the unit belongs to the expression
  'future days': ['DATE', 'FUTURE_REF'], 'future weeks': ['DATE', 'FUTURE_REF'], 'future months': ['DATE', 'FUTURE_REF'],
  'future quarters': ['DATE', 'FUTURE_REF'], 'future years': ['DATE', 'FUTURE_REF'], 'future decades': ['DATE', 'FUTURE_REF'],
  'the coming weeks': ['DATE', 'FUTURE_REF'], 'the coming months': ['DATE', 'FUTURE_REF'], 'the coming years': ['DATE', 'FUTURE_REF'],
  // "(challenges of) the near term", "(placate holders in) the short term"; the adjectives ("short-term debt") are not times
  'the near term': ['DATE', 'FUTURE_REF'], 'the short term': ['DATE', 'FUTURE_REF'], 'the long term': ['DATE', 'FUTURE_REF'],
};

const REF_WORD: Parser = {
  name: 'ref-word',
  // one of these is in each of the REF_WORDS
  needs: ['now', 'current', 'present', 'these', 'moment', 'recent', 'lately', 'past', 'future', 'coming', 'term'],
  pattern: rx(`(${alt(Object.keys(REF_WORDS))})`),
  extract: (m, ctx) => {
    const key = m[1]!.toLowerCase().replace(/\s+/g, ' ');
    const before = wordBefore(ctx.text, m.index);
    if (key === 'future') {
      // "future" alone: only as a noun ("in future", "for the future" is handled by "the future")
      if (!/^(in|for|near)$/.test(before)) return null;
    }
    if (key === 'current') {
      // an adjective before a time noun is part of a larger expression, not PRESENT_REF on its own
      const after = wordAfter(ctx.text, m.index + m[0].length).toLowerCase();
      if (/^(account|affairs|events|accounts|issue|form|version|members?|president|leader|state|situation|system|crisis|rules?|law|government|administration|trend|rate|prices?)$/.test(after)) return null;
    }
    if (key === 'now' && /^(until|till|from|by|right|just)$/.test(before) === false && /^(and|even)$/.test(before)) {
      return null;
    }
    // "the now-defunct National Review": part of an adjective
    if (key === 'now' && ctx.text[m.index + m[0].length] === '-') return null;
    // "from Current TV", "of Future Group": a capitalised word inside a sentence, before a name, is the name's
    if (isCapitalized(m[0]) && /[\p{L}\d,;]\s*$/u.test(ctx.text.slice(Math.max(0, m.index - 3), m.index)) && isCapitalized(wordAfter(ctx.text, m.index + m[0].length))) return null;
    const [type, value] = REF_WORDS[key]!;
    return { type, value };
  },
};

/** Clock times: "10:30 a.m.", "3 p.m.", "noon", "10:35 a.m. EDT". */
const CLOCK: Parser = {
  name: 'clock',
  needs: ['am', 'pm', 'a.m', 'p.m', ':', "o'clock", 'noon', 'midday', 'midnight'],
  pattern: rx(`(?:(\\d{1,2})(?:[:.](\\d\\d))?\\s*(a\\.m\\.?|p\\.m\\.?|am|pm)|(\\d{1,2}):(\\d\\d)(?=\\s+(?:${alt(TIME_ZONES)}|o'clock)(?!\\w))|(\\d{1,2})\\s+o'clock|(noon|midday|midnight))(?:\\s+(${alt(TIME_ZONES)}))?`),
  extract: (m, ctx) => {
    let h: number;
    let min = 0;
    if (m[7]) {
      const w = m[7].toLowerCase();
      h = w === 'midnight' ? 24 : 12;
    } else if (m[1]) {
      h = +m[1];
      min = m[2] ? +m[2] : 0;
      const pm = m[3]!.toLowerCase().startsWith('p');
      if (h < 1 || h > 12) return null;
      if (pm && h < 12) h += 12;
      if (!pm && h === 12) h = 0;
    } else if (m[4]) {
      h = +m[4];
      min = +m[5]!;
    } else {
      h = +m[6]!;
    }
    if (h > 24 || min > 59) return null;
    if (m[7] && wordBefore(ctx.text, m.index) === 'high') return null; // "high noon"
    // "a.m." at a sentence end may swallow the full stop; the span keeps it as written
    const clock = fmtClock(h, min);
    if (!ctx.ref) return { type: 'TIME', value: `${UNANCHORED.day}${clock}` };
    // a clock time on a line of its own heads a live report's entry ("___ / 2 p.m. / Hillary Clinton is …"): the article's day
    if (/(?:^|\n)[ \t]*$/.test(ctx.text.slice(Math.max(0, m.index - 20), m.index)) && /^[ \t.:]*(?:\r?\n|$)/.test(ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 20))) {
      return { type: 'TIME', value: fmtDate(ctx.ref) + clock, anchored: true };
    }
    // a bare clock time is on the day in focus (refiners.ts `followFocus`), the article's day when none is
    return { type: 'TIME', value: fmtDate(ctx.ref) + clock, anchored: true, focus: 'clock' };
  },
};

/**
 * The 24-hour clock after a preposition: "at 14:30", "from 23:00 to 05:00", "until 18:00" (the
 * preposition keeps scores and ratios out: "won 2:1", "a 16:9 screen"). On the day in focus, as
 * other clock times.
 */
const CLOCK_PREPOSITION = /^(at|from|until|till|to|by|after|before|around|about|since|between|and)$/;
const CLOCK_24: Parser = {
  name: 'clock-24',
  needs: [':'],
  // (the preposition is read in extract: a lookbehind at the start of the pattern ran at every position of the text)
  pattern: rx('([01]?\\d|2[0-4]):([0-5]\\d)(?![:.]?\\d|\\s*(?:a\\.?m\\b|p\\.?m\\b|am\\b|pm\\b))'),
  extract: (m, ctx) => {
    if (!CLOCK_PREPOSITION.test(wordBefore(ctx.text, m.index))) return null;
    const h = +m[1]!;
    const min = +m[2]!;
    if (h === 24 && min > 0) return null;
    const clock = fmtClock(h, min);
    if (!ctx.ref) return { type: 'TIME', value: `${UNANCHORED.day}${clock}` };
    return { type: 'TIME', value: fmtDate(ctx.ref) + clock, anchored: true, focus: 'clock' };
  },
};

/**
 * Parts of the day without a named day: "(by) mid-afternoon", "mid-afternoon yesterday", "(orders
 * placed in) the morning", "4 in the morning". They fall on the day in focus (refiners.ts
 * `followFocus`), the article's day when none is.
 */
const DAY_PART: Parser = {
  name: 'day-part',
  needs: ['morning', 'afternoon', 'evening'],
  pattern: rx(
    `(?:(\\d{1,2})\\s+in\\s+the\\s+(morning|afternoon|evening)|the\\s+(morning|afternoon|evening)|mid[\\s-]?(morning|afternoon))(?:\\s+(yesterday|today|tomorrow))?`,
  ),
  extract: (m, ctx) => {
    const partWord = (m[2] ?? m[3] ?? m[4])!.toLowerCase();
    // "the morning" alone only as a time of the day's events: "in the morning", "during the afternoon"
    if (m[3] && !/^(in|during|through|throughout)$/.test(wordBefore(ctx.text, m.index))) return null;
    if (m[3] && /^\s+(of|after|before|when|that)\b/i.test(ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 8))) return null;
    let clock = `T${DAY_PARTS[partWord]}`;
    if (m[1]) {
      let h = +m[1];
      if (h < 1 || h > 12) return null;
      if (partWord !== 'morning' && h < 12) h += 12;
      if (partWord === 'morning' && h === 12) h = 0;
      clock = fmtClock(h, 0);
    }
    const day = m[5]?.toLowerCase();
    const offset = day === 'yesterday' ? -1 : day === 'tomorrow' ? 1 : 0;
    if (!ctx.ref) return { type: 'TIME', value: `${UNANCHORED.day}${clock}` };
    return { type: 'TIME', value: fmtDate(addDays(ctx.ref, offset)) + clock, anchored: true, ...(day ? {} : { focus: 'clock' as const }) };
  },
};

/** Recurrences: "every week", "daily", "each year", "twice a year", "$5 a day". */
const SET_UNIT: Record<string, string> = {
  day: 'P1D', week: 'P1W', month: 'P1M', year: 'P1Y', quarter: 'P1Q', hour: 'PT1H', minute: 'PT1M',
  morning: 'TMO', night: 'TNI', evening: 'TEV', afternoon: 'TAF', weekend: 'P1WE',
  daily: 'P1D', weekly: 'P1W', monthly: 'P1M', annually: 'P1Y', yearly: 'P1Y', quarterly: 'P3M',
  hourly: 'PT1H', nightly: 'TNI', biweekly: 'P2W', biannually: 'P6M', semiannually: 'P6M',
};

const EVERY: Parser = {
  name: 'every',
  needs: ['every', 'each'],
  pattern: rx(`(every|each)\\s+(?:(other)\\s+|${NUM}\\s+)?(days?|weeks?|months?|years?|quarters?|hours?|minutes?|morning|night|evening|afternoon|weekend)`),
  extract: (m) => {
    const unit = unitKey(m[4]!);
    const n = m[3] ? parseNumber(m[3]) : m[2] ? 2 : 1;
    if (n === null) return null;
    if (n === 1) return { type: 'SET', value: SET_UNIT[unit]! };
    return { type: 'SET', value: durationValue(n, unit) };
  },
};

/** "each July", "every March": that month of every year. */
const EVERY_MONTH: Parser = {
  name: 'every-month',
  needs: ['every', 'each'],
  pattern: rx(`(?:every|each)\\s+${MONTH}`),
  extract: (m) => {
    if (!isCapitalized(m[1]!) || isAbbreviation(m[1]!.toLowerCase())) return null;
    return { type: 'SET', value: `XXXX-${String(MONTHS[m[1]!.toLowerCase()]).padStart(2, '0')}` };
  },
};

const ADVERB_SET: Parser = {
  name: 'set-adverb',
  needs: ['daily', 'weekly', 'monthly', 'annually', 'yearly', 'quarterly', 'hourly', 'nightly'],
  pattern: rx('(daily|weekly|monthly|annually|yearly|quarterly|hourly|nightly|biweekly|semiannually|biannually)'),
  extract: (m, ctx) => {
    const w = m[1]!;
    // "quarterly dividend", "quarterly results": the reporting period of a company, not a recurrence
    // (TimeBank marks 1 of its 10, as a duration); "his weekly radio address", like "daily life", is one
    if (/^quarterly$/i.test(w) && /^[a-z]/.test(wordAfter(ctx.text, m.index + m[0].length))) return null;
    // "China Daily", "Weekly Standard": a title, not a recurrence
    if (isCapitalized(w) && /^[A-Z]/.test(ctx.text.slice(Math.max(0, m.index - 30), m.index).replace(/\s+$/, '').split(/\s/).pop() ?? '')) return null;
    // "the Daily Beast", "the Weekly Standard"
    if (isCapitalized(w) && /^[ \t]+[A-Z][a-z]/.test(ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 4))) return null;
    return { type: 'SET', value: SET_UNIT[w.toLowerCase()]! };
  },
};

/** Before "a year", "a week": an amount or a plural count, so the phrase is a rate ("$5 a year", "four flights a week"). */
function isRate(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 24), at);
  if (/(\d[\d,.]*\s*(%|percent|million|billion|thousand)?|twice|once|times|thrice|hours|days)\s*$/i.test(before)) return true;
  const w = /([A-Za-z]+)\s+$/.exec(before)?.[1]?.toLowerCase() ?? '';
  return w.length > 3 && /[^s]s$/.test(w) && !/^(was|has|does|goes|this|thus|always|perhaps|towards|afterwards|news|means|series|its|his|hers|ours|yours|theirs|across|less|unless)$/.test(w);
}

/** "twice a year", "three times a week", "once a month": a frequency, a SET over that unit (TimeML). */
const FREQUENCY: Parser = {
  name: 'set-frequency',
  needs: ['once', 'twice', 'thrice', 'times'],
  pattern: rx(`(?:once|twice|thrice|(?:${ONES}|ten|\\d+)\\s+times)\\s+(?:a|an|per|every|each)\\s+(day|week|month|quarter|year|hour)(?!\\s+(?:ago|earlier|before|later)\\b)`),
  extract: (m) => ({ type: 'SET', value: SET_UNIT[m[1]!.toLowerCase()]! }),
};

/** "each spring", "every summer": that season of every year. */
const EVERY_SEASON: Parser = {
  name: 'every-season',
  needs: ['every', 'each'],
  pattern: rx('(?:every|each)\\s+(spring|summer|fall|autumn|winter)'),
  extract: (m) => ({ type: 'SET', value: `XXXX-${SEASONS[m[1]!.toLowerCase()]}` }),
};

const RATE: Parser = {
  name: 'set-rate',
  needs: ['day', 'week', 'month', 'year', 'hour', 'minute'],
  pattern: rx('(a|an|per)\\s+(day|week|month|year|hour|minute)'),
  extract: (m, ctx) => {
    // "$5 a year", "four flights a week": TimeBank leaves such rates unmarked; "per year" is kept
    if (m[1]!.toLowerCase() !== 'per') return null;
    if (isRate(ctx.text, m.index)) return null;
    return { type: 'SET', value: SET_UNIT[m[2]!.toLowerCase()]! };
  },
};

/** Easter Sunday of year y (the Gregorian computus, Meeus/Jones/Butcher). */
export function easterSunday(y: number): Ymd {
  const a = y % 19;
  const b = Math.floor(y / 100);
  const c = y % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const mm = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * mm + 114) / 31);
  return { y, m: month, d: ((h + l - 7 * mm + 114) % 31) + 1 };
}

/** The n-th weekday `wd` (ISO, Monday = 1) of a month. */
function nthWeekday(y: number, month: number, wd: number, n: number): Ymd {
  const first = isoWeekday({ y, m: month, d: 1 });
  return { y, m: month, d: 1 + ((wd - first + 7) % 7) + 7 * (n - 1) };
}

/** The last weekday `wd` (ISO) of a month. */
function lastWeekday(y: number, month: number, wd: number): Ymd {
  const fifth = nthWeekday(y, month, wd, 5);
  return fifth.d <= daysInMonth(y, month) ? fifth : nthWeekday(y, month, wd, 4);
}

const thanksgiving = (y: number): Ymd => nthWeekday(y, 11, 4, 4);

/**
 * Holidays whose date moves: US Thanksgiving (fourth Thursday of November), US Election Day (the
 * Tuesday after the first Monday of November), Easter and the days beside it, the US federal
 * holidays on a Monday, Mother's and Father's Day, and the shopping days after Thanksgiving.
 */
const MOVABLE_HOLIDAYS: Record<string, (y: number) => Ymd> = withCurlyApostrophes({
  thanksgiving,
  'thanksgiving day': thanksgiving,
  'black friday': (y) => addDays(thanksgiving(y), 1),
  'cyber monday': (y) => addDays(thanksgiving(y), 4),
  'election day': (y) => addDays(nthWeekday(y, 11, 1, 1), 1),
  easter: easterSunday,
  'easter sunday': easterSunday,
  'good friday': (y) => addDays(easterSunday(y), -2),
  'easter monday': (y) => addDays(easterSunday(y), 1),
  'labor day': (y) => nthWeekday(y, 9, 1, 1),
  'memorial day': (y) => lastWeekday(y, 5, 1),
  'martin luther king day': (y) => nthWeekday(y, 1, 1, 3),
  'martin luther king jr. day': (y) => nthWeekday(y, 1, 1, 3),
  'mlk day': (y) => nthWeekday(y, 1, 1, 3),
  'presidents day': (y) => nthWeekday(y, 2, 1, 3),
  "presidents' day": (y) => nthWeekday(y, 2, 1, 3),
  "mother's day": (y) => nthWeekday(y, 5, 7, 2),
  "father's day": (y) => nthWeekday(y, 6, 7, 3),
});

/** A capitalised word after a holiday that makes it part of a name (not a month, a weekday or a part of the day). */
const PART_OF_NAME = /^[ \t]+(?!(?:Day|Eve|Morning|Afternoon|Evening|Night|Weekend|Week|Season|Holidays?)\b)([A-Z][a-z]+)/;

/** Holidays: fixed ("Christmas"), movable ("Thanksgiving", "Election Day", "Easter"), and "Easter week" (its ISO week). */
const HOLIDAY: Parser = {
  name: 'holiday',
  // (ASCII and lower case, so "Mother’s Day" with its typographic apostrophe passes through "mother")
  needs: [
    'christmas', 'new year', 'valentine', 'halloween', 'thanksgiving', 'election', 'easter', 'fourth of july', 'july fourth', 'veterans',
    'remembrance day', 'armistice day', 'boxing day', 'bastille day', 'may day', 'victory day', 'groundhog day', 'patrick', 'inauguration day',
    'black friday', 'cyber monday', 'good friday', 'labor day', 'memorial day', 'king day', 'king jr', 'mlk day', 'presidents', 'mother', 'father',
  ],
  pattern: rx(`(?:(last|next|this)\\s+)?(${alt([...Object.keys(HOLIDAYS), ...Object.keys(MOVABLE_HOLIDAYS)])})(\\s+week)?(?:\\s+${YEAR})?`),
  extract: (m, ctx) => {
    if (!isCapitalized(m[2]!)) return null;
    const det = m[1]?.toLowerCase();
    const key = m[2]!.toLowerCase().replace(/\s+/g, ' ');
    const week = m[3] !== undefined;
    // "Easter week"; not "Christmas week" or "Election Day week", which no dev set marks
    if (week && !key.startsWith('easter')) return null;
    // "Election Day" is a date only as written, capitalised
    if (key === 'election day' && !/^Election\s+Day$/.test(m[2]!)) return null;
    // "Easter Island", "Christmas Island", "the Easter Rising": a name, not the day
    const name = !m[3] && !m[4] ? PART_OF_NAME.exec(ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 20)) : null;
    if (name && !(name[1]!.toLowerCase() in MONTHS) && !(name[1]!.toLowerCase() in WEEKDAYS)) return null;
    const explicitYear = m[4] ? +m[4] : null;
    const dateIn = (y: number): Ymd => {
      const movable = MOVABLE_HOLIDAYS[key];
      if (movable) return movable(y);
      const [mo, d] = HOLIDAYS[key]!;
      return { y, m: mo, d };
    };
    const fmt = (t: Ymd) => (week ? fmtWeek(t) : fmtDate(t));
    if (explicitYear !== null) return { type: 'DATE', value: fmt(dateIn(explicitYear)) };
    if (!ctx.ref) return { type: 'DATE', value: week ? UNANCHORED.week : UNANCHORED.day };
    const probe = dateIn(ctx.ref.y);
    if (det) {
      const c = compare(probe, ctx.ref);
      const y = det === 'last' ? (c < 0 ? ctx.ref.y : ctx.ref.y - 1) : det === 'next' ? (c > 0 ? ctx.ref.y : ctx.ref.y + 1) : ctx.ref.y;
      return { type: 'DATE', value: fmt(dateIn(y)), anchored: true };
    }
    if (key === 'election day') {
      // a day that campaigns count down to: the coming one, unless a verb close by puts it in the past ("after Election Day, Clinton won")
      const near = DEADLINE_BEFORE.test(ctx.text.slice(Math.max(0, m.index - 30), m.index)) ? 'future' : ctx.tense(m.index, m.index + m[0].length, EVENT_TENSE_REACH);
      const coming = compare(probe, ctx.ref) >= 0 ? ctx.ref.y : ctx.ref.y + 1;
      const last = compare(probe, ctx.ref) < 0 ? ctx.ref.y : ctx.ref.y - 1;
      // (the last one only while it is recent: "I have decided that on Election Day, I will vote" in September is the coming one)
      const recent = compare(ctx.ref, addMonths(dateIn(last), 6)) <= 0;
      return { type: 'DATE', value: fmt(dateIn(near === 'past' && recent ? last : coming)), anchored: true };
    }
    const y = yearFor(ctx.ref, probe.m, probe.d, ctx.tense(m.index, m.index + m[0].length));
    return { type: 'DATE', value: fmt(dateIn(y)), anchored: true };
  },
};

/** Years in words: "nineteen ninety-six", "the year two thousand", "the nineties". */
const TEENS = 'ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen';
const YEAR_WORDS: Parser = {
  name: 'year-words',
  needs: ['nineteen', 'thousand', 'twenties', 'thirties', 'forties', 'fifties', 'sixties', 'seventies', 'eighties', 'nineties'],
  pattern: rx(
    `(?:the\\s+year\\s+)?(?:(nineteen)[\\s-]+(?:(${TENS})(?:[\\s-]+(${ONES}))?|(${TEENS})|(?:oh|o)[\\s-]+(${ONES}))` +
      `|(two\\s+thousand)(?:\\s+(?:and\\s+)?(${ONES}|${TEENS}))?)` +
      `|the\\s+(?:(early|mid|late)[\\s-]+)?(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)`,
  ),
  extract: (m, ctx) => {
    const words = (w: string | undefined) => (w ? NUMBER_WORDS[w.toLowerCase()] ?? 0 : 0);
    if (m[9]) {
      const decade = { twenties: 2, thirties: 3, forties: 4, fifties: 5, sixties: 6, seventies: 7, eighties: 8, nineties: 9 }[m[9].toLowerCase()]!;
      const mod = m[8] ? ({ early: 'START', mid: 'MID', late: 'END' } as Record<string, string>)[m[8].toLowerCase()] : undefined;
      return { type: 'DATE', value: `19${decade}`, ...(mod ? { mod } : {}) };
    }
    const theYear = /^the\s+year\s/i.test(m[0]);
    let year: number;
    if (m[1]) year = 1900 + words(m[2]) + words(m[3]) + words(m[4]) + words(m[5]);
    else {
      // "two thousand" alone is a count more often than a year: only after "the year" or a preposition
      if (!theYear && !/^(in|by|until|since|before|after|of|from|through|to)$/.test(wordBefore(ctx.text, m.index))) return null;
      year = 2000 + words(m[7]);
    }
    const after = wordAfter(ctx.text, m.index + m[0].length).toLowerCase();
    if (COUNT_NOUNS.has(after) || /^(hundred|thousand|million|billion|percent|dollars?)$/.test(after)) return null;
    return { type: 'DATE', value: String(year) };
  },
};

/** "the year", "the full year", "the fiscal year": the article's year, or a year-long period ("the year ended June 30"). */
const THE_YEAR: Parser = {
  name: 'the-year',
  needs: ['year'],
  pattern: rx('the\\s+(?:(full|fiscal|calendar|whole|entire)\\s+)?year(?![-\\w]|\\s+(?:ago|earlier|before|later|two|nineteen|of|in)\\b)'),
  extract: (m, ctx) => {
    const after = wordAfter(ctx.text, m.index + m[0].length).toLowerCase();
    if (/^(ended|ending|ends|to|through|beginning|starting|that|when|after|before|in|of|for)$/.test(after)) {
      return after === 'ended' || after === 'ending' || after === 'to' || after === 'through' ? { type: 'DURATION', value: 'P1Y' } : null;
    }
    if (!ctx.ref) return { type: 'DATE', value: UNANCHORED.year };
    return { type: 'DATE', value: fmtYear(ctx.ref.y), anchored: true };
  },
};

/** "year-end", "year's end", "around year end": the end of the article's year. */
const YEAR_END: Parser = {
  name: 'year-end',
  needs: ['end'],
  pattern: rx("(?:the\\s+)?year(?:-|\\s+|'s\\s+)end"),
  extract: (_m, ctx) => {
    if (!ctx.ref) return { type: 'DATE', value: UNANCHORED.year, mod: 'END' };
    return { type: 'DATE', value: fmtYear(ctx.ref.y), mod: 'END', anchored: true };
  },
};

/** The nearest `weekday` (1 = Monday) strictly after `from` (dir 1) or strictly before it (dir -1). */
export function weekdayFrom(from: Ymd, weekday: number, dir: number): Ymd {
  const d = isoWeekday(from);
  const gap = dir > 0 ? ((weekday - d + 6) % 7) + 1 : -(((d - weekday + 6) % 7) + 1);
  return addDays(from, gap);
}

/**
 * Times anchored to the time in focus rather than to the article date: "that day", "the same
 * day", "the next morning", "the following year", "that quarter", "later that year". The parser
 * gives the article-relative reading; refiners.ts `followFocus` moves it to the time last named.
 */
const THAT_UNIT: Parser = {
  name: 'that-unit',
  needs: ['that', 'same', 'next', 'following', 'previous', 'prior', 'preceding'],
  pattern: rx(
    '(that|the\\s+same|the\\s+next|the\\s+following|the\\s+previous|the\\s+prior|the\\s+preceding)\\s+' +
      `(day|morning|afternoon|evening|night|week|month|year|quarter|spring|summer|fall|autumn|winter|${alt(Object.keys(WEEKDAYS))})`,
  ),
  extract: (m, ctx) => {
    const det = m[1]!.toLowerCase().replace(/\s+/g, ' ');
    const unit = m[2]!.toLowerCase();
    const shift = det === 'the next' || det === 'the following' ? 1 : det === 'that' || det === 'the same' ? 0 : -1;
    const wd = WEEKDAYS[unit];
    if (wd !== undefined) {
      // "the previous Friday", "the following Monday": that weekday before or after the day in focus
      // (refiners.ts `followFocus`), the article's day when none is; "that Friday" is left to the weekday parser
      if (shift === 0 || !isCapitalized(m[2]!)) return null;
      if (!ctx.ref) return { type: 'DATE', value: UNANCHORED.day };
      return { type: 'DATE', value: fmtDate(weekdayFrom(ctx.ref, wd, shift)), anchored: true, focus: 'anaphor' };
    }
    // "the next week", "the next year" are spans of time more often than dates ("over the next year"), but the
    // one after the time in focus in a past-tense clause ("elections the next year"); "the previous year" is this-unit's
    if (det === 'the next' && /^(week|month|year|quarter)$/.test(unit) && !nextUnitIsDate(m, ctx)) return null;
    if (shift < 0 && !/^(day|morning|afternoon|evening|night)$/.test(unit)) return null;
    if (/^(in|for|over|during|within|throughout)$/.test(wordBefore(ctx.text, m.index)) && det === 'the following') return null;
    const part = DAY_PARTS[unit];
    const season = SEASONS[unit];
    const ref = ctx.ref;
    const type: TimeType = 'DATE';
    let value: string;
    if (!ref) value = part ? UNANCHORED.day : season ? `XXXX-${season}` : UNANCHORED[granularity(unit)];
    else if (part) value = fmtDate(addDays(ref, shift));
    else if (season) value = `${fmtYear(ref.y + shift)}-${season}`;
    else value = shifted(ref, shift, unit)!;
    return { type, value, anchored: !!ref, focus: 'anaphor' };
  },
};

/**
 * All parsers, in priority order: when two give the same span, the earlier wins; otherwise the
 * longest span wins (see refiners.ts).
 */
export const PARSERS: Parser[] = [
  ISO_DATE, NUMERIC_DATE, DOTTED_DATE, MONTH_DAY_YEAR, DAY_MONTH_YEAR, HOLIDAY, QUARTER, TWO_QUARTERS, Q_SHORT, QUARTER_ENDED, THE_QUARTER, DECADE,
  CENTURY, YEAR_WORDS, YEAR_PERIOD, AGO, EVERY, EVERY_MONTH, EVERY_SEASON, FREQUENCY, RATE, ADVERB_SET, WEEKDAY_P, DAY_WORD, THAT_UNIT, THIS_UNIT, THE_WEEKEND, THE_SEASON, THE_WEEK, THE_MONTH,
  YEAR_AGO_ADJ, PERIOD_YEAR_BEFORE, YEAR_END, PAST_UNIT, DURATION, LONG_ADJECTIVE, UNITS_AROUND, UNITS_AGO, VAGUE_UNITS, A_WHILE, CLOCK, CLOCK_24, DAY_PART, REF_WORD, THE_YEAR, YEAR_ONLY, OLD_YEAR,
];

/**
 * The parsers' pre-filter strings (`needs`), all found in one pass over the text, lower-cased as
 * it is read, by an Aho–Corasick automaton: each state knows the parsers of every string that
 * ends where it stands (its own and, through its failure links, its suffixes'), as bits, so a
 * character costs one table read and an OR. Overlapping strings are all seen, which is what the
 * union over every string in the text needs. (It replaced a look-ahead regex of every string tried
 * at each position: a tenth of the stage, and a match object per hit.)
 */
interface NeedsScan {
  /** next[state · classes + class of the character] (dense: the failure links folded in) */
  next: Uint16Array;
  classes: number;
  /** per ASCII character code, its class (0: a character no string holds) */
  classOf: Uint8Array;
  /** per state, `words` Int32 words of parser bits */
  emits: Int32Array;
  words: number;
  /** the parsers with a pre-filter, and those that run whatever the text holds */
  filtered: number[];
  always: number[];
}

/** Pre-filters apply only to patterns without the 'u' flag (see runParsers). */
const isFiltered = (parser: Parser) => parser.needs !== undefined && !parser.pattern.unicode;

function needsScan(parsers: readonly Parser[]): NeedsScan {
  const words = Math.max(1, Math.ceil(parsers.length / 32));
  const filtered = parsers.flatMap((parser, p) => (isFiltered(parser) ? [p] : []));
  const always = parsers.flatMap((parser, p) => (isFiltered(parser) ? [] : [p]));
  const classOf = new Uint8Array(128);
  let classes = 1;
  for (const p of filtered) {
    for (const w of parsers[p]!.needs!) {
      for (const ch of w) {
        const c = ch.charCodeAt(0);
        if (c >= 128 || ch !== ch.toLowerCase()) throw new Error(`pre-filter strings are lower-case ASCII: ${JSON.stringify(w)} (${parsers[p]!.name})`);
        if (!classOf[c]) classOf[c] = classes++;
      }
    }
  }
  // the trie, its states' parser bits
  const trie: Map<number, number>[] = [new Map()];
  const bits: number[][] = [new Array<number>(words).fill(0)];
  for (const p of filtered) {
    for (const w of parsers[p]!.needs!) {
      let state = 0;
      for (const ch of w) {
        const cls = classOf[ch.charCodeAt(0)]!;
        let to = trie[state]!.get(cls);
        if (to === undefined) {
          to = trie.length;
          trie.push(new Map());
          bits.push(new Array<number>(words).fill(0));
          trie[state]!.set(cls, to);
        }
        state = to;
      }
      bits[state]![p >> 5] |= 1 << (p & 31);
    }
  }
  if (trie.length > 0xffff) throw new Error('too many pre-filter strings for the scan');
  // breadth first: failure links, the dense table, each state's bits joined with its failure's
  const next = new Uint16Array(trie.length * classes);
  const fail = new Int32Array(trie.length);
  const queue: number[] = [];
  for (const [cls, to] of trie[0]!) {
    next[cls] = to;
    queue.push(to);
  }
  for (let q = 0; q < queue.length; q++) {
    const state = queue[q]!;
    const f = fail[state]!;
    for (let j = 0; j < words; j++) bits[state]![j]! |= bits[f]![j]!;
    for (let cls = 0; cls < classes; cls++) {
      const to = trie[state]!.get(cls);
      if (to === undefined) {
        next[state * classes + cls] = next[f * classes + cls]!;
      } else {
        next[state * classes + cls] = to;
        fail[to] = next[f * classes + cls]!;
        queue.push(to);
      }
    }
  }
  const emits = new Int32Array(trie.length * words);
  bits.forEach((b, state) => b.forEach((x, j) => (emits[state * words + j] = x)));
  return { next, classes, classOf, emits, words, filtered, always };
}

/** One scan per list of parsers, made on its first use (a list is not changed once run). */
const needsScans = new WeakMap<readonly Parser[], NeedsScan>();

/**
 * A character outside ASCII lower-cased, when that gives ASCII letters (the Kelvin sign gives
 * "k", "İ" gives "i" and a combining dot), as text.toLowerCase() would give them; else ''.
 */
const asciiInLower = new Map<number, string>();
function lowerOutsideAscii(c: number): string {
  let lower = asciiInLower.get(c);
  if (lower === undefined) {
    lower = String.fromCharCode(c).toLowerCase();
    if (!/[\x00-\x7f]/.test(lower)) lower = '';
    asciiInLower.set(c, lower);
  }
  return lower;
}

/** Which parsers may find something in the text: 1 for those to run. */
export function parsersToRun(text: string, parsers: readonly Parser[] = PARSERS): Uint8Array {
  let scan = needsScans.get(parsers);
  if (!scan) needsScans.set(parsers, (scan = needsScan(parsers)));
  const run = new Uint8Array(parsers.length);
  for (const p of scan.always) run[p] = 1;
  if (scan.filtered.length === 0) return run;
  const { next, classes, classOf, emits, words } = scan;
  const found = new Int32Array(words);
  let state = 0;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    // a typographic apostrophe is read as the straight one, which patterns take for it ("the 1980’s")
    if (c === 0x2019 || c === 0x2018) c = 39;
    if (c >= 128) {
      // an ASCII letter that a pattern matches (flags 'gi', not 'u') is an ASCII letter; outside
      // ASCII, only the rare characters whose lower case holds ASCII letters are read as those
      const lower = lowerOutsideAscii(c);
      if (lower === '') {
        state = 0;
        continue;
      }
      for (let k = 0; k < lower.length; k++) {
        const l = lower.charCodeAt(k);
        state = next[state * classes + (l < 128 ? classOf[l]! : 0)]!;
        for (let j = 0; j < words; j++) found[j] |= emits[state * words + j]!;
      }
      continue;
    }
    if (c >= 65 && c <= 90) c += 32;
    state = next[state * classes + classOf[c]!]!;
    const e = state * words;
    for (let j = 0; j < words; j++) found[j] |= emits[e + j]!;
  }
  for (const p of scan.filtered) if (found[p >> 5]! & (1 << (p & 31))) run[p] = 1;
  return run;
}

/** Run every parser over the text. */
export function runParsers(ctx: Ctx, parsers: Parser[] = PARSERS): (Found & { priority: number })[] {
  const out: (Found & { priority: number })[] = [];
  const run = parsersToRun(ctx.text, parsers);
  for (let p = 0; p < parsers.length; p++) {
    if (!run[p]) continue;
    const parser = parsers[p]!;
    const re = parser.pattern;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(ctx.text)) !== null) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      if (m[0].includes('\n\n')) continue;
      const r = parser.extract(m, ctx);
      if (!r) continue;
      // every key present, in one order: one object shape for the refiners (no spreads, which V8 makes slowly)
      out.push({
        start: r.start ?? m.index,
        end: r.end ?? m.index + m[0].length,
        type: r.type,
        value: r.value,
        mod: r.mod || undefined,
        anchored: r.anchored ?? false,
        focus: r.focus || undefined,
        offset: r.offset,
        rule: parser.name,
        priority: p,
      });
    }
  }
  return out;
}
