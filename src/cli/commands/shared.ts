/** What the knowledge-base commands share: the store options, opening and closing, writing output. */
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { Option, type Command } from 'commander';
import { InputError } from '../../stages/reading/errors.js';
import type { Store } from '../../store/store.js';

export interface StoreOptions {
  db?: string;
  pg?: string | boolean;
}

/** --db FILE | --pg [URL], with the contract's default (./newsgraph.db, or NEWSGRAPH_PG_URL when set). */
export function addStoreOptions(cmd: Command): Command {
  return cmd
    .option('--db <file>', 'SQLite store file (default: ./newsgraph.db, unless NEWSGRAPH_PG_URL is set)')
    .option('--pg [url]', 'PostgreSQL store, postgres://user@host:5432/db (default: NEWSGRAPH_PG_URL)');
}

export function addTableJsonFormat(cmd: Command): Command {
  return cmd.addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'));
}

/** Open the chosen store (creating or upgrading its schema), run, and always close it. */
export async function withStore<T>(opts: StoreOptions, run: (store: Store) => Promise<T>): Promise<T> {
  const { chooseStore, openStore } = await import('../../store/open.js');
  const store = await openStore(chooseStore(opts));
  try {
    return await run(store);
  } finally {
    await store.close();
  }
}

/** Write, waiting for the stream to drain when it asks, so big outputs keep memory flat. */
export function writeOut(out: NodeJS.WritableStream, chunk: string): Promise<void> | void {
  if (out.write(chunk)) return;
  return new Promise((resolve) => out.once('drain', resolve));
}

/** Stream chunks to a file (--out) or standard output. */
export async function writeAll(chunks: AsyncIterable<string>, outFile?: string): Promise<void> {
  if (!outFile || outFile === '-') {
    for await (const chunk of chunks) await writeOut(process.stdout, chunk);
    return;
  }
  const out = createWriteStream(outFile);
  const failed = new Promise<never>((_, reject) => out.once('error', (err) => reject(new InputError(`cannot write ${outFile}: ${err.message}`))));
  failed.catch(() => undefined);
  for await (const chunk of chunks) await Promise.race([writeOut(out, chunk), failed]);
  out.end();
  await Promise.race([finished(out), failed]);
}

export function parsePositiveInt(value: string, what: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InputError(`${what} must be a positive whole number, not "${value}"`);
  return n;
}

export const printJson = (value: unknown) => writeOut(process.stdout, `${JSON.stringify(value, null, 2)}\n`);
