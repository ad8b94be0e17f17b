/** Which store a command uses, opened and migrated. */
import { InputError } from '../stages/reading/errors.js';
import { openPostgres, openSqlite } from './dialect.js';
import { KyselyStore, type Store } from './store.js';

export const DEFAULT_SQLITE_FILE = 'newsgraph.db';

export interface StoreChoice {
  /** a SQLite file */
  db?: string;
  /** a PostgreSQL URL; true means "the URL in NEWSGRAPH_PG_URL" */
  pg?: string | boolean;
}

export type StoreTarget = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

/**
 * --db FILE → SQLite; --pg URL → PostgreSQL; neither → PostgreSQL when NEWSGRAPH_PG_URL is set
 * (../shared/CONTRACT.md section 3), else ./newsgraph.db.
 */
export function chooseStore(choice: StoreChoice, env: NodeJS.ProcessEnv = process.env): StoreTarget {
  if (choice.db !== undefined && choice.pg !== undefined && choice.pg !== false) throw new InputError('give --db FILE or --pg URL, not both');
  if (choice.db !== undefined) return { kind: 'sqlite', file: choice.db };
  if (typeof choice.pg === 'string' && choice.pg) return { kind: 'postgres', url: choice.pg };
  const fromEnv = env.NEWSGRAPH_PG_URL?.trim();
  if (choice.pg === true && !fromEnv) throw new InputError('--pg needs a URL (postgres://user@host:5432/db) or NEWSGRAPH_PG_URL');
  if (fromEnv) return { kind: 'postgres', url: fromEnv };
  return { kind: 'sqlite', file: DEFAULT_SQLITE_FILE };
}

export async function openStore(target: StoreTarget): Promise<Store> {
  const dialect = target.kind === 'sqlite' ? openSqlite(target.file) : await openPostgres(target.url);
  const store = new KyselyStore(dialect);
  try {
    await store.migrate();
  } catch (err) {
    await store.close().catch(() => undefined);
    throw err;
  }
  return store;
}
