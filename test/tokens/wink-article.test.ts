import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findParagraphs } from '../../src/stages/tokens/index.js';
import { winkArticle, winkParagraph } from '../../src/stages/tokens/wink.js';
import { packageRoot } from '../../src/resources/paths.js';

/** One wink call per article (the fast path) reads each paragraph as one call per paragraph did. */
function same(text: string | string[]): void {
  const paras = Array.isArray(text) ? text : findParagraphs(text).map((p) => p.text);
  const whole = winkArticle(paras);
  expect(whole).toBeDefined();
  paras.forEach((p, k) => {
    const one = winkParagraph(p);
    const got = whole![k]!;
    expect(got.values).toEqual(one.values);
    expect(got.pos).toEqual(one.pos);
    expect(got.kinds).toEqual(one.kinds);
    // wink's sentence ends inside the paragraph (its last token always ends one)
    const inner = (s: Set<number>, n: number) => [...s].filter((e) => e < n).sort((a, b) => a - b);
    expect(inner(got.sentenceEnds, one.values.length)).toEqual(inner(one.sentenceEnds, one.values.length));
  });
}

describe('wink over a whole article', () => {
  it('reads the seed article as paragraph by paragraph', () => {
    same(readFileSync(join(packageRoot(), '..', 'shared', 'seed', 'article.txt'), 'utf8'));
  });
  it('reads wire copy with one paragraph per line, quotes and contractions', () => {
    same('BP North America Inc said it\nwon\'t sell the unit.\n"We can\'t," said Mr. Smith of the U.S. Agriculture Department\nNet loss three cts vs profit 35 cts');
    same('First paragraph. It has two sentences.\n\n  Second paragraph,\r\nwith a Windows line break.\n\n\n"Third," he said.');
  });
  it('keeps paragraphs of white space only (masked long runs) in place', () => {
    same(['Before.', ' '.repeat(80), `See ${' '.repeat(70)} here.`, 'After the run.']);
  });
});
