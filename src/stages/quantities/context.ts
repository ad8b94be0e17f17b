/**
 * Refiners that read a figure's sentence: what it measures (the subject of its clause), the
 * period it refers to (a DATE time beside it) and the comparison it makes ("68% more than in
 * 2021"). They work on tokens and their wink-nlp part of speech.
 */
import type { QuantityRecord, Sentence, TimeRecord, Token } from '../../doc/types.js';
import { firstAtOrAfter, tokenAt } from '../../doc/span.js';
import { CLAUSE_BREAKS, COMPARATIVES, FALL_WORDS, RISE_WORDS, alternation } from './lexicon.js';

export interface Context {
  text: string;
  tokens: Token[];
  sentences: Sentence[];
}

/** Token indexes [from, to) covering the character range. */
export function tokenRange(tokens: Token[], start: number, end: number): [number, number] {
  let from = tokenAt(tokens, start);
  if (from > 0 && tokens[from - 1]!.end > start) from--;
  const to = Math.max(tokenAt(tokens, end), from);
  return [from, to];
}

function isBreak(ctx: Context, t: Token, comma = false): boolean {
  if (comma && t.text === ',') return true;
  if (!CLAUSE_BREAKS.has(t.lower)) return false;
  // a hyphen inside a word ("full-scale") does not break a clause; a spaced dash does
  if (t.text === '-') return t.start > 0 && /\s/.test(ctx.text[t.start - 1]!);
  return true;
}

const POSSESSIVE = new Set(["'s", '’s', "'", '’']);
const NP_POS = new Set(['NOUN', 'PROPN', 'ADJ']);
const HEAD_POS = new Set(['NOUN', 'PROPN']);
/** Prepositions a subject noun phrase may carry: "exports to Russia", "trade between China and Russia". */
const NP_PREPS = new Set(['of', 'to', 'from', 'between', 'with']);
/** Prepositions linking a figure to the noun it measures: "a record of $245 billion". */
const LINK_PREPS = new Set(['of', 'at', 'to', 'worth', 'by']);
/** What may stand between a subject and its verb, or inside the verb group. */
const VERB_GROUP_POS = new Set(['AUX', 'VERB', 'ADV', 'PART']);
const RELATIVES = new Set(['which', 'that']);
const ARTICLES = new Set(['the', 'a', 'an']);
/** How many tokens back from a figure its verb may be: bounds the work on run-on sentences. */
const MAX_SUBJECT_DISTANCE = 25;
/** Heads that name the figure rather than what it measures: "a new record of $245 billion". */
/** Generic heads that someone puts at a value: "puts the figure at", "pegged the total at". */
const ESTIMATED = new Set(['figure', 'estimate', 'total', 'sum', 'amount']);
const GENERIC_HEADS = new Set(['record', 'high', 'low', 'total', 'level', 'sum', 'amount', 'figure', 'peak', 'height', 'tune', 'estimate', 'average']);
/** The subject of a reporting verb is a speaker, not a measure: "officials said …". */
const REPORTING_VERBS = new Set(['said', 'says', 'say', 'told', 'added', 'noted', 'notes', 'stated', 'reported', 'reports', 'announced', 'wrote', 'writes', 'according']);

function isNpToken(ctx: Context, tokens: Token[], j: number): boolean {
  const t = tokens[j]!;
  if (NP_POS.has(t.pos) && !CLAUSE_BREAKS.has(t.lower) && !(t.lower in COMPARATIVES)) return true;
  if (POSSESSIVE.has(t.lower)) return j > 0 && HEAD_POS.has(tokens[j - 1]!.pos);
  // a hyphen glued on both sides: "Sino-Russian"
  if (t.text === '-') return t.start > 0 && !/\s/.test(ctx.text[t.start - 1]! + (ctx.text[t.end] ?? ' '));
  return false;
}

/**
 * Start of the noun phrase whose head is tokens[end], walking back no further than min;
 * -1 when tokens[end] is no noun. One prepositional phrase is folded in ("exports to Russia").
 */
