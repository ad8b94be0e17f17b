import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/stages/tokens/index.js';
import { timesStage } from '../../src/stages/times/index.js';
import { pick, times, type Expected } from './helpers.js';
import { scoreTimex } from '../../src/stages/times/eval.js';
import { PARSERS, runParsers, type Ctx } from '../../src/stages/times/parsers.js';
import { parseYmd } from '../../src/stages/times/calendar.js';
import { tenseFinder } from '../../src/stages/times/tense.js';


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
  // a report with its clause after it, no "that" between: the telling's time
  ['He told reporters on Friday it would be unwise to act.', D, [{ text: 'Friday', type: 'DATE', value: '2025-08-29' }]],
  // decades with a typographic apostrophe
  ['After the collapse of the 1980’s, the ’90s were calm.', D, [{ text: 'the 1980’s', type: 'DATE', value: '198' }, { text: 'the ’90s', type: 'DATE', value: '199' }]],
  // "to be dated" looks ahead, as "a letter dated" does not
  ['The bond issue, to be dated September 15, will be priced tomorrow.', D, [{ text: 'September 15', type: 'DATE', value: '2025-09-15' }, { text: 'tomorrow', type: 'DATE', value: '2025-09-03' }]],
  ['The ministers will meet on Friday.', D, [{ text: 'Friday', type: 'DATE', value: '2025-09-05' }]],
  ['The talks are going to resume on Monday.', D, [{ text: 'Monday', type: 'DATE', value: '2025-09-08' }]],
  ['He arrived last Tuesday.', D, [{ text: 'last Tuesday', type: 'DATE', value: '2025-08-26' }]],
  ['They meet again next Monday.', D, [{ text: 'next Monday', type: 'DATE', value: '2025-09-08' }]],
  // a possessive weekday names the day of an event, not governed by the clause's tense
  ["Lawyers will look for ways to get around Wednesday's ruling.", D, [{ text: 'Wednesday', type: 'DATE', value: '2025-08-27' }]],
  ['Fighting broke out on Tuesday night.', D, [{ text: 'Tuesday night', type: 'TIME', value: '2025-09-02TNI' }]],
  // one expression, as TimeBank and AQUAINT mark it (5 of 6 such pairs in the dev sets)
  ['The company said Thursday, Aug. 28, that sales fell.', D, [{ text: 'Thursday, Aug. 28', type: 'DATE', value: '2025-08-28' }]],
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
  // an abbreviation's full stop run into the day, as typed in a hurry
  ['The attacks of Sept.11, 2001 changed that.', D, [{ text: 'Sept.11, 2001', type: 'DATE', value: '2001-09-11' }]],
  ['The filing is dated 2025-08-15.', D, [{ text: '2025-08-15', type: 'DATE', value: '2025-08-15' }]],
  ['The dividend is payable Sept. 30.', D, [{ text: 'Sept. 30', type: 'DATE', value: '2025-09-30' }]],
  ['He visited last November.', D, [{ text: 'last November', type: 'DATE', value: '2024-11' }]],
  // the month just gone is "last month": "last February" written in March is a year before
  ['Volume rose 15 pct from last February.', '1987-03-02', [{ text: 'last February', type: 'DATE', value: '1986-02' }]],
  ['Volume rose 15 pct from last January.', '1987-03-02', [{ text: 'last January', type: 'DATE', value: '1987-01' }]],
  ['Growth was fast in the 1990s.', D, [{ text: 'the 1990s', type: 'DATE', value: '199' }]],
  ['The city was founded in the 19th century.', D, [{ text: 'the 19th century', type: 'DATE', value: '18' }]],
  // relative dates
  ['Markets fell today after falling yesterday.', D, [
    { text: 'today', type: 'DATE', value: '2025-09-02' },
    { text: 'yesterday', type: 'DATE', value: '2025-09-01' },
  ]],
  ['The vote is tomorrow.', D, [{ text: 'tomorrow', type: 'DATE', value: '2025-09-03' }]],
  ["Xi is using this week's summit.", D, [{ text: 'this week', type: 'DATE', value: '2025-W36' }]],
  // on a Sunday (2016-07-24), the week ahead is "this week" when the sentence looks ahead; the ending one when it looks back
  ["Gore will skip this week's convention.", '2016-07-24', [{ text: 'this week', type: 'DATE', value: '2016-W30' }]],
  ['The company reported this week that sales fell.', '2016-07-24', [{ text: 'this week', type: 'DATE', value: '2016-W29' }]],
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
  ['Losses will continue through the first two quarters of 2026.', D, [{ text: 'the first two quarters of 2026', type: 'DATE', value: '2026-H1' }]],
  ['Sales reached 7 billion dollars in the latest fiscal year.', D, [{ text: 'the latest fiscal year', type: 'DATE', value: '2024' }]],
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
  ['Prices rose over the past two weeks.', D, [{ text: 'the past two weeks', type: 'DURATION', value: 'P2W' }]],
  ['The plan took several years.', D, [{ text: 'several years', type: 'DURATION', value: 'PXY' }]],
  ['Prices have climbed over the years.', D, [{ text: 'the years', type: 'DURATION', value: 'PXY' }]],
  ['Few lives are saved in the early years.', D, [{ text: 'the early years', type: 'DURATION', value: 'PXY' }]],
  ['They will live without power for a while.', D, [{ text: 'a while', type: 'DURATION', value: 'PXX' }]],
  ['Islam will one day be the second largest religion.', D, [{ text: 'one day', type: 'DATE', value: 'FUTURE_REF' }]],
  ['Then, a week or so ago, the general chose the date.', D, [{ text: 'a week or so ago', type: 'DATE', value: '2025-W35', mod: 'APPROX' }]],
  ['The talks dragged on for weeks.', D, [{ text: 'weeks', type: 'DURATION', value: 'PXW' }]],
  ['He signed a two-year contract.', D, [{ text: 'two-year', type: 'DURATION', value: 'P2Y' }]],
  // times
  ['The meeting began at 10:30 a.m. local time.', D, [{ text: '10:30 a.m.', type: 'TIME', value: '2025-09-02T10:30' }]],
  ['The vote is at 3 p.m. Monday.', D, [{ text: '3 p.m. Monday', type: 'TIME', value: '2025-09-01T15:00' }]],
  ['He spoke this morning and will speak again tonight.', D, [
    { text: 'this morning', type: 'TIME', value: '2025-09-02TMO' },
    { text: 'tonight', type: 'TIME', value: '2025-09-02TNI' },
  ]],
  ['The raid began on Friday. By mid-afternoon, it was over.', D, [
    { text: 'Friday', type: 'DATE', value: '2025-08-29' },
    { text: 'mid-afternoon', type: 'TIME', value: '2025-08-29TAF' },
  ]],
  ['Shares were up at mid-afternoon yesterday.', D, [{ text: 'mid-afternoon yesterday', type: 'TIME', value: '2025-09-01TAF' }]],
  ['Dealers placed heavy orders in the morning.', D, [{ text: 'the morning', type: 'TIME', value: '2025-09-02TMO' }]],
  ['The father will leave at 4 in the morning.', D, [{ text: '4 in the morning', type: 'TIME', value: '2025-09-02T04:00' }]],
  // sets
  ['The council meets every week.', D, [{ text: 'every week', type: 'SET', value: 'P1W' }]],
  ['The paper is published daily.', D, [{ text: 'daily', type: 'SET', value: 'P1D' }]],
  ['Fees are reviewed annually and the index each year.', D, [
    { text: 'annually', type: 'SET', value: 'P1Y' },
    { text: 'each year', type: 'SET', value: 'P1Y' },
  ]],
  ['Orangemen march each July through the town.', D, [{ text: 'each July', type: 'SET', value: 'XXXX-07' }]],
  ['The magazine appears weekly.', D, [{ text: 'weekly', type: 'SET', value: 'P1W' }]],
  // years in words, "the year", times anchored to the time in focus
  ['The deal was signed in nineteen ninety-six.', D, [{ text: 'nineteen ninety-six', type: 'DATE', value: '1996' }]],
  ['By the year two thousand, it had grown.', D, [{ text: 'the year two thousand', type: 'DATE', value: '2000' }]],
  ['Prices soared in the nineties.', D, [{ text: 'the nineties', type: 'DATE', value: '199' }]],
  ['Sales for the full year rose.', D, [{ text: 'the full year', type: 'DATE', value: '2025' }]],
  ['For the year ended June 30, profit rose.', D, [
    { text: 'the year', type: 'DURATION', value: 'P1Y' },
    { text: 'June 30', type: 'DATE', value: '2025-06-30' },
  ]],
  ['He was promoted on May 22, 1995, and the following year he moved.', D, [
    { text: 'May 22, 1995', type: 'DATE', value: '1995-05-22' },
    { text: 'the following year', type: 'DATE', value: '1996' },
  ]],
  ['The blast was on Friday. Earlier that day, police were warned.', D, [
    { text: 'Friday', type: 'DATE', value: '2025-08-29' },
    { text: 'Earlier that day', type: 'DATE', value: '2025-08-29' },
  ]],
  ['The rally was in July last year.', D, [{ text: 'July last year', type: 'DATE', value: '2024-07' }]],
  // "<month or day> of <year>": one expression, the month or day of that year
  ['We started this journey on June 16th of last year.', D, [{ text: 'June 16th of last year', type: 'DATE', value: '2024-06-16' }]],
  ['He left the firm in March of 2015.', D, [{ text: 'March of 2015', type: 'DATE', value: '2015-03' }]],
  ['Leaders agreed on a plan by March of next year.', D, [{ text: 'March of next year', type: 'DATE', value: '2026-03' }]],
  // a month before a name still dates it after an article or a modifier ("a July NATO summit"), not in a name ("the October Revolution")
  ['As a July NATO summit approached, allies met.', D, [{ text: 'July', type: 'DATE', value: '2025-07' }]],
  ['In an early-October CBS News poll, she led.', D, [{ text: 'early-October', type: 'DATE', value: '2025-10', mod: 'START' }]],
  // "the Sept. 11 attacks" are those of 2001, whatever the article's year
  ['The network trafficked in Sept. 11 conspiracy theories.', D, [{ text: 'Sept. 11', type: 'DATE', value: '2001-09-11' }]],
  ['She left the Sept. 11 memorial ceremony early.', D, [{ text: 'Sept. 11', type: 'DATE', value: '2025-09-11' }]],
  // a scheduled event's date takes the tense of a verb close by, not of a distant one; else the nearest occurrence
  ['Aides have been pressing party officials for a role in drafting the platform for the Democratic convention in July.', '2016-04-26', [
    { text: 'July', type: 'DATE', value: '2016-07' },
  ]],
  ['Tuesday strengthened the prospect that the November election will end up pitting Clinton against Trump.', '2016-03-02', [
    { text: 'Tuesday', type: 'DATE', value: '2016-03-01' },
    { text: 'November', type: 'DATE', value: '2016-11' },
  ]],
  // a duration in two units is one expression
  ['The speech ran 3 minutes 32 seconds.', D, [{ text: '3 minutes 32 seconds', type: 'DURATION', value: 'PT3M32S' }]],
  ['He served two years and six months.', D, [{ text: 'two years and six months', type: 'DURATION', value: 'P2Y6M' }]],
  ['He waited two days and a week.', D, [
    { text: 'two days', type: 'DURATION', value: 'P2D' },
    { text: 'a week', type: 'DURATION', value: 'P1W' },
  ]],
  // "the next year" after a past event is the year after it; a span after "over", "in"
  ['The party won in 2011. It challenged the tax in elections the next year.', D, [
    { text: '2011', type: 'DATE', value: '2011' },
    { text: 'the next year', type: 'DATE', value: '2012' },
  ]],
  ['Sales will rise over the next year.', D, [{ text: 'the next year', type: 'DURATION', value: 'P1Y' }]],
  // "planned" looks ahead only before "to": "the hastily planned trip" does not
  ['On Friday, when she set aside vacation plans for the hastily planned trip, aides worried.', D, [{ text: 'Friday', type: 'DATE', value: '2025-08-29' }]],
  ['The agency planned to pay the families on Friday.', D, [{ text: 'Friday', type: 'DATE', value: '2025-09-05' }]],
  // "a year prior" is "a year earlier"; "if she were to win in November" looks ahead
  ['PolitiFact said a year prior that the claim was false.', D, [{ text: 'a year prior', type: 'DATE', value: '2024' }]],
  ['He said that if his candidate were to win in November, she would sign it.', '2016-09-23', [{ text: 'November', type: 'DATE', value: '2016-11' }]],
  ['I have decided that on Election Day, I will vote for the nominee.', '2016-09-26', [{ text: 'Election Day', type: 'DATE', value: '2016-11-08' }]],
  // the 24-hour clock after a preposition, and dates written with full stops, as European news writes them
  ['The curfew runs from 23:00 to 05:00.', D, [
    { text: '23:00', type: 'TIME', value: '2025-09-02T23:00' },
    { text: '05:00', type: 'TIME', value: '2025-09-02T05:00' },
  ]],
  ['The shelling began at 04:00 on 24 February 2022.', D, [
    { text: '04:00', type: 'TIME', value: '2022-02-24T04:00' },
    { text: '24 February 2022', type: 'DATE', value: '2022-02-24' },
  ]],
  ['The decree of 12.03.2024 took effect.', D, [{ text: '12.03.2024', type: 'DATE', value: '2024-03-12' }]],
  ['Drones attacked on the night of 23 to 24 February 2024.', D, [
    { text: '23', type: 'DATE', value: '2024-02-23' },
    { text: '24 February 2024', type: 'DATE', value: '2024-02-24' },
  ]],
  // thousands with separators
  ['The pilot had logged nearly 6,300 hours of flying time.', D, [{ text: 'nearly 6,300 hours', type: 'DURATION', value: 'PT6300H', mod: 'APPROX' }]],
  ['The empire lasted 1,000 years.', D, [{ text: '1,000 years', type: 'DURATION', value: 'P1000Y' }]],
  // "the first half" of something other than a year is not a half year
  ['The party backed civil rights through the first half of the 20th century.', D, [{ text: 'the 20th century', type: 'DATE', value: '19' }]],
  // an expression opening the sentence, set off by a comma: the main clause's first verb decides, a reporting verb too
  ['In September, a still-struggling HP announced it would split in two.', '2016-01-20', [{ text: 'September', type: 'DATE', value: '2015-09' }]],
  ['On Tuesday, the company said it would not appeal.', '2016-03-17', [{ text: 'Tuesday', type: 'DATE', value: '2016-03-15' }]],
  // a reporting verb with only its object before the time: the time of the telling, whatever the complement says
  ['Rubio told voters here Sunday that he would continue.', '2016-02-09', [{ text: 'Sunday', type: 'DATE', value: '2016-02-07' }]],
  ['Cornyn told a Politico reporter Monday evening that he would be surprised.', '2016-04-12', [{ text: 'Monday evening', type: 'TIME', value: '2016-04-11TEV' }]],
  // the expression's own clause, on its left, before a comma: its tense, not the next clause's
  ['Sanders, who did win Rhode Island on Tuesday, would likely place even more.', '2016-04-27', [{ text: 'Tuesday', type: 'DATE', value: '2016-04-26' }]],
  ['The book, which will be in bookstores on Tuesday, is a twist on a genre.', '2016-02-01', [{ text: 'Tuesday', type: 'DATE', value: '2016-02-02' }]],
  ['It is harder to lay odds on the caucuses Feb. 23 because so much will depend on turnout.', '2015-12-15', [{ text: 'Feb. 23', type: 'DATE', value: '2016-02-23' }]],
  // "would have been" is past; an -ing reporting verb before the time reports ("announcing on Wednesday he would …")
  ['Carson noted that Saturday would have been Reagan\'s birthday.', '2016-02-07', [{ text: 'Saturday', type: 'DATE', value: '2016-02-06' }]],
  ['Trump joined the debate, announcing on Wednesday he would meet the NRA.', '2016-06-16', [{ text: 'Wednesday', type: 'DATE', value: '2016-06-15' }]],
  ['The company expects to start work on the contracts in May, adding the work will continue.', '1987-03-03', [{ text: 'May', type: 'DATE', value: '1987-05' }]],
  // four-letter past forms in "-ed" ("sued", "died") are past tenses too
  ['His campaign sued the DNC on Friday, seeking access, claiming it would win.', '2015-12-20', [{ text: 'Friday', type: 'DATE', value: '2015-12-18' }]],
  // a deadline word looks ahead, unless the clause is in the past perfect
  ['The campaign had been paying $35,000 a month for the tower until May.', '2016-08-23', [{ text: 'May', type: 'DATE', value: '2016-05' }]],
  ['The offer is open until May.', '2016-08-23', [{ text: 'May', type: 'DATE', value: '2017-05' }]],
  // a scheduled event's weekday: by a verb close by, else the nearer one
  ['The reports show spending before the New Hampshire primary on Tuesday.', '2016-02-08', [{ text: 'Tuesday', type: 'DATE', value: '2016-02-09' }]],
  ['Trump won the Nevada caucuses on Tuesday.', '2016-02-08', [{ text: 'Tuesday', type: 'DATE', value: '2016-02-02' }]],
  ['Sanders holds a solid lead in Tuesday’s first-in-the-nation primary.', '2016-02-08', [{ text: 'Tuesday', type: 'DATE', value: '2016-02-09' }]],
  ['He feels he can win New Hampshire’s Tuesday primary.', '2016-02-08', [{ text: 'Tuesday', type: 'DATE', value: '2016-02-09' }]],
  ['He will do well in Tuesday’s New Hampshire primary.', '2016-02-08', [{ text: 'Tuesday', type: 'DATE', value: '2016-02-09' }]],
  ['Rubio stumbled at Saturday\'s debate.', '2016-02-08', [{ text: 'Saturday', type: 'DATE', value: '2016-02-06' }]],
  // a live report's entry headed "4:40 p.m.:" on a line of its own: the article's day
  ['It was a shotgun.\n\n___.\n\n4:40 p.m.:\n\nA slice of Hollywood came on Wednesday evening.\n\n___.\n\n12:50 p.m.:\n\nCruz spoke.', '2016-01-05', [
    { text: '4:40 p.m.', type: 'TIME', value: '2016-01-05T16:40' },
    { text: 'Wednesday evening', type: 'TIME', value: '2015-12-30TEV' },
    { text: '12:50 p.m.', type: 'TIME', value: '2016-01-05T12:50' },
  ]],
  // "Super Tuesday": the primaries' day of the article's year, or of the coming election year late in the year before
  ['Sanders hopes to win states voting on Super Tuesday.', '2016-02-27', [{ text: 'Super Tuesday', type: 'DATE', value: '2016-03-01' }]],
  ['Cruz is building a firewall in the South for Super Tuesday.', '2015-11-20', [{ text: 'Super Tuesday', type: 'DATE', value: '2016-03-01' }]],
  // holidays whose date moves, and more fixed ones (a typographic apostrophe as well as a straight one)
  ['In the weeks since Labor Day, she held rallies.', '2016-09-20', [
    { text: 'weeks', type: 'DURATION', value: 'PXW' },
    { text: 'Labor Day', type: 'DATE', value: '2016-09-05' },
  ]],
  ['Stores opened early on Black Friday.', '2016-12-01', [{ text: 'Black Friday', type: 'DATE', value: '2016-11-25' }]],
  ['He sent flowers on Mother’s Day.', '2016-05-20', [{ text: 'Mother’s Day', type: 'DATE', value: '2016-05-08' }]],
  ['Memorial Day weekend was busy.', '2016-06-02', [{ text: 'Memorial Day', type: 'DATE', value: '2016-05-30' }]],
  ['The Victory Day parade was cancelled.', '2016-05-12', [{ text: 'Victory Day', type: 'DATE', value: '2016-05-09' }]],
  // Election Day: the coming one, unless a verb close by puts it in the past
  ['Working backward from Election Day, the time is fast approaching.', '2016-04-10', [{ text: 'Election Day', type: 'DATE', value: '2016-11-08' }]],
  ['Turnout fell on Election Day in many states.', '2016-12-01', [{ text: 'Election Day', type: 'DATE', value: '2016-11-08' }]],
  // a weekday named as a thing ("Thursday's debate") is past, unless the clause looks ahead to one of the next three days
  ['Voters expect her to win Thursday\'s debate.', D, [{ text: 'Thursday', type: 'DATE', value: '2025-09-04' }]],
  ['They would look for ways around Sunday\'s ruling.', D, [{ text: 'Sunday', type: 'DATE', value: '2025-08-31' }]],
  // a clock time on a line of its own heads a live report's entry: the article's day, not the day last named
  ['The Times reported Saturday that it had the filings.\n\n2 p.m.\n\nClinton spoke in Ohio.', D, [
    { text: 'Saturday', type: 'DATE', value: '2025-08-30' },
    { text: '2 p.m.', type: 'TIME', value: '2025-09-02T14:00' },
  ]],
  ['The agency gave them until Friday to sign.', D, [{ text: 'Friday', type: 'DATE', value: '2025-09-05' }]],
  ['Netanyahu and Arafat meet separately Monday with the envoy.', D, [{ text: 'Monday', type: 'DATE', value: '2025-09-08' }]],
  ['Until Thursday, the police had not named him a suspect.', D, [{ text: 'Thursday', type: 'DATE', value: '2025-08-28' }]],
  ['The mission is in December. Colonel Collins leads it.', D, [{ text: 'December', type: 'DATE', value: '2025-12' }]],
  // the reporting period in focus: a quarter, until a longer period of the year is named
  ['Net rose in the third quarter from a year earlier. For the first nine months, net fell from a year earlier.', D, [
    { text: 'the third quarter', type: 'DATE', value: '2025-Q3' },
    { text: 'a year earlier', type: 'DATE', value: '2024-Q3' },
    { text: 'the first nine months', type: 'DURATION', value: 'P9M' },
    { text: 'a year earlier', type: 'DATE', value: '2024' },
  ]],
  // a quarter still to come is a forecast, not the period compared with
  ['It posted a third-quarter loss and expects losses through the first quarter of 2026. In the year-ago quarter it earned 5 million dollars.', D, [
    { text: 'third-quarter', type: 'DATE', value: '2025-Q3' },
    { text: 'the first quarter of 2026', type: 'DATE', value: '2026-Q1' },
    { text: 'the year-ago quarter', type: 'DATE', value: '2024-Q3' },
  ]],
  ['Net fell in the second quarter from the corresponding period last year; sales for last year\'s quarter were lower.', D, [
    { text: 'the second quarter', type: 'DATE', value: '2025-Q2' },
    { text: 'the corresponding period last year', type: 'DATE', value: '2024-Q2' },
    { text: "last year's quarter", type: 'DATE', value: '2024-Q2' },
  ]],
  ['Profit fell in the first quarter. Sales in the latest period rose.', D, [
    { text: 'the first quarter', type: 'DATE', value: '2025-Q1' },
    { text: 'the latest period', type: 'DATE', value: '2025-Q1' },
  ]],
  // "ended" puts a year-less date in the past, a deadline in the future, whatever the clause's tense
  ['In the fiscal year ended Jan. 31, sales rose.', '2025-11-02', [
    { text: 'the fiscal year', type: 'DURATION', value: 'P1Y' },
    { text: 'Jan. 31', type: 'DATE', value: '2025-01-31' },
  ]],
  ['The board extended the offer until March 1.', D, [{ text: 'March 1', type: 'DATE', value: '2026-03-01' }]],
  // bare seasons after a preposition: the last one in the past tense, the next one in the future tense
  ['Demand stayed weak well into the summer.', '2025-10-20', [{ text: 'the summer', type: 'DATE', value: '2025-SU' }]],
  ['Orders have risen from the low levels of the early spring.', D, [{ text: 'the early spring', type: 'DATE', value: '2025-SP', mod: 'START' }]],
  ['The plant will reopen in the spring.', D, [{ text: 'the spring', type: 'DATE', value: '2026-SP' }]],
  // "the week" is the week of the day in focus; "the week of March 6" that date's week
  ['The index fell on Friday. For the week, it lost 3%.', D, [
    { text: 'Friday', type: 'DATE', value: '2025-08-29' },
    { text: 'the week', type: 'DATE', value: '2025-W35' },
  ]],
  ['The troops should arrive by the end of the month.', D, [{ text: 'the end of the month', type: 'DATE', value: '2025-09', mod: 'END' }]],
  ['A hearing is set for the week of March 6, 2026.', D, [{ text: 'the week of March 6, 2026', type: 'DATE', value: '2026-W10' }]],
  // fractions and ranges
  ['The flight lasted 5 1/2 hours.', D, [{ text: '5 1/2 hours', type: 'DURATION', value: 'PT5H30M' }]],
  ['It took a minute and a half.', D, [{ text: 'a minute and a half', type: 'DURATION', value: 'PT1M30S' }]],
  ['Sales should double over the next couple of years.', D, [{ text: 'the next couple of years', type: 'DURATION', value: 'P2Y' }]],
  ['Shares may rise over the next two years or so.', D, [{ text: 'the next two years or so', type: 'DURATION', value: 'P2Y', mod: 'APPROX' }]],
  ['The boy will stay for two more weeks.', D, [{ text: 'two more weeks', type: 'DURATION', value: 'P2W' }]],
  ['The index fell for eight trading days.', D, [{ text: 'eight trading days', type: 'DURATION', value: 'P8D' }]],
  ['Repairs take two to three weeks.', D, [{ text: 'two to three weeks', type: 'DURATION', value: 'PXW' }]],
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
  'He paid $5 a year for it.',
  'Mr. Smith, 52 years old, retired.',
  'Iraq imports about three-quarters of its food.',
  'A second group of directors objected.',
  'The fall of the Berlin Wall changed Europe.',
  'This is VOA Today.',
  "The case matters to today's youth.",
  'Baker said on ABC\'s "This Week" that talks had failed.',
  // a holiday or a weekday inside a name
  'Christmas Island is remote.',
  'The Easter Rising shaped the republic.',
  'Pence spoke on Fox News Sunday about the debate.',
  'The October Revolution changed Russia.',
  'Lloyd Grove, the Daily Beast editor, wrote it.',
  'The now-defunct magazine closed.',
  'They came in numbers that nobody expected in May.5 people were hurt.',
  'He anchored coverage from Current TV, the network he later sold.',
  'Clinton rebounded after a second-place finish.',
  'Robby Mook told CBS This Morning that they expect fairness.',
  'Ukraine won 2:1 and the screen is 16:9.',
  'Version 1.2.2024 shipped.',
  'The Mail on Sunday printed the letter.',
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

