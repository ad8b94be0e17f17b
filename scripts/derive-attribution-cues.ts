/**
 * Derives the attribution cue lexicon from PolNeAR training annotations
 * (../shared/data/attribution/polnear_train.jsonl) into data/lexicons/attribution-cues.json,
 * which the quotes stage reads at start-up.
 *
 *   npx tsx scripts/derive-attribution-cues.ts [--data ../shared/data/attribution/polnear_train.jsonl] [--out data/lexicons/attribution-cues.json]
 *
 * Only statistics are written, never text from the articles: for each cue (the annotated cue
 * span, lowercased, one to three words) how often it is annotated as a cue, how often the same
 * words occur in the training texts at all (its precision as a cue), where it stands relative to
 * the content (before or after it), and how often the content it introduces opens with "that".
 * A cue is kept when it is annotated at least MIN_COUNT times with a precision of at least
 * MIN_PRECISION; the dev split is never read.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

interface Gold {
  text: string;
  attributions: { cue?: { spans?: [number, number][] }; content?: { spans?: [number, number][] }; direct_quote?: boolean }[];
}

export interface CueStat {
  cue: string;
  /** times annotated as a cue */
  count: number;
  /** count / occurrences of the same words in the training texts */
  precision: number;
  /** share of its attributions whose content follows the cue */
  before: number;
  /** share of its attributions whose content opens with "that" */
  that: number;
  /** share of its attributions marked as direct quotations */
  direct: number;
}

const MIN_COUNT = 4;
const MIN_PRECISION = 0.3;

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
};

/** The cue as words: lowercased, only letters, apostrophes and hyphens kept; '' when it is not words. */
export function normaliseCue(s: string): string {
  const words = s.toLowerCase().replace(/[’]/g, "'").split(/\s+/).map((w) => w.replace(/^[^\p{L}]+|[^\p{L}']+$/gu, '')).filter(Boolean);
  // "Reuters’s said" leaves a stray "s" before the cue
  if (words[0] === 's' && words.length > 1) words.shift();
  if (!words.length || words.length > 3 || words.some((w) => !/^[\p{L}'-]+$/u.test(w))) return '';
  return words.join(' ');
}

export function deriveCues(docs: Gold[], minCount = MIN_COUNT, minPrecision = MIN_PRECISION): CueStat[] {
  const stats = new Map<string, { count: number; before: number; that: number; direct: number }>();
  for (const d of docs) {
    for (const a of d.attributions) {
      const cue = a.cue?.spans ?? [];
      const content = a.content?.spans ?? [];
      if (!cue.length || !content.length) continue;
      const key = normaliseCue(cue.map(([s, e]) => d.text.slice(s, e)).join(' '));
      if (!key) continue;
      const st = stats.get(key) ?? { count: 0, before: 0, that: 0, direct: 0 };
      st.count++;
      if (cue[0]![0] < content[0]![0]) st.before++;
      if (/^\s*that\b/i.test(d.text.slice(content[0]![0], content[0]![1]))) st.that++;
      if (a.direct_quote) st.direct++;
      stats.set(key, st);
    }
  }
  const candidates = [...stats].filter(([, st]) => st.count >= minCount);
  // occurrences of each candidate's words anywhere in the texts, as whole words
  const occurrences = new Map<string, number>(candidates.map(([k]) => [k, 0]));
  const byFirst = new Map<string, string[][]>();
  for (const [k] of candidates) {
    const ws = k.split(' ');
    const list = byFirst.get(ws[0]!) ?? [];
    list.push(ws);
    byFirst.set(ws[0]!, list);
  }
  for (const d of docs) {
    const words = d.text.toLowerCase().replace(/[’]/g, "'").match(/[\p{L}'-]+/gu) ?? [];
    for (let i = 0; i < words.length; i++) {
      for (const ws of byFirst.get(words[i]!) ?? []) {
        if (ws.every((w, j) => words[i + j] === w)) occurrences.set(ws.join(' '), occurrences.get(ws.join(' '))! + 1);
      }
    }
  }
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return candidates
    .map(([cue, st]) => ({
      cue,
      count: st.count,
      precision: round(Math.min(1, st.count / Math.max(1, occurrences.get(cue)!))),
      before: round(st.before / st.count),
      that: round(st.that / st.count),
      direct: round(st.direct / st.count),
    }))
    .filter((c) => c.precision >= minPrecision)
    .sort((a, b) => b.count - a.count || a.cue.localeCompare(b.cue));
}

function main() {
  const data = resolve(arg('--data', '../shared/data/attribution/polnear_train.jsonl'));
  const out = resolve(arg('--out', 'data/lexicons/attribution-cues.json'));
  const docs = readFileSync(data, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Gold);
  const cues = deriveCues(docs);
  const file = {
    _comment: `Attribution cues derived by scripts/derive-attribution-cues.ts from the PolNeAR training split (${docs.length} articles): counts and shares only. count = times annotated as a cue; precision = count / occurrences of the words in the texts; before = share with the content after the cue; that = share whose content opens with "that"; direct = share marked as direct quotations. Kept: count >= ${MIN_COUNT}, precision >= ${MIN_PRECISION}.`,
    cues,
  };
  writeFileSync(out, `${JSON.stringify(file, null, 1)}\n`);
  console.log(`derive-attribution-cues: ${cues.length} cues → ${out}`);
}

if (process.argv[1] && resolve(process.argv[1]).endsWith('derive-attribution-cues.ts')) main();
