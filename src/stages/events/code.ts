/**
 * Coding one trigger: which CAMEO code (and so which PLOVER type) a verb or noun expresses here.
 * Order of preference, most specific first:
 *   1. a hand-written rule whose object, particle or complement is present ("imposed tariffs", "called on");
 *   2. a CAMEO dictionary pattern whose words are present around the verb ("* (FOR &FOOD)" → 0233);
 *   3. a hand-written rule for the bare word ("praised" → 051);
 *   4. the CAMEO verb's own or its block's default code.
 * Codes PLOVER does not code (01x public statements) and null patterns code nothing.
 */
import type { CameoPattern, CameoVerb, EventLexicon, MultiWordForm, TriggerRule } from './lexicon.js';
import { eventLexicon, wordMatches } from './lexicon.js';
import { CAMEO_FORM, CAMEO_LEAD, VERB_RULE } from './word-class.js';

export interface Coding {
  cameo: string;
  type: string;
  /** where the code came from: lexicon (data/lexicons/events.json) or cameo (models/events/cameo-verbs.json) */
  rule: string;
  /** one past the last token of the trigger ("imposed tariffs", "called on", "blew up") */
  end: number;
  /** a weak signal: the dictionary verb's default code, or a pattern of prepositions only ("* WITH"):
   * it needs named actors on both sides, the object itself the target */
  weak?: boolean;
}

/** Words that say nothing of the event by themselves: a pattern made only of them is structural. */
const FUNCTION_WORDS = new Set(['with', 'between', 'against', 'on', 'to', 'for', 'from', 'into', 'at', 'by', 'of', 'in', 'over', 'upon', 'up', 'out', 'off', 'down', 'back', 'away', 'the', 'a', 'an', 'and']);
const structural = (p: CameoPattern) => !p.pre.length && p.post.every((g) => g.every((w) => FUNCTION_WORDS.has(w.replace(/_$/, ''))));

/** How far after (and before) a verb a pattern's words may lie. */
const POST_WINDOW = 9;
const PRE_WINDOW = 4;
/** prefix lengths of the synonym-set index, longest first (hoisted: groupAt is hot) */
const PREFIX_LENGTHS = [3, 2, 1] as const;
const NO_MEMBERS: readonly string[][] = [];
const STOPS = new Set(['.', ';', ':', '!', '?', 'that', 'which', 'who', 'whom', 'whose', 'but', 'while', 'whereas', 'because', 'although']);

/**
 * What matchCameo remembers while it tries a verb's patterns: where each synonym set matched,
 * set → (position, limit) → end or -1 (keyed by number, not by a template string: this is the
 * hottest look-up of the stage).
 */
interface SynsetMemo { ends: Map<string, Map<number, number>> }
const newSynsetMemo = (): SynsetMemo => ({ ends: new Map() });
/** the (position, limit) key; limit - at stays within a pattern window (at most POST_WINDOW + 3) */
const atLimitKey = (at: number, limit: number): number => at * 1024 + (limit - at);

/** Each document's words cut to their first one, two and three letters, once per position (the synonym-set look-ups of many verbs use them). */
const prefixesOfWords = new WeakMap<string[], (string[] | undefined)[]>();

/** words[at] cut to n letters at [n - 1], n = 1..3 (a shorter word whole). */
function prefixesAt(words: string[], at: number): string[] {
  let ofWords = prefixesOfWords.get(words);
  if (!ofWords) prefixesOfWords.set(words, (ofWords = []));
  let prefixes = ofWords[at];
  if (!prefixes) {
    const w = words[at]!;
    ofWords[at] = prefixes = [w.slice(0, 1), w.slice(0, 2), w.slice(0, 3)];
  }
  return prefixes;
}