describe('scoreTimex (as shared/eval/score.py timex)', () => {
  // gold offsets count code points; predicted ones are UTF-16 and are mapped through the text
  const text = '\u{1F600} on Monday and in 2024.';
  const gold = [
    { doc_id: 'a', dct: '2025-09-02', text, timex3: [{ start: 5, end: 11, value: '2025-09-01' }, { start: 19, end: 23, value: '2024' }] },
    { doc_id: 'b', dct: '2025-09-02', text: 'today', timex3: [{ start: 0, end: 5, value: '2025-09-02' }] },
  ];
  const pred = new Map([
    ['a', {
      text,
      times: [
        { start: 6, end: 12, value: '2025-09-01' }, // "Monday": exact span, right value
        { start: 17, end: 24, value: '2023' }, // "in 2024": overlapping span, wrong value
        { start: 13, end: 16, value: 'X' }, // "and": no gold expression
      ],
    }],
  ]);
  const s = scoreTimex(gold, pred);
  it('counts gold, predictions and documents without output', () => {
    expect(s).toMatchObject({ gold: 3, predicted: 3, missing: 1 });
  });
  it('scores strict, relaxed and value matches', () => {
    expect(s.strict).toEqual({ p: 1 / 3, r: 1 / 3, f1: 1 / 3 });
    expect(s.relaxed.p).toBeCloseTo(2 / 3);
    expect(s.relaxed.r).toBeCloseTo(2 / 3);
    expect(s.relaxed.f1).toBeCloseTo(2 / 3);
    expect(s.value.f1).toBeCloseTo(1 / 3);
  });
  it('is zero, not NaN, with nothing predicted', () => {
    const empty = scoreTimex(gold, new Map());
    expect(empty.strict).toEqual({ p: 0, r: 0, f1: 0 });
    expect(empty.missing).toBe(2);
  });
});