function nounPhraseBack(ctx: Context, end: number, min: number, depth = 0): number {
  const { tokens } = ctx;
  if (end < min || !HEAD_POS.has(tokens[end]!.pos)) return -1;
  let j = end;
  while (j - 1 >= min && end - j < 5) {
    const t = tokens[j - 1]!;
    const joinsNames = t.lower === 'and' && tokens[j]!.pos === 'PROPN' && tokens[j - 2]?.pos === 'PROPN';
    if (isNpToken(ctx, tokens, j - 1) || (joinsNames && j - 2 >= min)) j--;
    else break;
  }
  while (j < end && POSSESSIVE.has(tokens[j]!.lower)) j++;
  // one prepositional phrase, its object perhaps with an article: "exports to the EU"
  let p = j - 1;
  if (p >= min && tokens[p]!.pos === 'DET' && ARTICLES.has(tokens[p]!.lower)) p--;
  if (depth === 0 && p - 1 >= min && NP_PREPS.has(tokens[p]!.lower)) {
    const outer = nounPhraseBack(ctx, p - 1, min, 1);
    if (outer >= 0) return outer;
  }
  return j;
}

function nounPhraseForward(ctx: Context, from: number, max: number): number {
  const { tokens } = ctx;
  let last = -1;
  for (let j = from; j < max && j < from + 4; j++) {
    if (!isNpToken(ctx, tokens, j)) break;
    if (HEAD_POS.has(tokens[j]!.pos)) last = j;
  }
  return last;
}

export interface Measure {
  text?: string;
  /** the figure's subject is a relative pronoun: it describes the figure before it */
  relative?: boolean;
}

/** What a money or percent figure measures: the subject of its clause, or the noun it modifies. */
/** Units of a share of a whole: "14.8 pct of the share capital". */
const SHARE_UNITS = new Set(['percent', 'pct', '%', 'per']);
/** Possessive determiners before the whole a share is of: "5 pct of its shares". */
const POSSESSIVE_DETS = new Set(['its', 'their', 'his', 'her', 'our']);

/** Verbs whose subject is the share a percentage gives: "accounted for", "represents", "made up". */
const SHARE_VERBS = new Set(['account', 'accounts', 'accounted', 'accounting', 'represent', 'represents', 'represented', 'representing', 'make', 'makes',
  'made', 'making', 'comprise', 'comprises', 'comprised', 'constitute', 'constitutes', 'constituted', 'amount', 'amounts', 'amounted', 'equal', 'equals', 'equalled', 'equaled']);
/** Is a verb of being a share right before the figure at `from` ("accounted for about 19 pct")? */
function shareVerbBefore(tokens: Token[], from: number, min: number): boolean {
  for (let j = from - 1; j >= min && j >= from - 4; j--) {
    const w = tokens[j]!.lower;
    if (SHARE_VERBS.has(w)) return true;
    if (!/^(for|about|some|nearly|almost|roughly|around|up|only|just|over|more|than|less|to)$/.test(w)) return false;
  }
  return false;
}

/** Units that end a figure: "44 percent to 37 percent", "5 pct to 7 pct". */
const SCORE_UNITS = new Set(['percent', 'pct', '%', 'points', 'point']);

