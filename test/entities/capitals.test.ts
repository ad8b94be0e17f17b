/**
 * Words in capitals: abbreviations of things and words of a line set in capitals are no names;
 * a name in such a line is kept, and linked, when the article names it elsewhere.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/pipeline.js';

const entities = (text: string) => analyze({ date: '2016-09-27', text }).entities.map((e) => ({ name: e.name, type: e.type, mentions: e.mentions.map((m) => m.text) }));

describe('words in capitals', () => {
  it('names no one by a time zone or a condition', () => {
    const names = entities('The Latest on the presidential race (all times EDT):\n\nDonald Trump suggested that veterans who suffer from PTSD might not be as strong as others.').map((e) => e.name);
    expect(names).toContain('Donald Trump');
    expect(names).not.toContain('EDT');
    expect(names).not.toContain('PTSD');
  });
  it('drops the words of a line in capitals unless the article names them elsewhere, and links those', () => {
    const got = entities('Judge Merrick Garland heard the case in June.\n\nGARLAND STEPS ASIDE.\n\nThe arguments will be heard by ten judges.\n\nSAVE A QUARTER Let us say you think a student will need help.');
    expect(got.find((e) => e.name === 'Merrick Garland')?.mentions).toEqual(['Merrick Garland', 'GARLAND']);
    expect(got.map((e) => e.name)).toEqual(['Merrick Garland']);
  });
  it('keeps an acronym written among lower-case words, and a dateline in capitals', () => {
    const got = entities('HEMPSTEAD, N.Y. - The rally was organised by the Alliance to Reclaim Our Schools (AROS) on Monday.');
    expect(got.map((e) => e.name)).toEqual(expect.arrayContaining(['HEMPSTEAD', 'AROS']));
  });
});

describe('a wire\'s tables and lone letters', () => {
  const names = (text: string) => analyze({ date: '1987-03-02', text }).entities.map((e) => e.name);
  it('names no one by the row labels of a results table', () => {
    const got = names('Acme Industries Inc said its results rose.\n    Oper shr 18 cts vs 51 cts\n    Oper net 1,048,000 vs 1,870,000\n    Revs 104.6 mln vs 110.3 mln\n    Avg shrs 47.2 mln vs 47.1 mln\n    Six Mths\n    Shr 85 cts vs 59 cts\n    NOTE: Results include a gain.');
    expect(got).toEqual(['Acme Industries Inc']);
  });
  it('names no one by a capital letter alone', () => {
    expect(names('The deals were rated by S and P alone, analysts at Merrill Lynch said.')).toEqual(['Merrill Lynch']);
  });
});

describe('nationality by a word\'s ending', () => {
  it('takes "Italian" for a nationality, but not a name that ends the same way ("the Reagan administration")', () => {
    const got = analyze({ date: '1987-03-02', text: 'Critics of the Reagan administration met an Italian delegation in Rome.' }).entities;
    expect(got.find((e) => e.name === 'Reagan')?.type).not.toBe('NORP');
    expect(got.find((e) => e.name === 'Italian')?.type).toBe('NORP');
  });
});

describe('a headline in title case', () => {
  it('drops the guesses of a headline every word of which is capitalised, even when the body repeats none of its words', () => {
    const names = analyze({ date: '2016-09-26', text: 'One Tweet Sums Up The Absurd Double Standard Clinton And Trump Face.\n\nHillary Clinton needs to tell more jokes. Donald Trump needs to tell the truth.' }).entities.map((e) => e.name);
    expect(names).toEqual(['Hillary Clinton', 'Donald Trump']);
  });
  it('keeps a first line that lists names set off by dashes', () => {
    const names = analyze({ date: '1987-03-02', text: 'Sarich Technologies Trust - Health Management Associates - Acme Industries Inc.\n\nThe three companies said they would merge.' }).entities.map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['Sarich Technologies Trust', 'Health Management Associates']));
  });
});

describe('a wire\'s tickers', () => {
  it('reads the ticker after a company\'s name as its code, no organisation or country of its own', () => {
    const names = analyze({ date: '1987-03-02', text: 'Comalco Ltd <CMAC.S> and Union Carbide Corp <UK> said they would merge with <Banque Paribas>.' }).entities.map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['Comalco Ltd', 'Union Carbide Corp', 'Banque Paribas']));
    expect(names).not.toContain('CMAC');
    expect(names).not.toContain('United Kingdom');
  });
});

describe('company names of the wires', () => {
  it('keeps a legal form after a bracketed word with the name before it, and knows the rating agencies', () => {
    const got = analyze({ date: '1987-03-02', text: 'Industrial Equity (Pacific) Ltd, a Hong Kong investment firm, bought the shares. The issue is rated A-2 by Moody\'s and AA by Standard and Poor\'s.' }).entities;
    expect(got.map((e) => e.name)).toEqual(expect.arrayContaining(['Industrial Equity (Pacific) Ltd', "Moody's", 'S&P Global Ratings']));
    expect(got.map((e) => e.name)).not.toContain('Ltd');
    expect(got.map((e) => e.name)).not.toContain('Poor');
  });
  it('names no one by a currency named with its country ("the U.S. Dollar", "N.Z. Dlrs")', () => {
    const names = analyze({ date: '1987-03-02', text: 'The U.S. Dollar rose against the yen, and the issue was priced at 100 mln N.Z. Dlrs by Nikko Securities.' }).entities.map((e) => e.name);
    expect(names.filter((n) => /Dollar|Dlrs/.test(n))).toEqual([]);
  });
});
