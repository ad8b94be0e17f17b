/**
 * Word classes: for each lexicon word, one number whose bits say which of the coder's word lists
 * hold it. A sentence's tokens are looked up once (ActorContext.wordClass), and the rules that
 * run for every token test bits instead of probing six or seven sets per token: the events stage
 * runs between stages that fill the processor's caches with their own tables, and each set probed
 * for a token is another table to fetch.
 *
 * `wordClass[k] & BIT` is exactly `set.has(words[k])` for the set of that bit.
 */
import { fnvState } from '../../resources/hash.js';
import type { EventLexicon } from './lexicon.js';

/** a hand-lexicon verb (lex.verbs) */
export const VERB_RULE = 1 << 0;
/** a CAMEO verb form (a key of lex.cameo) */
export const CAMEO_FORM = 1 << 1;
/** the first word of a multi-word CAMEO form (lex.cameoLeads) */
export const CAMEO_LEAD = 1 << 2;
/** a hand-lexicon noun (a key of lex.nouns) */
export const EVENT_NOUN = 1 << 3;
/** the first word of a multi-word noun (lex.nounLeads) */
export const NOUN_LEAD = 1 << 4;
export const FUTURE = 1 << 5;
export const MUST = 1 << 6;
/** a reporting verb (lex.report) */
export const REPORT = 1 << 7;
/** lex.notVerbs */
export const NOT_VERB = 1 << 8;
/** a control word with a class that codes an uncoded act beneath it (see GOVERNED_CLASSES) */
export const GOVERNING = 1 << 9;
export const GERUND_LEAD = 1 << 10;
export const HAVE_BE_FORM = 1 << 11;
export const ATTRIBUTIVE_LEAD = 1 << 12;
export const BLAME_VERB = 1 << 13;

/** Words before a gerund that make it a verb ("after meeting Zelensky", ", meeting …"). */
export const GERUND_LEADS = new Set(['after', 'before', 'while', 'when', 'since', 'by', 'without', 'upon', ',']);
export const HAVE_BE = new Set(['have', 'has', 'had', 'having', 'is', 'are', 'was', 'were', 'be', 'been', 'being']);
/** Words before an attributive participle: determiners and prepositions ("the occupied West Bank", "of suspected X"). */
export const ATTRIBUTIVE_LEADS = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'our', 'this', 'these', 'those', 'of', 'for', 'with', 'against', 'among']);
/** Verbs that lay the blame for something on their agent: "caused by X", "an X-provoked coup". */
export const BLAME_VERBS = new Set(['caused', 'provoked', 'instigated', 'orchestrated', 'engineered', 'fomented', 'incited', 'masterminded', 'plotted']);
/** The control classes that code an act beneath them whatever it is ("agreed to allow", "refused to resign"). */
export const GOVERNED_CLASSES = new Set(['commit', 'commitAdj', 'refuse', 'refuseAdj', 'threaten']);

/**
 * The classes in two tables: the short hand-written lists (function words, mostly) and the lexicons'
 * thousands of verb and noun forms. Each table is asked only when its bit filter lets the word
 * through (one hash of the word serves both filters): most tokens are in neither, and a look-up in a
 * table gone cold costs cache misses. A filter never says no to a word of its table.
 */
interface ClassTable { words: Map<string, number>; bits: Uint32Array; mask: number }
interface ClassTables { small: ClassTable; large: ClassTable }
let tables: ClassTables | undefined;
let tablesLexicon: EventLexicon | undefined;

/** log2 of each filter's size in bits: a few bits per word keep false positives to a few percent */
const SMALL_FILTER_BITS = 12;
const LARGE_FILTER_BITS = 17;

function classTable(words: Map<string, number>, log2Bits: number): ClassTable {
  const mask = 2 ** log2Bits - 1;
  const bits = new Uint32Array(2 ** log2Bits / 32);
  for (const w of words.keys()) {
    const h = fnvState(w) & mask;
    bits[h >>> 5]! |= 1 << (h & 31);
  }
  return { words, bits, mask };
}

function classTables(lex: EventLexicon): ClassTables {
  if (tables && tablesLexicon === lex) return tables;
  const small = new Map<string, number>();
  const large = new Map<string, number>();
  const mark = (t: Map<string, number>, words: Iterable<string>, bit: number) => {
    for (const w of words) t.set(w, (t.get(w) ?? 0) | bit);
  };
  mark(large, lex.verbs.keys(), VERB_RULE);
  mark(large, lex.cameo.keys(), CAMEO_FORM);
  mark(large, lex.cameoLeads, CAMEO_LEAD);
  mark(large, lex.nouns.keys(), EVENT_NOUN);
  mark(large, lex.nounLeads, NOUN_LEAD);
  mark(small, lex.future, FUTURE);
  mark(small, lex.must, MUST);
  mark(small, lex.report, REPORT);
  mark(small, lex.notVerbs, NOT_VERB);
  for (const [w, classes] of lex.control) if (classes.some((c) => GOVERNED_CLASSES.has(c))) mark(small, [w], GOVERNING);
  mark(small, GERUND_LEADS, GERUND_LEAD);
  mark(small, HAVE_BE, HAVE_BE_FORM);
  mark(small, ATTRIBUTIVE_LEADS, ATTRIBUTIVE_LEAD);
  mark(small, BLAME_VERBS, BLAME_VERB);
  tables = { small: classTable(small, SMALL_FILTER_BITS), large: classTable(large, LARGE_FILTER_BITS) };
  tablesLexicon = lex;
  return tables;
}

/**
 * Fill classes[from, to) with the class bits of words[from, to). The events stage fills a sentence's
 * tokens (and the one before) when it reads the sentence: a sentence it skips is never looked up.
 */
export function fillWordClasses(classes: Int32Array, words: string[], from: number, to: number, lex: EventLexicon): void {
  const { small, large } = classTables(lex);
  for (let k = from; k < to; k++) {
    const w = words[k]!;
    const h = fnvState(w);
    let c = 0;
    const hs = h & small.mask;
    if ((small.bits[hs >>> 5]! & (1 << (hs & 31))) !== 0) c = small.words.get(w) ?? 0;
    const hl = h & large.mask;
    if ((large.bits[hl >>> 5]! & (1 << (hl & 31))) !== 0) c |= large.words.get(w) ?? 0;
    classes[k] = c;
  }
}
