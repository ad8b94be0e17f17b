import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { QuantityRecord, TimeRecord, TimeType } from '../../src/doc/types.js';
import { tokenize } from '../../src/stages/tokens/index.js';
import { findQuantities, quantitiesStage } from '../../src/stages/quantities/index.js';

/** A time as the times stage would give it: [phrase as written, TIMEX3 value, type]. */
type TimeSpec = [phrase: string, value: string, type?: TimeType];
type Expected = Partial<QuantityRecord>;

function timesFor(text: string, specs: TimeSpec[]): TimeRecord[] {
  return specs.map(([phrase, value, type = 'DATE']) => {
    const start = text.indexOf(phrase);
    if (start < 0) throw new Error(`time "${phrase}" not in text`);
    return { start, end: start + phrase.length, text: phrase, type, value, rule: 'test' };
  });
}

function quantities(text: string, specs: TimeSpec[] = []): QuantityRecord[] {
  const { tokens, sentences } = tokenize(text);
  const out = findQuantities(text, tokens, sentences, timesFor(text, specs));
  for (const q of out) expect(q.text).toBe(text.slice(q.start, q.end));
  return out;
}

describe('seed article', () => {
  const raw = readFileSync(new URL('../../../shared/seed/article.txt', import.meta.url), 'utf8');
  const text = raw.replace(/^\s*date\s+\d{4}-\d{2}-\d{2}\s*/, '');
  const times: TimeSpec[] = [
    ['Tuesday', '2025-09-02'],
    ['early 2022', '2022'],
    ["this week", '2025-W36'],
    ['earlier this year', '2025'],
    ['2024', '2024'],
    ['2021', '2021'],
    ['the past two days', 'P2D', 'DURATION'],
  ];
  const found = quantities(text, times);

  it('finds the trade figure and its growth, and nothing else', () => {
    expect(found).toHaveLength(2);
    expect(found[0]).toMatchObject({
      text: '$245 billion',
      value: 245_000_000_000,
      unit: 'USD',
      measure: 'bilateral trade',
      period: '2024',
    });
    expect(found[1]).toMatchObject({
      text: '68%',
      value: 68,
      unit: 'percent',
      measure: 'bilateral trade',
      period: '2024',
      comparison: { direction: 'more', reference: '2021' },
    });
  });

  it('does not read the ordinal "80th anniversary" as a quantity', () => {
    expect(found.some((q) => q.text.includes('80'))).toBe(false);
  });

  it('finds the same figures without any times (times stage missing)', () => {
    const bare = quantities(text);
    expect(bare.map((q) => q.text)).toEqual(['$245 billion', '68%']);
    expect(bare[1]!.comparison).toEqual({ direction: 'more', reference: '2021' });
  });

  it('runs as a stage', () => {
    const { tokens, sentences } = tokenize(text);
    const doc = { text, tokens, sentences, times: timesFor(text, times) } as Parameters<typeof quantitiesStage.run>[0];
    expect(quantitiesStage.run(doc).quantities).toHaveLength(2);
  });
});

