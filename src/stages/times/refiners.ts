/**
 * Refiners: each takes the parsers' results and returns them improved. They run in order:
 * modifiers widen a date to the words that qualify it ("early 2022", "the end of 2021"),
 * merges join a weekday or clock time with the date beside it, and the overlap filter keeps
 * the longest of competing readings.
 */
import { addDays, addMonths, fmtDate, fmtWeek, isoWeekday, quarterOf, type Ymd } from './calendar.js';
import { WEEKDAYS } from './lexicon.js';
import { weekdayFrom, type Found } from './parsers.js';

export type Candidate = Found & { priority: number };
/** `ref` is the article date, for refiners that must know which times lie ahead of it. */
export type Refiner = (text: string, found: Candidate[], ref?: Ymd | null) => Candidate[];

const MODS: Record<string, string> = {
  early: 'START', beginning: 'START', start: 'START', mid: 'MID', middle: 'MID', late: 'END', end: 'END', close: 'END',
  around: 'APPROX', about: 'APPROX', approximately: 'APPROX', roughly: 'APPROX',
};

/** What may stand before a date; matched against the few characters before it, anchored at the end. */
const PREFIX =
  /(?:^|[^\w'-])((early|late|mid|earlier|later|around|about|approximately|roughly)[ \t-]+|(?:the[ \t]+)?(end|beginning|start|middle|close)[ \t]+of[ \t]+(?:the[ \t]+)?|(fiscal(?:[ \t]+year)?|calendar(?:[ \t]+year)?|the[ \t]+year|the[ \t]+(?:summer|spring|fall|autumn|winter)[ \t]+of)[ \t]+)$/i;

const SEASON_CODE: Record<string, string> = { summer: 'SU', spring: 'SP', fall: 'FA', autumn: 'FA', winter: 'WI' };

/** "early 2022" (START), "mid-2023" (MID), "the end of 2021" (END), "fiscal 2024", "earlier this year". */
export const widenModifiers: Refiner = (text, found) =>
  found.map((f) => {
    if (f.type !== 'DATE' && f.type !== 'TIME') return f;
    let cur = f;
    for (let guard = 0; guard < 3; guard++) {
      const m = PREFIX.exec(text.slice(Math.max(0, cur.start - 40), cur.start));
      if (!m) break;
      const start = cur.start - m[1]!.length;
      const isYear = /^\d{4}$/.test(cur.value);
      const word = (m[2] ?? m[3] ?? '').toLowerCase();
      let value = cur.value;
      let mod = cur.mod;
      if (m[4]) {
        // fiscal / calendar / "the year" / "the summer of": only before a bare year
        if (!isYear) break;
        const season = /(summer|spring|fall|autumn|winter)/i.exec(m[4]);
        if (season) value = `${value}-${SEASON_CODE[season[1]!.toLowerCase()]}`;
      } else if (word === 'earlier' || word === 'later') {
        if (cur.rule !== 'this-unit' && cur.rule !== 'that-unit') break;
      } else if (MODS[word] === 'APPROX') {
        // "around 7:15 p.m.", "around Nov. 1": an approximate clock time or date (not a bare year, "about 1990 shares",
        // nor a weekday, "get around Wednesday's ruling")
        if (cur.mod || !/^(clock|month-day-year|day-month-year)/.test(cur.rule) || !/^(\d{4}|XXXX)-\d\d-\d\d/.test(cur.value)) break;
        mod = 'APPROX';
      } else {
        if (cur.mod) break;
        if (word === 'mid' && !/-/.test(m[1]!) && !isYear && !/^\d{4}-\d\d$/.test(cur.value)) break;
        mod = MODS[word];
      }
      cur = { ...cur, start, value, ...(mod ? { mod } : {}), rule: `${cur.rule}+modifier` };
    }
    return cur;
  });

const DAY_VALUE = /^(\d{4}|XXXX)-(\d\d|XX)-(\d\d|XX)$/;
/** A clock time as found, perhaps with "around" before it. */
const CLOCK_RULE = /^clock(?:-24)?(\+modifier)?$/;

const WEEKDAY_NUMBER: Record<string, number> = { mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6, sun: 7 };

/** A year-less date named with its weekday ("Thursday, Aug. 28"): the year, of the one before and after, where the weekday fits. */
function yearByWeekday(weekdayText: string, value: string): string {
  const wd = WEEKDAY_NUMBER[weekdayText.replace(/^\W+/, '').slice(0, 3).toLowerCase()];
  const m = /^(\d{4})-(\d\d)-(\d\d)$/.exec(value);
  if (!wd || !m) return value;
  const y = +m[1]!;
  for (const c of [y, y - 1, y + 1]) {
    if (isoWeekday({ y: c, m: +m[2]!, d: +m[3]! }) === wd) return `${String(c).padStart(4, '0')}-${m[2]}-${m[3]}`;
  }
  return value;
}

/** "Tuesday, Sept. 2": the weekday takes the date's value; "3 p.m. Monday", "Monday, 3 p.m." → one time. */
export const mergeAdjacent: Refiner = (text, found) => {
  const sorted = [...found].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Candidate[] = [];
  for (const f of sorted) {
    const prev = out[out.length - 1];
    if (prev && prev.end <= f.start) {
      const between = text.slice(prev.end, f.start);
      // "at 2:50 p.m. on Monday": two expressions, but the clock time is on that day
      if (/^[ \t]+on[ \t]+$/.test(between) && CLOCK_RULE.test(prev.rule) && f.type === 'DATE' && /^\d{4}-\d\d-\d\d$/.test(f.value)) {
        out[out.length - 1] = { ...prev, value: f.value + prev.value.slice(prev.value.indexOf('T')), focus: undefined, rule: `${prev.rule}+day-after` };
      }
      // "two hours and 15 minutes", "3 minutes 32 seconds": one duration
      if (prev.type === 'DURATION' && f.type === 'DURATION' && !f.mod && /^[ \t]+(?:and[ \t]+)?$/.test(between) && !/^[ \t]*the\b/i.test(text.slice(f.start, f.end))) {
        const sum = addDurations(prev.value, f.value);
        if (sum) {
          out[out.length - 1] = { ...prev, end: f.end, value: sum, rule: `${prev.rule}+${f.rule}` };
          continue;
        }
      }
      // "March of 2015", "June 16th of last year": the month or day of that year, one expression
      if (/^[ \t]+of[ \t]+$/.test(between) && prev.rule.startsWith('month-day-year') && /^(\d{4}|XXXX)-\d\d(-\d\d)?$/.test(prev.value) && (f.rule === 'year' || f.rule === 'this-unit') && /^\d{4}$/.test(f.value)) {
        out[out.length - 1] = { ...prev, end: f.end, value: `${f.value}${prev.value.slice(4)}`, anchored: f.anchored, rule: `${prev.rule}+${f.rule}` };
        continue;
      }
      if (/^,?[ \t]+$|^,$/.test(between)) {
        let merged: Candidate | null = null;
        if (prev.rule.startsWith('weekday') && prev.type === 'DATE' && DAY_VALUE.test(f.value) && !f.rule.startsWith('weekday')) {
          // "Thursday, Jan. 6": one expression, as TimeBank and AQUAINT mark it; the date gives the value
          merged = { ...prev, end: f.end, value: f.anchored ? yearByWeekday(text.slice(prev.start, prev.end), f.value) : f.value, anchored: f.anchored, rule: `${prev.rule}+${f.rule}` };
        } else if (prev.rule === 'month-day-year' && /^\d{4}-\d\d$/.test(prev.value) && prev.anchored && f.rule === 'year-words' && /^\d{4}$/.test(f.value)) {
          // "January nineteen ninety-seven"
          merged = { ...prev, end: f.end, value: `${f.value}${prev.value.slice(4)}`, anchored: false, rule: `${prev.rule}+${f.rule}` };
        } else if (prev.rule.startsWith('month-day-year') && prev.anchored && /^\d{4}-\d\d(-\d\d)?$/.test(prev.value) && f.rule === 'this-unit' && /^\d{4}$/.test(f.value) && /^\s+$/.test(between)) {
          // "July last year", "February this year": the month of that year
          merged = { ...prev, end: f.end, value: `${f.value}${prev.value.slice(4)}`, rule: `${prev.rule}+${f.rule}` };
        } else if (CLOCK_RULE.test(prev.rule) && f.type === 'DATE' && DAY_VALUE.test(f.value)) {
          merged = { ...prev, end: f.end, value: f.value + prev.value.slice(prev.value.indexOf('T')), anchored: f.anchored, rule: `${prev.rule}+${f.rule}` };
        } else if (CLOCK_RULE.test(f.rule) && prev.type === 'DATE' && DAY_VALUE.test(prev.value)) {
          merged = { ...f, start: prev.start, value: prev.value + f.value.slice(f.value.indexOf('T')), anchored: prev.anchored, rule: `${prev.rule}+${f.rule}` };
        }
        if (merged) {
          out[out.length - 1] = merged;
          continue;
        }
      }
    }
    out.push(f);
  }
  return out;
};

const DURATION_PARTS = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;
const DURATION_LETTERS = ['Y', 'M', 'W', 'D', 'H', 'M', 'S'];

/** "PT2H" + "PT15M" → "PT2H15M": the sum of two exact durations when the second is in smaller units only, else null. */
export function addDurations(a: string, b: string): string | null {
  const x = DURATION_PARTS.exec(a), y = DURATION_PARTS.exec(b);
  if (!x || !y || a === 'P' || b === 'P') return null;
  const lastOf = (m: RegExpExecArray) => { let k = -1; for (let i = 1; i <= 7; i++) if (m[i]) k = i; return k; };
  const firstOf = (m: RegExpExecArray) => { for (let i = 1; i <= 7; i++) if (m[i]) return i; return 8; };
  // "a week and two days" but not "two days and a week", nor weeks beside other units (ISO 8601 keeps them apart)
  if (firstOf(y) <= lastOf(x) || x[3] || y[3]) return null;
  let out = 'P';
  for (let i = 1; i <= 7; i++) {
    if (i === 5) out += 'T';
    const v = x[i] ?? y[i];
    if (v) out += v + DURATION_LETTERS[i - 1];
  }
  return out.endsWith('T') ? out.slice(0, -1) : out;
}

/** What may join a second day to a date: "April 24 and 25", "May 3-5", "June 1 through 4". */
const SECOND_DAY = /^[ \t]*(?:and|or|to|through|-|\u2013)[ \t]*(\d{1,2})(?:st|nd|rd|th)?(?![\w.,]?\d|[ \t]*(?:%|percent\b|[a-z]))/;

/** "April 24 and 25": the second day is a date of its own, in the first one's month (TimeML marks both); "23-24 February": the first day is. */
/** Another day of the month of a matched date (groups 1 and 2: its year and month). */
const dayOfMonth = (date: RegExpExecArray, day: number): string => `${date[1]}-${date[2]}-${String(day).padStart(2, '0')}`;

export const addSecondDay: Refiner = (text, found) => {
  const out: Candidate[] = [];
  for (const f of found) {
    const date = /^(\d{4}|XXXX)-(\d\d)-(\d\d)$/.exec(f.value);
    // day first: "on 23-24 February", "the night of 23 to 24 February", "12 and 13 March" (the first day before the date)
    if (f.type === 'DATE' && date && f.rule.startsWith('day-month-year')) {
      const m = FIRST_DAY.exec(text.slice(Math.max(0, f.start - 12), f.start));
      const day = m ? +m[1]! : 0;
      if (m && day >= 1 && day < +date[3]!) {
        const start = f.start - m[0].length + m[0].indexOf(m[1]!);
        out.push({ ...f, start, end: start + m[1]!.length, value: dayOfMonth(date, day), rule: `${f.rule}+first-day` });
      }
    }
    out.push(f);
    if (f.type !== 'DATE' || !date || !f.rule.startsWith('month-day-year')) continue;
    const m = SECOND_DAY.exec(text.slice(f.end, f.end + 16));
    if (!m) continue;
    const day = +m[1]!;
    if (day <= +date[3]! || day > 31) continue;
    const start = f.end + m[0].length - m[0].slice(m[0].indexOf(m[1]!)).length;
    out.push({ ...f, start, end: f.end + m[0].length, value: dayOfMonth(date, day), rule: `${f.rule}+second-day` });
  }
  return out;
};

/** What may join a first day to a date written day first: "23-24 February", "23 to 24 February", "12 and 13 March". */
const FIRST_DAY = /(?:^|[^\w.,/:-])(\d{1,2})(?:st|nd|rd|th)?[ \t]*(?:and|or|to|through|-|\u2013)[ \t]*$/;

const WEEKDAY_NUMBERS: Record<string, number> = { monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6, sunday: 7 };
const weekdayIn = (s: string) => WEEKDAY_NUMBERS[/(monday|tuesday|wednesday|thursday|friday|saturday|sunday)/i.exec(s)?.[1]?.toLowerCase() ?? ''];

/**
 * Two weekdays joined by "and" or "or" share what only one of them says: "next Tuesday and
 * Wednesday" (the Wednesday after that Tuesday), "Monday and Tuesday nights" (both recurring).
 */
export const coordinateWeekdays: Refiner = (text, found) => {
  const out = [...found].sort((a, b) => a.start - b.start);
  for (let i = 1; i < out.length; i++) {
    const a = out[i - 1]!;
    const b = out[i]!;
    if (!a.rule.startsWith('weekday') || !b.rule.startsWith('weekday')) continue;
    if (!/^[ \t]+(?:and|or)[ \t]+$/.test(text.slice(a.end, b.start))) continue;
    const aText = text.slice(a.start, a.end);
    const bText = text.slice(b.start, b.end);
    const wdA = weekdayIn(aText);
    const wdB = weekdayIn(bText);
    if (!wdA || !wdB) continue;
    const date = /^(\d{4})-(\d\d)-(\d\d)$/.exec(a.value);
    if (/^(next|last|this|coming|past)\s/i.test(aText) && !/^(next|last|this|coming|past|every|each)\s/i.test(bText) && date && b.type === 'DATE') {
      const t = addDays({ y: +date[1]!, m: +date[2]!, d: +date[3]! }, (wdB - wdA + 7) % 7 || 7);
      out[i] = { ...b, value: fmtDate(t), rule: `${b.rule}+coordinated` };
    } else if (b.type === 'SET' && a.type === 'DATE' && /s$/i.test(bText) && /^[a-z]+$/i.test(aText)) {
      // "Monday and Tuesday nights": the plural and the part of the day belong to both
      out[i - 1] = { ...a, type: 'SET', value: `XXXX-WXX-${wdA}${b.value.replace(/^XXXX-WXX-\d/, '')}`, rule: `${a.rule}+coordinated` };
    }
  }
  return out;
};

/** Of overlapping results keep the longest; at equal length the parser listed first. */
export const dropOverlaps: Refiner = (_text, found) => {
  const byStrength = [...found].sort((a, b) => b.end - b.start - (a.end - a.start) || a.priority - b.priority || a.start - b.start);
  // kept spans are disjoint, so sorted by start they are sorted by end too: binary search
  const kept: Candidate[] = [];
  for (const f of byStrength) {
    let lo = 0;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (kept[mid]!.end <= f.start) lo = mid + 1;
      else hi = mid;
    }
    if (lo < kept.length && kept[lo]!.start < f.end) continue;
    kept.splice(lo, 0, f);
  }
  return kept;
};

/**
 * Values that depend on the time in focus: after "the third quarter" has been mentioned,
 * "a year earlier" is the third quarter of the year before and "the quarter" is that quarter;
 * after "May 22, 1995", "the following year" is 1996 and "that day" is May 22, 1995.
 */
export const followFocus: Refiner = (text, found, ref) => {
  let quarter: { y: number; q: number } | null = null;
  let day: Ymd | null = null;
  let month: { y: number; m: number } | null = null;
  let year: number | null = null;
  // the reporting period in focus: after "the first nine months" or "the year", "a year earlier" is the year before, not a quarter
  let period: 'quarter' | 'year' = 'quarter';
  return found.map((f) => {
    let out = f;
    if (YEAR_PERIOD.test(text.slice(f.start, f.end)) || f.rule === 'the-year') period = 'year';
    if (f.focus === 'anaphor') out = anaphor(text, f, day, month, year, quarter);
    else if (f.focus === 'clock') {
      if (day && /^(clock|clock-24|day-part)(\+modifier)?$/.test(f.rule)) out = { ...f, value: fmtDate(day) + f.value.slice(f.value.indexOf('T')), rule: `${f.rule}+focus` };
    } else if (f.focus === 'shift') {
      if (day && f.offset !== undefined) {
        const t = addDays(day, f.offset);
        out = { ...f, value: /-W/.test(f.value) ? fmtWeek(t) : fmtDate(t), rule: `${f.rule}+focus` };
      }
    } else if (f.focus && quarter && (f.focus === 'quarter' || period === 'quarter')) {
      const { y, q } = quarter;
      const value =
        f.focus === 'year-before' ? `${String(y - 1).padStart(4, '0')}-Q${q}`
        : f.focus === 'quarter' ? `${y}-Q${q}`
        : `${f.value.slice(0, 4)}-Q${q}`;
      out = { ...f, value, rule: `${f.rule}+focus` };
    }
    // a quarter named by its end date ("the quarter ended July 31") is in focus when none is
    const namedByEnd = f.rule === 'quarter-ended' && !quarter;
    if (!f.focus || f.focus === 'clock' || f.focus === 'shift' || f.focus === 'anaphor' || namedByEnd) {
      const m = /^(\d{4})-Q([1-4])$/.exec(f.value);
      // a quarter after the current one ("losses through the third quarter of 1990") is a forecast,
      // not the period that results are compared with; the current quarter may be a fiscal one just reported
      const notAhead = m && (!ref || +m[1]! * 4 + +m[2]! <= ref.y * 4 + quarterOf(ref.m));
      if (m && notAhead && (f.rule.startsWith('quarter') || f.rule.startsWith('year-ago-adj'))) {
        quarter = { y: +m[1]!, q: +m[2]! };
        period = 'quarter';
      }
    }
    // the focus follows every date that names a calendar time (not durations, sets or vague references)
    if (out.type === 'DATE' || out.type === 'TIME') {
      const d = /^(\d{4})(?:-(\d\d)(?:-(\d\d))?)?/.exec(out.value);
      if (d) {
        year = +d[1]!;
        if (d[2]) month = { y: year, m: +d[2] };
        if (d[3]) day = { y: year, m: +d[2]!, d: +d[3] };
      }
    }
    return out;
  });
};

/** Periods of a year's reporting that are longer than a quarter: "the first nine months", "the six months". */
const YEAR_PERIOD = /^(?:the\s+)?(?:(?:first|latest|past|last)\s+)?(?:six|nine|6|9)[\s-]+months$/i;

const DAY_UNITS = /^(day|morning|afternoon|evening|night)$/;

/** "that day", "the next morning", "the following year": shifted from the time in focus. */
function anaphor(
  text: string, f: Candidate, day: Ymd | null, month: { y: number; m: number } | null, year: number | null, quarter: { y: number; q: number } | null,
): Candidate {
  const words = text.slice(f.start, f.end).toLowerCase().split(/\s+/);
  const unit = words[words.length - 1]!;
  const det = words.slice(0, -1).join(' ').replace(/^(earlier|later)\s+/, '');
  const shift = /(next|following)$/.test(det) ? 1 : /(previous|prior|preceding)$/.test(det) ? -1 : 0;
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  let value: string | null = null;
  if (DAY_UNITS.test(unit) && day) value = fmtDate(addDays(day, shift));
  else if (WEEKDAYS[unit] !== undefined && day) value = fmtDate(weekdayFrom(day, WEEKDAYS[unit]!, shift));
  else if (unit === 'week' && day) value = fmtWeek(addDays(day, 7 * shift));
  else if (unit === 'month' && month) {
    const t = addMonths({ y: month.y, m: month.m, d: 1 }, shift);
    value = `${pad(t.y, 4)}-${pad(t.m)}`;
  } else if (unit === 'year' && year !== null) value = pad(year + shift, 4);
  else if (unit === 'quarter' && quarter) {
    const idx = quarter.y * 4 + quarter.q - 1 + shift;
    value = `${pad(Math.floor(idx / 4), 4)}-Q${(idx % 4) + 1}`;
  } else if (/^(spring|summer|fall|autumn|winter)$/.test(unit) && year !== null) value = `${pad(year + shift, 4)}${f.value.slice(4)}`;
  return value ? { ...f, value, rule: `${f.rule}+focus` } : f;
}

/** "or later", "and beyond", "or earlier" after a date, closing the clause. */
const OPEN_END = /^[ \t]+(or[ \t]+(later|beyond|earlier)|and[ \t]+(beyond))(?=[ \t]*(?:[.,;:!?)"'\u201d\u2019]|$))/i;

/** "until 1994 or later", "for 1990 and beyond": the date with an open end (mod ON_OR_AFTER / ON_OR_BEFORE, TimeML). */
export const widenOpenEnd: Refiner = (text, found) =>
  found.map((f) => {
    if (f.type !== 'DATE' || f.mod || !/^\d{4}/.test(f.value)) return f;
    const m = OPEN_END.exec(text.slice(f.end, f.end + 20));
    if (!m) return f;
    const mod = (m[2] ?? m[3])!.toLowerCase() === 'earlier' ? 'ON_OR_BEFORE' : 'ON_OR_AFTER';
    return { ...f, end: f.end + m[0].length, mod, rule: `${f.rule}+open-end` };
  });

export const REFINERS: Refiner[] = [widenModifiers, widenOpenEnd, dropOverlaps, mergeAdjacent, addSecondDay, coordinateWeekdays, followFocus];
