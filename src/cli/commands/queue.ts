/**
 * `newsgraph queue status | retry-dead`: where the article queue stands (waiting, active, retrying,
 * done, dead-lettered, workers listening), and putting dead-lettered articles back.
 */
import { Option, type Command } from 'commander';
import { printJson, writeOut } from './shared.js';

interface QueueCommandOptions {
  queueName?: string;
  format?: 'table' | 'json';
}

export function addQueueNameOption(cmd: Command): Command {
  return cmd.option('--queue-name <name>', 'the queue (default: newsgraph-articles); Redis from REDIS_URL, default redis://127.0.0.1:6379');
}

async function withQueue<T>(opts: QueueCommandOptions, run: (q: Awaited<ReturnType<typeof import('../../queue/queue.js').openQueue>>) => Promise<T>): Promise<T> {
  const { openQueue } = await import('../../queue/queue.js');
  const { checkQueueName } = await import('../../queue/connection.js');
  const opened = await openQueue(opts.queueName !== undefined ? { name: checkQueueName(opts.queueName) } : {});
  try {
    return await run(opened);
  } finally {
    await opened.queue.close();
  }
}

export function registerQueue(program: Command): void {
  const queue = program
    .command('queue')
    .description('the article queue that `ingest --queue` fills and `newsgraph worker` empties (BullMQ on Redis, REDIS_URL)');

  addQueueNameOption(queue.command('status').description('jobs waiting, active, retrying, completed and dead-lettered; workers listening; the latest dead letters'))
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .action(async (opts: QueueCommandOptions) => {
      await withQueue(opts, async ({ queue: q, url }) => {
        const { queueStatus } = await import('../../queue/queue.js');
        const s = await queueStatus(q, url);
        if (opts.format === 'json') return printJson(s);
        const rows: [string, number][] = [
          ['waiting', s.waiting], ['active', s.active], ['retrying (delayed)', s.delayed],
          ['completed', s.completed], ['dead-lettered', s.dead], ['paused', s.paused], ['workers', s.workers],
        ];
        const lines = [`queue ${s.queue} on Redis ${s.redis}`, ...rows.map(([k, v]) => `  ${k.padEnd(20)}${String(v).padStart(10)}`)];
        if (s.deadLetters.length) {
          lines.push('', `dead letters (newest ${s.deadLetters.length} of ${s.dead}; newsgraph queue retry-dead puts them back):`);
          for (const d of s.deadLetters) lines.push(`  ${d.articleId ?? d.jobId}  ${d.label ?? ''}  after ${d.attempts} attempt${d.attempts === 1 ? '' : 's'}: ${d.reason}`);
        }
        return writeOut(process.stdout, `${lines.join('\n')}\n`);
      });
    });

  addQueueNameOption(queue.command('retry-dead').description('put every dead-lettered job back in the queue, its attempts counted afresh'))
    .action(async (opts: QueueCommandOptions) => {
      await withQueue(opts, async ({ queue: q, name }) => {
        const { retryDead } = await import('../../queue/queue.js');
        const n = await retryDead(q);
        process.stderr.write(`queue: ${n} dead-lettered job${n === 1 ? '' : 's'} put back on ${name}\n`);
      });
    });
}
