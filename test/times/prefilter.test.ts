/**
 * The times stage's pre-filter (an Aho–Corasick scan of the parsers' `needs` strings) must run
 * exactly the parsers whose strings the lower-cased text holds: a parser it skips wrongly loses
 * expressions, one it runs needlessly only costs time. The reference is the definition itself.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PARSERS, parsersToRun, type Parser } from '../../src/stages/times/parsers.js';

/** What the pre-filter means: a parser runs when it has no pre-filter (or a 'u' pattern), or the lower-cased text holds one of its strings. */
function reference(text: string, parsers: readonly Parser[]): number[] {
  const lower = text.toLowerCase();
  return parsers.map((p) => (p.needs === undefined || p.pattern.unicode || p.needs.some((w) => lower.includes(w)) ? 1 : 0));
}

const seed = readFileSync(new URL('../../examples/seed-article.txt', import.meta.url), 'utf8');

describe('the pre-filter of the time parsers', () => {
  const texts = [
    seed,
    '',
    'No time here at all.',
    'THE MEETING ENDED AT 5 P.M. ON TUESDAY, TWO WEEKS AGO.',
    'He said it twice: once in the 1990s and again in the late \'80s.',
    // overlapping strings: "weekend" holds "week" and "end"; "centuries" starts with "centur"
    'weekend centuries quarterly year-end',
    // outside ASCII: the Kelvin sign lower-cases to "k" ("wee\u212A" is "week"), "İ" to "i" and a combining dot
    'next WEE\u212A', 'TİME', 'ﬁve “days” — résumé, naïve; 日本 2024年',
    // a string cut by a character no string holds
    'mon-day mo\u00adnth da\u200by',
  ];
  for (const text of texts) {
    it(`runs the parsers whose strings ${JSON.stringify(text.slice(0, 40))} holds`, () => {
      expect([...parsersToRun(text)]).toEqual(reference(text, PARSERS));
    });
  }
  it('agrees with the definition on every string of every parser, in upper and lower case', () => {
    const strings = [...new Set(PARSERS.flatMap((p) => p.needs ?? []))];
    for (const w of strings) {
      for (const text of [w, w.toUpperCase(), `x${w}x`, `${w.slice(0, -1)}`]) {
        expect([...parsersToRun(text)], text).toEqual(reference(text, PARSERS));
      }
    }
  });
});
