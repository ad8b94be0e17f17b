/**
 * PETRARCH2's unit-test sentences as a behaviour check for the event coder:
 *
 *   npx tsx scripts/eval-petrarch.ts [../shared/data/events/petrarch2_unittest.jsonl] [--show]
 *
 * Only sentences whose expected codes are all real CAMEO codes (../shared/data/events/cameo_codes.tsv)
 * count; those expecting no event or a parse error, or coded with the test dictionaries' made-up
 * codes, are left out. A sentence passes when every expected (source, target, code) triple is
 * found among its events:
 * - code only: an event with exactly that CAMEO code;
 * - full: that code, with source and target matching by text. Most actors are fictional
 *   countries coded by PETRARCH's test dictionaries (Arnor → ARN), so an actor code matches an
 *   entity whose country is that code or one of whose names begins with it (ARN ~ "Arnor").
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { analyze } from '../src/pipeline.js';
import type { Analysis } from '../src/analysis.js';

interface Expected { sourcecode?: string; targetcode?: string; eventcode?: string; noevents?: string; error?: string }
interface Record { id: string; date: string; text: string; expected: Expected[] }

const args = process.argv.slice(2);
const show = args.includes('--show');
const dataDir = resolve('../shared/data/events');
const file = args.find((a) => !a.startsWith('--')) ?? resolve(dataDir, 'petrarch2_unittest.jsonl');
const realCodes = new Set(readFileSync(resolve(dataDir, 'cameo_codes.tsv'), 'utf8').split('\n').slice(1).map((l) => l.split('\t')[0]).filter(Boolean));

function actorMatches(code: string | undefined, entityId: string | null, a: Analysis): boolean {
  if (!code) return true;
  const c = code.slice(0, 3).toUpperCase();
  const e = a.entities.find((x) => x.id === entityId);
  if (!e) return false;
  if (e.country === c) return true;
  const names = [e.name, ...e.mentions.map((m) => m.text)];
  return names.some((n) => n.split(/[\s'’-]+/).some((w) => w.slice(0, 3).toUpperCase() === c));
}

const records = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record);
let n = 0;
let codeOk = 0;
let fullOk = 0;
let rootOk = 0;
const started = Date.now();
for (const r of records) {
  const ex = r.expected;
  if (!ex.length || ex.some((e) => !e.eventcode || !realCodes.has(e.eventcode))) continue;
  n++;
  const date = /^\d{8}$/.test(r.date) ? `${r.date.slice(0, 4)}-${r.date.slice(4, 6)}-${r.date.slice(6)}` : null;
  const a = analyze({ id: r.id, date, text: r.text });
  const code = ex.every((e) => a.events.some((x) => x.cameo === e.eventcode));
  const root = ex.every((e) => a.events.some((x) => x.cameo?.slice(0, 2) === e.eventcode!.slice(0, 2)));
  const full = ex.every((e) => a.events.some((x) => x.cameo === e.eventcode && actorMatches(e.sourcecode, x.source, a) && actorMatches(e.targetcode, x.target, a)));
  codeOk += +code;
  rootOk += +root;
  fullOk += +full;
  if (show && !full) {
    const name = (id: string | null) => a.entities.find((x) => x.id === id)?.name ?? '-';
    console.log(`${code ? 'CODE' : 'MISS'} ${r.id}: ${r.text}`);
    console.log(`   expected ${ex.map((e) => `${e.sourcecode} ${e.eventcode} ${e.targetcode}`).join('; ')}`);
    console.log(`   found    ${a.events.map((x) => `${name(x.source)} ${x.cameo} ${name(x.target)}`).join('; ') || '(none)'}`);
  }
}
const pct = (x: number) => `${((100 * x) / Math.max(1, n)).toFixed(1)}%`;
console.log(`petrarch2 unit tests with real CAMEO codes: ${n} of ${records.length} sentences (${Date.now() - started} ms)`);
console.log(`  CAMEO code found:                 ${codeOk} (${pct(codeOk)})`);
console.log(`  CAMEO root (two digits) found:    ${rootOk} (${pct(rootOk)})`);
console.log(`  code + source + target by text:   ${fullOk} (${pct(fullOk)})`);
