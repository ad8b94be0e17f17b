/** `newsgraph ingest INPUT... [--db FILE | --pg URL]` (../shared/CONTRACT.md section 3). */
import { Option, type Command } from 'commander';
import { addStoreOptions, parsePositiveInt, printJson, withStore, type StoreOptions } from './shared.js';

interface IngestOptions extends StoreOptions {
  format?: 'text' | 'json';
  limit?: string;
}

const HELP = `
INPUT: text files (with or without a "date YYYY-MM-DD" dateline), folders (read recursively),
.jsonl files (records as for analyze --jsonl), .html pages, RSS and Atom feeds (.rss, .atom, .xml).

Each article is stored in one transaction. An article already stored (same id, or the same text)
is skipped, so ingesting twice changes nothing. A bad file or record is reported in one line and
the others go on.

Exit status: 0 when any article was processed; 1 when none could be (every input failed) or the
store cannot be used (one line naming what to start or fix).

Examples:
  newsgraph ingest articles/ feeds/news.rss
  newsgraph ingest wires.jsonl --pg postgres://postgres@127.0.0.1:5432/news
  NEWSGRAPH_PG_URL=postgres://postgres@127.0.0.1/news newsgraph ingest articles/`;

export function registerIngest(program: Command): void {
  addStoreOptions(
    program
      .command('ingest')
      .description('analyse articles and store them in the knowledge base (SQLite or PostgreSQL)')
      .argument('<input...>', 'files or folders'),
  )
    .addOption(new Option('--format <format>', 'summary: text on standard error, or also json on standard output').choices(['text', 'json']).default('text'))
    .option('--limit <n>', 'stop after this many articles')
    .addHelpText('after', HELP)
    .action(async (inputs: string[], opts: IngestOptions) => {
      const limit = opts.limit !== undefined ? parsePositiveInt(opts.limit, '--limit') : undefined;
      const { analyze } = await import('../../pipeline.js');
      const { ingestPaths } = await import('../../ingest/ingest.js');
      const { createProgress } = await import('../../ingest/progress.js');
      await withStore(opts, async (store) => {
        const report = await ingestPaths(store, inputs, { analyze, progress: createProgress(process.stderr), ...(limit ? { limit } : {}) });
        const processed = report.added + report.duplicates;
        const rate = report.seconds > 0 ? processed / report.seconds : 0;
        if (opts.format === 'json') {
          await printJson({ ...report, store: store.kind, location: store.location });
        }
        process.stderr.write(
          `ingest: ${report.added} added, ${report.duplicates} skipped as duplicates, ${report.failed} failed` +
          `${report.ignored ? `, ${report.ignored} file${report.ignored === 1 ? '' : 's'} ignored (not articles by their extension)` : ''}` +
          ` in ${report.seconds.toFixed(1)} s (${rate.toFixed(0)} articles/s); ${store.kind} store ${store.location}\n`,
        );
        if (processed === 0 && report.failed > 0) process.exitCode = 1;
      });
    });
}
