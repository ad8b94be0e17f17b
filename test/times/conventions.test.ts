/**
 * Tables of the TimeML conventions and anchoring rules added for issue #4: each row a sentence
 * written for the test, the article date, and every expression expected with its type, value,
 * mod and span. Each row fails if the rule it names is removed.
 */
import { describe, expect, it } from 'vitest';
import { pick, times, type Expected } from './helpers.js';


function table(name: string, rows: [string, string | null, Expected[]][]) {
  describe(name, () => {
    it.each(rows)('%s', (sentence, date, expected) => {
      const found = times(sentence, date);
      expect(found.map(pick)).toEqual(expected);
      for (const t of found) expect(sentence.slice(t.start, t.end)).toBe(t.text);
    });
  });
}

// 2025-09-02 is a Tuesday (ISO week 36, third quarter)
const D = '2025-09-02';

table('the tense that places a year-less month or date', [
  // a participle after "be" is not a past tense: the modal before it governs
  ['The special dividend will be paid May 14.', D, [{ text: 'May 14', type: 'DATE', value: '2026-05-14' }]],
  // "succeed" ends in -ed but is not a past tense
  ['Ms. Ortiz will succeed the chairman Feb. 1.', D, [{ text: 'Feb. 1', type: 'DATE', value: '2026-02-01' }]],
  // the past tense reaches back nine months
  ['In January, the airline hired a new chief executive.', '2025-10-27', [{ text: 'January', type: 'DATE', value: '2025-01' }]],
  // a deadline with a clock time before the date is still a deadline
  ['The bank extended its offer until 5 p.m. EST Aug. 9.', '2025-12-15', [{ text: '5 p.m. EST Aug. 9', type: 'TIME', value: '2026-08-09T17:00' }]],
  ['The regulator gave the buyer until mid-June to reply.', '2025-12-15', [{ text: 'mid-June', type: 'DATE', value: '2026-06', mod: 'MID' }]],
  ['The lenders agreed to extend the credit line through March.', '2025-10-15', [{ text: 'March', type: 'DATE', value: '2026-03' }]],
  // a month's published figure is the month just past, whatever the clause's tense
  ['The jobless rate will climb from January\'s three pct record.', '1987-03-03', [{ text: 'January', type: 'DATE', value: '1987-01' }]],
  ['Exports are expected to recover from February\'s weak trade figures.', '2025-04-10', [{ text: 'February', type: 'DATE', value: '2025-02' }]],
  // "this year through August": a month of the year already named
  ['The fund has lost 2% this year through August.', '2025-10-27', [
    { text: 'this year', type: 'DATE', value: '2025' },
    { text: 'August', type: 'DATE', value: '2025-08' },
  ]],
]);

table('a quarter named by its end date', [
  // the calendar quarter that the three months before the date mostly cover
  ['In the quarter ended July 31, the retailer lost money.', '2025-10-30', [
    { text: 'the quarter', type: 'DATE', value: '2025-Q2' },
    { text: 'July 31', type: 'DATE', value: '2025-07-31' },
  ]],
  // and it is then the quarter in focus
  ['Sales for the quarter ended Sept. 30 rose from a year earlier.', '2025-10-30', [
    { text: 'the quarter', type: 'DATE', value: '2025-Q3' },
    { text: 'Sept. 30', type: 'DATE', value: '2025-09-30' },
    { text: 'a year earlier', type: 'DATE', value: '2024-Q3' },
  ]],
  // a fiscal quarter just named is the one meant
  ['The chip maker reported its fiscal first quarter. Sales for the quarter ended Sept. 28 rose.', '2025-10-26', [
    { text: 'fiscal first quarter', type: 'DATE', value: '2025-Q1' },
    { text: 'the quarter', type: 'DATE', value: '2025-Q1' },
    { text: 'Sept. 28', type: 'DATE', value: '2025-09-28' },
  ]],
]);

