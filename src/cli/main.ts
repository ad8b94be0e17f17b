/**
 * The `newsgraph` command line: a thin shell over the pipeline.
 * User errors are one line on stderr (`newsgraph: …`), never a stack trace;
 * NEWSGRAPH_DEBUG=1 prints the stack of internal errors.
 */
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { Command, CommanderError, Option } from 'commander';
import type { Analysis } from '../analysis.js';
import type { ArticleInput } from '../doc/types.js';
import { packageRoot } from '../resources/paths.js';
import { InputError, checkDate, readPlainText } from '../stages/reading/index.js';
import { readHtml } from '../stages/reading/html.js';
import { decodeText } from '../stages/reading/decode.js';
import { formatReport } from './report.js';
import { formatGdeltEvents, gdeltRows } from '../stages/events/gdelt.js';
import { registerEvalData } from './commands/evaluate.js';
import { registerExport } from './commands/export.js';
import { registerIngest } from './commands/ingest.js';
import { registerQuery } from './commands/query.js';
import { registerStats } from './commands/stats.js';
import { registerServe } from './commands/serve.js';
import { registerQueue } from './commands/queue.js';
import { registerWorker } from './commands/worker.js';
import { parsePositiveInt } from './commands/shared.js';
import { AnalysisPool, defaultWorkers } from '../parallel/pool.js';
import { orderedMap } from '../parallel/ordered.js';
import { GDELT_COLUMNS, processJsonlLine } from '../parallel/jsonl-line.js';
import { withTestHooks } from '../parallel/hooks.js';
import type { JsonlLineOptions, JsonlResult } from '../parallel/protocol.js';

type Format = 'json' | 'jsonl' | 'text' | 'gdelt';

interface AnalyzeOptions {
  jsonl?: boolean;
  date?: string;
  format?: Format;
  html?: boolean;
  pretty?: boolean;
  strict?: boolean;
  /** --jsonl: analysis threads (1: in this thread) */
  workers?: number;
}

/** The pipeline is loaded on first use, so --help, --version and bad arguments answer at once. */
let analyzeFn: ((input: ArticleInput) => Analysis) | undefined;
async function pipeline(): Promise<(input: ArticleInput) => Analysis> {
  analyzeFn ??= (await import('../pipeline.js')).analyze;
  return analyzeFn;
}

const FS_REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'is a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOTDIR: 'not a directory in the path',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'name too long',
  EMFILE: 'too many open files',
};

/** A Node fs error the user can fix, as a short reason ("no such file"), or undefined. */
function fsReason(err: unknown): string | undefined {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  return code ? FS_REASONS[code] : undefined;
}

function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, ' ').trim();
}

/** A Node fs error on the user's file as an InputError ("cannot read FILE: no such file"); others unchanged. */
function readError(err: unknown, label: string): unknown {
  const reason = fsReason(err);
  return reason ? new InputError(`cannot read ${label}: ${reason}`) : err;
}

/** The one line an error becomes; `internal` when it is not the user's to fix. */
export function describeError(err: unknown): { message: string; internal: boolean } {
  if (err instanceof InputError) return { message: oneLine(err.message), internal: false };
  const message = err instanceof Error ? err.message : String(err);
  return { message: `internal error: ${oneLine(message)}`, internal: true };
}

