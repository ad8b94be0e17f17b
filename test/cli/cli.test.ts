/**
 * The `newsgraph analyze` command line as ../shared/CONTRACT.md section 1 states it, run as a
 * child process over the compiled CLI (`npm test` compiles to dist/ first).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, type Run } from '../support/cli.js';

const SEED = '../shared/seed/article.txt';


const newsgraph = (args: string[], stdin?: string | Buffer): Promise<Run> => runCli(args, stdin === undefined ? {} : { stdin });

/** A user error: non-zero exit, nothing on stdout, exactly one stderr line and no stack frames. */
function expectOneLineError(r: Run, pattern?: RegExp): void {
  expect(r.code).not.toBe(0);
  expect(r.stdout).toBe('');
  const lines = r.stderr.split('\n').filter(Boolean);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^newsgraph: /);
  expect(r.stderr).not.toMatch(/^\s+at /m);
  if (pattern) expect(lines[0]).toMatch(pattern);
}

let dir: string;
beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist', 'src', 'cli', 'main.js'))) {
    throw new Error('dist/ is missing: run `npm test` (which compiles first) or `npm run build`');
  }
  dir = mkdtempSync(join(tmpdir(), 'newsgraph-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.concurrent('newsgraph analyze FILE', () => {
  it('analyses the seed article: date from the dateline, text after it', async () => {
    const r = await newsgraph(['analyze', SEED]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.endsWith('\n')).toBe(true);
    const a = JSON.parse(r.stdout) as { date: string; text: string; entities: unknown[]; sentences: unknown[] };
    expect(a.date).toBe('2025-09-02');
    expect(a.text.startsWith('The meeting')).toBe(true);
    expect(Array.isArray(a.entities)).toBe(true);
    expect(a.sentences.length).toBeGreaterThan(1);
  });

  it('reads standard input for -, and --date overrides the dateline', async () => {
    const r = await newsgraph(['analyze', '-', '--date', '2020-01-01'], 'date 2025-09-02 Xi welcomed Putin in Beijing.\n');
    expect(r.code).toBe(0);
    const a = JSON.parse(r.stdout) as { date: string; text: string };
    expect(a.date).toBe('2020-01-01');
    expect(a.text).toBe('Xi welcomed Putin in Beijing.\n');
  });

  it('reads the dateline from standard input', async () => {
    const r = await newsgraph(['analyze', '-'], '  date 2024-03-05\nMarkets fell on Monday.');
    expect(r.code).toBe(0);
    const a = JSON.parse(r.stdout) as { date: string; text: string };
    expect(a.date).toBe('2024-03-05');
    expect(a.text).toBe('Markets fell on Monday.');
  });

  it('reports a missing file in one line', async () => {
    expectOneLineError(await newsgraph(['analyze', 'no/such/article.txt']), /no\/such\/article\.txt: no such file/);
  });

  it('reports a directory in one line', async () => {
    expectOneLineError(await newsgraph(['analyze', 'test']), /is a directory/);
  });

  it('refuses binary data in one line', async () => {
    const file = join(dir, 'binary.dat');
    writeFileSync(file, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x00, 0x01, 0x02, 0x00, 0xff]));
    expectOneLineError(await newsgraph(['analyze', file]), /binary/);
  });

  it('reads a UTF-16 file and a Windows-1252 file as the text they hold', async () => {
    const seed = readFileSync(SEED, 'utf8');
    const utf16 = join(dir, 'seed-utf16.txt');
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(seed, 'utf16le')]));
    const r = await newsgraph(['analyze', utf16]);
    expect(r.code).toBe(0);
    const a = JSON.parse(r.stdout) as { date: string; entities: { name: string }[] };
    expect(a.date).toBe('2025-09-02');
    expect(a.entities.map((e) => e.name)).toContain('Vladimir Putin');
    const latin = join(dir, 'latin1.txt');
    writeFileSync(latin, Buffer.from('date 2024-05-01 Angela Merkel visited Zürich, the café said.', 'latin1'));
    const l = JSON.parse((await newsgraph(['analyze', latin])).stdout) as { text: string };
    expect(l.text).toBe('Angela Merkel visited Zürich, the café said.');
  });

  it('refuses a 10 MB article in one line, at once', async () => {
    const big = join(dir, 'big.txt');
    writeFileSync(big, `date 2025-01-01\n${'Officials said the talks went well. '.repeat(300_000)}`);
    const started = Date.now();
    expectOneLineError(await newsgraph(['analyze', big]), /million characters/);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('refuses an empty file in one line', async () => {
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '');
    expectOneLineError(await newsgraph(['analyze', empty]), /no article text/);
  });

  it('refuses a bad --date in one line', async () => {
    expectOneLineError(await newsgraph(['analyze', SEED, '--date', '2025-02-30']), /--date/);
  });

  it('refuses an unknown --format in one line', async () => {
    expectOneLineError(await newsgraph(['analyze', SEED, '--format', 'xml']), /format/);
  });

  it('prints a text report', async () => {
    const r = await newsgraph(['analyze', SEED, '--format', 'text']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^date: +2025-09-02$/m);
    expect(r.stdout).toMatch(/^words: +\d+/m);
    expect(r.stdout).toContain('Vladimir Putin');
    expect(r.stdout).toMatch(/^Tone: /m);
    // reported speech as the writer put it, with the words it quotes; direct speech in marks
    expect(r.stdout).toMatch(/\[indirect\] Vladimir Putin: the crisis in Ukraine was caused by .* \(stated\)  \[quoting "Western-provoked coup in Kyiv"\]/);
    expect(r.stdout).toMatch(/\[direct\] Vladimir Putin: "Our close interaction/);
  });

  it('reads an HTML page', async () => {
    const file = join(dir, 'page.html');
    writeFileSync(
      file,
      '<!doctype html><html><head><title>Talks</title><meta property="article:published_time" content="2025-09-02T08:00:00Z"></head>' +
        '<body><article><p>Xi Jinping welcomed Vladimir Putin in Beijing on Tuesday for talks on trade and energy.</p></article></body></html>',
    );
    const r = await newsgraph(['analyze', file]);
    expect(r.code).toBe(0);
    const a = JSON.parse(r.stdout) as { date: string; text: string };
    expect(a.date).toBe('2025-09-02');
    expect(a.text).toContain('Xi Jinping welcomed Vladimir Putin');
    expect(a.text).not.toContain('<');
  });
});