table('durations', [
  // a vague count is never a fraction
  ['The unit turned a profit after several quarters of losses.', D, [{ text: 'several quarters', type: 'DURATION', value: 'PXQ' }]],
  // adjectives of length; the article belongs to the noun
  ['Lawyers left their third day-long meeting with officials.', D, [{ text: 'day-long', type: 'DURATION', value: 'P1D' }]],
  ['The decades-long feud between the brothers ended.', D, [{ text: 'decades-long', type: 'DURATION', value: 'PXY' }]],
  ['She began a two-week-long tour of the region.', D, [{ text: 'two-week-long', type: 'DURATION', value: 'P2W' }]],
  // vague decades are counted in years, as "two decades" is P20Y
  ['For decades, the two towns were cut off.', D, [{ text: 'decades', type: 'DURATION', value: 'PXY' }]],
]);

table('"the past year": the calendar unit before the article\'s', [
  ['Hate groups grew over the past year.', '2025-03-03', [{ text: 'the past year', type: 'DATE', value: '2024' }]],
  ['Workers lost earning power to inflation in the last decade.', '2025-02-06', [{ text: 'the last decade', type: 'DATE', value: '201' }]],
  ['Prices rose over the past week.', D, [{ text: 'the past week', type: 'DATE', value: '2025-W35' }]],
  // counted or plural ones stay durations
  ['Prices rose over the past three years and the past months.', D, [
    { text: 'the past three years', type: 'DURATION', value: 'P3Y' },
    { text: 'the past months', type: 'DURATION', value: 'PXM' },
  ]],
]);

table('holidays, vague futures, early years', [
  // movable holidays: Easter by the computus, its ISO week; US Election Day, the Tuesday after the first Monday of November
  ['Pilgrims prayed as Easter week began.', '2000-04-17', [{ text: 'Easter week', type: 'DATE', value: '2000-W16' }]],
  ['The shops close on Easter Sunday.', '2025-03-10', [{ text: 'Easter Sunday', type: 'DATE', value: '2025-04-20' }]],
  ['Violence will be a theme of the race until Election Day.', '1998-10-26', [{ text: 'Election Day', type: 'DATE', value: '1998-11-03' }]],
  ['The boy was rescued on Thanksgiving Day.', '2000-01-07', [{ text: 'Thanksgiving Day', type: 'DATE', value: '1999-11-25' }]],
  // "the near term" is a time to come; the adjective "near-term" is not a time
  ['We do not minimize the challenges of the near term, or near-term costs.', D, [{ text: 'the near term', type: 'DATE', value: 'FUTURE_REF' }]],
  ['The plan may placate holders in the short term.', D, [{ text: 'the short term', type: 'DATE', value: 'FUTURE_REF' }]],
  // a year before 1900 only after a preposition; bare, such numbers are index levels or counts
  ['Cuba won independence from Spain in 1898.', D, [{ text: '1898', type: 'DATE', value: '1898' }]],
  ['The index closed at 1678.5, down from 1700 points.', D, []],
]);

table('"before" and "after" with a complement are signals; the duration is the expression', [
  ['She gave the interview several months before she took office.', D, [{ text: 'several months', type: 'DURATION', value: 'PXM' }]],
  ['The car was seen near the house 10 days before the attack.', D, [{ text: '10 days', type: 'DURATION', value: 'P10D' }]],
  ['The banks must wait at least 30 days before closing the sale.', D, [{ text: 'at least 30 days', type: 'DURATION', value: 'P30D', mod: 'EQUAL_OR_MORE' }]],
  ['Inspectors returned nearly two months after they were blocked.', D, [{ text: 'nearly two months', type: 'DURATION', value: 'P2M', mod: 'APPROX' }]],
  // standing alone, "before" is an adverb and the whole is a date
  ['He had resigned two days before, aides said.', D, [{ text: 'two days before', type: 'DATE', value: '2025-08-31' }]],
]);

