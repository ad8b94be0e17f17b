import { fnvState } from './hash.js';

/**
 * A bitmap over a cheap hash of a set's words, asked before the set itself. Lexicons of thousands
 * of strings are cold in cache by the time the next article reaches a stage (the tagger and the
 * events stage run in between), so a look-up there costs several cache misses; asking the filter
 * costs one pass over the word's characters and one bit of a small table. It never says no to a
 * word of the set, so `filter.mayHave(w) && set.has(w)` answers as `set.has(w)` does.
 */
export class WordFilter {
  private readonly bits: Uint32Array;
  private readonly mask: number;

  /** log2Bits: the table's size; a few bits per word keep false positives to a few percent */
  constructor(words: Iterable<string>, log2Bits: number) {
    this.bits = new Uint32Array(Math.max(1, 2 ** log2Bits / 32));
    this.mask = 2 ** log2Bits - 1;
    for (const word of words) {
      const h = wordHash(word) & this.mask;
      this.bits[h >>> 5]! |= 1 << (h & 31);
    }
  }

  /** False when the word is surely not in the set. */
  mayHave(word: string): boolean {
    const h = wordHash(word) & this.mask;
    return (this.bits[h >>> 5]! & (1 << (h & 31))) !== 0;
  }
}

/** FNV-1a over the UTF-16 code units, unsigned. */
const wordHash = (word: string): number => fnvState(word) >>> 0;
