/**
 * The time stage: a TIMEX3 recogniser and normaliser in the manner of chrono-node. Small
 * parsers (parsers.ts) find candidate expressions and give their values, anchored to the
 * article date where the text leaves them implicit; refiners (refiners.ts) widen, merge and
 * filter them. Every record names the rule that made it and whether it used the article date.
 */
import type { NewsDoc, Sentence, Stage, TimeRecord, Token } from '../../doc/types.js';
import { parseYmd } from './calendar.js';
import { runParsers, type Ctx } from './parsers.js';
import { REFINERS } from './refiners.js';
import { tenseFinder } from './tense.js';

export function findTimes(text: string, tokens: Token[], sentences: Sentence[], date: string | null): TimeRecord[] {
  const ctx: Ctx = { text, ref: parseYmd(date), tense: tenseFinder(tokens, sentences) };
  let found = runParsers(ctx);
  for (const refine of REFINERS) found = refine(text, found, ctx.ref);
  // one literal, mod undefined when there is none (JSON leaves it out): one object shape for every
  // time, which the later stages read; the key order is the output's
  return found.map((f): TimeRecord => ({ start: f.start, end: f.end, text: text.slice(f.start, f.end), type: f.type, value: f.value, mod: f.mod || undefined, rule: f.rule, anchored: f.anchored }));
}

export const timesStage: Stage = {
  name: 'times',
  requires: ['tokens', 'sentences'],
  assigns: ['times'],
  run: (doc: NewsDoc) => ({ times: findTimes(doc.text, doc.tokens, doc.sentences, doc.date) }),
};
