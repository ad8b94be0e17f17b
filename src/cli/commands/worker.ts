/**
 * `newsgraph worker [--pg URL] [--concurrency N]`: process the article queue into the knowledge
 * base until stopped (SIGTERM or Ctrl-C: the active jobs finish first; a second signal stops at
 * once and leaves them to another worker).
 */
import { availableParallelism } from 'node:os';
import { Option, type Command } from 'commander';
import { InputError } from '../../stages/reading/errors.js';
import { addQueueNameOption } from './queue.js';
import { addStoreOptions, parsePositiveInt, printJson, type StoreOptions } from './shared.js';

interface WorkerCommandOptions extends StoreOptions {
  concurrency?: number;
  queueName?: string;
  untilEmpty?: boolean;
  lockDuration?: number;
  storeWait?: number;
  format?: 'text' | 'json';
}

const HELP = `
Jobs come from \`newsgraph ingest --queue\`. Each article is analysed and stored in one
transaction; one already stored is skipped, so a job taken twice (after a worker died) stores
nothing twice. A job that fails is retried with exponential backoff (3 attempts unless
ingest --attempts said otherwise), then dead-lettered: see \`newsgraph queue status\`.

When PostgreSQL goes away while the worker runs (a restart, a dropped connection), the active
jobs are held and the worker carries on with them once it answers again; it stops only when
PostgreSQL stays away longer than --store-wait, leaving those jobs to the queue.

Exit status: 0 when stopped by a signal or --until-empty; 1 when Redis or the store cannot be
used (one line naming what to start).

Examples:
  newsgraph worker --pg postgres://postgres@db:5432/news --concurrency 8
  REDIS_URL=redis://queue:6379 NEWSGRAPH_PG_URL=postgres://postgres@db/news newsgraph worker`;

export function registerWorker(program: Command): void {
  addQueueNameOption(addStoreOptions(
    program
      .command('worker')
      .description('process the article queue (ingest --queue) into the knowledge base: PostgreSQL (--pg, NEWSGRAPH_PG_URL), or a SQLite file (--db) on one machine'),
  ))
    .addOption(new Option('--concurrency <n>', `articles at once, each on its own analysis thread (default: one per core, here ${availableParallelism()})`).argParser((v) => parsePositiveInt(v, '--concurrency')))
    .option('--until-empty', 'stop when nothing is left waiting, retrying or active on the queue')
    .addOption(new Option('--lock-duration <ms>', 'a job whose worker stops answering is taken again after this long').default(30_000).argParser((v) => parsePositiveInt(v, '--lock-duration')))
    .addOption(new Option('--store-wait <seconds>', 'how long to wait for PostgreSQL to come back when it goes away mid-run, before stopping').default(300).argParser((v) => parsePositiveInt(v, '--store-wait')))
    .addOption(new Option('--format <format>', 'summary when it stops: text on standard error, or also json on standard output').choices(['text', 'json']).default('text'))
    .addHelpText('after', HELP)
    .action(async (opts: WorkerCommandOptions) => {
      const { chooseStore, openStore } = await import('../../store/open.js');
      const { checkQueueName, checkRedis, redisUrl, redisWhere } = await import('../../queue/connection.js');
      const queueName = checkQueueName(opts.queueName ?? 'newsgraph-articles');
      if (opts.db === undefined && (opts.pg === undefined || opts.pg === true) && !process.env.NEWSGRAPH_PG_URL?.trim()) {
        throw new InputError('newsgraph worker stores into PostgreSQL: give --pg URL or set NEWSGRAPH_PG_URL (or --db FILE for a SQLite store on this machine)');
      }
      const url = redisUrl();
      await checkRedis(url);
      const store = await openStore(chooseStore(opts));
      const { startWorker } = await import('../../queue/worker.js');
      const log = (line: string) => process.stderr.write(`${line}\n`);
      const concurrency = opts.concurrency ?? availableParallelism();
      let handle: Awaited<ReturnType<typeof startWorker>> | undefined;
      let signals = 0;
      const onSignal = (signal: NodeJS.Signals) => {
        signals++;
        if (!handle) return;
        if (signals === 1) {
          log(`worker: ${signal}: finishing the active job${concurrency === 1 ? '' : 's'}, then stopping (again to stop at once)`);
          void handle.close();
        } else {
          log(`worker: ${signal}: stopping now; the active jobs go back to the queue when their locks expire`);
          process.exitCode = 130;
          void handle.close(true);
        }
      };
      process.on('SIGTERM', onSignal);
      process.on('SIGINT', onSignal);
      try {
        handle = await startWorker({
          store,
          redisUrl: url,
          queueName,
          concurrency,
          lockDurationMs: opts.lockDuration ?? 30_000,
          storeWaitMs: (opts.storeWait ?? 300) * 1000,
          untilEmpty: opts.untilEmpty ?? false,
          log,
        });
        log(`worker: ready: queue ${queueName} on Redis ${redisWhere(url)} → ${store.kind} store ${store.location}, ${concurrency} at once${concurrency > 1 ? ' (analysis threads)' : ''}`);
        if (signals > 0) void handle.close();
        await handle.stopped;
        const s = handle.stats;
        if (opts.format === 'json') await printJson({ ...s, queue: queueName, store: store.kind, location: store.location });
        log(`worker: stopped: ${s.added} added, ${s.duplicates} already stored, ${s.failedAttempts} failed attempt${s.failedAttempts === 1 ? '' : 's'} (${s.deadLettered} dead-lettered)`);
        if (handle.fatal) {
          const why = handle.fatal.message.replace(/\s*\n\s*/g, ' ');
          throw new InputError(`the ${store.kind} store ${store.location} failed (${why}): is it running? The active jobs go back to the queue`);
        }
      } finally {
        process.off('SIGTERM', onSignal);
        process.off('SIGINT', onSignal);
        if (handle && !handle.fatal) await handle.close();
        await store.close().catch(() => undefined);
      }
    });
}
