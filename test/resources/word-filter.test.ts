import { describe, expect, it } from 'vitest';
import { WordFilter } from '../../src/resources/word-filter.js';

describe('WordFilter', () => {
  it('never turns away a word of its set, and turns away most others', () => {
    const words = Array.from({ length: 3000 }, (_, k) => `word${k}`);
    const filter = new WordFilter(words, 16);
    for (const w of words) expect(filter.mayHave(w)).toBe(true);
    const passed = Array.from({ length: 3000 }, (_, k) => `other${k}`).filter((w) => filter.mayHave(w)).length;
    expect(passed).toBeLessThan(300);
  });
});
