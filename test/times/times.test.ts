import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/stages/tokens/index.js';
import { findTimes, timesStage } from '../../src/stages/times/index.js';
import type { TimeRecord } from '../../src/doc/types.js';

interface Expected {
  text: string;
  type: TimeRecord['type'];
  value: string;
  mod?: string;
}

function times(text: string, date: string | null): TimeRecord[] {
  const { tokens, sentences } = tokenize(text);
  return findTimes(text, tokens, sentences, date);
}

const pick = (t: TimeRecord): Expected => ({ text: t.text, type: t.type, value: t.value, ...(t.mod ? { mod: t.mod } : {}) });

// 2025-09-02 is a Tuesday (ISO week 36, third quarter)
const D = '2025-09-02';

describe('seed article (FACTS.md Times table)', () => {
  const raw = readFileSync(new URL('../../../shared/seed/article.txt', import.meta.url), 'utf8');
  const header = /^\s*date\s+(\d{4}-\d{2}-\d{2})\s*/.exec(raw)!;
  const text = raw.slice(header[0].length);
  const found = times(text, header[1]!);
  const rows: Expected[] = [
    { text: 'Tuesday', type: 'DATE', value: '2025-09-02' },
    { text: 'early 2022', type: 'DATE', value: '2022', mod: 'START' },
    { text: 'this week', type: 'DATE', value: '2025-W36' },
    { text: 'earlier this year', type: 'DATE', value: '2025' },
    { text: '2024', type: 'DATE', value: '2024' },
    { text: '2021', type: 'DATE', value: '2021' },
    { text: 'the past two days', type: 'DURATION', value: 'P2D' },
  ];
  it.each(rows)('finds $text → $value', (row) => {
    const hit = found.find((t) => t.text === row.text);
    expect(hit, row.text).toBeDefined();
    expect(pick(hit!)).toMatchObject({ type: row.type, value: row.value });
    if (row.mod) expect(hit!.mod).toBe(row.mod);
  });
  it('finds nothing else and keeps offsets exact', () => {
    expect(found.map((t) => t.text)).toEqual(rows.map((r) => r.text));
    for (const t of found) expect(text.slice(t.start, t.end)).toBe(t.text);
  });
  it('records the rule and whether the article date was used', () => {
    const tuesday = found.find((t) => t.text === 'Tuesday')!;
    expect(tuesday.rule).toBe('weekday');
    expect(tuesday.anchored).toBe(true);
    expect(found.find((t) => t.text === '2024')!.anchored).toBe(false);
  });
});