export function findMeasure(ctx: Context, from: number, to: number): Measure {
  const { text, tokens, sentences } = ctx;
  const first = tokens[from];
  if (!first) return {};
  const sent = sentences[first.sentence]!;
  // (a hard-wrapped text breaks phrases over lines: "Gross Domestic Product\ngrowth" is one phrase)
  const slice = (a: number, b: number) => text.slice(tokens[a]!.start, tokens[b]!.end).replace(/\s+/g, ' ');
  // "a $5 billion deal", "a 25% tariff"
  const prev = tokens[from - 1];
  if (prev && prev.pos === 'DET' && from - 1 >= sent.tokenStart && to < sent.tokenEnd) {
    const head = nounPhraseForward(ctx, to, sent.tokenEnd);
    if (head >= 0) return { text: slice(to, head) };
  }
  // "14.8 pct of the share capital", "5 pct of its outstanding shares": a share of what follows "of"
  // (not after a verb of being a share: "U.S. goods accounted for 19 pct of the company's imports" measures the goods)
  // (nor where the figure is what its subject came to: "unemployment could climb to 11.5 pct of the workforce")
  if (tokens[to]?.lower === 'of' && SHARE_UNITS.has(tokens[to - 1]!.lower) && to + 1 < sent.tokenEnd && !shareVerbBefore(tokens, from, sent.tokenStart) && !(prev && LINK_PREPS.has(prev.lower))) {
    let at = to + 1;
    if (ARTICLES.has(tokens[at]!.lower) || POSSESSIVE_DETS.has(tokens[at]!.lower)) at++;
    const head = nounPhraseForward(ctx, at, sent.tokenEnd);
    if (head >= 0) return { text: slice(at, head) };
  }
  // "interest rates to 5%", "the cost at $5 billion", "imports worth $3 billion"
  if (prev && LINK_PREPS.has(prev.lower) && from - 2 >= sent.tokenStart) {
    // "leading Clinton 44 percent to 37 percent", "rose from 5 to 7 pct": a score or a range, whose
    // second figure measures nothing the words before it name
    // ("rose 5% to $3 billion" is no score: the money is what the subject came to)
    if ((SCORE_UNITS.has(tokens[from - 2]!.lower) && SCORE_UNITS.has(tokens[to - 1]!.lower)) || tokens[from - 2]!.pos === 'NUM') return {};
    const s = nounPhraseBack(ctx, from - 2, sent.tokenStart);
    if (s >= 0 && !GENERIC_HEADS.has(tokens[from - 2]!.lower)) return { text: slice(s, from - 2) };
    // "puts the figure at $498 billion": a generic object put at a value is what is measured, and it says
    // no more (the subject is who estimates; "trade reached a record of $245 billion" is the subject's)
    if (s >= 0 && prev.lower === 'at' && ESTIMATED.has(tokens[from - 2]!.lower)) return {};
  }
  // the subject of the nearest verb before the figure: "bilateral trade reached a new record of $245 billion"
  const min = Math.max(sent.tokenStart, from - MAX_SUBJECT_DISTANCE);
  for (let k = from - 1; k >= min; k--) {
    const t = tokens[k]!;
    if (isBreak(ctx, t) || REPORTING_VERBS.has(t.lower)) break;
    if (t.pos !== 'VERB' && t.pos !== 'AUX') continue;
    let j = k;
    while (j - 1 >= min && k - j < 4 && VERB_GROUP_POS.has(tokens[j - 1]!.pos) && !POSSESSIVE.has(tokens[j - 1]!.lower)) j--;
    const subject = j - 1;
    if (subject < sent.tokenStart) break;
    if (RELATIVES.has(tokens[subject]!.lower) && !HEAD_POS.has(tokens[subject]!.pos)) return { relative: true };
    const s = nounPhraseBack(ctx, subject, sent.tokenStart);
    if (s >= 0) return { text: slice(s, subject) };
    break;
  }
  return {};
}

const DIRECTIONS = alternation(Object.keys(COMPARATIVES));
/**
 * A comparison written right after a figure. Groups: dir (comparative), cue, at (offset where
 * the reference should begin, after an optional "in"/"the same period of").
 */
const COMPARISON_RE = new RegExp(
  `[ \\t]*(?:(?<dir>${DIRECTIONS})\\s+)?(?<cue>than|from|compared\\s+(?:with|to)|versus|vs\\.?|against|over|on)\\s+` +
    `(?:(?:in|during|for|with|to|that\\s+of|the\\s+same\\s+(?:period|month|quarter)\\s+(?:of|in|last))\\s+)?`,
  'iuyd',
);
const YEAR_RE = /(?:19|20)\d\d(?![\p{N}\p{L}])/uy;
/** By ASCII code, 1 for a letter that can open COMPARISON_RE: a direction word's or a cue's (than, from, compared, versus, vs, against, over, on) first letter, either case. */
const COMPARISON_INITIALS = new Uint8Array(128);
for (const initial of [...Object.keys(COMPARATIVES).map((w) => w[0]!), ...'tfcvao']) {
  COMPARISON_INITIALS[initial.toLowerCase().charCodeAt(0)] = 1;
  COMPARISON_INITIALS[initial.toUpperCase().charCodeAt(0)] = 1;
}

/**
 * Can COMPARISON_RE match at offset? Most figures are followed by no comparison, and a look at
 * the first character after spaces and tabs says so without running the regex. Anything beyond
 * ASCII goes to the regex, whose case folding matches 'ſ' as an 's'.
 */
function mayOpenComparison(text: string, at: number): boolean {
  let k = at;
  while (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9) k++;
  if (k >= text.length) return false;
  const c = text.charCodeAt(k);
  return c >= 128 || COMPARISON_INITIALS[c] === 1;
}

export type Comparison = NonNullable<QuantityRecord['comparison']>;

