/**
 * One timed run of a compiled checkout's `analyze` over the first 4,000 Reuters bodies, for
 * pinned-ab.sh: after a warm-up of 50 of them (fresh) or of the 4,000 after them (--warm), prints
 * the CPU milliseconds of the timed loop. Needs tmp/perf/reuters-8000.jsonl (make-input.ts 8000).
 *   taskset -c 1 node dist/scripts/perf/pinned-run.js ROOT [--warm]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ArticleInput } from '../../src/doc/types.js';
import { packageRoot } from '../../src/resources/paths.js';

const root = process.argv[2] ?? packageRoot();
const warm = process.argv.includes('--warm');
const { analyze } = (await import(pathToFileURL(join(root, 'dist', 'src', 'pipeline.js')).href)) as { analyze: (i: ArticleInput) => unknown };
const all = readFileSync(join(packageRoot(), 'tmp', 'perf', 'reuters-8000.jsonl'), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as ArticleInput);
const timed = all.slice(0, 4000);
for (const input of warm ? all.slice(4000) : timed.slice(0, 50)) analyze(input);
const u0 = process.cpuUsage();
for (const input of timed) analyze(input);
const u = process.cpuUsage(u0);
console.log(Math.round((u.user + u.system) / 1000));