/** Does group g (adjacent words, synonym sets allowed) match at position j? Returns the end, or -1. */
function groupAt(g: string[], words: string[], j: number, lex: EventLexicon, limit: number, memo: SynsetMemo): number {
  let at = j;
  for (const item of g) {
    if (at >= limit) return -1;
    if (item.startsWith('&')) {
      // synonym sets are shared by many patterns: remember where each matched at each position
      let ofSet = memo.ends.get(item);
      if (!ofSet) memo.ends.set(item, (ofSet = new Map()));
      const key = atLimitKey(at, limit);
      let best = ofSet.get(key);
      if (best === undefined) {
        best = -1;
        const byStart = lex.synsets.get(item);
        const prefixes = prefixesAt(words, at);
        // members are indexed by the first three letters of their first word (shorter words by all they have)
        for (const n of PREFIX_LENGTHS) {
          for (const m of byStart?.get(prefixes[n - 1]!) ?? NO_MEMBERS) {
            if (n < 3 && (m[0]!.endsWith('_') ? m[0]!.length - 1 : m[0]!.length) > n) continue; // m[0] without a final "_" is longer than n
            let ok = at + m.length <= limit;
            for (let x = 0; ok && x < m.length; x++) ok = wordMatches(m[x]!, words[at + x]!);
            if (ok && at + m.length > best) best = at + m.length;
          }
        }
        ofSet.set(key, best);
      }
      if (best < 0) return -1;
      at = best;
    } else {
      if (!wordMatches(item, words[at]!)) return -1;
      at++;
    }
  }
  return at;
}

/** Groups in order after position `from` (a group may skip up to 3 words before it), within [from, limit). */
function matchForward(groups: string[][], words: string[], from: number, limit: number, lex: EventLexicon, memo: SynsetMemo): number {
  let at = from;
  for (const g of groups) {
    let found = -1;
    // a group may follow after a determiner and a modifier or two ("imposed a nightly curfew")
    for (let j = at; j < Math.min(limit, at + 3); j++) {
      const end = groupAt(g, words, j, lex, limit, memo);
      if (end >= 0) { found = end; break; }
    }
    if (found < 0) return -1;
    at = found;
  }
  return at;
}

function matchBackward(groups: string[][], words: string[], verb: number, floor: number, lex: EventLexicon, memo: SynsetMemo): boolean {
  // the last group must end within a few words before the verb, earlier groups before it
  let limit = verb;
  for (let gi = groups.length - 1; gi >= 0; gi--) {
    const g = groups[gi]!;
    let found = -1;
    for (let j = limit - 1; j >= Math.max(floor, limit - PRE_WINDOW); j--) {
      const end = groupAt(g, words, j, lex, limit, memo);
      if (end >= 0) { found = j; break; }
    }
    if (found < 0) return false;
    limit = found;
  }
  return true;
}

/**
 * A verb's patterns by a word they need: most patterns name a word that must lie after (or before)
 * the verb, so only those whose word is there are tried. A pattern is listed under the first one,
 * two or three letters of that word (a dictionary word only matches tokens it begins, so a token's
 * prefix of the same length equals it), or under each first-word key of a synonym set's members.
 * Keys are prefix codes (numbers, not strings: no string to cut or hash per token).
 */
interface PatternIndex {
  byPostKey: Map<number, number[]>;
  byPreKey: Map<number, number[]>;
  /** the most groups before the verb of a pattern in byPreKey: each group lies within PRE_WINDOW words of the next */
  preGroups: number;
  /** patterns with no word to key them by: always tried */
  unkeyed: number[];
  /** the shortest key (most are three letters: shorter prefixes need no look-up then) */
  shortestKey: number;
}
const KEY_LENGTH = 3;
const patternIndexes = new WeakMap<CameoPattern[], PatternIndex>();

/** ASCII letters, seven bits each, then the prefix length in two bits: three letters fit a small integer. */
const ASCII = 128;
const withLength = (letters: number, n: number): number => letters * 4 + n;
const codeLength = (code: number): number => code % 4;

