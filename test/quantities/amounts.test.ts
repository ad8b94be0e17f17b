import { describe, expect, it } from 'vitest';
import { AMOUNT_RE, amountsIn, readAmount } from '../../src/stages/quantities/numbers.js';

// amountsIn runs the amount pattern only where an amount can start: it must find what a scan of
// every offset finds, including the starts its character tables treat specially
const TEXTS = [
  'US$5, u.s.$ 7, US$\u00a05, USD\tten, usdfive, Rs. 200 crore, Rs 2,000, £120m, £ 120m, €3bn, ₹40 lakh',
  'a hundred people, A  thousand, a\nmillion, a few, twenty-seven, ſix, ſeventy (long s), Ｋ',
  'F-16, COVID-19, 1,2345, x_5, _5, 𝟓, 😀5, 10:30, 9/11, the 80th, 3.5% and 40 percent',
];

describe('amountsIn', () => {
  it('finds what matchAll(AMOUNT_RE) finds', () => {
    const same = (m: RegExpMatchArray) => JSON.stringify(readAmount(m, () => false));
    for (const text of TEXTS) expect(amountsIn(text).map(same)).toEqual([...text.matchAll(AMOUNT_RE)].map(same));
  });
});