table('a second day joined to a date', [
  ['The summit will be held on April 24 and 25.', '1999-02-10', [
    { text: 'April 24', type: 'DATE', value: '1999-04-24' },
    { text: '25', type: 'DATE', value: '1999-04-25' },
  ]],
  ['Talks will run from June 3 to 5.', D, [
    { text: 'June 3', type: 'DATE', value: '2026-06-03' },
    { text: '5', type: 'DATE', value: '2026-06-05' },
  ]],
  // a count after the date is not a day
  ['Sales fell on Aug. 2 to 30 stores and rose on Aug. 4 and 5 percent.', D, [
    { text: 'Aug. 2', type: 'DATE', value: '2025-08-02' },
    { text: 'Aug. 4', type: 'DATE', value: '2025-08-04' },
  ]],
]);

table('recall: vague short units, parts of "the year", "or so"', [
  ['Officials said the talks would resume within days.', D, [{ text: 'days', type: 'DURATION', value: 'PXD' }]],
  ['Crowds waited for hours outside the court.', D, [{ text: 'hours', type: 'DURATION', value: 'PTXH' }]],
  ['It is only a matter of days.', D, []],
  ['Profit doubled in the first half of the year.', D, [{ text: 'the first half of the year', type: 'DATE', value: '2025-H1' }]],
  ['The plant will be closed over the next year or so.', D, [{ text: 'the next year or so', type: 'DURATION', value: 'P1Y', mod: 'APPROX' }]],
]);

table('coordinated weekdays share what one of them says', [
  ['The central bank meets next Tuesday and Wednesday.', '2013-03-22', [
    { text: 'next Tuesday', type: 'DATE', value: '2013-03-26' },
    { text: 'Wednesday', type: 'DATE', value: '2013-03-27' },
  ]],
  ['New flights will leave on Monday and Tuesday nights.', D, [
    { text: 'Monday', type: 'SET', value: 'XXXX-WXX-1TNI' },
    { text: 'Tuesday nights', type: 'SET', value: 'XXXX-WXX-2TNI' },
  ]],
  // "there are no plans for X to meet … on Friday": a plan, to come; not "plans for the trip"
  ['Bankers said there are no plans for the minister to meet them during his trip to Washington on Friday and Saturday.', '1987-02-26', [
    { text: 'Friday', type: 'DATE', value: '1987-02-27' },
    { text: 'Saturday', type: 'DATE', value: '1987-02-28' },
  ]],
  ['On Friday, Albright set aside vacation plans for the hastily planned trip.', '1998-08-17', [{ text: 'Friday', type: 'DATE', value: '1998-08-14' }]],
  // each weekday without a determiner is placed on its own
  ['The statements were made Friday and Thursday.', D, [
    { text: 'Friday', type: 'DATE', value: '2025-08-29' },
    { text: 'Thursday', type: 'DATE', value: '2025-08-28' },
  ]],
]);

table('"over": "more than" after a word of length, otherwise a preposition outside the expression', [
  ['The inspection tour is likely to last over a week.', D, [{ text: 'over a week', type: 'DURATION', value: 'P1W', mod: 'MORE_THAN' }]],
  ['Just over an hour later, the patient died.', D, [{ text: 'over an hour', type: 'DURATION', value: 'PT1H', mod: 'MORE_THAN' }]],
  ['The credit line can be drawn over three years.', D, [{ text: 'three years', type: 'DURATION', value: 'P3Y' }]],
  ['The system has evolved over several years.', D, [{ text: 'several years', type: 'DURATION', value: 'PXY' }]],
]);