const cases: [sentence: string, times: TimeSpec[], expected: Expected[]][] = [
  // ---- money ----
  ['Bilateral trade reached $245 billion in 2024.', [['2024', '2024']],
    [{ text: '$245 billion', value: 245e9, unit: 'USD', period: '2024' }]],
  ['The EU approved €3.5bn in aid.', [], [{ text: '€3.5bn', value: 3.5e9, unit: 'EUR' }]],
  ['The club paid £120m for the striker.', [], [{ text: '£120m', value: 120e6, unit: 'GBP' }]],
  ['Japan pledged ¥1 trillion.', [], [{ text: '¥1 trillion', value: 1e12, unit: 'JPY' }]],
  ["China's imports from Russia hit 1.2 trillion yuan last year.", [['last year', '2024']],
    [{ text: '1.2 trillion yuan', value: 1.2e12, unit: 'CNY', measure: "China's imports from Russia", period: '2024' }]],
  ['The loan of RMB 50 billion and CNY 3bn in bonds.', [],
    [{ text: 'RMB 50 billion', value: 50e9, unit: 'CNY' }, { text: 'CNY 3bn', value: 3e9, unit: 'CNY' }]],
  ['The fund now holds 500 million euros.', [], [{ text: '500 million euros', value: 500e6, unit: 'EUR' }]],
  ['The state will spend Rs 2,000 crore on roads and Rs 5 lakh on each school.', [],
    [{ text: 'Rs 2,000 crore', value: 2e10, unit: 'INR' }, { text: 'Rs 5 lakh', value: 5e5, unit: 'INR' }]],
  ['Investors put in US$ 3 million.', [], [{ text: 'US$ 3 million', value: 3e6, unit: 'USD' }]],
  ['Deals worth A$2.5 billion, C$400 million and HK$10 billion were signed.', [],
    [{ text: 'A$2.5 billion', value: 2.5e9, unit: 'AUD', measure: 'Deals' },
      { text: 'C$400 million', value: 400e6, unit: 'CAD' },
      { text: 'HK$10 billion', value: 10e9, unit: 'HKD' }]],
  ['Gazprom lost 300 billion rubles, or 3.5 billion roubles a month.', [],
    [{ text: '300 billion rubles', value: 300e9, unit: 'RUB' }, { text: '3.5 billion roubles', value: 3.5e9, unit: 'RUB' }]],
  ['Each family received 40,000 hryvnias.', [], [{ text: '40,000 hryvnias', value: 40_000, unit: 'UAH' }]],
  ['The bank was fined 5 million Swiss francs and 10,000 rupees.', [],
    [{ text: '5 million Swiss francs', value: 5e6, unit: 'CHF' }, { text: '10,000 rupees', value: 10_000, unit: 'INR' }]],
  ['Samsung will invest 3 trillion won in chips.', [], [{ text: '3 trillion won', value: 3e12, unit: 'KRW' }]],
  ['The programme cost five billion dollars.', [], [{ text: 'five billion dollars', value: 5e9, unit: 'USD' }]],
  ['A stamp now costs 50 cents.', [], [{ text: '50 cents', value: 0.5, unit: 'USD' }]],
  ['The club was sold for 5 million pounds.', [], [{ text: '5 million pounds', value: 5e6, unit: 'GBP' }]],
  // a trade story with several currencies
  ['Exports to the EU rose to €12 billion, while imports from Japan fell to ¥800 billion and purchases from India reached Rs 500 crore.', [],
    [{ text: '€12 billion', unit: 'EUR', value: 12e9, measure: 'Exports to the EU' },
      { text: '¥800 billion', unit: 'JPY', value: 800e9, measure: 'imports from Japan' },
      { text: 'Rs 500 crore', unit: 'INR', value: 5e9, measure: 'purchases from India' }]],
  ['Officials put the cost at $5 billion.', [], [{ text: '$5 billion', measure: 'cost' }]],
  ['They signed a $5-billion deal.', [], [{ text: '$5-billion', value: 5e9, unit: 'USD', measure: 'deal' }]],

  // ---- percentages ----
  ['Turnout was 68 percent.', [], [{ text: '68 percent', value: 68, unit: 'percent', measure: 'Turnout' }]],
  ['Support for the deal stands at 68 per cent.', [], [{ text: '68 per cent', value: 68, unit: 'percent' }]],
  ['The central bank raised interest rates by 0.25 percentage points.', [],
    [{ text: '0.25 percentage points', value: 0.25, unit: 'percentage points', measure: 'interest rates' }]],
  ['Last year, exports rose 5% to $3 billion.', [['Last year', '2024']],
    [{ text: '5%', value: 5, unit: 'percent', measure: 'exports', period: '2024' },
      { text: '$3 billion', value: 3e9, unit: 'USD', measure: 'exports', period: '2024' }]],
  ['Inflation fell to 2.1% in August from 2.5% in July.', [['August', '2025-08'], ['July', '2025-07']],
    [{ text: '2.1%', value: 2.1, measure: 'Inflation', period: '2025-08' },
      { text: '2.5%', value: 2.5, period: '2025-07' }]],
  ['Car sales were down 3% compared with 2022.', [['2022', '2022']],
    [{ text: '3%', value: 3, measure: 'Car sales', comparison: { direction: 'less', reference: '2022' } }]],
  ['Washington imposed a 25% tariff on steel.', [], [{ text: '25%', value: 25, measure: 'tariff' }]],
  ['The economy shrank -0.5% in the quarter.', [], [{ text: '-0.5%', value: -0.5, unit: 'percent' }]],

  // ---- counts: a conflict report ----
  ['At least 12 people were killed and 40 wounded in the attack on Sunday.', [['Sunday', '2025-08-31']],
    [{ text: '12 people', value: 12, unit: 'people', measure: 'killed', period: '2025-08-31' },
      { text: '40 wounded', value: 40, unit: 'people', measure: 'wounded', period: '2025-08-31' }]],
  ['At least 30 Palestinian civilians and 12 others were killed, medics said.', [],
    [{ text: '30 Palestinian civilians', value: 30, unit: 'civilians', measure: 'killed' },
      { text: '12 others', value: 12, unit: 'people', measure: 'killed' }]],
  ['Officials said 1,200 people had fled the city.', [], [{ text: '1,200 people', value: 1200, unit: 'people' }]],
  ['The strike killed at least 30 civilians.', [], [{ text: '30 civilians', value: 30, unit: 'civilians' }]],
  ['The raid left 12 killed.', [], [{ text: '12 killed', value: 12, unit: 'people', measure: 'killed' }]],
  ['The death toll rose to 45.', [], [{ text: '45', value: 45, unit: 'people', measure: 'death toll' }]],
  ['Three wounded soldiers were evacuated.', [], [{ text: 'Three wounded soldiers', value: 3, unit: 'soldiers', measure: 'wounded' }]],
  ['The camp holds 1.5 million refugees and twenty-five aid workers.', [],
    [{ text: '1.5 million refugees', value: 1.5e6, unit: 'refugees' }, { text: 'twenty-five aid workers', value: 25, unit: 'workers' }]],
  ['Russia exports two million barrels of oil a day.', [], [{ text: 'two million barrels', value: 2e6, unit: 'barrels' }]],
  ['The ship carried two hundred and fifty tonnes of grain.', [], [{ text: 'two hundred and fifty tonnes', value: 250, unit: 'tonnes' }]],
  ['One soldier died.', [], [{ text: 'One soldier', value: 1, unit: 'soldier', measure: 'died' }]],
  ['A million people marched and USD 10m was raised, $1.5bn in all.', [],
    [{ text: 'A million people', value: 1e6, unit: 'people' },
      { text: 'USD 10m', value: 10e6, unit: 'USD' },
      { text: '$1.5bn', value: 1.5e9, unit: 'USD' }]],
  ['In 2024 12 people died.', [['2024', '2024']], [{ text: '12 people', value: 12, unit: 'people', measure: 'died', period: '2024' }]],
  ['A 62-year-old man was arrested.', [], [{ text: '62-year-old', value: 62, unit: 'years', measure: 'age' }]],
];

