/**
 * A small subject–verb–object finder over wink's part-of-speech tags and the actor phrases:
 * the verb chain before a verb (auxiliaries, modals, negation, "to"), its subject (skipping
 * appositives, relative clauses, participial modifiers and dates; through "to" to the verb
 * that governs an infinitive; through "and" to the first of coordinated verbs), passives
 * ("was attacked by X"), and the objects after it (direct, then prepositional).
 */
import type { Sentence } from '../../doc/types.js';
import type { ActorContext, Phrase } from './actors.js';
import { codeNoun } from './code.js';

export interface Chain {
  /** first token of the chain ("has not been" in "has not been attacked") */
  start: number;
  future: boolean;
  must: boolean;
  negated: boolean;
  passive: boolean;
  /** the chain ends in "to": an infinitive */
  infinitive: boolean;
  words: string[];
}

const BE = new Set(['is', 'are', 'was', 'were', 'been', 'being', 'be', "'s", "'re"]);
const NEGATIONS = new Set(['not', "n't", 'never', 'no']);
const CHAIN_ADVERBS = new Set(['also', 'still', 'again', 'already', 'reportedly', 'finally', 'allegedly', 'repeatedly', 'once', 'now', 'just', 'then', 'later', 'routinely', 'bluntly', 'flatly', 'outright', 'jointly', 'formally', 'officially', 'recently', 'previously', 'today', 'yesterday', 'tonight']);
export const CLAUSE_BREAKS = new Set([';', ':', 'that', 'which', 'who', 'whom', 'whose', 'where', 'while', 'whereas', 'but', 'although', 'because', 'unless', 'if', 'after', 'before', 'despite', 'when', 'until', 'since', 'as', 'following']);
const SUBORDINATORS = new Set(['that', 'which', 'who', 'whom', 'whose', 'where', 'when', 'while', 'because', 'although', 'unless', 'if', 'after', 'before', 'as', 'since', 'until']);
/** Nouns for states of affairs that no one does: never an actor, nor coordinated with one. */
const SITUATIONS = new Set(['war', 'wars', 'conflict', 'conflicts', 'crisis', 'crises', 'tension', 'tensions', 'violence', 'fighting', 'unrest', 'prices', 'markets', 'economy', 'trade', 'inflation']);
export const PLACE_PREPS = new Set(['in', 'at', 'near', 'inside', 'outside', 'around', 'throughout']);
export const TARGET_PREPS = new Set(['on', 'against', 'to', 'with', 'into', 'for', 'from', 'of', 'toward', 'towards', 'upon', 'over', 'at']);

export interface Syntax {
  s: Sentence;
  phrases: Phrase[];
  cx: ActorContext;
  /** subjectBefore's answers by chain start, where the caller keeps them (a trigger asks up to four times) */
  subjects?: Map<number, Phrase | undefined>;
}

export function chainBefore(k: number, sy: Syntax): Chain {
  const { tokens, words, inTime } = sy.cx;
  const { future: FUTURE, must: MUST } = sy.cx.lex;
  let j = k - 1;
  const seen: string[] = [];
  while (j >= sy.s.tokenStart) {
    const t = tokens[j]!;
    const w = t.lower;
    // "has in the past rejected", "had on Monday agreed": a time phrase between auxiliary and verb
    if (inTime.has(j) && seen.length === 0) {
      let m = j;
      while (m > sy.s.tokenStart && inTime.has(m)) m--;
      if (/^(in|on|at|over|during)$/.test(words[m]!) && m > sy.s.tokenStart) m--;
      if (tokens[m]!.pos === 'AUX' || /^(has|have|had|will|would|is|are|was|were)$/.test(words[m]!)) {
        for (let x = j; x >= m; x--) seen.push(tokens[x]!.lower);
        j = m - 1;
        continue;
      }
    }
    const ok = t.pos === 'AUX' || NEGATIONS.has(w) || w === 'to' || CHAIN_ADVERBS.has(w) || (t.pos === 'ADV' && !/^(how|why|where|when)$/.test(w)) || (inTime.has(j) && seen.length > 0) || FUTURE.has(w) || MUST.has(w);
    if (!ok) break;
    seen.push(w);
    j--;
  }
  // no chain before the verb (most verbs): nothing to read
  if (j === k - 1) return { start: k, future: false, must: false, negated: false, passive: false, infinitive: false, words: seen };
  // gathered backwards; pushed and turned once rather than unshifted word by word
  seen.reverse();
  const start = j + 1;
  // a date between auxiliary and verb ("has today demanded") belongs to the chain; one before it does not
  let first = start;
  while (first < k && inTime.has(first)) first++;
  // (loops over the chain's words, no slices or closures: this runs for every verb with a chain)
  let beIdx = -1;
  for (let x = 0; x < seen.length && beIdx < 0; x++) if (BE.has(seen[x]!)) beIdx = x;
  const toIdx = seen.lastIndexOf('to');
  // the words after the last "to" (all of them without one)
  let future = false;
  let must = false;
  let going = false;
  let infinitiveTail = true;
  for (let x = toIdx + 1; x < seen.length; x++) {
    const w = seen[x]!;
    if (FUTURE.has(w)) future = true;
    if (MUST.has(w)) must = true;
    if (w === 'going') going = true;
    if (!(CHAIN_ADVERBS.has(w) || w === 'be' || NEGATIONS.has(w))) infinitiveTail = false;
  }
  let negated = false;
  for (let x = 0; x < seen.length && !negated; x++) negated = NEGATIONS.has(seen[x]!);
  let beAfterBe = false;
  for (let x = beIdx + 1; beIdx >= 0 && x < seen.length && !beAfterBe; x++) {
    const w = seen[x]!;
    beAfterBe = BE.has(w) && w !== 'been' && w !== 'being';
  }
  const verb = words[k]!;
  const participle = /(ed|en|wn|ne|t)$/.test(verb) && !verb.endsWith('ing');
  const have = seen.indexOf('have');
  return {
    start: first,
    future: future || (going && toIdx >= 0),
    must: must || (have >= 0 && toIdx >= 0 && have < toIdx),
    negated,
    passive: beIdx >= 0 && participle && !beAfterBe && (toIdx < 0 || toIdx < beIdx) && tokens[k]!.pos !== 'NOUN',
    infinitive: toIdx >= 0 && infinitiveTail,
    words: seen,
  };
}

