/**
 * The stores every knowledge-base test runs against: SQLite in a temporary file always, and
 * PostgreSQL when NEWSGRAPH_PG_URL is set (as .ci/run does). Each PostgreSQL store is a fresh
 * database, newsgraph_test_<pid>_<random>, created through the server's `postgres` database and
 * dropped afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scratchDatabase } from '../../src/store/scratch.js';
import { openStore, type StoreTarget } from '../../src/store/open.js';
import type { Store } from '../../src/store/store.js';

/** The articles written for these tests: two feeds, text with and without a dateline, JSON lines, an HTML page. */
export const CORPUS = fileURLToPath(new URL('../fixtures/corpus', import.meta.url));

export const PG_URL = process.env.NEWSGRAPH_PG_URL?.trim() || undefined;

export interface TestStore {
  store: Store;
  target: StoreTarget;
  /** close the store and delete its file or database */
  dispose(): Promise<void>;
}

export interface Backend {
  name: 'SQLite' | 'PostgreSQL';
  skip: boolean;
  create(): Promise<TestStore>;
}


const sqlite: Backend = {
  name: 'SQLite',
  skip: false,
  async create() {
    const dir = mkdtempSync(join(tmpdir(), 'newsgraph-store-'));
    const target: StoreTarget = { kind: 'sqlite', file: join(dir, 'test.db') };
    const store = await openStore(target);
    return {
      store,
      target,
      async dispose() {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

const postgres: Backend = {
  name: 'PostgreSQL',
  skip: !PG_URL,
  async create() {
    const database = await scratchDatabase(PG_URL!, 'newsgraph_test', `${process.pid}_${Math.random().toString(36).slice(2, 10)}`);
    const target: StoreTarget = { kind: 'postgres', url: database.url };
    let store: Store;
    try {
      store = await openStore(target);
    } catch (err) {
      await database.drop();
      throw err;
    }
    return {
      store,
      target,
      async dispose() {
        await store.close();
        await database.drop();
      },
    };
  },
};

export const BACKENDS: readonly Backend[] = [sqlite, postgres];

if (!PG_URL) {
  console.warn('newsgraph tests: NEWSGRAPH_PG_URL is not set, so the PostgreSQL store tests are skipped (.ci/run sets it)');
}
