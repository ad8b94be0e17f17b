/**
 * Word lists of the time stage: month, weekday, number and unit names. Data, not logic; the
 * parsers compile them into regular expressions once, at module load.
 */

export const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5,
  june: 6, jun: 6, july: 7, jul: 7, august: 8, aug: 8, september: 9, sept: 9, sep: 9,
  october: 10, oct: 10, november: 11, nov: 11, december: 12, dec: 12,
};

/** Full month names that are also common words: accepted alone only after a cue word. */
export const AMBIGUOUS_MONTHS = new Set(['may', 'march']);

/** Words after which a bare ambiguous month ("May", "March") is read as a month. */
export const MONTH_CUES = new Set([
  'in', 'since', 'until', 'till', 'by', 'of', 'last', 'next', 'this', 'early', 'late', 'mid', 'during',
  'before', 'after', 'through', 'from', 'to', 'between', 'and', 'or', 'on', 'that', 'earlier', 'later',
  'end', 'beginning', 'start', 'middle', 'throughout', 'around', 'as', 'past',
]);

/** Determiners before which a bare ambiguous month followed by a lower-case noun is a month ("the March accession"). */
export const MONTH_DETERMINERS = new Set(['the']);

/** Monday = 1 … Sunday = 7, as in ISO 8601 (TIMEX3 "XXXX-WXX-1"). */
export const WEEKDAYS: Record<string, number> = {
  monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6, sunday: 7,
};

/** Parts of the day as TIMEX3 writes them. */
export const DAY_PARTS: Record<string, string> = {
  morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI', overnight: 'NI', tonight: 'NI',
};

export const SEASONS: Record<string, string> = {
  spring: 'SP', summer: 'SU', fall: 'FA', autumn: 'FA', winter: 'WI',
};

export const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50,
  sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100, 'a hundred': 100, 'one hundred': 100,
  'a couple of': 2, 'a couple': 2, 'couple of': 2, couple: 2, 'a dozen': 12, dozen: 12, 'half a': 0.5, 'a half': 0.5,
};

/** Vague quantities: the value gets an X ("several years" → PXY). */
export const VAGUE_NUMBERS = new Set(['a few', 'few', 'several', 'many', 'some', 'the next few', 'a number of']);

export const ORDINALS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9,
  tenth: 10, eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15,
  sixteenth: 16, seventeenth: 17, eighteenth: 18, nineteenth: 19, twentieth: 20,
  'twenty-first': 21, 'twenty first': 21, '1st': 1, '2nd': 2, '3rd': 3, '4th': 4,
};

/** Calendar units: the TIMEX3 duration letter and whether it takes the "T" time designator. */
export const UNITS: Record<string, { letter: string; time: boolean; scale?: number }> = {
  second: { letter: 'S', time: true }, minute: { letter: 'M', time: true }, hour: { letter: 'H', time: true },
  day: { letter: 'D', time: false }, night: { letter: 'D', time: false }, week: { letter: 'W', time: false },
  fortnight: { letter: 'W', time: false, scale: 2 }, month: { letter: 'M', time: false },
  quarter: { letter: 'Q', time: false }, year: { letter: 'Y', time: false },
  decade: { letter: 'Y', time: false, scale: 10 }, century: { letter: 'Y', time: false, scale: 100 },
  centurie: { letter: 'Y', time: false, scale: 100 },
};

/** Words after a four-digit number that make it a count, not a year ("2024 people"). */
export const COUNT_NOUNS = new Set([
  'people', 'persons', 'person', 'tonnes', 'tons', 'ton', 'tonne', 'percent', 'per', 'troops', 'soldiers',
  'votes', 'units', 'shares', 'barrels', 'dollars', 'euros', 'pounds', 'yuan', 'rubles', 'roubles', 'yen',
  'cars', 'vehicles', 'km', 'kilometers', 'kilometres', 'miles', 'meters', 'metres', 'feet', 'ft', 'acres',
  'hectares', 'employees', 'jobs', 'workers', 'deaths', 'cases', 'homes', 'houses', 'students', 'children',
  'refugees', 'members', 'points', 'residents', 'civilians', 'patients', 'kg', 'lbs', 'mw', 'gw', 'mwh',
  'rounds', 'drones', 'missiles', 'tanks', 'delegates', 'copies', 'seats', 'times', 'beds', 'cubic',
  'square', 'sq', 'million', 'billion', 'trillion', 'thousand', 'hours', 'days', 'years', 'minutes',
  'gmt', 'utc', 'hrs', 'calories', 'words', 'pages', 'companies', 'firms', 'stores', 'flights',
]);

/** Time zones that may follow a clock time ("10:35 a.m. EDT"). */
export const TIME_ZONES = [
  'gmt', 'utc', 'est', 'edt', 'cst', 'cdt', 'mst', 'mdt', 'pst', 'pdt', 'bst', 'cet', 'cest', 'eet',
  'eest', 'msk', 'ist', 'jst', 'kst', 'et', 'pt', 'ct',
];

/** Keys with an apostrophe also written with the typographic one ("Mother’s Day"). */
export function withCurlyApostrophes<T>(table: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = { ...table };
  for (const [k, v] of Object.entries(table)) if (k.includes("'")) out[k.replace(/'/g, '’')] = v;
  return out;
}

/** Fixed-date holidays: month and day. */
export const HOLIDAYS: Record<string, [number, number]> = withCurlyApostrophes({
  'christmas day': [12, 25], christmas: [12, 25], 'christmas eve': [12, 24], "new year's day": [1, 1],
  "new year's eve": [12, 31], 'valentine\'s day': [2, 14], halloween: [10, 31],
  'fourth of july': [7, 4], 'july fourth': [7, 4], 'veterans day': [11, 11], "veterans' day": [11, 11],
  'remembrance day': [11, 11], 'armistice day': [11, 11], 'boxing day': [12, 26], 'bastille day': [7, 14],
  'may day': [5, 1], 'victory day': [5, 9], 'groundhog day': [2, 2], "st. patrick's day": [3, 17],
  "saint patrick's day": [3, 17], 'inauguration day': [1, 20],
});
