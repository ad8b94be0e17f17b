/**
 * `newsgraph serve` and `newsgraph start` as a user runs them: a child process over the compiled
 * CLI (`npm test` compiles to dist/ first), answering on the port it prints, stopping cleanly on
 * SIGTERM and SIGINT.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { choosePort } from '../../src/cli/commands/serve.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin', 'newsgraph.js');
const dir = mkdtempSync(join(tmpdir(), 'newsgraph-serve-cli-'));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Running {
  child: ChildProcess;
  url: string;
  stderr: () => string;
  exit: Promise<number | null>;
}

/** Start the CLI and wait for the URL it prints. */
function run(args: string[], env: Record<string, string> = {}): Promise<Running> {
  const { NEWSGRAPH_PG_URL: _pg, PORT: _port, NEWSGRAPH_TOKEN: _token, ...rest } = process.env;
  const child = spawn(process.execPath, [BIN, ...args], { cwd: dir, env: { ...rest, ...env } });
  let out = '';
  let err = '';
  child.stderr.on('data', (d: Buffer) => { err += d.toString(); });
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`no URL printed in time: ${err}`)); }, 30_000);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1]!, stderr: () => err, exit });
      }
    });
    void exit.then((code) => { clearTimeout(timer); reject(new Error(`exited ${code} before listening: ${err}`)); });
  });
}

describe('serve: the command line', () => {
  it('the port: --port, else PORT, else 8080; bad values are refused in one line', () => {
    expect(choosePort(undefined, {})).toBe(8080);
    expect(choosePort(undefined, { PORT: '3000' })).toBe(3000);
    expect(choosePort('4000', { PORT: '3000' })).toBe(4000);
    expect(() => choosePort('http', {})).toThrow('--port must be a port number from 0 to 65535, not "http"');
    expect(() => choosePort(undefined, { PORT: '70000' })).toThrow(/^PORT must be/);
  });

  it('serve --db FILE --port 0: prints its URL, answers, refuses writes without NEWSGRAPH_TOKEN, stops on SIGTERM', async () => {
    const r = await run(['serve', '--db', join(dir, 'serve.db'), '--port', '0']);
    expect(r.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(await (await fetch(new URL('/api/health', r.url))).json()).toEqual({ ok: true });
    const write = await fetch(new URL('/api/articles', r.url), { method: 'POST', body: 'text' });
    expect(write.status).toBe(403);
    expect(r.stderr()).toContain('read-only (set NEWSGRAPH_TOKEN');
    r.child.kill('SIGTERM');
    expect(await r.exit).toBe(0);
    expect(r.stderr()).toContain('SIGTERM: shutting down');
  });

  it('start: stores the example article in an empty store, then serves it (PORT honoured); a second start adds nothing', async () => {
    const first = await run(['start'], { PORT: '0' });
    const article = await (await fetch(new URL('/api/articles/seed-article', first.url))).json();
    expect(article.analysis.entities.some((e: { name: string }) => e.name === 'Vladimir Putin')).toBe(true);
    expect(first.stderr()).toContain('stored the example article');
    first.child.kill('SIGINT');
    expect(await first.exit).toBe(0);

    const second = await run(['start', '--port', '0']);
    expect((await (await fetch(new URL('/api/stats', second.url))).json()).articles).toBe(1);
    expect(second.stderr()).not.toContain('stored the example article');
    second.child.kill('SIGTERM');
    expect(await second.exit).toBe(0);
  });

  it('a port in use is one line naming it', async () => {
    const r = await run(['serve', '--db', join(dir, 'busy.db'), '--port', '0']);
    const port = new URL(r.url).port;
    const child = spawn(process.execPath, [BIN, 'serve', '--db', join(dir, 'busy.db'), '--port', port], { cwd: dir });
    let err = '';
    child.stderr.on('data', (d: Buffer) => { err += d.toString(); });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(err.trim()).toBe(`newsgraph: port ${port} on 127.0.0.1 is in use: choose another with --port or PORT`);
    r.child.kill('SIGTERM');
    await r.exit;
  });
});
