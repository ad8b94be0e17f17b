/**
 * `npm run load`: autocannon against `newsgraph serve` on loopback — a store with the example and
 * the test articles, 10 connections for 30 s (LOAD_SECONDS to change it) over the read endpoints
 * the interface uses. Prints requests per second, p50 and p99 latency, errors and non-2xx replies.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { packageRoot } from '../src/resources/paths.js';

const root = packageRoot();
const cli = join(root, 'bin', 'newsgraph.js');
const seconds = Number(process.env.LOAD_SECONDS ?? 30);
const dir = mkdtempSync(join(tmpdir(), 'newsgraph-load-'));
const db = join(dir, 'load.db');

const fixtures = join(root, 'test', 'fixtures', 'articles');
const ingest = spawnSync(process.execPath, [cli, 'ingest', join(root, 'examples', 'seed-article.txt'), ...readdirSync(fixtures).map((f) => join(fixtures, f)), '--db', db], { encoding: 'utf8' });
if (ingest.status !== 0) throw new Error(`ingest failed: ${ingest.stderr}`);

const server = spawn(process.execPath, [cli, 'serve', '--db', db, '--port', '0', '--host', '127.0.0.1'], { stdio: ['ignore', 'pipe', 'pipe'] });
const url = await new Promise<string>((resolve, reject) => {
  let seen = '';
  const look = (chunk: Buffer) => {
    seen += chunk.toString();
    const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(seen);
    if (m) resolve(m[0]);
  };
  server.stdout.on('data', look);
  server.stderr.on('data', look);
  server.once('exit', (code) => reject(new Error(`serve exited ${code}: ${seen}`)));
});

const first = ((await (await fetch(`${url}api/articles?limit=1`)).json()) as { articles: { id: string }[] }).articles[0]!.id;
const paths = ['/api/health', '/api/stats', '/api/articles', `/api/articles/${first}`, '/api/search?q=Putin', '/api/entities?q=Xi', '/api/relation?a=Xi%20Jinping&b=Vladimir%20Putin', '/api/sources', '/api/graph', '/'];
try {
  const result = await autocannon({
    url,
    connections: 10,
    duration: seconds,
    requests: paths.map((path) => ({ method: 'GET', path })),
  });
  const ms = (x: number) => `${x.toFixed(1)} ms`;
  console.log(`load: ${seconds} s, 10 connections, ${paths.length} endpoints round-robin, ${url}\n`);
  console.log('| requests/s | p50 latency | p99 latency | requests | errors | non-2xx |');
  console.log('|---:|---:|---:|---:|---:|---:|');
  console.log(`| ${Math.round(result.requests.average).toLocaleString('en-US')} | ${ms(result.latency.p50)} | ${ms(result.latency.p99)} | ${result.requests.total.toLocaleString('en-US')} | ${result.errors + result.timeouts} | ${result.non2xx} |`);
  if (result.errors + result.timeouts + result.non2xx > 0) process.exitCode = 1;
} finally {
  server.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}
