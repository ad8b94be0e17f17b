/**
 * Everything that differs between SQLite and PostgreSQL, in one place: how to connect, the id
 * column, the JSON column type, full-text search (FTS5 against a tsvector), the store's size,
 * and which errors mean the store itself is gone. The rest of the data layer is dialect-free
 * Kysely.
 */
import { statSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql, type ColumnDefinitionBuilder, type CreateTableBuilder, type SqliteDatabase } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';
import { StoreUnavailableError } from './errors.js';

export interface SearchRow {
  id: string;
  title: string | null;
  date: string | null;
  publisher: string | null;
  score: number; //   higher is better
  snippet: string; // matched words in [brackets]
}

export interface StoreDialect {
  readonly kind: 'sqlite' | 'postgres';
  /** the file, or the URL without its password */
  readonly location: string;
  readonly db: Kysely<Database>;
  /** Bound parameters one statement may carry. */
  readonly maxParameters: number;
  /** The column type of articles.analysis. */
  readonly jsonType: 'text' | 'jsonb';
  /** A surrogate integer primary key. */
  idColumn(col: ColumnDefinitionBuilder): ColumnDefinitionBuilder;
  /** Statements at the start of each article's transaction. */
  beginArticle(trx: Kysely<Database>): Promise<void>;
  /** A table that is all primary key (link tables): stored as the key's B-tree alone where the database can. */
  keyOnlyTable<T extends string, C extends string>(table: CreateTableBuilder<T, C>): CreateTableBuilder<T, C>;
  /** Migration step: the full-text index over articles' title and text, kept up to date by the database. */
  createSearchIndex(db: Kysely<unknown>): Promise<void>;
  search(text: string, limit: number): Promise<SearchRow[]>;
  /** The analysis column as stored → its JSON text. */
  jsonText(value: unknown): string;
  sizeBytes(): Promise<number>;
  /** True when an error means the store is unusable (connection lost, disk full), not one bad article. */
  isFatal(err: unknown): boolean;
}

// ---------------------------------------------------------------- SQLite

/** `"word" "two words"`: every term quoted, so user text is never read as FTS5 syntax; terms are ANDed. */
export function fts5Query(text: string): string {
  const terms = text.match(/"[^"]*"|[^\s"]+/g) ?? [];
  return terms
    .map((t) => t.replace(/"/g, '').trim())
    .filter((t) => /[\p{L}\p{N}]/u.test(t))
    .map((t) => `"${t}"`)
    .join(' ');
}

/**
 * The better-sqlite3 handle as Kysely's SqliteDialect sees it, with its prepared statements kept:
 * Kysely prepares every query's SQL anew, which was a tenth of an ingest's writer thread. The same
 * SQL text gets the same statement back, from a bounded map (multi-row inserts make many texts).
 * Kysely runs a statement to completion (all or run) before the next query, and nothing here
 * streams a query, so a statement is never busy when it is handed out again.
 */
export function preparedOnce(handle: BetterSqlite3.Database, limit = 512): SqliteDatabase {
  const kept = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => handle.close(),
    prepare(text: string) {
      let statement = kept.get(text);
      if (statement) {
        kept.delete(text); // most recently used last: the first key is the one to drop
      } else {
        statement = handle.prepare(text);
        if (kept.size >= limit) kept.delete(kept.keys().next().value!);
      }
      kept.set(text, statement);
      return statement;
    },
  };
}

const SQLITE_FATAL = /^SQLITE_(?:FULL|IOERR|READONLY|CANTOPEN|CORRUPT|NOTADB|BUSY|LOCKED|PERM)/;

