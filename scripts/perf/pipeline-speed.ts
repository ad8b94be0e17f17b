/**
 * Whole-pipeline words/s on one core: `analyze` of a compiled checkout over a JSONL of articles,
 * after a warm-up on its first 50, by wall and CPU time.
 *   node dist/scripts/perf/pipeline-speed.js [ROOT] [FILE]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { ArticleInput } from '../../src/doc/types.js';
import { packageRoot } from '../../src/resources/paths.js';

const root = process.argv[2] ?? packageRoot();
const file = process.argv[3] ?? join(packageRoot(), 'tmp', 'perf', 'reuters-4000.jsonl');
const { analyze } = (await import(pathToFileURL(join(root, 'dist', 'src', 'pipeline.js')).href)) as { analyze: (i: ArticleInput) => unknown };
const inputs = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as ArticleInput);
for (const input of inputs.slice(0, 50)) analyze(input);
let words = 0;
for (const input of inputs) words += input.text.match(/\S+/g)?.length ?? 0;
const u0 = process.cpuUsage();
const t0 = performance.now();
for (const input of inputs) analyze(input);
const wall = performance.now() - t0;
const u = process.cpuUsage(u0);
const cpuMs = (u.user + u.system) / 1000;
console.log(`${root}: ${inputs.length} articles, ${words} words, wall ${wall.toFixed(0)} ms (${Math.round(words / (wall / 1000))} words/s), CPU ${cpuMs.toFixed(0)} ms (${Math.round(words / (cpuMs / 1000))} words/s)`);