const CASES: [string, string | null, Expected[]][] = [
  // weekdays, tense-aware
  ['Xi welcomed Putin at their meeting on Tuesday.', D, [{ text: 'Tuesday', type: 'DATE', value: '2025-09-02' }]],
  ['The ministers met on Friday.', D, [{ text: 'Friday', type: 'DATE', value: '2025-08-29' }]],
  ['The ministers will meet on Friday.', D, [{ text: 'Friday', type: 'DATE', value: '2025-09-05' }]],
  ['The talks are going to resume on Monday.', D, [{ text: 'Monday', type: 'DATE', value: '2025-09-08' }]],
  ['He arrived last Tuesday.', D, [{ text: 'last Tuesday', type: 'DATE', value: '2025-08-26' }]],
  ['They meet again next Monday.', D, [{ text: 'next Monday', type: 'DATE', value: '2025-09-08' }]],
  ['Fighting broke out on Tuesday night.', D, [{ text: 'Tuesday night', type: 'TIME', value: '2025-09-02TNI' }]],
  ['The company said Thursday, Aug. 28, that sales fell.', D, [
    { text: 'Thursday', type: 'DATE', value: '2025-08-28' },
    { text: 'Aug. 28', type: 'DATE', value: '2025-08-28' },
  ]],
  // years, months, dates
  ['Trade grew in 2021.', D, [{ text: '2021', type: 'DATE', value: '2021' }]],
  ['The war began in mid-2023.', D, [{ text: 'mid-2023', type: 'DATE', value: '2023', mod: 'MID' }]],
  ['Prices peaked in late 2021.', D, [{ text: 'late 2021', type: 'DATE', value: '2021', mod: 'END' }]],
  ['The deal expires at the end of 2021.', D, [{ text: 'the end of 2021', type: 'DATE', value: '2021', mod: 'END' }]],
  ['Revenue rose in fiscal 2024.', D, [{ text: 'fiscal 2024', type: 'DATE', value: '2024' }]],
  ['The summit was held in March.', D, [{ text: 'March', type: 'DATE', value: '2025-03' }]],
  ['Elections will be held in November.', D, [{ text: 'November', type: 'DATE', value: '2025-11' }]],
  ['The plant opened in March 2024.', D, [{ text: 'March 2024', type: 'DATE', value: '2024-03' }]],
  ['The treaty was signed on September 2, 2025.', D, [{ text: 'September 2, 2025', type: 'DATE', value: '2025-09-02' }]],
  ['The treaty was signed on 2 September 2025.', D, [{ text: '2 September 2025', type: 'DATE', value: '2025-09-02' }]],
  ['The filing is dated 2025-08-15.', D, [{ text: '2025-08-15', type: 'DATE', value: '2025-08-15' }]],
  ['The dividend is payable Sept. 30.', D, [{ text: 'Sept. 30', type: 'DATE', value: '2025-09-30' }]],
  ['He visited last November.', D, [{ text: 'last November', type: 'DATE', value: '2024-11' }]],
  ['Growth was fast in the 1990s.', D, [{ text: 'the 1990s', type: 'DATE', value: '199' }]],
  ['The city was founded in the 19th century.', D, [{ text: 'the 19th century', type: 'DATE', value: '18' }]],
  // relative dates
  ['Markets fell today after falling yesterday.', D, [
    { text: 'today', type: 'DATE', value: '2025-09-02' },
    { text: 'yesterday', type: 'DATE', value: '2025-09-01' },
  ]],
  ['The vote is tomorrow.', D, [{ text: 'tomorrow', type: 'DATE', value: '2025-09-03' }]],
  ["Xi is using this week's summit.", D, [{ text: 'this week', type: 'DATE', value: '2025-W36' }]],
  ['Talks stalled last week and resume next week.', D, [
    { text: 'last week', type: 'DATE', value: '2025-W35' },
    { text: 'next week', type: 'DATE', value: '2025-W37' },
  ]],
  ['Sales rose this month after falling last month.', D, [
    { text: 'this month', type: 'DATE', value: '2025-09' },
    { text: 'last month', type: 'DATE', value: '2025-08' },
  ]],
  ['Output rose this year after a fall last year.', D, [
    { text: 'this year', type: 'DATE', value: '2025' },
    { text: 'last year', type: 'DATE', value: '2024' },
  ]],
  ['A vote is expected later this year.', D, [{ text: 'later this year', type: 'DATE', value: '2025' }]],
  ['Profit rose this quarter but fell last quarter.', D, [
    { text: 'this quarter', type: 'DATE', value: '2025-Q3' },
    { text: 'last quarter', type: 'DATE', value: '2025-Q2' },
  ]],
  ['Profit fell in the first quarter.', D, [{ text: 'the first quarter', type: 'DATE', value: '2025-Q1' }]],
  ['The plant closed two years ago.', D, [{ text: 'two years ago', type: 'DATE', value: '2023' }]],
  ['Prices have risen recently.', D, [{ text: 'recently', type: 'DATE', value: 'PAST_REF' }]],
  ['Prices are now falling and are currently low.', D, [
    { text: 'now', type: 'DATE', value: 'PRESENT_REF' },
    { text: 'currently', type: 'DATE', value: 'PRESENT_REF' },
  ]],
  ['Nobody knows what the future holds.', D, [{ text: 'the future', type: 'DATE', value: 'FUTURE_REF' }]],
  ['Such wars belong to the past.', D, [{ text: 'the past', type: 'DATE', value: 'PAST_REF' }]],
  // durations
  ['Talks lasted two years.', D, [{ text: 'two years', type: 'DURATION', value: 'P2Y' }]],
  ['The siege lasted three months.', D, [{ text: 'three months', type: 'DURATION', value: 'P3M' }]],
  ['It took a decade to build.', D, [{ text: 'a decade', type: 'DURATION', value: 'P10Y' }]],
  ['The ceasefire held for 48 hours.', D, [{ text: '48 hours', type: 'DURATION', value: 'PT48H' }]],
  ['Prices rose over the past week.', D, [{ text: 'the past week', type: 'DURATION', value: 'P1W' }]],
  ['The plan took several years.', D, [{ text: 'several years', type: 'DURATION', value: 'PXY' }]],
  ['The talks dragged on for weeks.', D, [{ text: 'weeks', type: 'DURATION', value: 'PXW' }]],
  ['He signed a two-year contract.', D, [{ text: 'two-year', type: 'DURATION', value: 'P2Y' }]],
  // times
  ['The meeting began at 10:30 a.m. local time.', D, [{ text: '10:30 a.m.', type: 'TIME', value: '2025-09-02T10:30' }]],
  ['The vote is at 3 p.m. Monday.', D, [{ text: '3 p.m. Monday', type: 'TIME', value: '2025-09-01T15:00' }]],
  ['He spoke this morning and will speak again tonight.', D, [
    { text: 'this morning', type: 'TIME', value: '2025-09-02TMO' },
    { text: 'tonight', type: 'TIME', value: '2025-09-02TNI' },
  ]],
  // sets
  ['The council meets every week.', D, [{ text: 'every week', type: 'SET', value: 'P1W' }]],
  ['The paper is published daily.', D, [{ text: 'daily', type: 'SET', value: 'P1D' }]],
  ['Fees are reviewed annually and the index each year.', D, [
    { text: 'annually', type: 'SET', value: 'P1Y' },
    { text: 'each year', type: 'SET', value: 'P1Y' },
  ]],
  ['The magazine appears weekly.', D, [{ text: 'weekly', type: 'SET', value: 'P1W' }]],
  // no article date: relative values stay unanchored, explicit ones do not need it
  ['The ministers met on Friday in 2024.', null, [
    { text: 'Friday', type: 'DATE', value: 'XXXX-XX-XX' },
    { text: '2024', type: 'DATE', value: '2024' },
  ]],
];

