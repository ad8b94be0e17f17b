/**
 * Refiners: each takes the parsers' results and returns them improved. They run in order:
 * modifiers widen a date to the words that qualify it ("early 2022", "the end of 2021"),
 * merges join a weekday or clock time with the date beside it, and the overlap filter keeps
 * the longest of competing readings.
 */
import type { Found } from './parsers.js';

export type Candidate = Found & { priority: number };
export type Refiner = (text: string, found: Candidate[]) => Candidate[];

const MODS: Record<string, string> = {
  early: 'START', beginning: 'START', start: 'START', mid: 'MID', middle: 'MID', late: 'END', end: 'END', close: 'END',
};

/** What may stand before a date; matched against the few characters before it, anchored at the end. */
const PREFIX =
  /(?:^|[^\w'-])((early|late|mid|earlier|later)[ \t-]+|(?:the[ \t]+)?(end|beginning|start|middle|close)[ \t]+of[ \t]+(?:the[ \t]+)?|(fiscal(?:[ \t]+year)?|calendar(?:[ \t]+year)?|the[ \t]+year|the[ \t]+(?:summer|spring|fall|autumn|winter)[ \t]+of)[ \t]+)$/i;

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
        if (cur.rule !== 'this-unit') break;
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

/** "Tuesday, Sept. 2": the weekday takes the date's value; "3 p.m. Monday", "Monday, 3 p.m." → one time. */
export const mergeAdjacent: Refiner = (text, found) => {
  const sorted = [...found].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Candidate[] = [];
  for (const f of sorted) {
    const prev = out[out.length - 1];
    if (prev && prev.end <= f.start) {
      const between = text.slice(prev.end, f.start);
      if (/^,?[ \t]+$|^,$/.test(between)) {
        let merged: Candidate | null = null;
        if (prev.rule === 'weekday' && prev.type === 'DATE' && DAY_VALUE.test(f.value) && f.rule !== 'weekday') {
          // "Thursday, Jan. 6": two expressions (as TimeML marks them) for one day
          out[out.length - 1] = { ...prev, value: f.value, anchored: f.anchored, rule: `${prev.rule}+${f.rule}` };
        } else if (prev.rule === 'clock' && f.type === 'DATE' && DAY_VALUE.test(f.value)) {
          merged = { ...prev, end: f.end, value: f.value + prev.value.slice(prev.value.indexOf('T')), anchored: f.anchored, rule: `${prev.rule}+${f.rule}` };
        } else if (f.rule === 'clock' && prev.type === 'DATE' && DAY_VALUE.test(prev.value)) {
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
 * "a year earlier" is the third quarter of the year before and "the quarter" is that quarter.
 */
export const followFocus: Refiner = (_text, found) => {
  let focus: { y: number; q: number } | null = null;
  return found.map((f) => {
    if (!f.focus) {
      const m = /^(\d{4})-Q([1-4])$/.exec(f.value);
      if (m && (f.rule.startsWith('quarter') || f.rule.startsWith('year-ago-adj'))) focus = { y: +m[1]!, q: +m[2]! };
      return f;
    }
    if (!focus) return f;
    const { y, q } = focus;
    const value =
      f.focus === 'year-before' ? `${String(y - 1).padStart(4, '0')}-Q${q}`
      : f.focus === 'quarter' ? `${y}-Q${q}`
      : `${f.value.slice(0, 4)}-Q${q}`;
    return { ...f, value, rule: `${f.rule}+focus` };
  });
};

export const REFINERS: Refiner[] = [widenModifiers, dropOverlaps, mergeAdjacent, followFocus];
