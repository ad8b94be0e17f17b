/**
 * A worker thread of the analysis pool: loads the pipeline once, then answers one message per
 * task, tagged with the task's sequence number. Errors in one record come back as results, never
 * as thread failures.
 */
import { parentPort } from 'node:worker_threads';
import { withTestHooks, withThreadCrashHook } from './hooks.js';
import { processJsonlLine } from './jsonl-line.js';
import type { AnalyzeResult, TaskMessage, WorkerMessage } from './protocol.js';

const port = parentPort;
if (!port) throw new Error('analysis-worker runs as a worker thread of the analysis pool');

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err)).replace(/\s*\n\s*/g, ' ');

try {
  const analyze = withThreadCrashHook(withTestHooks((await import('../pipeline.js')).analyze));
  port.on('message', ({ seq, task }: TaskMessage) => {
    let reply: WorkerMessage;
    if (task.kind === 'jsonl') {
      reply = { seq, result: processJsonlLine(analyze, task.line, task.lineNo, task.opts) };
    } else {
      let result: AnalyzeResult;
      try {
        result = { ok: true, analysis: analyze(task.input) };
      } catch (err) {
        if (process.env.NEWSGRAPH_DEBUG && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
        result = { ok: false, message: errorText(err) };
      }
      reply = { seq, result };
    }
    port.postMessage(reply);
  });
  port.postMessage({ ready: true } satisfies WorkerMessage);
} catch (err) {
  port.postMessage({ fatal: `the analysis pipeline could not load in a worker thread: ${errorText(err)}` } satisfies WorkerMessage);
}