/** The first n letters of w as a number, or -1 where one is not ASCII (no key is). */
function prefixCode(w: string, n: number): number {
  let letters = 0;
  for (let i = 0; i < n; i++) {
    const c = w.charCodeAt(i);
    if (!(c < ASCII)) return -1;
    letters = letters * ASCII + c;
  }
  return withLength(letters, n);
}

/** itemKeys by item: the same words and synonym sets recur across thousands of patterns (for the lexicon itemKeysOf was filled for) */
const itemKeysMemo = new Map<string, number[] | undefined>();
let itemKeysLexicon: EventLexicon | undefined;

/** The keys one of which a token must start with for the item to match it, or undefined if none can be said. */
function itemKeys(item: string, lex: EventLexicon): number[] | undefined {
  if (itemKeysLexicon !== lex) { itemKeysMemo.clear(); itemKeysLexicon = lex; }
  if (itemKeysMemo.has(item)) return itemKeysMemo.get(item);
  const keys = itemKeysOf(item, lex);
  itemKeysMemo.set(item, keys);
  return keys;
}

function itemKeysOf(item: string, lex: EventLexicon): number[] | undefined {
  const texts = item.startsWith('&') ? [...(lex.synsets.get(item)?.keys() ?? [])] : [(item.endsWith('_') ? item.slice(0, -1) : item).slice(0, KEY_LENGTH)];
  const codes = texts.map((t) => (t.length ? prefixCode(t, t.length) : -1));
  return codes.length && codes.every((c) => c >= 0) ? codes : undefined;
}

/** The most selective item of some group: the fewest keys (a plain word has one), the longest. */
function bestKeys(groups: string[][], lex: EventLexicon): number[] | undefined {
  let best: number[] | undefined;
  for (const g of groups) for (const item of g) {
    const keys = itemKeys(item, lex);
    if (keys && (!best || keys.length < best.length || (keys.length === best.length && codeLength(keys[0]!) > codeLength(best[0]!)))) best = keys;
  }
  return best;
}

function patternIndex(patterns: CameoPattern[], lex: EventLexicon): PatternIndex {
  let index = patternIndexes.get(patterns);
  if (index) return index;
  index = { byPostKey: new Map(), byPreKey: new Map(), preGroups: 0, unkeyed: [], shortestKey: KEY_LENGTH };
  patterns.forEach((p, i) => {
    const post = bestKeys(p.post, lex);
    const keys = post ?? bestKeys(p.pre, lex);
    if (!keys) { index!.unkeyed.push(i); return; }
    const byKey = post ? index!.byPostKey : index!.byPreKey;
    if (!post) index!.preGroups = Math.max(index!.preGroups, p.pre.length);
    for (const key of keys) {
      const listed = byKey.get(key);
      if (listed) listed.push(i);
      else byKey.set(key, [i]);
      index!.shortestKey = Math.min(index!.shortestKey, codeLength(key));
    }
  });
  patternIndexes.set(patterns, index);
  return index;
}

/**
 * The candidate patterns of one matchCameo call, as indexes into its list: a buffer reused from
 * call to call (matchCameo does not call itself), sorted as numbers without a comparator.
 */
let candidates = new Int32Array(256);
let candidateCount = 0;

function addCandidate(i: number): void {
  if (candidateCount === candidates.length) {
    const grown = new Int32Array(candidates.length * 2);
    grown.set(candidates);
    candidates = grown;
  }
  candidates[candidateCount++] = i;
}

/** Add the patterns keyed by the prefixes of the words [from, to) to the candidates (codes made as prefixCode makes them, a letter at a time). */
function addKeyed(byKey: Map<number, number[]>, shortestKey: number, words: string[], from: number, to: number): void {
  for (let j = from; j < to; j++) {
    const w = words[j]!;
    const longest = Math.min(KEY_LENGTH, w.length);
    let letters = 0;
    for (let n = 1; n <= longest; n++) {
      const c = w.charCodeAt(n - 1);
      if (!(c < ASCII)) break;
      letters = letters * ASCII + c;
      if (n < shortestKey) continue;
      const listed = byKey.get(withLength(letters, n));
      if (listed) for (const i of listed) addCandidate(i);
    }
  }
}

