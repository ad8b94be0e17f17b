/**
 * Linear time on hostile input: each pattern repeated to SMALL and to 4×SMALL characters (one
 * "sentence" of thousands of tokens, the same name thousands of times), timed per stage. A
 * linear stage takes about 4× as long on the longer text; the script flags any stage above 8×
 * that takes over 0.3 s, and exits 1 when one does.
 *   node dist/scripts/perf/pathological.js [--small 40000]
 */
import { STAGES, emptyDoc } from '../../src/pipeline.js';

const args = process.argv.slice(2);
const at = args.indexOf('--small');
const SMALL = at >= 0 ? Number(args[at + 1]) : 40_000;

const PATTERNS: Record<string, string> = {
  'straight quotes': '"', 'curly quotes': '“', 'quoted words': '" a "', 'parentheses': '(', 'dashes': ' - ',
  'commas': ',', 'capitals': 'A ', 'one name': 'Xi ', 'a capitalised run': 'Foo Bar ', 'possessives': "X's ",
  'a cue verb': 'said ', 'name and cue': 'Putin said ', 'dash attributions': '- Putin added ', 'money': '$1 ',
  'percentages': '5% ', 'newlines': '\n', 'according to': 'according to ', 'hyphens': 'a-', 'questions': '?"',
  'colons': ': "', 'weekdays': 'Monday, ', 'dates': 'January 1, ', 'quotes with cues': '"x," he said. ',
  'pronouns': 'He ', 'event nouns': 'sanctions ', 'events': 'Xi met Putin ', 'coordination': 'and China ',
  'years': '2024 ', 'short sentences': '. ', 'titles': 'Mr. ', 'partial quotes': 'X called it "bad" and "worse" ',
  'scare quotes': 'The "warm" ties grew. ',
};

function stageTimes(text: string): Record<string, number> {
  const doc = emptyDoc({ date: '2025-01-01', text });
  const times: Record<string, number> = {};
  for (const stage of STAGES) {
    const t0 = performance.now();
    Object.assign(doc, stage.run(doc)); // as runPipeline does
    times[stage.name] = performance.now() - t0;
  }
  return times;
}

const repeat = (p: string, n: number) => p.repeat(Math.ceil(n / p.length)).slice(0, n);
let bad = 0;
console.log(`${'pattern'.padEnd(20)} ${'ms at ' + SMALL}`.padEnd(34) + ` ms at ${4 * SMALL}   slowest stage (ratio)`);
for (const [name, p] of Object.entries(PATTERNS)) {
  const a = stageTimes(repeat(p, SMALL));
  const b = stageTimes(repeat(p, 4 * SMALL));
  const total = (x: Record<string, number>) => Object.values(x).reduce((s, v) => s + v, 0);
  const worst = Object.keys(b).sort((x, y) => b[y]! / Math.max(a[y]!, 1) - b[x]! / Math.max(a[x]!, 1))[0]!;
  const ratio = b[worst]! / Math.max(a[worst]!, 1);
  const flagged = Object.keys(b).filter((k) => b[k]! > 300 && b[k]! / Math.max(a[k]!, 1) > 8);
  bad += flagged.length;
  console.log(`${name.padEnd(20)} ${total(a).toFixed(0).padStart(12)} ${total(b).toFixed(0).padStart(14)}   ${worst} (${ratio.toFixed(1)}×)${flagged.length ? '  SUPERLINEAR: ' + flagged.join(', ') : ''}`);
}
process.exit(bad ? 1 : 0);
