/** The messages between the analysis pool (main thread) and its worker threads. */
import type { Analysis } from '../analysis.js';
import type { ArticleInput } from '../doc/types.js';

export type JsonlFormat = 'json' | 'jsonl' | 'text' | 'gdelt';

export interface JsonlLineOptions {
  /** --date: overrides every record's date */
  date?: string;
  format: JsonlFormat;
  pretty: boolean;
}

/** `analyze --jsonl`: one raw line → its rendered output (or its error line). */
export interface JsonlTask {
  kind: 'jsonl';
  line: string;
  lineNo: number;
  opts: JsonlLineOptions;
}

/** `ingest`: one article → its analysis, for the main thread to store. */
export interface AnalyzeTask {
  kind: 'analyze';
  input: ArticleInput;
}

export type Task = JsonlTask | AnalyzeTask;

/**
 * A rendered line. `out` never carries the GDELT header; the caller adds it before the first
 * record that succeeded, since only the caller knows which one that is.
 */
export interface JsonlResult {
  ok: boolean;
  out: string;
}

export type AnalyzeResult =
  | { ok: true; analysis: Analysis }
  /** `message` as `ingest` reports it: the error's own one-line message */
  | { ok: false; message: string };

export type ResultOf<T extends Task> = T extends JsonlTask ? JsonlResult : AnalyzeResult;

export interface TaskMessage {
  seq: number;
  task: Task;
}

export type WorkerMessage =
  | { seq: number; result: JsonlResult | AnalyzeResult }
  /** the pipeline has loaded: the thread is up */
  | { ready: true }
  /** an error outside any one record (the pipeline could not load) */
  | { fatal: string };
