/** `newsgraph ingest INPUT... [--db FILE | --pg URL]` (../shared/CONTRACT.md section 3). */
import { availableParallelism } from 'node:os';
import { Option, type Command } from 'commander';
import { InputError } from '../../stages/reading/errors.js';
import { addStoreOptions, parsePositiveInt, printJson, withStore, type StoreOptions } from './shared.js';

interface IngestOptions extends StoreOptions {
  format?: 'text' | 'json';
  limit?: string;
  workers?: number;
  queue?: boolean;
  queueName?: string;
  attempts?: number;
  backoff?: number;
}

const HELP = `
INPUT: text files (with or without a "date YYYY-MM-DD" dateline), folders (read recursively),
.jsonl files (records as for analyze --jsonl), .html pages, RSS and Atom feeds (.rss, .atom, .xml).

Articles are analysed on --workers threads (one per core by default) and stored in input order,
each in one transaction. An article already stored (same id, or the same text)
is skipped, so ingesting twice changes nothing. A bad file or record is reported in one line and
the others go on.

--queue: enqueue the articles on the Redis queue (REDIS_URL, default redis://127.0.0.1:6379)
instead, for \`newsgraph worker\` processes on any machine to analyse and store. The job id is the
article id (or its content hash), so enqueuing the same article again is a no-op.

Exit status: 0 when any article was processed; 1 when none could be (every input failed) or the
store cannot be used (one line naming what to start or fix).

Examples:
  newsgraph ingest articles/ feeds/news.rss
  newsgraph ingest wires.jsonl --pg postgres://postgres@127.0.0.1:5432/news
  NEWSGRAPH_PG_URL=postgres://postgres@127.0.0.1/news newsgraph ingest articles/
  newsgraph ingest --queue wires.jsonl && newsgraph worker --pg postgres://postgres@db/news`;

export function registerIngest(program: Command): void {
  addStoreOptions(
    program
      .command('ingest')
      .description('analyse articles and store them in the knowledge base (SQLite or PostgreSQL)')
      .argument('<input...>', 'files or folders'),
  )
    .addOption(new Option('--format <format>', 'summary: text on standard error, or also json on standard output').choices(['text', 'json']).default('text'))
    .option('--limit <n>', 'stop after this many articles')
    .addOption(new Option('--workers <n>', `analysis threads (default: one per core, here ${availableParallelism()}; 1 analyses in the main thread)`).argParser((v) => parsePositiveInt(v, '--workers')))
    .option('--queue', 'enqueue the articles for `newsgraph worker` (Redis, REDIS_URL) instead of analysing them here')
    .option('--queue-name <name>', 'with --queue: the queue (default: newsgraph-articles)')
    .addOption(new Option('--attempts <n>', 'with --queue: tries per article before it is dead-lettered').default(3).argParser((v) => parsePositiveInt(v, '--attempts')))
    .addOption(new Option('--backoff <ms>', 'with --queue: wait before the first retry, doubled at each retry').default(1000).argParser((v) => parsePositiveInt(v, '--backoff')))
    .addHelpText('after', HELP)
    .action(async (inputs: string[], opts: IngestOptions) => {
      if (opts.queue) return enqueue(inputs, opts);
      const limit = opts.limit !== undefined ? parsePositiveInt(opts.limit, '--limit') : undefined;
      const { analyze } = await import('../../pipeline.js');
      const { ingestPaths } = await import('../../ingest/ingest.js');
      const { createProgress } = await import('../../ingest/progress.js');
      const workers = opts.workers ?? availableParallelism();
      const { AnalysisPool } = await import('../../parallel/pool.js');
      const { withTestHooks } = await import('../../parallel/hooks.js');
      await withStore(opts, async (store) => {
        const pool = workers > 1 ? new AnalysisPool(workers) : undefined;
        let report;
        try {
          report = await ingestPaths(store, inputs, {
            analyze: withTestHooks(analyze),
            progress: createProgress(process.stderr),
            ...(limit ? { limit } : {}),
            ...(pool ? { pool } : {}),
          });
        } finally {
          await pool?.close();
        }
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

/** ingest --queue: read the inputs as ingest does and put each article on the queue. */
async function enqueue(inputs: string[], opts: IngestOptions): Promise<void> {
  if (opts.db !== undefined || opts.pg !== undefined) throw new InputError('--queue stores nothing here: the workers store the articles (newsgraph worker --pg URL)');
  if (opts.limit !== undefined) throw new InputError('--limit is not used with --queue');
  const { openQueue, enqueuePaths } = await import('../../queue/queue.js');
  const { checkQueueName, isRedisConnectionError, RedisUnavailableError, redisWhere } = await import('../../queue/connection.js');
  const { queue, url, name } = await openQueue(opts.queueName !== undefined ? { name: checkQueueName(opts.queueName) } : {});
  try {
    let report;
    try {
      report = await enqueuePaths(queue, inputs, {
        attempts: opts.attempts ?? 3,
        backoffMs: opts.backoff ?? 1000,
        progress: { start() {}, update() {}, stop() {}, note: (line) => process.stderr.write(`${line}\n`) },
      });
    } catch (err) {
      if (!isRedisConnectionError(err)) throw err;
      throw new RedisUnavailableError(`lost Redis at ${redisWhere(url)} while enqueuing: is it running? What was enqueued stays; run the same command again to add the rest`);
    }
    if (opts.format === 'json') await printJson({ ...report, queue: name, redis: redisWhere(url) });
    process.stderr.write(
      `ingest --queue: ${report.enqueued} enqueued, ${report.alreadyQueued} already queued, ${report.failed} failed` +
      `${report.ignored ? `, ${report.ignored} file${report.ignored === 1 ? '' : 's'} ignored (not articles by their extension)` : ''}` +
      ` in ${report.seconds.toFixed(1)} s; queue ${name} on Redis ${redisWhere(url)}\n`,
    );
    if (report.enqueued + report.alreadyQueued === 0 && report.failed > 0) process.exitCode = 1;
  } finally {
    await queue.close();
  }
}
