/** BILOU ⇄ IOB conversions and the conlleval chunk rule, as tables. */
import { describe, expect, it } from 'vitest';
import { BILOU, NLABELS, allowed, bilouFromIob, iob2FromBilou, iob2FromBilouFast, spansFromIob } from '../../src/stages/entities/tagger/labels.js';
import { mulberry32 } from '../../src/stages/entities/tagger/hash.js';

const names = (ids: ArrayLike<number>) => Array.from(ids, (l) => BILOU[l]);

describe('IOB1/IOB2 → BILOU', () => {
  const cases: [string[], string[]][] = [
    [['I-PER', 'I-PER', 'O'], ['B-PER', 'L-PER', 'O']],
    [['B-PER', 'I-PER', 'O'], ['B-PER', 'L-PER', 'O']],
    [['I-LOC'], ['U-LOC']],
    [['I-ORG', 'I-ORG', 'I-ORG'], ['B-ORG', 'I-ORG', 'L-ORG']],
    // IOB1: B- only where two entities of one type touch
    [['I-PER', 'B-PER', 'I-PER'], ['U-PER', 'B-PER', 'L-PER']],
    // a type change starts a new entity
    [['I-ORG', 'I-LOC'], ['U-ORG', 'U-LOC']],
    [['O', 'I-MISC', 'O', 'I-MISC', 'I-MISC'], ['O', 'U-MISC', 'O', 'B-MISC', 'L-MISC']],
  ];
  it.each(cases)('%j → %j', (iob, bilou) => expect(names(bilouFromIob(iob))).toEqual(bilou));
});

describe('BILOU → IOB2', () => {
  const cases: [string[], string[]][] = [
    [['B-PER', 'L-PER', 'O'], ['B-PER', 'I-PER', 'O']],
    [['U-PER', 'B-PER', 'L-PER'], ['B-PER', 'B-PER', 'I-PER']],
    [['U-LOC', 'U-LOC'], ['B-LOC', 'B-LOC']],
    [['B-ORG', 'I-ORG', 'L-ORG', 'O'], ['B-ORG', 'I-ORG', 'I-ORG', 'O']],
    // lenient on sequences the constraints forbid: an unclosed B still makes an entity
    [['B-ORG', 'O'], ['B-ORG', 'O']],
    [['I-PER', 'L-PER'], ['B-PER', 'I-PER']],
  ];
  it.each(cases)('%j → %j', (bilou, iob2) => expect(iob2FromBilou(bilou.map((t) => BILOU.indexOf(t)))).toEqual(iob2));

  it.each(cases)('label by label, %j → %j as well', (bilou, iob2) => expect(iob2FromBilouFast(bilou.map((t) => BILOU.indexOf(t)))).toEqual(iob2));

  it('label by label gives the same tags as by spans on random sequences, valid or not', () => {
    const rand = mulberry32(7);
    for (let k = 0; k < 2000; k++) {
      const n = 1 + Math.floor(rand() * 8);
      const valid = k % 2 === 0;
      const seq: number[] = [];
      for (let i = 0; i < n; i++) {
        const options = [...Array(NLABELS).keys()].filter((l) => !valid || allowed(i ? seq[i - 1]! : -1, l, i === n - 1));
        seq.push(options.length ? options[Math.floor(rand() * options.length)]! : 0);
      }
      expect(iob2FromBilouFast(seq)).toEqual(iob2FromBilou(seq));
    }
  });

  it('round-trips IOB1 through BILOU to the same chunks', () => {
    const iob1 = ['I-PER', 'B-PER', 'O', 'I-ORG', 'I-ORG', 'I-LOC', 'O', 'I-MISC'];
    expect(spansFromIob(iob2FromBilou(bilouFromIob(iob1)))).toEqual(spansFromIob(iob1));
  });
});

describe('chunks by the conlleval rule', () => {
  it('reads IOB1 and IOB2 alike', () => {
    expect(spansFromIob(['I-PER', 'I-PER', 'O', 'B-LOC'])).toEqual([{ start: 0, end: 2, type: 'PER' }, { start: 3, end: 4, type: 'LOC' }]);
    expect(spansFromIob(['B-PER', 'I-PER', 'B-PER'])).toEqual([{ start: 0, end: 2, type: 'PER' }, { start: 2, end: 3, type: 'PER' }]);
    expect(spansFromIob(['I-ORG', 'I-MISC'])).toEqual([{ start: 0, end: 1, type: 'ORG' }, { start: 1, end: 2, type: 'MISC' }]);
  });
});

describe('BILOU constraints', () => {
  const id = (t: string) => BILOU.indexOf(t);
  const cases: [string, string, boolean, boolean][] = [
    ['<s>', 'B-PER', false, true],
    ['<s>', 'I-PER', false, false],
    ['<s>', 'L-PER', false, false],
    ['B-PER', 'I-PER', false, true],
    ['B-PER', 'L-PER', false, true],
    ['B-PER', 'L-ORG', false, false],
    ['B-PER', 'O', false, false],
    ['I-PER', 'I-PER', true, false],
    ['I-PER', 'L-PER', true, true],
    ['L-PER', 'U-LOC', false, true],
    ['O', 'B-LOC', true, false],
    ['U-MISC', 'O', true, true],
  ];
  it.each(cases)('%s → %s (last %s): %s', (prev, label, last, ok) => expect(allowed(prev === '<s>' ? -1 : id(prev), id(label), last)).toBe(ok));
});