/**
 * The first of `patterns` (in order) whose words are there around the verb at [k, end). With `form`,
 * patterns whose `only` lacks the form are passed over: a block's whole list can then be given (and
 * indexed once for all its forms) rather than each form's own.
 */
export function matchCameo(patterns: CameoPattern[], words: string[], k: number, end: number, from: number, to: number, lex: EventLexicon, form?: string): CameoPattern | undefined {
  let limit = end;
  while (limit < Math.min(to, end + POST_WINDOW) && !STOPS.has(words[limit]!)) limit++;
  // the patterns whose keyed word lies in its window (after the verb up to the limit; before it, as far as matchBackward looks), in order
  const index = patternIndex(patterns, lex);
  candidateCount = 0;
  for (const i of index.unkeyed) addCandidate(i);
  if (index.byPostKey.size) addKeyed(index.byPostKey, index.shortestKey, words, end, limit);
  if (index.byPreKey.size) addKeyed(index.byPreKey, index.shortestKey, words, Math.max(from, k - PRE_WINDOW * index.preGroups), k);
  if (!candidateCount) return undefined;
  const count = candidateCount;
  const sorted = candidates.subarray(0, count).sort();
  const memo = newSynsetMemo();
  for (let c = 0; c < count; c++) {
    if (c > 0 && sorted[c] === sorted[c - 1]) continue;
    const p = patterns[sorted[c]!]!;
    if (form !== undefined && p.only && !p.only.has(form)) continue;
    if (p.post.length && matchForward(p.post, words, end, limit, lex, memo) < 0) continue;
    if (p.pre.length && !matchBackward(p.pre, words, k, from, lex, memo)) continue;
    return p;
  }
  return undefined;
}

/** The hand rule whose requirement (particle, object, complement) is met, or undefined. */
/** The words a verb's object may lie in: up to 8 words, not past the clause. */
function objectWindow(words: string[], k: number): string[] {
  const out: string[] = [];
  for (let j = k + 1; j < words.length && j <= k + 8 && !STOPS.has(words[j]!) && words[j] !== ','; j++) out.push(words[j]!);
  return out;
}

function specificRule(rules: TriggerRule[], words: string[], k: number, objectBefore: (objects: string[]) => boolean): TriggerRule | undefined {
  const window = objectWindow(words, k);
  return (
    rules.find((r) => r.particle?.includes(words[k + 1] ?? '')) ??
    rules.find((r) => r.objects?.length && (window.some((w) => r.objects!.includes(w)) || objectBefore(r.objects!))) ??
    rules.find((r) => r.complement?.length && words.slice(k + 1, k + 6).some((w) => r.complement!.includes(w)))
  );
}

function handEnd(rule: TriggerRule, words: string[], k: number): number {
  if (rule.particle?.includes(words[k + 1] ?? '')) return k + 2;
  if (rule.objects?.length) {
    const obj = objectWindow(words, k).findIndex((w) => rule.objects!.includes(w));
    if (obj >= 0) return k + 2 + obj;
  }
  return k + 1;
}

/**
 * Is `word` the head of the object right after the verb (within four words, no preposition before it:
 * "released a scathing report"), not a word further on ("attacked Ukraine with drones")?
 */
function directObject(words: string[], from: number, word: string): boolean {
  for (let j = from; j < words.length && j < from + 4; j++) {
    if (words[j] === word) return true;
    if (OBJECT_STOPS.has(words[j]!)) return false;
  }
  return false;
}
const OBJECT_STOPS = new Set(['with', 'in', 'on', 'at', 'by', 'for', 'from', 'to', 'into', 'against', 'of', 'over', 'after', 'before', 'since', ',', '.', 'and', 'but', 'that']);

