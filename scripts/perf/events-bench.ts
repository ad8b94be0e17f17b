/**
 * The events stage alone, timed over documents analysed once up to it: every other stage runs once
 * per article, then findEvents runs ROUNDS times over all of them (each time on a shallow copy of
 * the document, so the stage's per-document caches start empty as in the pipeline). Prints each
 * round's CPU ms, the minimum, and a hash of all events (equal hashes: the same output).
 *   node dist/scripts/perf/events-bench.js [FILE] [--limit 2000] [--rounds 7] [--reuse] [--interfere]
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ArticleInput, NewsDoc } from '../../src/doc/types.js';
import { STAGES, emptyDoc } from '../../src/pipeline.js';
import { packageRoot } from '../../src/resources/paths.js';
import { findEvents } from '../../src/stages/events/index.js';

const args = process.argv.slice(2);
const opt = (name: string, dflt: number): number => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const file = args.find((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1]!.startsWith('--'))) ?? join(packageRoot(), 'tmp', 'perf', 'reuters-4000.jsonl');
const LIMIT = opt('--limit', 2000);
const ROUNDS = opt('--rounds', 7);
/** --reuse: the same token objects every round (steady state of a warm cache, which the pipeline never reaches) */
const FRESH = !args.includes('--reuse');
const INTERFERE = args.includes('--interfere');
const cpuMs = (): number => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };

const inputs = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).slice(0, LIMIT).map((l) => JSON.parse(l) as ArticleInput);
const docs: NewsDoc[] = inputs.map((input) => {
  let doc = emptyDoc(input);
  for (const stage of STAGES) {
    if (stage.name === 'events') break;
    doc = { ...doc, ...stage.run(doc) };
  }
  return doc;
});
const times: number[] = [];
let hash = '';
for (let round = 0; round < ROUNDS; round++) {
  const h = createHash('sha1');
  let ms = 0;
  let n = 0;
  for (const doc of docs) {
    // fresh tokens and lower-case strings, untimed, as the tokens stage makes them for each article: a
    // string seen before has its hash computed and may be internalised, which the pipeline never sees
    const tokens = FRESH ? doc.tokens.map((t) => ({ ...t, lower: t.text.toLowerCase() })) : doc.tokens;
    // --interfere: the stages before events run again first, untimed, as in the pipeline (their tables and garbage in the caches)
    if (INTERFERE) for (const stage of STAGES) { if (stage.name === 'events') break; stage.run({ ...doc }); }
    const t0 = cpuMs();
    const events = findEvents({ ...doc, tokens });
    ms += cpuMs() - t0;
    n += events.length;
    if (round === 0) h.update(JSON.stringify(events));
  }
  times.push(ms);
  if (round === 0) hash = `${h.digest('hex').slice(0, 12)} (${n} events)`;
}
// round 0 also hashes (and warms up): left out of the minimum
console.log(`events over ${docs.length} docs: rounds ${times.map((t) => t.toFixed(0)).join(' ')} ms; min ${Math.min(...times.slice(1)).toFixed(0)} ms; output ${hash}`);
