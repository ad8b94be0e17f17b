/** `newsgraph stats [--db FILE | --pg URL] [--format json]` (../shared/CONTRACT.md section 3). */
import type { Command } from 'commander';
import { addStoreOptions, addTableJsonFormat, printJson, withStore, writeOut, type StoreOptions } from './shared.js';

export function registerStats(program: Command): void {
  addTableJsonFormat(addStoreOptions(program.command('stats').description('count what the knowledge base holds: articles, canonical entities, mentions, quotes, events, stories …')))
    .action(async (opts: StoreOptions & { format: 'table' | 'json' }) => {
      await withStore(opts, async (store) => {
        const stats = await store.stats();
        if (opts.format === 'json') return printJson(stats);
        const { renderStats } = await import('../../query/render.js');
        return writeOut(process.stdout, renderStats(stats, store));
      });
    });
}
