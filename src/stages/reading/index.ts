import { z } from 'zod';
import type { ArticleInput } from '../../doc/types.js';
import { InputError } from './errors.js';

export { InputError };

const DATELINE = /^\s*date[ \t]+(\d{4}-\d{2}-\d{2})(?:[ \t]*\r?\n|[ \t]+|$)\s*/;

/** True when s is a real calendar date written YYYY-MM-DD. */
export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return d.getUTCFullYear() === +m[1]! && d.getUTCMonth() === +m[2]! - 1 && d.getUTCDate() === +m[3]!;
}

export function checkDate(date: string, what = 'date'): string {
  if (!isIsoDate(date)) throw new InputError(`bad ${what} "${date}": expected a calendar date YYYY-MM-DD`);
  return date;
}

/**
 * The longest article newsgraph analyses: 2 million characters (a long news article is 20,000).
 * Beyond it analysis time and memory grow past what a batch can afford, so the input is refused
 * with a one-line error instead (split such a document into articles first).
 */
export const MAX_ARTICLE_CHARS = 2_000_000;

export function checkSize(text: string, what: string): void {
  if (text.length > MAX_ARTICLE_CHARS) {
    throw new InputError(`${what} is ${(text.length / 1e6).toFixed(1)} million characters; newsgraph analyses articles of up to ${MAX_ARTICLE_CHARS / 1e6} million (split it into articles)`);
  }
}

/** Refuse what is not text: NUL bytes or many control characters mean binary data. */
export function checkText(text: string, what: string): void {
  if (text.includes('\u0000')) throw new InputError(`${what} looks like binary data, not text`);
  const sample = text.slice(0, 4096);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) control++;
  }
  if (sample.length > 0 && control / sample.length > 0.05) throw new InputError(`${what} looks like binary data, not text`);
}

/**
 * A plain-text article: an optional `date YYYY-MM-DD` dateline (the text may follow on the same
 * line), then the text. `overrideDate` (from --date) wins over the dateline.
 */
export function readPlainText(raw: string, overrideDate?: string, what = 'input'): ArticleInput {
  checkText(raw, what);
  const m = DATELINE.exec(raw);
  const text = m ? raw.slice(m[0].length) : raw;
  checkSize(text, what);
  const date = overrideDate ? checkDate(overrideDate, '--date') : m ? checkDate(m[1]!, 'dateline date') : null;
  return { date, text };
}

const jsonlRecord = z.object({
  id: z.union([z.string(), z.number()]).transform(String).optional(),
  date: z.string().nullable().optional(),
  text: z.string(),
  title: z.string().nullable().optional(),
  publisher: z.string().nullable().optional(),
});

/** One `analyze --jsonl` record. Throws InputError with a one-line reason. */
export function readJsonlRecord(line: string, overrideDate?: string): ArticleInput {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new InputError('malformed JSON line');
  }
  const parsed = jsonlRecord.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InputError(`bad record: ${issue.path.join('.') || 'record'}: ${issue.message}`);
  }
  const r = parsed.data;
  checkText(r.text, 'record text');
  checkSize(r.text, 'record text');
  // a timestamp keeps its calendar date ("2025-09-02T10:00:00Z"); anything else must be the date itself
  const rawDate = overrideDate ?? (r.date ? (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(r.date) ? r.date.slice(0, 10) : r.date) : null);
  const date = rawDate ? checkDate(rawDate) : null;
  return {
    ...(r.id !== undefined ? { id: r.id } : {}),
    date,
    text: r.text,
    ...(r.title ? { title: r.title } : {}),
    ...(r.publisher ? { publisher: r.publisher } : {}),
  };
}

/** The id a record carries, if its line is JSON with an id, for error lines. */
export function idOfLine(line: string): string | undefined {
  try {
    const v = JSON.parse(line) as { id?: unknown };
    return v && (typeof v.id === 'string' || typeof v.id === 'number') ? String(v.id) : undefined;
  } catch {
    return undefined;
  }
}
