/**
 * One `analyze --jsonl` line → what it writes: the rendered analysis, or the error line in its
 * place. The same code runs in-process (--workers 1) and in the pool's worker threads, so both
 * write the same bytes.
 */
import type { Analysis } from '../analysis.js';
import type { ArticleInput } from '../doc/types.js';
import { InputError, idOfLine, readJsonlRecord } from '../stages/reading/index.js';
import { gdeltRows } from '../stages/events/gdelt.js';
import { formatReport } from '../cli/report.js';
import type { JsonlLineOptions, JsonlResult } from './protocol.js';

const oneLine = (s: string) => s.replace(/\s*\n\s*/g, ' ').trim();

/** The one line an error becomes (as the CLI's describeError): internal errors say so. */
export function describeRecordError(err: unknown): string {
  if (err instanceof InputError) return oneLine(err.message);
  return `internal error: ${oneLine(err instanceof Error ? err.message : String(err))}`;
}

/** The first line `--format gdelt` writes, before the first record that succeeded. */
export { GDELT_COLUMNS } from '../stages/events/gdelt.js';

function render(a: Analysis, opts: JsonlLineOptions): string {
  switch (opts.format) {
    case 'text':
      return `${formatReport(a)}\n`;
    case 'gdelt':
      return gdeltRows(a).map((r) => `${r}\n`).join('');
    case 'json':
      return opts.pretty ? `${JSON.stringify(a, null, 2)}\n` : `${JSON.stringify(a)}\n`;
    default:
      return `${JSON.stringify(a)}\n`;
  }
}

export function processJsonlLine(analyze: (input: ArticleInput) => Analysis, line: string, lineNo: number, opts: JsonlLineOptions): JsonlResult {
  try {
    if (line.includes('\u0000')) throw new InputError('binary data, not text');
    const input = readJsonlRecord(line, opts.date);
    return { ok: true, out: render(analyze(input), opts) };
  } catch (err) {
    if (!(err instanceof InputError) && process.env.NEWSGRAPH_DEBUG && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
    const message = describeRecordError(err);
    const id = idOfLine(line) ?? null;
    return {
      ok: false,
      out: opts.format === 'text'
        ? `record on line ${lineNo}${id !== null ? ` (id ${id})` : ''}: error: ${message}\n\n`
        : `${JSON.stringify({ id, error: message, line: lineNo })}\n`,
    };
  }
}