describe('findTimes', () => {
  it.each(CASES)('%s', (sentence, date, expected) => {
    const found = times(sentence, date);
    expect(found.map(pick)).toEqual(expected);
    for (const t of found) expect(sentence.slice(t.start, t.end)).toBe(t.text);
  });
});

const NEGATIVE: string[] = [
  'You may go now if you wish.'.replace(' now', ''),
  'Protesters march to the square.',
  'The Sunday Times reported the story.',
  'The city has 1,200 residents.',
  'The rally drew 2024 people.',
  'Output reached 2030 tonnes.',
  'It fell by 2024%.',
  'Trade reached the 245 billion mark.',
  'May I ask a question?',
  'Soldiers will March through town.',
  'He paid $1999 for the ticket.',
  'The quarterly report is out.',
  'June Carter sang.',
];

describe('negative cases', () => {
  it.each(NEGATIVE)('%s', (sentence) => {
    expect(times(sentence, D)).toEqual([]);
  });
});

describe('timesStage', () => {
  it('declares its fields and runs on a document', () => {
    expect(timesStage.requires).toEqual(['tokens', 'sentences']);
    expect(timesStage.assigns).toEqual(['times']);
    const text = 'Xi met Putin on Tuesday.';
    const { tokens, sentences } = tokenize(text);
    const out = timesStage.run({ text, date: D, tokens, sentences } as never);
    expect(out.times?.map((t) => t.value)).toEqual(['2025-09-02']);
  });
});
