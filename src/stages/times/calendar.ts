/** Calendar arithmetic on plain dates (UTC, no time zones) and TIMEX3 value formatting. */

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

const DAY_MS = 86_400_000;

export function parseYmd(date: string | null): Ymd | null {
  if (!date) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) return null;
  const r = { y: +m[1]!, m: +m[2]!, d: +m[3]! };
  return r.m >= 1 && r.m <= 12 && r.d >= 1 && r.d <= 31 ? r : null;
}

const toMs = (a: Ymd) => Date.UTC(a.y, a.m - 1, a.d);
function fromMs(ms: number): Ymd {
  const t = new Date(ms);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

export function addDays(a: Ymd, n: number): Ymd {
  return fromMs(toMs(a) + n * DAY_MS);
}

/** Shift by whole months, clamping the day to the target month's length. */
export function addMonths(a: Ymd, n: number): Ymd {
  const idx = a.y * 12 + (a.m - 1) + n;
  const y = Math.floor(idx / 12);
  const m = idx - y * 12 + 1;
  return { y, m, d: Math.min(a.d, daysInMonth(y, m)) };
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** ISO weekday: Monday = 1 … Sunday = 7. */
export function isoWeekday(a: Ymd): number {
  const wd = new Date(toMs(a)).getUTCDay();
  return wd === 0 ? 7 : wd;
}

/** ISO 8601 week-numbering year and week. */
export function isoWeek(a: Ymd): { year: number; week: number } {
  const thursday = addDays(a, 4 - isoWeekday(a));
  const jan1 = Date.UTC(thursday.y, 0, 1);
  return { year: thursday.y, week: Math.floor((toMs(thursday) - jan1) / DAY_MS / 7) + 1 };
}

export function compare(a: Ymd, b: Ymd): number {
  return toMs(a) - toMs(b);
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export const fmtYear = (y: number) => pad(y, 4);
export const fmtMonth = (y: number, m: number) => `${pad(y, 4)}-${pad(m)}`;
export const fmtDate = (a: Ymd) => `${pad(a.y, 4)}-${pad(a.m)}-${pad(a.d)}`;
export function fmtWeek(a: Ymd): string {
  const w = isoWeek(a);
  return `${pad(w.year, 4)}-W${pad(w.week)}`;
}
export const quarterOf = (m: number) => Math.floor((m - 1) / 3) + 1;
export const fmtClock = (h: number, min: number) => `T${pad(h)}:${pad(min)}`;

/** Placeholder values for relative expressions when the article has no date. */
export const UNANCHORED = {
  day: 'XXXX-XX-XX',
  week: 'XXXX-WXX',
  month: 'XXXX-XX',
  quarter: 'XXXX-QX',
  year: 'XXXX',
} as const;