export function openSqlite(file: string): StoreDialect {
  let handle: BetterSqlite3.Database;
  try {
    handle = new BetterSqlite3(file);
    handle.pragma('journal_mode = WAL'); //  readers do not block the writer
    handle.pragma('synchronous = NORMAL'); // safe with WAL; a crash loses at most the last commits, never consistency
    handle.pragma('foreign_keys = ON');
    handle.pragma('busy_timeout = 5000'); //  a second writer waits instead of failing at once
    handle.pragma('cache_size = -65536'); // 64 MB of page cache: the indexes of a big store stay in memory
    handle.pragma('wal_autocheckpoint = 8000'); // fewer, larger checkpoints (each one syncs) during a long ingest
  } catch (err) {
    throw new StoreUnavailableError(`cannot open the SQLite store ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: preparedOnce(handle) }) });
  return {
    kind: 'sqlite',
    location: file,
    db,
    maxParameters: 32_000,
    jsonType: 'text',
    idColumn: (col) => col.primaryKey(), // INTEGER PRIMARY KEY is the rowid: assigned on insert
    beginArticle: async () => undefined, // synchronous = NORMAL already spares the sync at each commit
    // WITHOUT ROWID: one B-tree instead of a table plus its key index, half the pages to write per insert
    keyOnlyTable: (table) => table.modifyEnd(sql`without rowid`),
    async createSearchIndex(m) {
      // external-content FTS5 table: the text is stored once, in articles; triggers keep the index in step
      await sql`create virtual table articles_fts using fts5(title, text, content='articles', content_rowid='rowid', tokenize='porter unicode61 remove_diacritics 2')`.execute(m);
      await sql`create trigger articles_fts_insert after insert on articles begin
        insert into articles_fts(rowid, title, text) values (new.rowid, new.title, new.text); end`.execute(m);
      await sql`create trigger articles_fts_delete after delete on articles begin
        insert into articles_fts(articles_fts, rowid, title, text) values ('delete', old.rowid, old.title, old.text); end`.execute(m);
    },
    async search(text, limit) {
      const match = fts5Query(text);
      if (!match) return [];
      const { rows } = await sql<SearchRow>`
        select a.id, a.title, a.date, a.publisher, -bm25(articles_fts) as score,
               snippet(articles_fts, 1, '[', ']', '…', 16) as snippet
        from articles_fts join articles a on a.rowid = articles_fts.rowid
        where articles_fts match ${match}
        order by score desc, a.id
        limit ${limit}`.execute(db);
      return rows;
    },
    jsonText: (value) => String(value),
    async sizeBytes() {
      handle.pragma('wal_checkpoint(TRUNCATE)'); // fold the write-ahead log in, so the file size is the store's size
      const size = (f: string) => { try { return statSync(f).size; } catch { return 0; } };
      return size(file) + size(`${file}-wal`);
    },
    isFatal: (err) => SQLITE_FATAL.test(String((err as { code?: unknown })?.code ?? '')),
  };
}

// ---------------------------------------------------------------- PostgreSQL

/** The URL with its password hidden, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url.replace(/:[^:@/]*@/, ':***@');
  }
}

const PG_CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'EPIPE', 'EAI_AGAIN']);

/** Connection lost, server shutting down, out of disk or connections: SQLSTATE classes 08, 53, 57P. */
function pgFatal(err: unknown): boolean {
  const code = String((err as { code?: unknown })?.code ?? '');
  const message = err instanceof Error ? err.message : '';
  return PG_CONNECTION_CODES.has(code) || /^(?:08|53|57P)/.test(code) || /Connection terminated/i.test(message);
}

/** What the user should do when PostgreSQL cannot be used, in one line. */
function pgUnavailable(err: unknown, url: string): StoreUnavailableError {
  const code = String((err as { code?: unknown })?.code ?? '');
  let where = redactUrl(url);
  let database = '';
  let user = '';
  try {
    const u = new URL(url);
    where = `${u.hostname}:${u.port || '5432'}`;
    database = decodeURIComponent(u.pathname.slice(1));
    user = decodeURIComponent(u.username);
  } catch { /* keep the redacted URL */ }
  if (PG_CONNECTION_CODES.has(code) || /^08/.test(code)) return new StoreUnavailableError(`cannot reach PostgreSQL at ${where}: is it running?`);
  if (code === '3D000') return new StoreUnavailableError(`PostgreSQL at ${where} has no database "${database}": create it (createdb ${database})`);
  if (code === '28P01' || code === '28000') return new StoreUnavailableError(`PostgreSQL at ${where} refused the login${user ? ` of "${user}"` : ''}: check the user and password in the URL`);
  return new StoreUnavailableError(`cannot use PostgreSQL at ${where}: ${err instanceof Error ? err.message : String(err)}`);
}

/** int8 (counts, sums) and numeric as JavaScript numbers, for this pool only, not process-wide. */
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 20 || oid === 1700) return (v: string) => Number(v);
    return pg.types.getTypeParser(oid, format as 'text');
  },
} as unknown as pg.CustomTypesConfig;

export async function openPostgres(url: string): Promise<StoreDialect> {
  const pool = new pg.Pool({ connectionString: url, max: 4, types: pgTypes, connectionTimeoutMillis: 10_000 });
  pool.on('error', () => undefined); // an idle client's error surfaces on its next query instead of crashing
  try {
    const client = await pool.connect();
    client.release();
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw pgUnavailable(err, url);
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    kind: 'postgres',
    location: redactUrl(url),
    db,
    maxParameters: 60_000,
    jsonType: 'jsonb',
    idColumn: (col) => col.primaryKey().generatedByDefaultAsIdentity(),
    keyOnlyTable: (table) => table,
    // Ingest is idempotent, so a crash that loses the last commits costs only a re-run; not waiting
    // for the WAL flush at each article's commit saves a disk sync per article. Consistency is unaffected.
    async beginArticle(trx) {
      await sql`set local synchronous_commit = off`.execute(trx);
    },
    async createSearchIndex(m) {
      await sql`alter table articles add column search_vector tsvector
        generated always as (to_tsvector('english', coalesce(title, '') || ' ' || text)) stored`.execute(m);
      await sql`create index articles_search_idx on articles using gin (search_vector)`.execute(m);
    },
    async search(text, limit) {
      if (!/[\p{L}\p{N}]/u.test(text)) return [];
      const { rows } = await sql<SearchRow>`
        select a.id, a.title, a.date, a.publisher, ts_rank(a.search_vector, q) as score,
               ts_headline('english', a.text, q, 'StartSel=[, StopSel=], MaxWords=24, MinWords=8, ShortWord=2') as snippet
        from articles a, websearch_to_tsquery('english', ${text}) q
        where a.search_vector @@ q
        order by score desc, a.id
        limit ${limit}`.execute(db);
      return rows;
    },
    // pg hands jsonb back parsed
    jsonText: (value) => (typeof value === 'string' ? value : JSON.stringify(value)),
    async sizeBytes() {
      const { rows } = await sql<{ size: number }>`select pg_database_size(current_database()) as size`.execute(db);
      return Number(rows[0]?.size ?? 0);
    },
    isFatal: pgFatal,
  };
}