table('"around" before a clock time or a date is part of it (mod APPROX)', [
  ['The two men entered the store around 7:15 p.m.', D, [{ text: 'around 7:15 p.m.', type: 'TIME', value: '2025-09-02T19:15', mod: 'APPROX' }]],
  ['The sale should be completed around Nov. 1.', D, [{ text: 'around Nov. 1', type: 'DATE', value: '2025-11-01', mod: 'APPROX' }]],
  // and the clock time still joins the day after it
  ['The blast came at about 10:35 a.m. Friday.', D, [{ text: 'about 10:35 a.m. Friday', type: 'TIME', value: '2025-08-29T10:35', mod: 'APPROX' }]],
  // not before a weekday ("get around" is a verb) nor before a bare number
  ["Relatives will look for ways to get around Wednesday's ruling.", D, [{ text: 'Wednesday', type: 'DATE', value: '2025-08-27' }]],
]);

table('not times', [
  ['The quarter-to-quarter comparison was helped by charges.', D, []],
  ['The sale should be completed in a matter of months.', D, []],
]);

table('plural units around an event', [
  ['His car was seen near the house in the days before the attack.', D, [{ text: 'days', type: 'DURATION', value: 'PXD' }]],
  ['Funds may have to sell bonds in the weeks ahead.', D, [{ text: 'the weeks ahead', type: 'DURATION', value: 'PXW' }]],
]);

table('plans and "since"', [
  // the plan word after an auxiliary carries the tense, not the auxiliary
  ['Exiles were planning to drive around the airport on Saturday.', '2000-01-07', [{ text: 'Saturday', type: 'DATE', value: '2000-01-08' }]],
  // "since" puts a year-less month in the past, whatever follows
  ['The carrier has been on patrol since March and was scheduled to return.', '1990-08-13', [{ text: 'March', type: 'DATE', value: '1990-03' }]],
]);

table('"more recently" is one expression', [
  ['More recently, the group has tracked armed militias.', D, [{ text: 'More recently', type: 'DATE', value: 'PAST_REF' }]],
]);

table('names that contain times', [
  ['She once hosted Saturday Night Live.', D, []],
  ['The firm sold copies of Windows 2000 to schools.', D, []],
  ['Millions traveled home for the Spring Festival.', D, []],
  // a capitalised word that opens the sentence, a month or "Fiscal" may stand before a year
  ['Unlike 2011, prices fell in Fiscal 2012.', D, [
    { text: '2011', type: 'DATE', value: '2011' },
    { text: 'Fiscal 2012', type: 'DATE', value: '2012' },
  ]],
]);

table('a clock time "on" a day is on that day', [
  ['The bombs went off at 2:50 p.m. ET on Monday.', '2013-03-22', [
    { text: '2:50 p.m. ET', type: 'TIME', value: '2013-03-18T14:50' },
    { text: 'Monday', type: 'DATE', value: '2013-03-18' },
  ]],
  ['The vote is set for 10 a.m. on March 28.', '2013-03-22', [
    { text: '10 a.m.', type: 'TIME', value: '2013-03-28T10:00' },
    { text: 'March 28', type: 'DATE', value: '2013-03-28' },
  ]],
]);

table('uncounted "ago"', [
  ['The company, which just months ago was losing money, is healthy.', D, [{ text: 'months ago', type: 'DATE', value: 'PAST_REF' }]],
]);

table('frequencies', [
  ['The two leaders meet twice a year.', D, [{ text: 'twice a year', type: 'SET', value: 'P1Y' }]],
  ['The board meets once a month.', D, [{ text: 'once a month', type: 'SET', value: 'P1M' }]],
  ['Tourists return each spring.', D, [{ text: 'each spring', type: 'SET', value: 'XXXX-SP' }]],
  // "a year ago" is not a frequency
  ['Sales were three times a year ago.', D, [{ text: 'a year ago', type: 'DATE', value: '2024' }]],
]);

table('"the March accession": an ambiguous month after "the" and before a lower-case noun', [
  ['The March accession will let the three countries vote.', D, [{ text: 'March', type: 'DATE', value: '2026-03' }]],
  // a name, and the verb
  ['Her family owned the May Department Stores chain.', D, []],
  ['The march through the capital was peaceful.', D, []],
]);

