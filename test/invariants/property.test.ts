/**
 * Property tests: analyze never throws on any string, and whatever it returns keeps the
 * contract's invariants (every offset inside the text, every span's text equal to its slice).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/pipeline.js';
import { violations } from '../support/invariants.js';

/** Pieces of news prose that exercise every stage, mixed with arbitrary characters. */
const NEWS_PIECES = [
  'Vladimir Putin', 'Xi Jinping', 'He said', '"', '“', '”', '‘', '’', ' - ', ' — ', '―', 'according to', 'Bloomberg',
  'on Tuesday', 'early 2022', '$245 billion', '68%', 'invasion of Ukraine', 'imposed tariffs on', 'China and India',
  '. ', ', ', '\n\n', '\n', 'Moscow\'s', 'the Chinese leader', 'him', 'she', 'the past two days', '12 people', 'BERLIN (Reuters) - ',
  '€3.5bn', 'called on', 'the SCO', 'Shanghai Cooperation Organization', '(', ')', ':', ';', '?', '!', '🇷🇺', '😀', '\u200b',
];

const newsLike = fc.array(fc.oneof(fc.constantFrom(...NEWS_PIECES), fc.string({ maxLength: 8 }), fc.string({ unit: 'grapheme', maxLength: 6 })), { maxLength: 60 }).map((parts) => parts.join(''));
const anyText = fc.string({ unit: 'binary', maxLength: 400 });
const date = fc.option(fc.constantFrom('2025-09-02', '2024-02-29', '1999-12-31'), { nil: null });

describe('analyze on any string', () => {
  it('never throws and keeps every invariant on news-like text', () => {
    fc.assert(
      fc.property(newsLike, date, (text, d) => {
        const a = analyze({ date: d, text });
        expect(violations(a, text)).toEqual([]);
      }),
      { numRuns: 300, seed: 20251125 },
    );
  });

  it('never throws and keeps every invariant on arbitrary code units, lone surrogates included', () => {
    fc.assert(
      fc.property(anyText, date, (text, d) => {
        const a = analyze({ date: d, text });
        expect(violations(a, text)).toEqual([]);
      }),
      { numRuns: 200, seed: 7 },
    );
  });
});
