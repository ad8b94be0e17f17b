/**
 * Step 1 of the entity stage: proposals, i.e. token ranges that may name something.
 * Proposers are independent; the gazetteer's wins where proposals overlap. A learned tagger
 * plugs in as one more proposer.
 */
import type { EntityType, NewsDoc, Token } from '../../doc/types.js';
import { countryMisspeltAs, gazetteer, NAME_SUFFIXES, surfaceIndex, surfaceKey, type GazEntry, type Gazetteer } from '../../resources/gazetteer.js';
import { roleAt, titleLexicon } from '../../resources/lexicons.js';
import { signOff, signOffToken } from '../../doc/dateline.js';
import { WordFilter } from '../../resources/word-filter.js';

export interface Proposal {
  tokenStart: number;
  tokenEnd: number;
  type: EntityType;
  /** gazetteer entries the surface can refer to, best first */
  entries: GazEntry[];
  via: 'gazetteer' | 'shape' | 'tagger';
  /** the span is an Arabic "al-Name" (al, hyphen, name): it may end the person's name before it */
  alName?: boolean;
}

export type Proposer = (doc: NewsDoc) => Proposal[];

// first-character tests by code, not by regex: they run on every token of every article
/** A–Z or À–Þ (Latin-1 capitals, with × among them, as the character range always had it). */
const isCapitalCode = (c: number) => (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde);
const isDigitCode = (c: number) => c >= 48 && c <= 57;
const isCapitalised = (t: Token) => isCapitalCode(t.text.charCodeAt(0));
/** Arabic articles joined to a name by a hyphen: "al-Qaeda", "ash-Sham". */
const JOINED_ARTICLES = new Set(['al', 'el', 'ad', 'an', 'ar', 'as', 'ash', 'at', 'az', 'ul']);
const POSSESSIVE = new Set(["'s", '’s', "'", '’']);

interface Prefixes { set: Set<string>; filter: WordFilter }
let surfacePrefixes: { of: Gazetteer; prefixes: Prefixes } | undefined;
/**
 * Every prefix of every gazetteer surface key: a match stops growing once its key is none of them.
 * The set is large (some 40,000 strings), so a filter turns most keys away first.
 */
function prefixesOf(gaz: Gazetteer): Prefixes {
  if (surfacePrefixes?.of === gaz) return surfacePrefixes.prefixes;
  const set = new Set<string>();
  for (const key of Object.keys(gaz.surfaces)) for (let k = 1; k <= key.length; k++) set.add(key.slice(0, k));
  surfacePrefixes = { of: gaz, prefixes: { set, filter: new WordFilter(set, 19) } };
  return surfacePrefixes.prefixes;
}

/** Longest gazetteer match starting at each token, within a sentence. */
export const gazetteerProposer: Proposer = (doc) => {
  const gaz = gazetteer();
  const prefixes = prefixesOf(gaz);
  const surfaces = surfaceIndex(gaz);
  const out: Proposal[] = [];
  const { tokens } = doc;
  for (let i = 0; i < tokens.length; i++) {
    const first = tokens[i]!;
    const c = first.text.charCodeAt(0);
    const capitalOrDigit = isCapitalCode(c) || isDigitCode(c);
    if (first.kind !== 'word' && first.kind !== 'number' && first.kind !== 'abbreviation' && !((c >= 65 && c <= 90) || isDigitCode(c))) continue;
    // names start with a capital, or with an article joined by a hyphen: "al-Qaeda", "al-Shabaab"
    if (!capitalOrDigit && !(JOINED_ARTICLES.has(first.text) && tokens[i + 1]?.text === '-' && tokens[i + 1]!.start === first.end)) continue;
    let key = '';
    let best: { end: number; list: number[] } | undefined;
    for (let j = i; j < tokens.length && j < i + gaz.maxTokens; j++) {
      const t = tokens[j]!;
      if (t.sentence !== first.sentence || POSSESSIVE.has(t.text)) break;
      // names do not run across a space-free join with a lower-case word: "Russia-led" is not Russia
      key += surfaceKey(t.text);
      // every surface is a prefix of itself, so a key that begins none needs no look-up of its own
      const beginsSurface = prefixes.filter.mayHave(key) && prefixes.set.has(key);
      // datelines and headlines write names in capitals: BERLIN, KYIV
      const list = (beginsSurface ? surfaces.get(key) : undefined) ?? (isAllCaps(t) && j === i ? surfaces.get(titleCase(t.text)) : undefined);
      if (list) best = { end: j + 1, list };
      // no longer key can be a surface when this one begins none
      if (!beginsSurface) break;
    }
    if (!best) {
      // a proper noun one letter off a country's name is that country misspelt ("Ethopia has agreed")
      const near = first.pos === 'PROPN' && !inCompound(tokens, i) ? countryMisspeltAs(first.text, gaz) : undefined;
      if (near) out.push({ tokenStart: i, tokenEnd: i + 1, type: 'GPE', entries: [near], via: 'gazetteer', alName: false });
      continue;
    }
    const next = tokens[best.end];
    // "Russian-Chinese" or "Beijing-based": the name is part of a compound word
    if (next && next.start === tokens[best.end - 1]!.end && /^[-–]/.test(next.text)) continue;
    const entries = best.list.map((k) => gaz.entries[k]!);
    // a city name inside a longer name ("Vladimir Putin", "Shanghai Cooperation Organization") is not the city
    if (entries[0]!.kind === 'city' && (isNameWord(tokens[best.end], first.sentence) || (i > 0 && isNameWord(tokens[i - 1], first.sentence) && tokens[i - 1]!.i !== sentenceStart(tokens, i)))) continue;
    // nor is a person's name before a suffix: "Donald Trump Jr." is the son
    if (entries[0]!.type === 'PERSON' && next && next.sentence === first.sentence && NAME_SUFFIXES.has(next.text)) continue;
    // nor is an organisation's name before a government body's head: "a Labour Ministry official" is no Labour Party
    if (entries[0]!.type === 'ORG' && next && next.sentence === first.sentence && BODY_AFTER_NAME.has(next.text)) continue;
    out.push({ tokenStart: i, tokenEnd: best.end, type: entries[0]!.type, entries, via: 'gazetteer', alName: false });
    i = best.end - 1;
  }
  return out;
};