describe.concurrent('newsgraph analyze --jsonl', () => {
  it('writes one line per record in order, errors in place, ids kept', async () => {
    const input = [
      JSON.stringify({ id: 'good', date: '2025-09-02', title: 'Talks', text: 'Xi Jinping welcomed Vladimir Putin in Beijing.' }),
      '{"id": "broken", "date": ',
      '',
      JSON.stringify({ id: 'baddate', date: '2025-13-01', text: 'Markets fell.' }),
      JSON.stringify({ id: 42, date: '2024-01-05', text: 'Oil prices rose on Friday.' }),
    ].join('\n');
    const file = join(dir, 'records.jsonl');
    writeFileSync(file, `${input}\n`);
    const r = await newsgraph(['analyze', '--jsonl', file]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/2 of 4 records failed/);
    expect((await newsgraph(['analyze', '--jsonl', '--strict', file])).code).toBe(2);
    const lines = r.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatchObject({ id: 'good', date: '2025-09-02', text: 'Xi Jinping welcomed Vladimir Putin in Beijing.' });
    expect(lines[0]).not.toHaveProperty('error');
    expect(lines[1]).toMatchObject({ id: null, line: 2 });
    expect(typeof lines[1]!.error).toBe('string');
    expect(lines[2]).toMatchObject({ id: 'baddate', line: 4 });
    expect(lines[2]!.error).toMatch(/date/);
    expect(lines[3]).toMatchObject({ id: '42', date: '2024-01-05' });
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  });

  it('exits 0 when every record is good, reading standard input', async () => {
    const input = `${JSON.stringify({ id: 'a', date: '2025-09-02', text: 'Putin spoke.' })}\n${JSON.stringify({ id: 'b', date: '2025-09-03', text: 'Xi spoke.' })}\n`;
    const r = await newsgraph(['analyze', '--jsonl', '-', '--date', '2021-06-01'], input);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string; date: string });
    expect(lines.map((l) => [l.id, l.date])).toEqual([['a', '2021-06-01'], ['b', '2021-06-01']]);
  });

  it('reports a missing JSON lines file in one line', async () => {
    expectOneLineError(await newsgraph(['analyze', '--jsonl', join(dir, 'absent.jsonl')]), /no such file/);
  });
});