table('a recurring quarter is written in quarters, as durations of quarters are', [
  ['The company must pay interest every quarter.', D, [{ text: 'every quarter', type: 'SET', value: 'P1Q' }]],
]);

table('"the previous Friday", "the following Monday": the weekday next to the day in focus', [
  ['The index rose Friday, up 2% from the previous Friday.', D, [
    { text: 'Friday', type: 'DATE', value: '2025-08-29' },
    { text: 'the previous Friday', type: 'DATE', value: '2025-08-22' },
  ]],
  ['The board met on Aug. 14 and again the following Monday.', D, [
    { text: 'Aug. 14', type: 'DATE', value: '2025-08-14' },
    { text: 'the following Monday', type: 'DATE', value: '2025-08-18' },
  ]],
  // with no day in focus, the one after the article date
  ['The council will meet the following Monday.', D, [{ text: 'the following Monday', type: 'DATE', value: '2025-09-08' }]],
]);

table('"the last half of the \'80s": the decade, with the half as its mod', [
  ["Sales have slowed over the last half of the '80s.", D, [{ text: "the last half of the '80s", type: 'DATE', value: '198', mod: 'END' }]],
  ['Prices fell in the first half of the 1990s.', D, [{ text: 'the first half of the 1990s', type: 'DATE', value: '199', mod: 'START' }]],
]);

table('"future quarters": the unit after "future" belongs to the expression', [
  ['The losses will cut tax payments in future quarters.', D, [{ text: 'future quarters', type: 'DATE', value: 'FUTURE_REF' }]],
  ['In future years, prices may rise.', D, [{ text: 'future years', type: 'DATE', value: 'FUTURE_REF' }]],
  // "future" before any other noun is an adjective, not a time
  ['The reserves cover future payments.', D, []],
]);

table('"no more than", "no less than" before a duration are part of it', [
  ['The inspectors may visit the sites for no more than sixty days.', D, [{ text: 'no more than sixty days', type: 'DURATION', value: 'P60D', mod: 'EQUAL_OR_LESS' }]],
  ['The hostages were held no less than two weeks.', D, [{ text: 'no less than two weeks', type: 'DURATION', value: 'P2W', mod: 'EQUAL_OR_MORE' }]],
]);

table('a day of the month written as an ordinal word ("March eighth")', [
  ['The rally is this coming Sunday, March eighth.', '2026-03-05', [{ text: 'this coming Sunday, March eighth', type: 'DATE', value: '2026-03-08' }]],
  ['The vote is set for May twenty-first, 2026.', D, [{ text: 'May twenty-first, 2026', type: 'DATE', value: '2026-05-21' }]],
  // an ordinal that starts another expression is not a day
  ['Profit fell in the March first-quarter report.', D, [
    { text: 'March', type: 'DATE', value: '2025-03' },
    { text: 'first-quarter', type: 'DATE', value: '2025-Q1' },
  ]],
]);

table('"or later", "and beyond" close a date with an open end (mod ON_OR_AFTER)', [
  ["The mine won't be profitable until 2029 or later.", D, [{ text: '2029 or later', type: 'DATE', value: '2029', mod: 'ON_OR_AFTER' }]],
  ['The company is confident about cash flow for 2026 and beyond.', D, [{ text: '2026 and beyond', type: 'DATE', value: '2026', mod: 'ON_OR_AFTER' }]],
  // "and later" before a verb is another clause
  ['She joined in October 2004 and later served as its head.', D, [{ text: 'October 2004', type: 'DATE', value: '2004-10' }]],
]);

table('"weekly", "monthly" before a noun recur, as "daily" does; "quarterly" before a noun is a reporting period', [
  ['The president said in his weekly radio address that taxes would fall.', D, [{ text: 'weekly', type: 'SET', value: 'P1W' }]],
  ['Monthly payments rose.', D, [{ text: 'Monthly', type: 'SET', value: 'P1M' }]],
  ['The bank raised its quarterly dividend.', D, []],
]);
