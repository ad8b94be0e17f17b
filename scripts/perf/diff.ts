/**
 * Compares the analyses in tmp/perf/NEW against the reference in tmp/perf/REF (see snapshot.sh):
 * per file, how many analyses changed and the first differences, as JSON paths.
 *   npx tsx scripts/perf/diff.ts [REF] [NEW] [--show 5]      (defaults: ref now)
 * Exits 1 when anything differs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../src/resources/paths.js';

const args = process.argv.slice(2);
const showAt = args.indexOf('--show');
const SHOW = showAt >= 0 ? Number(args[showAt + 1]) : 5;
const pos = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1] === '--show'));
const ref = join(packageRoot(), 'tmp', 'perf', pos[0] ?? 'ref');
const now = join(packageRoot(), 'tmp', 'perf', pos[1] ?? 'now');

/** Paths where a and b differ, at most `limit`. */
function differences(a: unknown, b: unknown, path: string, out: string[], limit: number): void {
  if (out.length >= limit) return;
  if (a === b) return;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) {
    out.push(`${path}: ${short(a)} → ${short(b)}`);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) out.push(`${path}.length: ${a.length} → ${b.length}`);
    for (let i = 0; i < Math.min(a.length, b.length); i++) differences(a[i], b[i], `${path}[${i}]`, out, limit);
    return;
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  for (const k of new Set([...Object.keys(ao), ...Object.keys(bo)])) differences(ao[k], bo[k], `${path}.${k}`, out, limit);
}

function short(v: unknown): string {
  const s = JSON.stringify(v) ?? 'undefined';
  return s.length > 160 ? `${s.slice(0, 157)}…` : s;
}

let changedAll = 0;
for (const name of ['reuters.jsonl', 'polnear.jsonl', 'seed.json']) {
  const fa = join(ref, name);
  const fb = join(now, name);
  if (!existsSync(fa) || !existsSync(fb)) {
    console.log(`${name}: missing (${existsSync(fa) ? fb : fa})`);
    changedAll++;
    continue;
  }
  const la = readFileSync(fa, 'utf8').split('\n').filter((l) => l.trim());
  const lb = readFileSync(fb, 'utf8').split('\n').filter((l) => l.trim());
  let changed = 0;
  const shown: string[] = [];
  for (let i = 0; i < Math.max(la.length, lb.length); i++) {
    if (la[i] === lb[i]) continue;
    changed++;
    if (shown.length < SHOW) {
      const a = la[i] === undefined ? undefined : JSON.parse(la[i]!);
      const b = lb[i] === undefined ? undefined : JSON.parse(lb[i]!);
      const d: string[] = [];
      differences(a, b, '', d, 4);
      const id = (a as { id?: string } | undefined)?.id ?? (b as { id?: string } | undefined)?.id ?? i;
      shown.push(`  [${i}] id ${id}: ${d.length ? d.join('\n      ') : '(same JSON, different text)'}`);
    }
  }
  changedAll += changed;
  console.log(`${name}: ${changed} of ${la.length} analyses changed${la.length !== lb.length ? ` (${la.length} → ${lb.length} lines)` : ''}`);
  for (const s of shown) console.log(s);
}
process.exit(changedAll ? 1 : 0);