/**
 * Do the words [from, to) join two phrases: one or two words, each "and" or "," (or "or", with
 * `or`)? (A loop rather than a slice and every(): this runs for many pairs of phrases.)
 */
export function joinsPhrases(words: string[], from: number, to: number, or: boolean): boolean {
  if (to - from < 1 || to - from > 2) return false;
  for (let x = from; x < to; x++) {
    const w = words[x];
    if (!(w === 'and' || w === ',' || (or && w === 'or'))) return false;
  }
  return true;
}

const phraseEndingAt = (sy: Syntax, end: number) => sy.phrases.find((p) => p.end === end);
const phraseStartingAt = (sy: Syntax, start: number) => sy.phrases.find((p) => p.start === start);

/**
 * Can the words [from, to) stand between a subject and its verb? Dates, adverbs, an appositive
 * or relative clause set off by commas ("Pakistan, a key U.S. ally, has"), a participial or
 * prepositional modifier without a finite verb ("The Red Cross operating in Iraq said").
 */
function gapOk(from: number, to: number, sy: Syntax): boolean {
  const { tokens, words, inTime } = sy.cx;
  if (to - from > 16) return false;
  // "thanked Germany for its support and urged": a coordinated verb, not a subject gap
  if (to > from && /^(and|or|but)$/.test(words[to - 1]!)) return false;
  let j = from;
  let modifier = false;
  while (j < to) {
    const t = tokens[j]!;
    const w = words[j]!;
    if (inTime.has(j) || t.pos === 'ADV' || CHAIN_ADVERBS.has(w)) { j++; continue; }
    if ((w === 'on' || w === 'in' || w === 'last' || w === 'this' || w === 'early' || w === 'late') && inTime.has(j + 1)) { j++; continue; }
    if (w === ',' || w === '(' || w === '-' || w === '--') {
      // a parenthetical: up to the next comma (or bracket) before the verb
      let close = j + 1;
      while (close < to && words[close] !== ',' && words[close] !== ')' && words[close] !== '--') close++;
      if (close >= to) return false;
      const seg = tokens.slice(j + 1, close);
      const relative = /^(who|which|whose|whom)$/.test(words[j + 1] ?? '');
      if (!relative && seg.some((x) => x.pos === 'VERB' && !/ing$|ed$/.test(x.lower)) ) return false;
      j = close + 1;
      continue;
    }
    if (j === from && (t.pos === 'VERB' && /(ing|ed)$/.test(w) || t.pos === 'ADJ') && from < to) { modifier = true; j++; continue; }
    if (modifier && ((t.pos === 'VERB' && /(ed|en)$/.test(w)) || t.pos === 'ADP' || (t.pos === 'PRON' && /^(its|their|his|her|our)$/.test(w)) || t.pos === 'DET' || t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'ADJ' || t.pos === 'NUM' || t.pos === 'PART' || sy.cx.mentionAt.has(j) || w === '-' || w === 'and')) { j++; continue; }
    if (!modifier && t.pos === 'ADP') {
      // "X in Y", "Rebels in the Ivory Coast on Tuesday": a prepositional modifier
      modifier = true; j++; continue;
    }
    return false;
  }
  return true;
}

