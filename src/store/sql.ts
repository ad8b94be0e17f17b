/** Small helpers over Kysely shared by the write and read paths of both stores. */
import { sql, type InsertObject, type InsertQueryBuilder, type InsertResult, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from './schema.js';

type Insert<T extends keyof Database> = InsertQueryBuilder<Database, T, InsertResult>;

/** Multi-row inserts, in chunks that stay under the store's limit of bound parameters. */
export async function insertMany<T extends keyof Database & string>(
  db: Kysely<Database>,
  table: T,
  rows: readonly InsertObject<Database, T>[],
  maxParameters: number,
  modify: (q: Insert<T>) => Insert<T> = (q) => q,
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!).length || 1;
  const perChunk = Math.max(1, Math.floor(maxParameters / columns));
  for (let i = 0; i < rows.length; i += perChunk) {
    await modify(db.insertInto(table).values(rows.slice(i, i + perChunk) as InsertObject<Database, T>[])).execute();
  }
}

/** Values as JSON text for the text columns that hold lists (quote chains). */
export function jsonList(list: readonly string[] | undefined | null): string | null {
  return list && list.length ? JSON.stringify(list) : null;
}

export function parseJsonList(value: string | null): string[] {
  if (!value) return [];
  try {
    const v = JSON.parse(value) as unknown;
    return Array.isArray(v) ? v.map(String) : [];
  } catch {
    return [];
  }
}

/** YYYY-MM-DD plus or minus whole days. */
export function shiftDate(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export const isFullDate = (s: string | null | undefined): s is string => !!s && /^\d{4}-\d{2}-\d{2}$/.test(s);

/**
 * Sort key for a nullable text column that sorts alike in both stores: SQLite puts NULL first
 * and PostgreSQL last, so NULL becomes '' (first, ascending).
 */
export function nullsFirst(column: string): RawBuilder<string> {
  return sql<string>`coalesce(${sql.ref(column)}, '')`;
}