describe('figures', () => {
  it.each(cases)('%s', (sentence, times, expected) => {
    const found = quantities(sentence, times);
    expect(found).toHaveLength(expected.length);
    expected.forEach((e, n) => expect(found[n]).toMatchObject(e));
  });
});

const negatives: [sentence: string, times: TimeSpec[]][] = [
  ['The war began in 2022.', []],
  ['The war began in 2022.', [['2022', '2022']]],
  ['The summit ended on September 2.', []],
  ['He arrived on May 5 and left on 7 May 2024.', []],
  ['It marked the 80th anniversary of the end of World War II.', []],
  ['The meeting started at 10:30 and ended at 11 am.', []],
  ['Call +1 555-123-4567 for details.', []],
  ['Call (020) 7946 0958 for details.', []],
  ['She won the election.', []],
  ['Trump, who in 2016 won the election, spoke.', []],
  ['One of the leaders spoke to the one who left.', []],
  ['Dozens of soldiers were wounded.', []],
  ['Hundreds of thousands of people fled.', []],
  ['He flew an F-16 during the COVID-19 pandemic.', []],
  ['G20 leaders met in Delhi.', []],
  ['She won the 100m sprint.', []],
  ['1. Sanctions\n2) Tariffs', []],
  ['The 1990-2000 period was calm.', []],
  ['They met for two days.', []],
  ['They met over the past two days.', [['the past two days', 'P2D', 'DURATION']]],
  ['Version 2.1.3 was released.', []],
  ['The score was 3-1.', []],
  ['Resolution 2231 was adopted.', []],
  ['The 9/11 attacks changed everything.', []],
];

describe('not quantities', () => {
  it.each(negatives)('%s', (sentence, times) => {
    expect(quantities(sentence, times)).toEqual([]);
  });
});

describe('scores and ranges', () => {
  it('gives the second figure of "44 percent to 37 percent" or "from 5 to 7 pct" no measure the words before it name', () => {
    const found = quantities('The poll shows Trump leading Clinton 44 percent to 37 percent. Prices rose from 5 to 7 pct.', []);
    expect(found.map((q) => [q.text, q.measure])).toEqual([['44 percent', 'Trump'], ['37 percent', undefined], ['7 pct', undefined]]);
  });
});

describe('a figure someone puts a value on', () => {
  it('gives "puts the figure at $498 billion" no measure from the one who estimates, and keeps the subject of "reached a record of"', () => {
    const found = quantities('The conservative Tax Foundation puts the figure at $498 billion. Bilateral trade reached a new record of $245 billion.', []);
    expect(found.map((q) => [q.text, q.measure])).toEqual([['$498 billion', undefined], ['$245 billion', 'Bilateral trade']]);
  });
});

describe('a share of a whole', () => {
  it('measures "14.8 pct of the share capital" by the whole, but a share a subject accounts for or comes to by the subject', () => {
    const found = quantities('The deal raised its stake to 49.4 pct of the voting rights and gave it 14.8 pct of the share capital. U.S. goods accounted for 19 pct of the company\'s imports. Unemployment could climb to 11.5 pct of the workforce.', []);
    expect(found.map((q) => [q.text, q.measure])).toEqual([['49.4 pct', 'stake'], ['14.8 pct', 'share capital'], ['19 pct', 'U.S. goods'], ['11.5 pct', 'Unemployment']]);
  });
});