/** Is the phrase the object of a preposition or a verb (so not a subject)? */
function governed(p: Phrase, sy: Syntax): boolean {
  const { tokens, words } = sy.cx;
  const before = p.start - 1;
  if (before < sy.s.tokenStart) return false;
  const t = tokens[before]!;
  // "up to 100 ethnic Albanians", "more than 1,000 refugees": a number, not a prepositional object
  if (sy.cx.tokens[p.start]!.pos === 'NUM' && /^(to|than|about|around|over|some|nearly|almost)$/.test(words[before]!)) return false;
  if (t.pos === 'ADP' && !SUBORDINATORS.has(words[before]!)) return true;
  return false;
}

/** The subject phrase of the verb at k whose chain starts at chainStart, if written before it. */
export function subjectBefore(chainStart: number, sy: Syntax): Phrase | undefined {
  const memo = sy.subjects;
  if (!memo) return findSubjectBefore(chainStart, sy);
  if (memo.has(chainStart)) return memo.get(chainStart);
  const subject = findSubjectBefore(chainStart, sy);
  memo.set(chainStart, subject);
  return subject;
}

function findSubjectBefore(chainStart: number, sy: Syntax): Phrase | undefined {
  const { words } = sy.cx;
  for (let i = sy.phrases.length - 1; i >= 0; i--) {
    const p = sy.phrases[i]!;
    if (p.end > chainStart) continue;
    // do not look past the start of the clause holding the verb
    let subordinate = false;
    for (let x = p.end; x < chainStart && !subordinate; x++) {
      const w = words[x]!;
      subordinate = SUBORDINATORS.has(w) && !(x === p.end && (w === 'who' || w === 'which')) && !gapSkipsRelative(x, chainStart, sy);
    }
    if (subordinate) {
      // "X said that Y will": the subject is Y, after "that"; anything before belongs to another clause
      return undefined;
    }
    if (governed(p, sy)) continue;
    if (gapOk(p.end, chainStart, sy)) return firstOfCoordination(i, sy);
  }
  return undefined;
}

/** "Palestinians and Israelis failed": the subject found is the last of a coordination; return its first. */
function firstOfCoordination(i: number, sy: Syntax): Phrase {
  const { words } = sy.cx;
  let p = sy.phrases[i]!;
  for (let j = i - 1; j >= 0; j--) {
    const q = sy.phrases[j]!;
    if (!joinsPhrases(words, q.end, p.start, false) || q.kind === 'pronoun' || governed(q, sy)) break;
    // a list ends with its "and": "After travelling to France, Germany and Italy, Funaro hopes" —
    // a comma alone after a list's last item closes another phrase, it joins no list (but
    // "Qatar's emir, Sheikh Hamad …" is one subject)
    const before = sy.phrases[j - 1];
    if (j === i - 1 && p.start - q.end === 1 && words[q.end] === ',' && before && /^(and|or)$/.test(words[q.start - 1] ?? '') && before.end === q.start - 1) break;
    // "tariffs disrupt trade and the wars continue" (a verb read as a noun): a subject that is
    // an event, not coordinated with an earlier phrase that names someone
    if (p.kind === 'thing' && !p.actors.length && q.actors.length && (codeNoun(words, p.end - 1) || SITUATIONS.has(words[p.end - 1]!))) break;
    // "… in managing its economy, Funaro paid a call": a phrase naming no one before a comma closes
    // an opening clause; it is no coordinate of the named subject after it
    if (words[q.end] === ',' && !q.actors.length && p.actors.some((a) => a.entity)) break;
    p = q;
  }
  return p;
}

/** A relative clause set off by commas between subject and verb ("Hezbollah, which …, said"). */
function gapSkipsRelative(at: number, to: number, sy: Syntax): boolean {
  const { words } = sy.cx;
  if (words[at - 1] !== ',') return false;
  for (let j = at; j < to; j++) if (words[j] === ',') return true;
  return false;
}

/** The finite verb governing an infinitive "to V" (the word before "to"), and the phrase between for object control. */
export function infinitiveGovernor(chain: Chain, sy: Syntax): { gov: number; object?: Phrase; forSubject?: Phrase; denied?: boolean } | undefined {
  const { tokens, words } = sy.cx;
  let to = chain.start;
  while (to < sy.s.tokenEnd && words[to] !== 'to') to++;
  let j = to - 1;
  while (j >= sy.s.tokenStart && (tokens[j]!.pos === 'ADV' || CHAIN_ADVERBS.has(words[j]!))) j--;
  if (j < sy.s.tokenStart) return undefined;
  const obj = phraseEndingAt(sy, j + 1);
  if (obj && obj.start > sy.s.tokenStart) {
    let v = obj.start - 1;
    if (words[v] === 'on' || words[v] === 'upon') v--; // "called on X to"
    if (tokens[v] && (tokens[v]!.pos === 'VERB' || sy.cx.lex.control.has(words[v]!))) return { gov: v, object: obj };
    // "an appeal from X to", "a proposal to": a noun governs; the phrase is no object
    // ("no plans for Funaro to meet …": the phrase after "for" is the infinitive's subject)
    // ("there are no plans for …", "no intention for …": no such act)
    return words[v] === 'for' ? { gov: obj.end - 1, forSubject: obj, ...(words[v - 2] === 'no' ? { denied: true } : {}) } : { gov: obj.end - 1 };
  }
  return { gov: j };
}