describe('parser pre-filters (needs)', () => {
  const texts = [
    'In the 1990s and the EARLY 2000s, the 19th Century, the third quarter, the second Half of 2024 and the first two quarters of 2023.',
    'Three years ago, two days Earlier, a week before, five years from now; days ago, years Ago.',
    'Daily, WEEKLY, biweekly and semiannually; once a week, twice a year, three times a month.',
    'A decade-long war; the year-ago quarter; the year-earlier period; the period a year earlier; last year\'s comparable quarter.',
    'Nineteen eighty-four, two thousand and one, the nineties; 9 in the morning, the Afternoon, mid-evening.',
    'On Tuesday, last FRIDAY, Christmas Eve, New Year\'s Day, Valentine\'s Day, Halloween, Thanksgiving, Election Day, Easter Sunday.',
    'Every week, each July, every spring; today, and over the weekend, for a while, in the summer, at year-end, the quarter, the quarter ended June 30, the 1988 period, the month, the week, the weeks ahead, for years, the year, per day, that day, the past week, 3 p.m. and 2 May.',
    'Nothing here but 2024 and May.',
    'The decree of 12.03.2024 took effect at 14:30.',
    'Labor Day, Memorial Day, Black Friday, Cyber Monday, Good Friday, Mother’s Day, Father\'s Day, the Fourth of July, Presidents\' Day, Veterans Day, Victory Day, May Day, Boxing Day and Martin Luther King Jr. Day.',
  ];
  it('name lower-case ASCII strings only', () => {
    for (const p of PARSERS) for (const w of p.needs ?? []) expect(w).toMatch(/^[\x20-\x40\x5b-\x7e]+$/);
  });
  it('never skip a parser that would find something', () => {
    const unfiltered = PARSERS.map((p) => ({ ...p, needs: undefined }));
    const rules = new Set<string>();
    for (const text of texts) {
      const { tokens, sentences } = tokenize(text);
      const ctx: Ctx = { text, ref: parseYmd(D), tense: tenseFinder(tokens, sentences) };
      const all = runParsers(ctx, unfiltered);
      expect(runParsers(ctx)).toEqual(all);
      for (const f of all) rules.add(f.rule);
    }
    // the texts exercise every filtered parser
    expect(PARSERS.filter((p) => p.needs && !rules.has(p.name)).map((p) => p.name)).toEqual([]);
  });
});