function debugStack(err: unknown): void {
  if (process.env.NEWSGRAPH_DEBUG && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
}

/** Write, waiting for the stream to drain when it asks, so big outputs keep memory flat. */
function write(chunk: string): Promise<void> | void {
  if (process.stdout.write(chunk)) return;
  return new Promise((resolve) => process.stdout.once('drain', resolve));
}

async function readAllStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function looksLikeHtml(file: string | undefined, raw: string): boolean {
  if (file && ['.html', '.htm', '.xhtml'].includes(extname(file).toLowerCase())) return true;
  const head = raw.replace(/^\uFEFF/, '').trimStart().slice(0, 64).toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html');
}

/** Refuse a directory before opening it, so the reason names the file. */
function checkIsFile(file: string): void {
  const st = statSync(file);
  if (st.isDirectory()) throw Object.assign(new Error(`EISDIR: ${file}`), { code: 'EISDIR', path: file });
}

function render(a: Analysis, format: Format, pretty: boolean, header = true): string {
  if (format === 'text') return formatReport(a);
  if (format === 'gdelt') return header ? formatGdeltEvents(a) : gdeltRows(a).map((r) => `${r}\n`).join('');
  if (format === 'json' && pretty) return `${JSON.stringify(a, null, 2)}\n`;
  return `${JSON.stringify(a)}\n`;
}

/** One article (a plain-text file with an optional dateline, or an HTML page) → one analysis. */
export async function analyzeOne(file: string, opts: AnalyzeOptions): Promise<void> {
  const label = file === '-' ? 'standard input' : file;
  const raw = await readInputText(file, label);
  const input = opts.html || looksLikeHtml(file === '-' ? undefined : file, raw)
    ? readHtml(raw, opts.date, label)
    : readPlainText(raw, opts.date, label);
  if (!input.text.trim()) throw new InputError(`${label} has no article text`);
  const analyze = await pipeline();
  await write(render(analyze(input), opts.format ?? 'json', opts.pretty ?? false));
}

/**
 * JSON lines in → one analysis (or one error line) per record out, in order. The input is read
 * line by line, so memory stays flat on big files. With `workers` > 1 (the default: one per
 * core), records are analysed on a pool of worker threads, a bounded window ahead of the writer,
 * and written in input order. Returns how many records failed.
 */
export async function analyzeJsonl(file: string, opts: AnalyzeOptions): Promise<{ ok: number; failed: number }> {
  const format = opts.format ?? 'jsonl';
  const lineOpts: JsonlLineOptions = {
    format,
    pretty: format === 'json' && (opts.pretty ?? false),
    ...(opts.date !== undefined ? { date: opts.date } : {}),
  };
  const label = file === '-' ? 'standard input' : file;
  try {
    if (file !== '-') checkIsFile(file);
  } catch (err) {
    throw readError(err, label);
  }
  const workers = opts.workers ?? defaultWorkers();
  const pool = workers > 1 ? new AnalysisPool(workers) : undefined;
  const analyze = pool ? undefined : withTestHooks(await pipeline());
  const stream = file === '-' ? process.stdin : createReadStream(file);
  // An open or read error ends the run as a fatal error rather than an unhandled event.
  const failure = new Promise<never>((_, reject) => stream.once('error', (err: Error) => reject(readError(err, label))));
  failure.catch(() => undefined);
  const rl = createInterface({ input: stream, crlfDelay: Infinity });
  async function* records(): AsyncGenerator<{ line: string; lineNo: number }> {
    const lines = rl[Symbol.asyncIterator]();
    let lineNo = 0;
    for (;;) {
      const next = await Promise.race([lines.next(), failure]);
      if (next.done) return;
      lineNo++;
      const line = lineNo === 1 ? next.value.replace(/^\uFEFF/, '') : next.value;
      if (line.trim()) yield { line, lineNo };
    }
  }
  const one = ({ line, lineNo }: { line: string; lineNo: number }): Promise<JsonlResult> | JsonlResult =>
    pool ? pool.jsonlLine(line, lineNo, lineOpts) : processJsonlLine(analyze!, line, lineNo, lineOpts);
  let ok = 0;
  let failed = 0;
  try {
    for await (const result of orderedMap(records(), one, pool ? pool.size * 8 : 1)) {
      let out = result.out;
      if (result.ok) {
        if (format === 'gdelt' && ok === 0) out = `${GDELT_COLUMNS.join('\t')}\n${out}`;
        ok++;
      } else {
        failed++;
      }
      await write(out);
    }
  } finally {
    rl.close();
    await pool?.close();
  }
  return { ok, failed };
}

/** A CoNLL file (or standard input) as text; unreadable or binary input is the user's error. */
async function readConll(file: string): Promise<string> {
  return readInputText(file, file === '-' ? 'standard input' : file);
}

/** A file (or standard input) as text, decoded (UTF-8, UTF-16, Windows-1252); unreadable or binary input is the user's error. */
async function readInputText(file: string, label: string): Promise<string> {
  let buf: Buffer;
  try {
    if (file === '-') {
      buf = await readAllStdin();
    } else {
      checkIsFile(file);
      buf = readFileSync(file);
    }
  } catch (err) {
    throw readError(err, label);
  }
  return decodeText(buf, label).text;
}

function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

/** Report an error as one line and set the exit code; never throws. */
function fail(err: unknown): void {
  const { message, internal } = describeError(err);
  if (internal) debugStack(err);
  process.stderr.write(`newsgraph: ${message}\n`);
  process.exitCode = 1;
}

const EXIT_CODES = `
Exit status:
  0  every article was analysed; with --jsonl, every line was read, and a record that
     failed wrote {"id": ..., "error": "...", "line": N} in its place (counted on stderr)
  1  fatal error (missing or unreadable file, binary data, bad date, bad arguments);
     one line on stderr
  2  --jsonl --strict only: some records failed

Examples:
  newsgraph analyze article.txt --pretty
  newsgraph analyze --jsonl articles.jsonl > analyses.jsonl
  cat article.txt | newsgraph analyze - --date 2025-09-02 --format text`;

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('newsgraph')
    .description('Source-attributed knowledge graphs from dated news articles, offline.')
    .version(packageVersion(), '-V, --version')
    .configureOutput({
      outputError: (str, writeErr) => writeErr(`newsgraph: ${str.replace(/^error: /, '')}`),
    })
    .exitOverride();

  program
    .command('analyze')
    .description('analyse one article (plain text with an optional "date YYYY-MM-DD" dateline, or an HTML page), or JSON lines with --jsonl')
    .argument('[file]', 'the article file, or - for standard input')
    .option('--jsonl', 'the input is JSON lines, one record {"id", "date", "text", "title"?} a line')
    .option('--date <YYYY-MM-DD>', 'the article date, overriding the dateline or the records\' dates')
    .addOption(new Option('--format <format>', 'output format (default: json for one article, jsonl for --jsonl)').choices(['json', 'jsonl', 'text', 'gdelt']))
    .option('--html', 'read the file as an HTML page (automatic for .html/.htm files and pages starting with <!doctype html> or <html>)')
    .option('--pretty', 'indent the JSON output')
    .option('--strict', 'with --jsonl, exit 2 when any record failed')
    .addOption(new Option('--workers <n>', `with --jsonl, analysis threads (default: one per core, here ${defaultWorkers()}; 1 analyses in the main thread)`).argParser((v) => parsePositiveInt(v, '--workers')))
    .addHelpText('after', EXIT_CODES)
    .action(async (file: string | undefined, opts: AnalyzeOptions) => {
      if (file === undefined) {
        if (process.stdin.isTTY) throw new InputError('missing FILE: give an article file, or - to read standard input');
        file = '-';
      }
      if (opts.date !== undefined) checkDate(opts.date, '--date');
      try {
        if (opts.jsonl) {
          const { ok, failed } = await analyzeJsonl(file, opts);
          if (failed) {
            process.stderr.write(`newsgraph: ${failed} of ${ok + failed} records failed (see their "error" lines)\n`);
            if (opts.strict) process.exitCode = 2;
          }
        } else {
          await analyzeOne(file, opts);
        }
      } catch (err) {
        fail(err);
      }
    });

  program
    .command('tag')
    .description('tag named entities in a CoNLL-2003 file: each token line comes back with the predicted tag (IOB2) as a new last column')
    .requiredOption('--conll <file>', 'CoNLL file (token in the first column; other columns are kept but not read), or - for standard input')
    .action(async (opts: { conll: string }) => {
      try {
        const text = await readConll(opts.conll);
        const { tagConllText } = await import('../stages/entities/tagger/index.js');
        await write(tagConllText(text));
      } catch (err) {
        fail(err);
      }
    });

  const evalCommand = program.command('eval').description('score newsgraph on annotated data');
  evalCommand
    .command('ner')
    .description('tag a CoNLL-2003 file with gold tags in its last column and print precision, recall and F1 per type (as conlleval.py does)')
    .requiredOption('--conll <file>', 'CoNLL file with the gold tag (IOB1 or IOB2) in the last column, or - for standard input')
    .action(async (opts: { conll: string }) => {
      try {
        const text = await readConll(opts.conll);
        const { evalConllText, checkGoldColumn } = await import('../stages/entities/tagger/index.js');
        const problem = checkGoldColumn(text);
        if (problem) throw new InputError(`${opts.conll === '-' ? 'standard input' : opts.conll}: ${problem}`);
        await write(evalConllText(text).report());
      } catch (err) {
        fail(err);
      }
    });

  registerEvalData(evalCommand, async (action) => {
    try {
      await write(`${await action()}\n`);
    } catch (err) {
      fail(err);
    }
  });

  registerIngest(program);
  registerStats(program);
  registerQuery(program);
  registerExport(program);
  registerServe(program);
  registerWorker(program);
  registerQueue(program);

  return program;
}

/** Run the command line; sets process.exitCode rather than exiting, so output can flush. */
export async function main(argv: readonly string[] = process.argv): Promise<void> {
  // A closed pipe downstream (`newsgraph … | head`) ends the run quietly.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
  try {
    await buildProgram().parseAsync([...argv]);
  } catch (err) {
    if (err instanceof CommanderError) {
      // Commander has already printed its one-line message (or the help / version).
      process.exitCode = err.exitCode;
      return;
    }
    fail(err);
  }
}

// `tsx src/cli/main.ts …` during development.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