/** A wire's sign-off on the last line ("Reuter", "REUTER", "-- AP") is the agency, an organisation. */
export const signOffProposer: Proposer = (doc) => {
  const credit = signOff(doc.text);
  const last = credit ? signOffToken(doc.tokens, credit) : -1;
  if (!credit || last < 0) return [];
  return [{ tokenStart: last, tokenEnd: last + 1, type: 'ORG', entries: agencyEntries(credit.agency), via: 'gazetteer', alName: false }];
};

/** The gazetteer's organisations named by an agency's name, looked up once per agency (most wires sign every story). */
const agencies = new Map<string, GazEntry[]>();
function agencyEntries(agency: string): GazEntry[] {
  let entries = agencies.get(agency);
  if (!entries) {
    const gaz = gazetteer();
    entries = (surfaceIndex(gaz).get(agency) ?? []).map((k) => gaz.entries[k]!).filter((e) => e.type === 'ORG');
    agencies.set(agency, entries);
  }
  return entries;
}

const isAllCaps = (t: Token) => t.text.length > 3 && /^[A-Z][A-Z'.-]+$/.test(t.text);
const titleCase = (s: string) => s.charAt(0) + s.slice(1).toLowerCase();

function isNameWord(t: Token | undefined, sentence: number): boolean {
  return !!t && t.sentence === sentence && t.kind === 'word' && /^[A-Z][a-z]/.test(t.text) && t.pos === 'PROPN';
}

function sentenceStart(tokens: Token[], i: number): number {
  let k = i;
  while (k > 0 && tokens[k - 1]!.sentence === tokens[i]!.sentence) k--;
  return k;
}

/** Joined to a hyphen without a space: part of a compound ("Sino-Russian", "Kremlin-backed"). */
function inCompound(tokens: Token[], i: number): boolean {
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  return (!!prev && prev.text === '-' && prev.end === tokens[i]!.start) || (!!next && next.text === '-' && next.start === tokens[i]!.end);
}

const NOT_NAMES = new Set([
  'Western', 'Eastern', 'Northern', 'Southern', 'Central',
  'The', 'A', 'An', 'This', 'That', 'These', 'Those', 'It', 'Its', 'He', 'She', 'We', 'They', 'I', 'You', 'Our', 'Their', 'His', 'Her',
  'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December', 'Mr', 'Mrs', 'Ms', 'Dr', 'But', 'And', 'Or', 'If', 'In', 'On', 'At',
  'According', 'Without', 'While', 'When', 'After', 'Before', 'As', 'For', 'However', 'Meanwhile', 'Also', 'There', 'Here', 'What',
  'Why', 'How', 'Who', 'Where', 'Which', 'Some', 'Many', 'Most', 'All', 'No', 'Not', 'Yes', 'Today', 'Yesterday', 'Tomorrow',
  // the row labels of a wire's results table: "Shr 18 cts vs 51 cts", "Oper net", "Revs", "Avg shrs", "Six Mths"
  'Shr', 'Shrs', 'Oper', 'Revs', 'Avg', 'Mths', 'Qtr', 'Qtly',
]);
/** Month abbreviations and other words taken for names in news text that are none. */
/** Currencies alone, capitalised in wire copy ("the Swiss Franc"): no name even as one word. */
const LONE_CURRENCIES = ['Franc', 'Francs', 'Dollar', 'Dollars', 'Yen', 'Lira', 'Peseta', 'Pesetas', 'Rupee', 'Rouble', 'Ruble', 'Guilder', 'Guilders'];
const NOT_A_NAME = new Set(['Jan.', 'Feb.', 'Mar.', 'Apr.', 'Aug.', 'Sep.', 'Sept.', 'Oct.', 'Nov.', 'Dec.', 'Jan', 'Feb', 'Apr', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec', 'TV', 'Former',
  // an archive's section labels: "ABSTRACT.", "FULL TEXT."
  'ABSTRACT', 'SUMMARY', 'HIGHLIGHTS', 'EXCLUSIVE', 'BREAKING', 'UPDATE', 'UPDATED', 'ANALYSIS', 'OPINION', 'EXPLAINER', 'FACTBOX',
  // economic measures, capitalised in wire copy: "GDP"
  'GDP', 'GNP', 'CPI', ...LONE_CURRENCIES]);
/** A currency's word, which ends no name ("the U.S. Dollar", "N.Z. Dlrs"); alone, some are names too ("Mark", "Won"). */
const CURRENCY_WORDS = new Set([...LONE_CURRENCIES, 'Dlr', 'Dlrs', 'Mark', 'Marks', 'Pound', 'Pounds', 'Lire', 'Rupees', 'Roubles', 'Rubles', 'Peso', 'Pesos',
  'Euro', 'Euros', 'Yuan', 'Won', 'Krona', 'Krone', 'Kroner']);
/** Phrases of several words taken for names in news text that are none. */
const NOT_A_NAME_PHRASE = new Set(['FULL TEXT', 'Gross Domestic Product', 'Gross National Product', 'Consumer Price Index']);
/** A member's party and state after the name: "(R-Utah)", "D-N.Y.", "R-S.C.". */
const PARTY_STATE = /^[RDI]-[A-Z][A-Za-z.]*$/;

/** A credit rating: "AAA", "BBB-plus", "A-2", "Baa-1". */
const RATING = /^(?:AAA|AA|BBB|BB|CCC|CC|Aaa|Aa|Baa|Ba|Caa|Ca|A|B|C)(?:-?[123]|[+-]|-plus|-minus)?$/;

/** Tokens [from, to) that look like a name and are none: "Sept." (of "Sept. 11"), "TV", "R-Utah", a rating ("AA"). */
export function notAName(tokens: readonly Token[], from: number, to: number): boolean {
  if (to - from === 1) return NOT_A_NAME.has(tokens[from]!.text) || RATING.test(tokens[from]!.text);
  if (to - from <= 3 && /^[CFG]/.test(tokens[from]!.text) && NOT_A_NAME_PHRASE.has(tokens.slice(from, to).map((t) => t.text).join(' '))) return true;
  // a currency named by its country ("the U.S. Dollar", "N.Z. Dlrs", "Swiss Francs"): a unit, no name
  if (CURRENCY_WORDS.has(tokens[to - 1]!.text)) return true;
  if (tokens[from]!.text.length !== 1) return false;
  const text = tokens.slice(from, to).map((t) => t.text).join('');
  return PARTY_STATE.test(text) && tokens[to - 1]!.end - tokens[from]!.start === text.length;
}

const CONNECTORS = new Set(['of', 'for', 'the', 'de', 'al', 'bin', 'von', 'van', 'der', 'da', 'del', 'la', 'le', 'on']);
/** Heads of a government body named after something else: "Labour Ministry", "Treasury Board". */
const BODY_AFTER_NAME = new Set(['Ministry', 'Department', 'Office', 'Council', 'Committee', 'Commission', 'Agency', 'Board', 'Court', 'Bureau', 'Authority']);
/** Heads that name a kind of body, which many bodies share: "Bank of Japan", "Democratic Party". */
const GENERIC_HEADS = new Set([...BODY_AFTER_NAME, 'Bank', 'Party', 'Union', 'Association', 'Federation', 'Fund', 'Institute', 'Assembly', 'Parliament', 'Congress']);
const ORG_HEADS = new Set([
  'Organization', 'Organisation', 'Ministry', 'Council', 'Party', 'Bank', 'Agency', 'Committee', 'Company', 'Corp', 'Corp.', 'Corporation',
  'Inc', 'Inc.', 'Ltd', 'Ltd.', 'Group', 'University', 'Institute', 'Association', 'Union', 'Federation', 'Forces', 'Army', 'Navy',
  'Court', 'Parliament', 'Assembly', 'Commission', 'Service', 'Office', 'Department', 'Fund', 'Foundation', 'Times', 'News', 'Post',
  'Authority', 'Board', 'Bureau', 'Centre', 'Center', 'Club', 'Front', 'Movement', 'Alliance', 'Coalition', 'Guard', 'Police',
  'Airlines', 'Airways', 'Holdings', 'Industries', 'Motors', 'Systems', 'Technologies', 'Partners', 'Capital', 'Energy', 'Media',
  'Press', 'Herald', 'Journal', 'Tribune', 'Gazette', 'Telegraph', 'Review', 'Church', 'School', 'College', 'Hospital', 'Senate',
  'Congress', 'Cabinet', 'Secretariat', 'Directorate', 'Administration', 'Government', 'Customs', 'Exchange', 'Market', 'Markets',
]);
const PLACE_PREPOSITIONS = new Set(['in', 'at', 'near', 'from', 'to', 'into', 'outside', 'across', 'around', 'towards', 'toward']);
const SPEECH_AFTER = new Set(['said', 'says', 'told', 'added', 'stated', 'wrote', 'noted', 'argued', 'asked', 'warned', 'claimed', 'explained']);

/**
 * Names no list knows, from their shape: runs of capitalised proper nouns, typed from context
 * (a title before a name makes a person; "Ministry", "Party"… make an organisation).
 */
export const shapeProposer: Proposer = (doc) => {
  const { tokens } = doc;
  const titles = titleLexicon();
  const out: Proposal[] = [];
  // (a paragraph's or a table row's first word, indented on a new line, or a word after a colon, starts as a sentence does)
  const isInitial = (i: number) => i === 0 || tokens[i - 1]!.sentence !== tokens[i]!.sentence || /^["“‘(:]$/.test(tokens[i - 1]!.text) ||
    startsLine(doc.text, tokens[i - 1]!.end, tokens[i]!.start);
  // capitalised words seen inside sentences: a sentence-initial word is a name only if it is one elsewhere too
  const midSentence = new Set<string>();
  for (let i = 0; i < tokens.length; i++) if (isCapitalised(tokens[i]!) && !isInitial(i)) midSentence.add(tokens[i]!.text);
  const surnames = gazetteer().surnames;
  const words = tokens.map((t) => t.lower);
  // a title before a name ("President Donald Trump") is a descriptor, not part of the name
  const isTitle = (k: number) => {
    const len = roleAt(words, k);
    const after = tokens[k + len];
    return len > 0 && !!after && isCapitalised(after) && after.sentence === tokens[k]!.sentence;
  };
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    // only a capitalised word can start a name: most tokens leave here, before the costlier tests
    if (!isCapitalised(t) || t.kind !== 'word') { i++; continue; }
    const sentenceInitial = isInitial(i);
    const next = tokens[i + 1];
    const nextIsName = !!next && next.sentence === t.sentence && isCapitalised(next) && next.pos === 'PROPN';
    const startsName = !NOT_NAMES.has(t.text) && !isTitle(i) &&
      !titles.honorifics.has(t.lower) && !inCompound(tokens, i) &&
      (t.pos === 'PROPN' || (!sentenceInitial && (t.pos === 'NOUN' || t.pos === 'X' || (nextIsName && t.pos !== 'PRON' && t.pos !== 'DET'))));
    if (!startsName) { i++; continue; }
    let j = i + 1;
    while (j < tokens.length) {
      const u = tokens[j]!;
      if (u.sentence !== t.sentence) break;
      if (isTitle(j)) break;
      if (isCapitalised(u) && u.kind === 'word' && !NOT_NAMES.has(u.text) && (u.pos === 'PROPN' || u.pos === 'NOUN' || ORG_HEADS.has(u.text))) { j++; continue; }
      const after = tokens[j + 1];
      if (CONNECTORS.has(u.text) && after && after.sentence === t.sentence && isCapitalised(after) && after.pos === 'PROPN') { j += 1; continue; }
      break;
    }
    // (a capital letter alone names no one: "rated by S and P")
    const known = j - i > 1 ? true : t.text.length > 1 && (!sentenceInitial || midSentence.has(t.text) || !!surnames[t.text] || /^[A-Z]{2,}$/.test(t.text));
    if (known && !notAName(tokens, i, j)) out.push({ tokenStart: i, tokenEnd: j, type: typeFromContext(tokens, i, j), entries: [], via: 'shape', alName: false });
    i = j;
  }
  return out;
};

/** Is the white space [from, to) a paragraph break or a new line indented (a row of a table, a wire's paragraph)? */
function startsLine(text: string, from: number, to: number): boolean {
  const nl = text.indexOf('\n', from);
  if (nl < 0 || nl >= to) return false;
  // the last new line before `to`: indented after it, or another new line before it
  const last = text.lastIndexOf('\n', to - 1);
  return last < to - 1 || last > nl;
}

function typeFromContext(tokens: Token[], start: number, end: number): EntityType {
  const titles = titleLexicon();
  const last = tokens[end - 1]!;
  if (ORG_HEADS.has(last.text) || tokens.slice(start, end).some((t) => ORG_HEADS.has(t.text))) return 'ORG';
  const before = tokens[start - 1];
  if (before && (titles.roleWords.has(before.lower) || titles.honorifics.has(before.lower) || titles.honorifics.has(`${before.lower}.`))) return 'PERSON';
  if (/^[A-Z]{2,6}$/.test(tokens[start]!.text) && end - start === 1) return 'ORG';
  const after = tokens[end];
  if (end - start >= 2 && after && SPEECH_AFTER.has(after.lower)) return 'PERSON';
  if (end - start === 1 && before && PLACE_PREPOSITIONS.has(before.lower)) return 'GPE';
  if (end - start >= 2 && end - start <= 3 && tokens.slice(start, end).every((t) => t.pos === 'PROPN' && /^[A-Z][a-z]/.test(t.text))) return 'PERSON';
  return 'MISC';
}

const PLACE_KINDS = new Set(['city', 'country', 'nationality', 'region']);

/** A gazetteer organisation named by a head noun: "Bank of Japan", "Labour Party", "Foreign Ministry". */
function genericName(r: Proposal): boolean {
  const words = (r.entries[0]?.name ?? '').split(' ');
  // (written out in the text: "Republicans" is the Republican Party, and no part of "Oversight Committee Republicans")
  return r.tokenEnd - r.tokenStart > 1 && words.length > 1 && (GENERIC_HEADS.has(words[0]!) || GENERIC_HEADS.has(words[words.length - 1]!));
}

/** Does a place or nationality the gazetteer found end right before r? */
function placeBefore(lists: Proposal[][], r: Proposal): boolean {
  return lists.some((list) => list.some((g) => g.via === 'gazetteer' && g.tokenEnd === r.tokenStart && PLACE_KINDS.has(g.entries[0]?.kind ?? '')));
}

/**
 * One proposal per token. Lists come in order of trust, and the more trusted proposal wins an
 * overlap, with one exception: a learned span that strictly contains a place the gazetteer found
 * names something larger ("Bank of China", "Shanghai Cooperation Organization"), so it wins.
 */
export function mergeProposals(lists: Proposal[][]): Proposal[] {
  // An organisation the gazetteer knows by a generic name ("Bank of Japan", "Democratic Party")
  // inside a longer one the tagger found, with more name before it, is another organisation
  // ("Industrial Bank of Japan", "Social Democratic Party"), unless a place or nationality comes
  // first ("U.S. Democratic Party").

  const taken = new Map<number, Proposal>();
  const out = new Set<Proposal>();
  const claim = (p: Proposal) => {
    for (let k = p.tokenStart; k < p.tokenEnd; k++) taken.set(k, p);
    out.add(p);
  };
  for (const list of lists) {
    for (const p of list) {
      const rivals = new Set<Proposal>();
      for (let k = p.tokenStart; k < p.tokenEnd; k++) { const r = taken.get(k); if (r) rivals.add(r); }
      if (!rivals.size) { claim(p); continue; }
      const outgrows = p.via === 'tagger' && [...rivals].every((r) =>
        r.via === 'gazetteer' && p.tokenStart <= r.tokenStart && r.tokenEnd <= p.tokenEnd && p.tokenEnd - p.tokenStart > r.tokenEnd - r.tokenStart &&
        (PLACE_KINDS.has(r.entries[0]?.kind ?? '') || (r.type === 'ORG' && p.type === 'ORG' && p.tokenStart < r.tokenStart && genericName(r) && !placeBefore(lists, r))));
      if (!outgrows) continue;
      for (const r of rivals) { out.delete(r); for (let k = r.tokenStart; k < r.tokenEnd; k++) taken.delete(k); }
      claim(p);
    }
  }
  const sorted = [...out].sort((a, b) => a.tokenStart - b.tokenStart);
  // "Tamim bin Hamad al-Thani": an "al-Name" proposed right after a person's name ends that name
  // (the person is copied, so that the proposers' lists stay as they were given)
  const merged: Proposal[] = [];
  for (let k = 0; k < sorted.length; k++) {
    const p = sorted[k]!, before = sorted[k - 1];
    if (before && before.type === 'PERSON' && before.tokenEnd === p.tokenStart && p.tokenEnd - p.tokenStart === 3 && p.alName) {
      merged[merged.length - 1] = { ...merged[merged.length - 1]!, tokenEnd: p.tokenEnd };
      continue;
    }
    merged.push(p);
  }
  return merged;
}

/** Heads of a body's name that "on …" completes: "the Senate Committee on Foreign Relations". */
const BODY_HEADS = new Set(['Committee', 'Subcommittee', 'Commission', 'Council', 'Caucus', 'Panel']);
const isCapital = (t: Token | undefined) => !!t && t.kind === 'word' && /^[A-Z]/.test(t.text);

/**
 * "The House Select Committee on Benghazi", "the Senate Committee on Foreign Relations": a committee,
 * commission or council named with "on" and its remit is one organisation, not a chamber and a place
 * (the proposals inside it give way to one ORG proposal over the whole name).
 */
export function joinBodyNames(doc: NewsDoc, proposals: Proposal[]): Proposal[] {
  const { tokens } = doc;
  let out = proposals;
  for (let h = 1; h < tokens.length - 2; h++) {
    // (every head starts with C, P or S: most tokens leave on their first character)
    const c = tokens[h]!.text.charCodeAt(0);
    if ((c !== 67 && c !== 80 && c !== 83) || !BODY_HEADS.has(tokens[h]!.text) || tokens[h + 1]!.lower !== 'on') continue;
    let start = h;
    while (start > 0 && isCapital(tokens[start - 1]) && tokens[start - 1]!.sentence === tokens[h]!.sentence) start--;
    if (start === h && !isCapital(tokens[h])) continue;
    let end = h + 2;
    if (tokens[end]?.lower === 'the') end++;
    // "the Security Council on Friday": a date, not a remit
    if (!isCapital(tokens[end]) || doc.times?.some((t) => t.start <= tokens[end]!.start && tokens[end]!.start < t.end)) continue;
    while (isCapital(tokens[end]) || (/^(and|of|the)$/.test(tokens[end]?.lower ?? '') && isCapital(tokens[end + 1]))) end++;
    // a sentence-opening "The" is not part of the name
    if (tokens[start]!.lower === 'the') start++;
    const same = out.find((p) => p.tokenStart === start && p.tokenEnd === end);
    if (same) {
      if (same.type !== 'ORG' && same.via !== 'gazetteer') out = out.map((p) => (p === same ? { ...p, type: 'ORG' } : p));
      continue;
    }
    const inside = (p: Proposal) => p.tokenEnd > start && p.tokenStart < end;
    // a proposal reaching out of the span is something else; leave it be
    if (out.some((p) => inside(p) && (p.tokenStart < start || p.tokenEnd > end))) continue;
    out = out.filter((p) => !inside(p));
    out.push({ tokenStart: start, tokenEnd: end, type: 'ORG', entries: [], via: 'shape', alName: false });
    out.sort((a, b) => a.tokenStart - b.tokenStart);
    h = end;
  }
  return out;
}

/** Short words that stay in lower case in a title-case headline. */
const TITLE_SMALL_WORDS = new Set(['a', 'an', 'the', 'of', 'to', 'in', 'on', 'for', 'and', 'but', 'or', 'at', 'by', 'with', 'as', 'vs', 'via', 'from', 'into', 'over',
  // prepositions and conjunctions some styles keep in lower case too: "Slipped through the Cracks", "Instances where Donations …"
  'through', 'about', 'after', 'before', 'under', 'upon', 'amid', 'during', 'without', 'against', 'between', 'among', 'onto', 'than', 'up', 'out', 'off', 'down',
  'nor', 'yet', 'so', 'if', 'when', 'where', 'while']);

/**
 * A headline in title case ("Hillary Clinton Was Headed to ER But Diverted to Avoid Bad Optics"):
 * four or more words, nearly all capitalised, two of them words the article writes in lower case
 * elsewhere. Words in capitals alone say nothing either way (an ALL-CAPS headline is the tagger's
 * to read). Capitals in such a headline say nothing of names.
 */
function isTitleCase(doc: NewsDoc, from: number, to: number): boolean {
  let words = 0, capitals = 0;
  const capitalised = new Set<string>();
  for (let k = from; k < to; k++) {
    const t = doc.tokens[k]!;
    if (t.kind !== 'word' || TITLE_SMALL_WORDS.has(t.lower) || !/^[A-Za-z]/.test(t.text) || !/[a-z]/.test(t.text)) continue;
    words++;
    if (isCapitalised(t)) { capitals++; capitalised.add(t.lower); }
  }
  if (words < 4 || capitals < 0.85 * words) return false;
  // six words or more, every one capitalised: a headline, whatever the body repeats of it (not a
  // list of names set off by dashes: "Sarich Technologies Trust - Health Management Associates - …")
  if (words >= 6 && capitals === words && doc.text.slice(doc.tokens[from]!.start, doc.tokens[to - 1]!.end).split(/\s[-–—]\s/).length <= 2) return true;
  // (the cheap test first: most first sentences are not headlines, and the scan below reads every token)
  const commonElsewhere = new Set<string>();
  for (const t of doc.tokens) {
    if (t.kind === 'word' && !isCapitalised(t) && capitalised.has(t.lower)) commonElsewhere.add(t.lower);
    if (commonElsewhere.size >= 2) return true;
  }
  return false;
}

/**
 * Proposals inside a title-case headline, the article's first sentence, that the article names
 * nowhere else and no list knows ("Over Health", "Avoid Bad Optics"): guesses from capitals,
 * dropped. A name in the headline is named again in the text ("Hillary Clinton"), or known to the
 * gazetteer. Only the first sentence: a credit line in title case ("Reporting by Valerie
 * Volcovici; Editing by Will Dunham") is names, and a subheading is too short to tell.
 */
export function dropHeadlineGuesses(doc: NewsDoc, proposals: Proposal[]): Proposal[] {
  const { tokens, sentences, text } = doc;
  const first = sentences[0];
  if (!first || !isTitleCase(doc, first.tokenStart, first.tokenEnd)) return proposals;
  let lowered: string | undefined;
  return proposals.filter((p) => {
    if (tokens[p.tokenStart]!.sentence !== first.index) return true;
    const surface = text.slice(tokens[p.tokenStart]!.start, tokens[p.tokenEnd - 1]!.end);
    // a known name the body writes only in lower case is a common word capitalised by the headline
    // ("… Tells #NeverTrump Conservatives …", with "conservatives" in the body: no party)
    if (p.via === 'gazetteer') return p.tokenEnd - p.tokenStart > 1 || !lowerOnlyInBody(text, (lowered ??= text.toLowerCase()), surface, first.start, first.end);
    // named again outside the headline, as written
    for (let at = text.indexOf(surface); at >= 0; at = text.indexOf(surface, at + 1)) if (at < first.start || at >= first.end) return true;
    return false;
  });
}

/** Does the body (outside [from, to)) write `word` in lower case and never as written? (`haystack`: the text in lower case) */
function lowerOnlyInBody(text: string, haystack: string, word: string, from: number, to: number): boolean {
  const lower = word.toLowerCase();
  if (lower === word) return false;
  const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
  let sawLower = false;
  for (let at = haystack.indexOf(lower); at >= 0; at = haystack.indexOf(lower, at + 1)) {
    if (at >= from && at < to) continue;
    if (isWordChar(text[at - 1]) || isWordChar(text[at + word.length])) continue;
    const written = text.slice(at, at + word.length);
    if (written === word) return false;
    if (written === lower) sawLower = true;
  }
  return sawLower;
}

/**
 * Proposals the tagger or the shapes made inside a date or a time ("Super" of "Super Tuesday",
 * "Election Day"): the time stage has read those words, and no entity is named there. The
 * gazetteer's are kept.
 */
export function dropTimeWords(doc: NewsDoc, proposals: Proposal[]): Proposal[] {
  const times = doc.times;
  if (!times || !times.length) return proposals;
  const { tokens } = doc;
  const inTime = (from: number, to: number) => {
    const start = tokens[from]!.start, end = tokens[to - 1]!.end;
    return times.some((t) => (t.type === 'DATE' || t.type === 'TIME') && t.start <= start && end <= t.end);
  };
  const out: Proposal[] = [];
  for (const p of proposals) {
    if (p.via === 'gazetteer') { out.push(p); continue; }
    if (inTime(p.tokenStart, p.tokenEnd)) continue;
    // "endorsed Cruz Wednesday": a date the tagger ran into the name is cut off it
    let end = p.tokenEnd;
    while (end - 1 > p.tokenStart && inTime(end - 1, end)) end--;
    out.push(end === p.tokenEnd ? p : { ...p, tokenEnd: end });
  }
  return out;
}

/**
 * A wire's ticker after a company's name ("Comalco Ltd <CMAC.S>", "Barclays Bank plc <BCS.L>"):
 * the company's code on an exchange, no second organisation. (A name in angle brackets alone,
 * "<Banque Paribas>", is Reuters' mark of a company and stays.)
 */
export function dropTickers(doc: NewsDoc, proposals: Proposal[]): Proposal[] {
  const { tokens, text } = doc;
  if (!text.includes('<')) return proposals;
  return proposals.filter((p) => {
    if (tokens[p.tokenStart - 1]?.text !== '<') return true;
    let close = p.tokenEnd;
    while (close < tokens.length && close < p.tokenEnd + 3 && tokens[close]!.text !== '>') close++;
    if (tokens[close]?.text !== '>') return true;
    const code = text.slice(tokens[p.tokenStart]!.start, tokens[close - 1]!.end);
    // (right after a name: "Boeing Co <BA>", "Cheung Kong (Holdings) Ltd <CKGH.HK>")
    const before = tokens[p.tokenStart - 2];
    return !(TICKER.test(code) && !!before && (isCapitalised(before) || before.text === ')'));
  });
}

/** An exchange code: "CMAC.S", "BAC.N", "TSCO.L", "NYT.A". */
const TICKER = /^[A-Z0-9]{1,6}(?:\.[A-Z]{1,3})?$/;

/** A company's legal form, which ends its name. */
const LEGAL_FORMS = new Set(['Ltd', 'Ltd.', 'Inc', 'Inc.', 'Corp', 'Corp.', 'Co', 'Co.', 'Plc', 'plc', 'PLC', 'SA', 'AG', 'NV', 'KK', 'Bhd', 'Pty', 'LLC']);

/**
 * "Industrial Equity (Pacific) Ltd", "Nikko Securities Co (Europe) Ltd": a legal form after a
 * bracketed word ends the name before the bracket, whatever the tagger made of the bracket; a
 * legal form alone is no name.
 */
export function joinLegalForms(doc: NewsDoc, proposals: Proposal[]): Proposal[] {
  const { tokens } = doc;
  const out: Proposal[] = [];
  let skipTo = -1;
  for (const p of proposals) {
    if (p.tokenStart < skipTo) continue;
    if (p.tokenEnd - p.tokenStart === 1 && LEGAL_FORMS.has(tokens[p.tokenStart]!.text) && p.via !== 'gazetteer') continue;
    if (p.type === 'ORG' && tokens[p.tokenEnd]?.text === '(') {
      let close = p.tokenEnd + 1;
      while (close < tokens.length && close < p.tokenEnd + 5 && isCapitalised(tokens[close]!)) close++;
      if (close > p.tokenEnd + 1 && tokens[close]?.text === ')' && LEGAL_FORMS.has(tokens[close + 1]?.text ?? '')) {
        out.push({ ...p, tokenEnd: close + 2 });
        skipTo = close + 2;
        continue;
      }
    }
    out.push(p);
  }
  return out;
}

const isShouted = (t: Token | undefined) => !!t && t.kind === 'word' && t.text.length >= 2 && /^[A-Z]+$/.test(t.text);

/**
 * Abbreviations that name no one, dropped once the proposals are merged (so that they still hold
 * their tokens against a longer guess): time zones, offices, conditions, things, a transcript's
 * stage directions. ("GDP", "TV", "UPDATE" never get here: see NOT_A_NAME.)
 */
const NO_ENTITY_CAPS = new Set([
  'EDT', 'EST', 'CDT', 'CST', 'MDT', 'MST', 'PDT', 'PST', 'GMT', 'UTC', 'BST', 'CET',
  'CEO', 'CFO', 'COO', 'CTO', 'MBA', 'POTUS', 'FLOTUS', 'SCOTUS',
  'PTSD', 'HIV', 'AIDS', 'DNA', 'SUV', 'PCP', 'ATM', 'LGBT', 'LGBTQ',
  'CROSSTALK', 'LAUGHTER', 'APPLAUSE', 'INAUDIBLE', 'BEGIN', 'END',
]);

/**
 * All-capital words that are no names: abbreviations of things ("all times EDT", "veterans with
 * PTSD"), and words of a line set in capitals ("SAVE A QUARTER", "GARLAND STEPS ASIDE", "THEY
 * LOSE, WE WIN"), where capitals say nothing: such a word is kept only when the article writes it
 * with a capital and lower case elsewhere ("Garland", named in the text) or the gazetteer knows it.
 */
export function dropShoutedWords(doc: NewsDoc, proposals: Proposal[]): Proposal[] {
  const { tokens, text } = doc;
  /** Is the word [from, to) in capitals next to another in capitals (commas, quotes, "A" or "I" between: "SAVE A QUARTER")? */
  const inCapitalsLine = (from: number, to: number) => {
    let before = from - 1;
    while (before > 0 && /^[,'’"“”AI]$/.test(tokens[before]!.text)) before--;
    let after = to;
    while (after < tokens.length - 1 && /^[,'’"“”AI]$/.test(tokens[after]!.text)) after++;
    return isShouted(tokens[before]) || isShouted(tokens[after]);
  };
  /** Does the article write the word with a capital and lower case ("Garland" for "GARLAND")? */
  const namedElsewhere = (word: string) => new RegExp(`\\b${word[0]}${word.slice(1).toLowerCase()}\\b`).test(text);
  const out: Proposal[] = [];
  for (const p of proposals) {
    if (p.via === 'gazetteer' || !isShouted(tokens[p.tokenStart])) { out.push(p); continue; }
    let head = p.tokenStart;
    while (head < p.tokenEnd && isShouted(tokens[head])) head++;
    if (head === p.tokenStart + 1 && head === p.tokenEnd && NO_ENTITY_CAPS.has(tokens[p.tokenStart]!.text)) continue;
    if (!inCapitalsLine(p.tokenStart, head)) { out.push(p); continue; }
    let named = true;
    for (let k = p.tokenStart; k < head && named; k++) named = namedElsewhere(tokens[k]!.text);
    if (named) out.push(p);
    // "QUARTER Jane Doe": the words after the line's end may still be a name; one word alone there
    // starts the sentence ("QUARTER Let", "BORROWING Back"), a name only when written so elsewhere too
    else if (head < p.tokenEnd && tokens.slice(head, p.tokenEnd).some((t) => t.pos === 'PROPN') && (p.tokenEnd - head > 1 || text.split(tokens[head]!.text).length > 2)) out.push({ ...p, tokenStart: head });
  }
  return out;
}

/**
 * "money market certificates (MMCs)", "certificate of deposit (CD)": an abbreviation set in
 * brackets after the lower-case words it abbreviates names a kind of thing, not an organisation;
 * it and its later uses are no names. The gazetteer's are kept.
 */
export function dropCommonAbbreviations(doc: NewsDoc, proposals: Proposal[]): Proposal[] {
  const { tokens, text } = doc;
  if (!text.includes('(')) return proposals;
  let common: Set<string> | undefined;
  for (let k = 1; k < tokens.length - 2; k++) {
    if (tokens[k]!.text !== '(' || tokens[k + 2]!.text !== ')') continue;
    const abbreviation = tokens[k + 1]!.text;
    const letters = abbreviation.replace(/s$/, '');
    if (!/^[A-Z]{2,6}$/.test(letters)) continue;
    // the lower-case words before the bracket, one per letter, allowing "of" between them
    let j = k - 1, n = letters.length - 1;
    while (j >= 0 && n >= 0 && /^[a-z]/.test(tokens[j]!.text)) {
      if (tokens[j]!.text === 'of') { j--; continue; }
      if (tokens[j]!.text[0]!.toUpperCase() !== letters[n]) break;
      j--; n--;
    }
    if (n < 0) (common ??= new Set()).add(letters);
  }
  if (!common) return proposals;
  // (a later use may take or drop the plural: "the MMCs", "an MMC")
  const isCommon = (p: Proposal) => p.tokenEnd - p.tokenStart === 1 && common!.has(tokens[p.tokenStart]!.text.replace(/s$/, ''));
  return proposals.filter((p) => p.via === 'gazetteer' || !isCommon(p));
}

