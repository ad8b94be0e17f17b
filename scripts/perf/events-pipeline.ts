/**
 * Whole-pipeline throughput on one core: analyze() warmed up on 50 articles, then timed over all of
 * FILE (words: whitespace-separated). Prints wall and CPU words/s.
 *   node dist/scripts/perf/events-pipeline.js [FILE]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ArticleInput } from '../../src/doc/types.js';
import { analyze } from '../../src/pipeline.js';
import { packageRoot } from '../../src/resources/paths.js';

const file = process.argv[2] ?? join(packageRoot(), 'tmp', 'perf', 'reuters-4000.jsonl');
const inputs = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as ArticleInput);
const cpuMs = (): number => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
for (const input of inputs.slice(0, 50)) analyze(input);
let words = 0;
for (const input of inputs) words += input.text.match(/\S+/g)?.length ?? 0;
const c0 = cpuMs();
const t0 = performance.now();
for (const input of inputs) analyze(input);
const wall = performance.now() - t0;
const cpu = cpuMs() - c0;
console.log(`${inputs.length} articles, ${words} words: wall ${wall.toFixed(0)} ms (${Math.round(words / wall * 1000)} words/s), cpu ${cpu.toFixed(0)} ms (${Math.round(words / cpu * 1000)} words/s)`);