/** CAMEO's statements without a stance (010 make a statement … 014, 017 … 019): talk, which PLOVER codes no event. */
const STATEMENT = /^01[0-47-9]/;

/**
 * The coding of a CAMEO code, or undefined where there is none or PLOVER codes none; its rule reads
 * `source:group/cameo`, made only for a coding returned.
 */
function coded(lex: EventLexicon, cameo: string | null, source: string, group: string, end: number, handType?: string, weak = false): Coding | undefined {
  if (!cameo) return undefined;
  const type = handType ?? lex.ploverOf(cameo);
  if (!type) return undefined;
  const rule = `${source}:${group}/${cameo}`;
  return weak ? { cameo, type, rule, end, weak } : { cameo, type, rule, end };
}

/**
 * Code the verb at token k of a sentence spanning [from, to). `objectBefore` tells whether one of
 * the given objects was named before the verb in a relative clause ("the tariffs that X imposed").
 */
/** Particles that make a phrasal verb of the word before them ("back off", "break up"); not "in" or "over", mostly prepositions. */
const PARTICLES = new Set(['up', 'off', 'out', 'back', 'down', 'away', 'along', 'part', 'place']);
/** Verbs "on" makes phrasal ("took on Clinton", "went on about"); after others it is a preposition ("imposed on lumber"). */
const ON_PHRASAL = new Set(['take', 'takes', 'took', 'taken', 'taking', 'go', 'goes', 'went', 'going', 'carry', 'carries', 'carried', 'carrying', 'move', 'moves', 'moved', 'moving', 'hold', 'holds', 'held', 'holding', 'weigh', 'weighs', 'weighed', 'weighing']);

/** Verb forms whose dictionary block's default code says nothing of what they mean in news. */
const NO_DEFAULT_FORMS = new Set(['expect', 'expects', 'expected', 'expecting', 'want', 'wants', 'wanted', 'wanting', 'hope', 'hopes', 'hoped', 'hoping',
  'think', 'thinks', 'thought', 'thinking', 'take', 'takes', 'took', 'taken', 'taking', 'add', 'adds', 'added', 'adding', 'issue', 'issues', 'issued', 'issuing',
  'serve', 'serves', 'served', 'serving', 'consider', 'considers', 'considered', 'considering']);