/** The last verb before position `before` in the sentence (for coordinated verbs and participles). */
export function previousVerb(before: number, sy: Syntax): number | undefined {
  const { tokens } = sy.cx;
  for (let j = before - 1; j >= sy.s.tokenStart; j--) if (tokens[j]!.pos === 'VERB') return j;
  return undefined;
}

/** End of the clause that starts after the verb: the objects lie before it. */
export function clauseEnd(from: number, sy: Syntax): number {
  const { tokens, words } = sy.cx;
  for (let j = from; j < sy.s.tokenEnd; j++) {
    const w = words[j]!;
    if (CLAUSE_BREAKS.has(w) && !(w === 'as' && words[j + 1] === 'well')) return j;
    if (w === ',' && (words[j + 1] === 'which' || words[j + 1] === 'who' || words[j + 1] === 'where' || words[j + 1] === 'whom' || (tokens[j + 1]?.pos === 'VERB' && words[j + 1] !== 'including') || tokens[j + 1]?.pos === 'SCONJ')) return j;
    // "violated a ban by X and described Y as …": a second verb phrase after the objects is another clause
    // (right after the verb, "attacked and killed Y", the verbs share their objects)
    if ((w === 'and' || w === 'but') && tokens[j + 1]?.pos === 'VERB' && !/ing$/.test(words[j + 1]!) && j - from >= 2 && tokens[j - 1]!.pos !== 'AUX') return j;
    if (w === ',' && j + 1 < sy.s.tokenEnd) {
      // ", a senior official said": an attribution tail ends the clause
      for (let x = j + 1; x < Math.min(sy.s.tokenEnd, j + 12); x++) if (sy.cx.lex.report.has(words[x]!)) return j;
    }
  }
  return sy.s.tokenEnd;
}

export interface Objects { targets: Phrase[]; place?: Phrase; agent?: Phrase; unnamed?: Phrase }

/**
 * Objects after position `from` up to the clause end: the first phrase naming an actor, not after a
 * place preposition; a thing's owner ("Palestinian homes") counts; "by X" is an agent; "in X" a place.
 */
export function objectsAfter(from: number, sy: Syntax, stopAtInfinitive = false): Objects {
  const { words, tokens } = sy.cx;
  const end = clauseEnd(from, sy);
  let limit = end;
  if (stopAtInfinitive) for (let j = from; j < end; j++) if (words[j] === 'to' && tokens[j + 1]?.pos === 'VERB') { limit = j; break; }
  const out: Objects = { targets: [] };
  for (let i = 0; i < sy.phrases.length; i++) {
    const p = sy.phrases[i]!;
    if (p.start < from || p.start >= limit) continue;
    if (p.kind === 'pronoun') continue;
    const prep = words[p.start - 1] ?? '';
    const named = p.actors.length > 0 && (p.kind === 'actor' || p.actors.some((a) => a.entity));
    if (!named) continue;
    if (prep === 'by') { if (!out.agent) out.agent = p; continue; }
    if (PLACE_PREPS.has(prep) && p.actors.every((a) => a.entity && (a.entity.type === 'GPE' || a.entity.type === 'LOC')) && p.kind !== 'actor' || (PLACE_PREPS.has(prep) && p.actors.every((a) => a.entity && (a.entity.type === 'GPE' || a.entity.type === 'LOC')) && !p.sector)) {
      if (!out.place) out.place = p;
      continue;
    }
    // prefer an object that names someone ("military intelligence to Macedonia": Macedonia)
    const hasEntity = p.actors.some((a) => a.entity);
    if (!hasEntity && !out.targets.length) { out.unnamed ??= p; continue; }
    if (!out.targets.length) {
      out.targets = [p];
      // coordinated: "the United States and Israel", "Mauritania and Senegal"
      for (let j = i + 1; j < sy.phrases.length; j++) {
        const q = sy.phrases[j]!;
        if (q.start >= limit || !joinsPhrases(words, out.targets[out.targets.length - 1]!.end, q.start, true)) break;
        if (q.actors.length) out.targets.push(q);
      }
    }
    if (out.targets.length && out.place) break;
  }
  if (!out.targets.length && out.unnamed) out.targets = [out.unnamed];
  delete out.unnamed;
  return out;
}

export { phraseStartingAt, phraseEndingAt };
