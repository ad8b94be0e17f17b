/**
 * Scratch PostgreSQL databases for tests and benchmarks: each run creates its own and drops it
 * afterwards, through the server's `postgres` database.
 */
import pg from 'pg';

/** The same server URL, pointing at another database. */
export function databaseUrl(serverUrl: string, database: string): string {
  const u = new URL(serverUrl);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Run one administrative statement (CREATE/DROP DATABASE cannot take parameters). */
export async function onServer(serverUrl: string, sqlText: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl(serverUrl, 'postgres') });
  await client.connect();
  try {
    await client.query(sqlText);
  } finally {
    await client.end();
  }
}

/**
 * A new empty database named `prefix` + a suffix of [a-z0-9_]; the name is generated here, never
 * taken from a user, which is what makes it safe inside the DDL text.
 */
export async function scratchDatabase(serverUrl: string, prefix: string, suffix: string): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${suffix}`.toLowerCase().replace(/[^a-z0-9_]/g, '_');
  await onServer(serverUrl, `drop database if exists ${name} with (force)`);
  await onServer(serverUrl, `create database ${name}`);
  return { name, url: databaseUrl(serverUrl, name), drop: () => onServer(serverUrl, `drop database if exists ${name} with (force)`) };
}