export function codeVerb(words: string[], k: number, from: number, to: number, lex: EventLexicon, objectBefore: (objects: string[]) => boolean, wordClass = VERB_RULE | CAMEO_FORM | CAMEO_LEAD): Coding | undefined {
  // (wordClass: the word's bits from word-class.ts, which spare the look-ups of a table that lacks it)
  const hand = (wordClass & VERB_RULE) !== 0 ? lex.verbs.get(words[k]!) : undefined;
  if (hand) {
    const r = specificRule(hand, words, k, objectBefore);
    if (r) return coded(lex, r.cameo, 'lexicon', r.type, handEnd(r, words, k), r.type);
  }
  const handDefault = hand?.find((x) => !(x.objects?.length || x.particle?.length || x.complement?.length));
  const byHand = handDefault ? coded(lex, handDefault.cameo, 'lexicon', handDefault.type, k + 1, handDefault.type) : undefined;
  // CAMEO: multi-word forms first ("blew up", "hand over"); a word that starts no multi-word form
  // is looked up alone
  const longest = (wordClass & CAMEO_LEAD) !== 0 && lex.cameoLeads.has(words[k]!) ? Math.min(lex.maxFormWords, to - k) : 1;
  const multiForms = longest > 1 ? lex.cameoMultiForms.get(words[k]!) : undefined;
  // (a token with a space in it could join into a form across token boundaries: looked up as a joined string then)
  let joined = false;
  for (let x = 1; x < longest; x++) if (words[k + x]!.includes(' ') || words[k]!.includes(' ')) joined = true;
  for (let n = longest; n >= 1; n--) {
    const entries = n === 1 ? ((wordClass & CAMEO_FORM) !== 0 ? lex.cameo.get(words[k]!) : undefined) : joined ? lex.cameo.get(words.slice(k, k + n).join(' ')) : multiWordEntries(multiForms, words, k, n);
    if (!entries) continue;
    for (const e of entries) {
      const p = matchCameo(e.blockPatterns, words, k, k + n, from, to, lex, e.form);
      if (p) {
        // a pattern that names the object and says "no event" or "a statement" tells what the verb
        // means here, over the project's lexicon's default for it: "released a report" and
        // "released a statement" free no one
        const byObject = p.post.length > 0 && directObject(words, k + n, p.post[0]![0]!);
        // a null pattern codes nothing, unless the project's lexicon knows the word
        if (!p.code) return byObject ? undefined : byHand;
        if (byObject && STATEMENT.test(p.code)) return undefined;
        const c = coded(lex, p.code, 'cameo', e.block, k + n, undefined, structural(p));
        // the dictionary's pattern refines the code; where it disagrees on the PLOVER type, the hand
        // lexicon wins, unless the pattern rests on the words before the verb (who acts: "troops arrived")
        if (c && (!byHand || c.type === byHand.type || p.pre.length > 0)) return c;
        if (byHand) return byHand;
        if (c) return c;
        if (lex.ploverOf(p.code) === null) return undefined;
      }
    }
    if (byHand) return byHand;
    // a particle after the word makes a phrasal verb the dictionary does not list, which means
    // something else: "took on Hillary Clinton" is no arrest, "backed off" no support
    if (n === 1 && (PARTICLES.has(words[k + 1] ?? '') || (words[k + 1] === 'on' && ON_PHRASAL.has(words[k]!)))) return undefined;
    // (not for verbs too general for their block's code: "expects" is no intent to cooperate, "wanted"
    // and "hopes" no appeal, "thinks" no consultation, "took" no arrest, "adding" and "issue" no grant,
    // "will serve a third term" no aid, "consider" no consultation: CAMEO's 014 is a statement)
    if (n === 1 && NO_DEFAULT_FORMS.has(words[k]!)) return undefined;
    for (const e of entries) {
      // the verb's default code, no pattern behind it: "struggles", "considers" code only between two actors
      const c = coded(lex, e.code, 'cameo-default', e.block, k + n, undefined, true);
      if (c) return c;
    }
    if (n > 1) continue;
    return undefined;
  }
  return byHand;
}

/** The entries of the n-word form at k (n >= 2), compared word by word with the forms its first word starts. */
function multiWordEntries(forms: MultiWordForm[] | undefined, words: string[], k: number, n: number): CameoVerb[] | undefined {
  if (!forms) return undefined;
  for (const f of forms) {
    if (f.words.length !== n) continue;
    let same = true;
    for (let x = 1; same && x < n; x++) same = f.words[x] === words[k + x];
    if (same) return f.entries;
  }
  return undefined;
}

/** The coding of the noun `key` of n words at token k, from the hand lexicon. */
function nounCoding(lex: EventLexicon, key: string, k: number, n: number): Coding | undefined {
  const r = lex.nouns.get(key)?.[0];
  return r && { cameo: r.cameo, type: r.type, rule: `lexicon:${r.type}/${r.cameo}`, end: k + n };
}

/** Code a two-word noun trigger at k ("hunger strike"); a word that starts none skips the look-up and its string. */
export function codeTwoWordNoun(words: string[], k: number): Coding | undefined {
  const lex = eventLexicon();
  return lex.nounLeads.has(words[k]!) ? nounCoding(lex, `${words[k]} ${words[k + 1] ?? ''}`, k, 2) : undefined;
}

/** Code a noun trigger ("invasion", "hunger strike") from the hand lexicon; two-word nouns first. */
export function codeNoun(words: string[], k: number): Coding | undefined {
  return codeTwoWordNoun(words, k) ?? nounCoding(eventLexicon(), words[k]!, k, 1);
}
