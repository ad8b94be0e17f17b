/**
 * What `ingest` reads: files and folders (recursively) of plain-text articles (with or without
 * the dateline header), JSON lines, HTML pages and RSS/Atom feeds, as a stream of articles and
 * of one-line failures, so one bad file or record never stops the others.
 */
import { createReadStream, readFileSync, readdirSync, statSync } from 'node:fs';
import { decodeText } from '../stages/reading/decode.js';
import { basename, extname, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { ArticleInput } from '../doc/types.js';
import { InputError, readJsonlRecord, readPlainText } from '../stages/reading/index.js';
import { readHtml } from '../stages/reading/html.js';
import { countFeedItems, looksLikeFeed, readFeed } from '../stages/reading/feed.js';

export type InputFormat = 'jsonl' | 'html' | 'feed' | 'auto';

export interface InputFile {
  path: string;
  format: InputFormat;
}

export interface ReadArticle {
  label: string;
  input: ArticleInput;
  url?: string;
}

export interface ReadFailure {
  label: string;
  /** one line that names the file (and line or item) and what is wrong */
  error: string;
}

export type ReadItem = ReadArticle | ReadFailure;

export interface InputPlan {
  files: InputFile[];
  /** files inside folders that are not articles by their extension (images, archives …) */
  ignored: string[];
  /** named paths that cannot be read at all */
  failures: ReadFailure[];
}

const BY_EXTENSION: Record<string, InputFormat> = {
  '.jsonl': 'jsonl', '.ndjson': 'jsonl',
  '.html': 'html', '.htm': 'html', '.xhtml': 'html',
  '.rss': 'feed', '.atom': 'feed', '.xml': 'feed',
  '.txt': 'auto', '.text': 'auto', '.md': 'auto', '': 'auto',
};

const FS_REASONS: Record<string, string> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ELOOP: 'too many symbolic links',
  ENOTDIR: 'not a folder in the path',
};

function fsMessage(err: unknown, path: string): string {
  const code = (err as NodeJS.ErrnoException | null)?.code ?? '';
  return `cannot read ${path}: ${FS_REASONS[code] ?? (err instanceof Error ? err.message : String(err))}`;
}

/** Expand folders (sorted, hidden entries skipped) into the files to read, in a stable order. */
export function planInputs(paths: readonly string[]): InputPlan {
  const plan: InputPlan = { files: [], ignored: [], failures: [] };
  const walk = (dir: string) => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch (err) {
      plan.failures.push({ label: dir, error: fsMessage(err, dir) });
      return;
    }
    for (const name of names) {
      if (name.startsWith('.')) continue;
      const path = join(dir, name);
      let st;
      try {
        st = statSync(path);
      } catch (err) {
        plan.failures.push({ label: path, error: fsMessage(err, path) });
        continue;
      }
      if (st.isDirectory()) walk(path);
      else if (BY_EXTENSION[extname(name).toLowerCase()] !== undefined) plan.files.push({ path, format: BY_EXTENSION[extname(name).toLowerCase()]! });
      else plan.ignored.push(path);
    }
  };
  for (const path of paths) {
    let st;
    try {
      st = statSync(path);
    } catch (err) {
      plan.failures.push({ label: path, error: fsMessage(err, path) });
      continue;
    }
    // a file named on the command line is read whatever its extension; its content decides
    if (st.isDirectory()) walk(path);
    else plan.files.push({ path, format: BY_EXTENSION[extname(path).toLowerCase()] ?? 'auto' });
  }
  return plan;
}

function countLines(path: string): number {
  const buf = readFileSync(path);
  let n = 0;
  let lineHasText = false;
  for (const byte of buf) {
    if (byte === 10) {
      if (lineHasText) n++;
      lineHasText = false;
    } else if (byte !== 13 && byte !== 32 && byte !== 9) {
      lineHasText = true;
    }
  }
  return n + (lineHasText ? 1 : 0);
}

/** About how many articles the plan holds, read cheaply, for the progress bar. */
export function estimateArticles(plan: InputPlan): number {
  let total = 0;
  for (const f of plan.files) {
    try {
      if (f.format === 'jsonl') total += countLines(f.path);
      else if (f.format === 'feed' || (f.format === 'auto' && extname(f.path) === '.xml')) total += countFeedItems(readFileSync(f.path, 'utf8'));
      else total += 1;
    } catch {
      total += 1; // reported when read
    }
  }
  return total;
}

function readText(path: string): string {
  return decodeText(readFileSync(path), path).text;
}

function looksLikeHtml(raw: string): boolean {
  const head = raw.trimStart().slice(0, 64).toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html');
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err)).replace(/\s*\n\s*/g, ' ');

async function* readJsonlFile(path: string): AsyncGenerator<ReadItem> {
  const stream = createReadStream(path, { encoding: 'utf8' });
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let lineNo = 0;
  try {
    for await (const raw of lines) {
      lineNo++;
      const line = lineNo === 1 ? raw.replace(/^\uFEFF/, '') : raw;
      if (!line.trim()) continue;
      const label = `${path}:${lineNo}`;
      try {
        if (line.includes('\u0000')) throw new InputError('binary data, not text');
        const input = readJsonlRecord(line);
        if (!input.text.trim()) throw new InputError('record has no text');
        yield { label, input };
      } catch (err) {
        yield { label, error: `${label}: ${errorText(err)}` };
      }
    }
  } catch (err) {
    yield { label: `${path}:${lineNo + 1}`, error: fsMessage(err, path) };
  }
}

function* readFeedFile(path: string, raw: string): Generator<ReadItem> {
  const feed = readFeed(raw, path);
  for (const entry of feed.entries) {
    const label = `${path} item ${entry.index + 1}`;
    if ('error' in entry) {
      yield { label, error: entry.error };
      continue;
    }
    const { url, ...input } = entry.article;
    yield { label, input, ...(url ? { url } : {}) };
  }
}

/** One file → its articles (one for a text or HTML file, many for JSON lines and feeds) or failures. */
async function* readFile(file: InputFile): AsyncGenerator<ReadItem> {
  if (file.format === 'jsonl') {
    try {
      statSync(file.path);
    } catch (err) {
      yield { label: file.path, error: fsMessage(err, file.path) };
      return;
    }
    yield* readJsonlFile(file.path);
    return;
  }
  try {
    const raw = readText(file.path);
    const format = file.format !== 'auto' ? file.format : looksLikeHtml(raw) ? 'html' : looksLikeFeed(raw) ? 'feed' : 'text';
    if (format === 'feed') {
      yield* readFeedFile(file.path, raw);
      return;
    }
    const input = format === 'html' ? readHtml(raw, undefined, file.path) : readPlainText(raw, undefined, file.path);
    if (!input.text.trim()) throw new InputError(`${file.path} has no article text`);
    yield { label: file.path, input };
  } catch (err) {
    const message = err instanceof InputError ? errorText(err) : (err as NodeJS.ErrnoException).code ? fsMessage(err, file.path) : errorText(err);
    // InputErrors from the readers already name the file
    yield { label: file.path, error: message.includes(file.path) || message.includes(basename(file.path)) ? message : `${file.path}: ${message}` };
  }
}

export async function* readArticles(plan: InputPlan): AsyncGenerator<ReadItem> {
  for (const failure of plan.failures) yield failure;
  for (const file of plan.files) yield* readFile(file);
}

export const isFailure = (item: ReadItem): item is ReadFailure => 'error' in item;
