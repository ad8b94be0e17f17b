/**
 * Ingest progress on standard error: a progress bar on a terminal, a line every few seconds
 * otherwise (logs, CI), so a long run is never silent and a log is never flooded.
 */
import cliProgress from 'cli-progress';

export interface IngestCounts {
  added: number;
  duplicates: number;
  failed: number;
}

export interface Progress {
  start(total: number): void;
  update(done: number, counts: IngestCounts): void;
  /** A problem line (a bad file or record), printed without breaking the bar. */
  note(line: string): void;
  stop(): void;
}

const LINE_INTERVAL_MS = 5_000;

function rate(done: number, startedAt: number): number {
  const seconds = (Date.now() - startedAt) / 1000;
  return seconds > 0 ? Math.round(done / seconds) : 0;
}

function lineProgress(out: NodeJS.WritableStream, intervalMs: number): Progress {
  let total = 0;
  let startedAt = Date.now();
  let lastLine = Date.now();
  return {
    start(t) {
      total = t;
      startedAt = Date.now();
      lastLine = startedAt;
    },
    update(done, c) {
      if (Date.now() - lastLine < intervalMs) return;
      lastLine = Date.now();
      out.write(`ingest: ${done}/${Math.max(total, done)} articles, ${rate(done, startedAt)}/s (${c.added} added, ${c.duplicates} duplicates, ${c.failed} failed)\n`);
    },
    note(line) {
      out.write(`${line}\n`);
    },
    stop() {},
  };
}

function barProgress(out: NodeJS.WriteStream): Progress {
  const bar = new cliProgress.SingleBar(
    {
      stream: out,
      format: 'ingest [{bar}] {value}/{total} articles | {speed}/s | {added} added, {duplicates} duplicates, {failed} failed | {eta_formatted}',
      hideCursor: true,
      clearOnComplete: false,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  let startedAt = Date.now();
  let running = false;
  return {
    start(total) {
      startedAt = Date.now();
      running = true;
      bar.start(Math.max(total, 1), 0, { speed: 0, added: 0, duplicates: 0, failed: 0 });
    },
    update(done, c) {
      if (done > bar.getTotal()) bar.setTotal(done);
      bar.update(done, { speed: rate(done, startedAt), ...c });
    },
    note(line) {
      // clear the bar's line, print, and let the next update redraw the bar below
      out.write(`\r\x1b[K${line}\n`);
      if (running) bar.render();
    },
    stop() {
      if (running) bar.stop();
      running = false;
    },
  };
}

export function createProgress(out: NodeJS.WriteStream = process.stderr, intervalMs = LINE_INTERVAL_MS): Progress {
  return out.isTTY ? barProgress(out) : lineProgress(out, intervalMs);
}

/** For library callers and tests: no output at all. */
export const silentProgress: Progress = { start() {}, update() {}, note() {}, stop() {} };