/** "68% more than in 2021" → {direction: 'more', reference: '2021'}, with the time it used. */
export function findComparison(
  ctx: Context,
  end: number,
  from: number,
  dates: TimeRecord[],
): { comparison: Comparison; time?: TimeRecord } | undefined {
  const { text, tokens } = ctx;
  if (!mayOpenComparison(text, end)) return undefined;
  COMPARISON_RE.lastIndex = end;
  const m = COMPARISON_RE.exec(text);
  if (!m) return undefined;
  const cue = m.groups!.cue!.toLowerCase();
  let direction: Comparison['direction'] | undefined = m.groups!.dir ? COMPARATIVES[m.groups!.dir.toLowerCase()] : undefined;
  if (direction === undefined) {
    if (cue === 'than') return undefined;
    const before = tokens[from - 1]?.lower;
    if (cue === 'on' || cue === 'over') {
      // "up 5% on 2023": only with the direction written next to the figure
      if (before === 'up') direction = 'more';
      else if (before === 'down') direction = 'less';
    } else direction = directionBefore(ctx, from);
  }
  if (direction === undefined) return undefined;
  const refStart = m.index + m[0].length;
  const cueEnd = m.indices!.groups!.cue![1];
  const time = dates[firstFrom(dates, cueEnd)];
  if (time && time.start <= refStart) return { comparison: { direction, reference: time.value }, time };
  YEAR_RE.lastIndex = refStart;
  const year = YEAR_RE.exec(text);
  if (year) return { comparison: { direction, reference: year[0] } };
  return undefined;
}

/** Direction of the change a clause names before a figure: "rose 5%" → more. */
function directionBefore(ctx: Context, from: number): Comparison['direction'] | undefined {
  const { tokens, sentences } = ctx;
  const first = tokens[from];
  if (!first) return undefined;
  const min = Math.max(sentences[first.sentence]!.tokenStart, from - 8);
  for (let k = from - 1; k >= min; k--) {
    const t = tokens[k]!;
    if (isBreak(ctx, t)) break;
    if (RISE_WORDS.has(t.lower)) return 'more';
    if (FALL_WORDS.has(t.lower)) return 'less';
  }
  return undefined;
}

/** Words that may stand between a figure and the date it is for: "$245 billion in 2024". */
const PERIOD_GAP_RE =
  /^[\s,]*(?:(?:in|for|during|of|through|throughout|over|as\s+of|by|the|year|fiscal|financial|calendar|full)\s+)*$/i;

/** Index of the first time starting at or after offset in times sorted by start. */
export function firstFrom(times: TimeRecord[], offset: number): number {
  return firstAtOrAfter(times, offset, (t) => t.start);
}

/** A DATE time right after the figure, within a few linking words. */
export function periodRightAfter(ctx: Context, end: number, dates: TimeRecord[]): TimeRecord | undefined {
  const t = dates[firstFrom(dates, end)];
  if (!t || t.start - end > 40) return undefined;
  return PERIOD_GAP_RE.test(ctx.text.slice(end, t.start)) ? t : undefined;
}

/** The first DATE time after the figure in the same clause (no comma or clause break between). */
export function periodLaterInClause(ctx: Context, to: number, dates: TimeRecord[], skip: Set<TimeRecord>): TimeRecord | undefined {
  const { tokens } = ctx;
  const last = tokens[to - 1];
  if (!last) return undefined;
  const sent = ctx.sentences[last.sentence]!;
  for (let n = firstFrom(dates, last.end); n < dates.length; n++) {
    const t = dates[n]!;
    if (skip.has(t)) continue;
    if (t.start >= sent.end) return undefined;
    const k = tokenAt(tokens, t.start);
    if (k - to > 12) return undefined;
    for (let j = to; j < k; j++) if (isBreak(ctx, tokens[j]!, true)) return undefined;
    return t;
  }
  return undefined;
}

/** The nearest DATE time before the figure in its sentence ("In 2024, exports rose 5%"). */
export function periodEarlierInSentence(ctx: Context, from: number, dates: TimeRecord[], skip: Set<TimeRecord>): TimeRecord | undefined {
  const first = ctx.tokens[from];
  if (!first) return undefined;
  const sent = ctx.sentences[first.sentence]!;
  const stop = firstFrom(dates, first.start);
  for (let n = stop - 1; n >= 0 && stop - n <= 8; n--) {
    const t = dates[n]!;
    if (t.start < sent.start) return undefined;
    if (t.end <= first.start && !skip.has(t)) return t;
  }
  return undefined;
}
