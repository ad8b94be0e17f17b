/**
 * Word lists of the quantities stage. The currency table is data (data/lexicons/currencies.json);
 * the small closed-class lists below are the grammar of English figures and live beside the
 * parsers that read them. Everything is built once, at module load.
 */
import currencyData from '../../../data/lexicons/currencies.json' with { type: 'json' };

interface CurrencyLexicon {
  prefixes: Record<string, string>;
  suffixes: Record<string, string>;
  suffixesNeedingScale: Record<string, string>;
  subunits: Record<string, { currency: string; factor: number }>;
}

const currencies = currencyData as CurrencyLexicon;

/** Lower-cased keys with runs of white space folded to one space, so lookups match any spacing. */
function foldKeys<V>(table: Record<string, V>): Map<string, V> {
  const out = new Map<string, V>();
  for (const [k, v] of Object.entries(table)) out.set(foldSpace(k), v);
  return out;
}

export function foldSpace(s: string): string {
  return s.toLowerCase().replace(/\s+/g, ' ');
}

export const CURRENCY_PREFIXES = foldKeys(currencies.prefixes);
export const CURRENCY_SUFFIXES = foldKeys(currencies.suffixes);
export const CURRENCY_SUFFIXES_NEEDING_SCALE = foldKeys(currencies.suffixesNeedingScale);
export const CURRENCY_SUBUNITS = foldKeys(currencies.subunits);

/** Regex alternation of the given phrases, longest first, spaces matching any white space. */
export function alternation(phrases: Iterable<string>): string {
  return [...new Set(phrases)]
    .sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
    .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'))
    .join('|');
}

/** Multipliers written after a number. */
export const SCALES: Record<string, number> = {
  hundred: 1e2,
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  mln: 1e6,
  mn: 1e6,
  m: 1e6,
  billion: 1e9,
  bln: 1e9,
  bn: 1e9,
  b: 1e9,
  trillion: 1e12,
  trn: 1e12,
  tn: 1e12,
  lakh: 1e5,
  lakhs: 1e5,
  lac: 1e5,
  crore: 1e7,
  crores: 1e7,
};

/** One-letter scales that are only read as such when glued to a money amount ("£120m", not "100m sprint"). */
export const LETTER_SCALES = new Set(['m', 'k', 'b']);

export const UNIT_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
};
export const TEEN_WORDS: Record<string, number> = {
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19,
};
export const TENS_WORDS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};

/** Words after a bare number meaning people in a casualty count: "12 killed", "40 wounded". */
export const CASUALTY_WORDS = new Set([
  'killed', 'dead', 'died', 'wounded', 'injured', 'hurt', 'missing', 'arrested', 'detained',
  'displaced', 'evacuated', 'executed', 'kidnapped', 'abducted', 'captured', 'rescued', 'deported',
  'hospitalised', 'hospitalized', 'murdered', 'slain', 'drowned',
]);

/** Nouns a bare "one" may count ("one soldier was killed"); any other "one" is a pronoun or idiom. */
export const PERSON_NOUNS = new Set([
  'person', 'man', 'woman', 'child', 'boy', 'girl', 'soldier', 'civilian', 'officer', 'policeman',
  'journalist', 'protester', 'worker', 'resident', 'citizen', 'migrant', 'refugee', 'prisoner',
  'hostage', 'student', 'teenager', 'fighter', 'militant', 'pilot', 'doctor', 'nurse',
]);

/** Head nouns that make a number something other than a count: durations, clock times, idioms. */
export const NON_COUNT_HEADS = new Set([
  'second', 'seconds', 'minute', 'minutes', 'hour', 'hours', 'day', 'days', 'week', 'weeks',
  'weekend', 'weekends', 'fortnight', 'fortnights', 'month', 'months', 'year', 'years', 'decade',
  'decades', 'century', 'centuries', 'millennium', 'millennia', 'quarter', 'quarters', 'time',
  'times', 'way', 'ways', 'thing', 'things', 'am', 'pm', 'a.m.', 'p.m.', "o'clock", 'gmt', 'utc',
  'percent', 'cent', 'per', 'pct', 'of',
]);

/** Counted nouns written differently from the unit the stage reports. */
export const UNIT_ALIASES: Record<string, string> = { person: 'people', persons: 'people', others: 'people' };

/** Words naming an upward or downward change, for the direction of a comparison. */
export const RISE_WORDS = new Set([
  'rose', 'rise', 'rises', 'risen', 'rising', 'increased', 'increase', 'increases', 'grew', 'grow',
  'grown', 'growth', 'up', 'jumped', 'climbed', 'gained', 'surged', 'soared', 'higher', 'more',
  'added', 'expanded', 'doubled', 'tripled',
]);
export const FALL_WORDS = new Set([
  'fell', 'fall', 'falls', 'fallen', 'falling', 'decreased', 'decrease', 'dropped', 'drop',
  'declined', 'decline', 'down', 'shrank', 'shrunk', 'slid', 'plunged', 'slumped', 'lower', 'less',
  'fewer', 'lost', 'contracted', 'halved',
]);

/** Comparative words written right after a figure: "68% more than in 2021". */
export const COMPARATIVES: Record<string, 'more' | 'less'> = {
  more: 'more', higher: 'more', greater: 'more', bigger: 'more', larger: 'more', up: 'more',
  above: 'more', less: 'less', lower: 'less', fewer: 'less', smaller: 'less', down: 'less',
  below: 'less',
};

export const MONTHS =
  'Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?';

/** Words that open a new clause when walking from a figure to its subject or its period. */
export const CLAUSE_BREAKS = new Set([
  ';', ':', '—', '–', '-', '(', ')', '"', '“', '”', 'which', 'while', 'whereas', 'but', 'although',
  'though', 'because',
]);
