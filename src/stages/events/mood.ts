/**
 * Mood: what the sentence says about an act — done, promised, threatened, refused or demanded —
 * turned into PLOVER types by the PLOVER definitions:
 * - AGREE: "agree to, offer, promise, or otherwise indicate willingness or commitment to
 *   cooperate; all cooperative actions reported in future tense" → "promised to V", "is willing
 *   to V", "will V" with a cooperative V;
 * - THREATEN: "threats, coercive or forceful warnings" → "threatened to V", "will V" with a
 *   hostile V (assault, coercion, sanctions, mobilisation, protest), "will V … unless";
 * - REJECT: "all rejections and refusals" → "refused/declined/failed to V", "will not V";
 * - DEMAND: "all demands and orders" → "urged/called on/ordered X to V", "X must V",
 *   "demanded that X V".
 * The composed event takes the governing word as its trigger start and a CAMEO code for the
 * intent, threat, refusal or demand chosen by the family of the act beneath (events.json
 * moodCodes). The act beneath is kept too, with its mood, so a reader sees both ("will release"
 * → AGREE 0353 and RETREAT 0841 in mood "future").
 *
 * Moods: asserted (the text says it happened), future (will/would), intended (promised,
 * threatened, offered, prepared to), conditional (will … if/unless), demanded (others are urged
 * or ordered to do it).
 */
import type { EventMood } from '../../doc/types.js';
import type { Actor, Phrase } from './actors.js';
import type { Coding } from './code.js';
import type { ControlClass, EventLexicon, MoodType } from './lexicon.js';
import { chainBefore, clauseEnd, infinitiveGovernor, objectsAfter, type Chain, type Syntax } from './syntax.js';

export type Mood = EventMood;

/** PLOVER types whose future or intended form is a threat. */
export const HOSTILE = new Set(['ASSAULT', 'COERCE', 'SANCTION', 'MOBILIZE', 'PROTEST', 'THREATEN', 'CRIME']);

/** An event being coded: the trigger's coding, its actors, place and mood, and how they were found. */
export interface Draft {
  coding: Coding;
  k: number;
  end: number;
  sources: Actor[];
  targets: Actor[];
  place?: Phrase;
  mood: Mood;
  negated: boolean;
  how: string;
  /** the object is a thing owned by the target ("struggles with Western sanctions"), not the target itself */
  thingTarget?: boolean;
}

export interface MoodArgs {
  p: { k: number; coding: Coding };
  chain: Chain;
  base: Draft;
  sy: Syntax;
  lex: EventLexicon;
  subjectOf(v: number): Phrase | undefined;
  actorsOf(p: Phrase | undefined): Actor[];
  unless: boolean;
  absorbed: Set<number>;
  preds: { k: number; coding: Coding }[];
}

/** Is `word` among words[from, to)? (as words.slice(from, to).includes(word), without the slice) */
function hasWord(words: string[], word: string, from: number, to: number): boolean {
  for (let x = from; x < Math.min(to, words.length); x++) if (words[x] === word) return true;
  return false;
}

/** The CAMEO code of an intent, threat, refusal or demand about an act coded `cameo`. */
export function moodCode(lex: EventLexicon, type: MoodType, cameo: string): string {
  const table = lex.moodCodes[type];
  for (let n = cameo.length; n >= 2; n--) {
    const c = table[cameo.slice(0, n)];
    if (c) return c;
  }
  return table['00']!;
}

/** An appeal to others to act on Y expresses the appealer's stance on Y: support for cooperation, disapproval of hostility. */
export function stanceOf(type: string): { type: string; cameo: string } {
  return HOSTILE.has(type) || type === 'DISAPPROVE' || type === 'REJECT' || type === 'DEMAND' ? { type: 'DISAPPROVE', cameo: '111' } : { type: 'SUPPORT', cameo: '051' };
}

const CONTROL_ORDER: ControlClass[] = ['threaten', 'refuse', 'refuseAdj', 'commit', 'commitAdj', 'prepare', 'attempt'];

/** "… unless the Kremlin closes its base", "… if the United States goes ahead": the one the threat is aimed at. */
function conditionSubject(from: number, sy: Syntax, a: MoodArgs): Actor[] | undefined {
  const { words } = sy.cx;
  for (let j = from; j < sy.s.tokenEnd; j++) {
    if (words[j] !== 'if' && words[j] !== 'unless') continue;
    const p = sy.phrases.find((q) => q.start === j + 1);
    const actors = a.actorsOf(p);
    return actors.some((x) => x.entity) ? actors : undefined;
  }
  return undefined;
}

/** "… despite growing pressure from X", "in spite of calls by X": the one a refusal defies. */
function pressureFrom(from: number, sy: Syntax, a: MoodArgs): Actor[] | undefined {
  const { words } = sy.cx;
  for (let j = from; j < Math.min(sy.s.tokenEnd, from + 12); j++) {
    if (words[j] !== 'despite' && !(words[j] === 'spite' && words[j - 1] === 'in')) continue;
    for (let h = j + 1; h < Math.min(sy.s.tokenEnd, j + 6); h++) {
      if (words[h] !== 'from' && words[h] !== 'by') continue;
      const actors = a.actorsOf(sy.phrases.find((q) => q.start === h + 1));
      return actors.some((x) => x.entity) ? actors : undefined;
    }
    return undefined;
  }
  return undefined;
}

export function composeMood(a: MoodArgs): Draft[] {
  const { chain, base, sy, lex } = a;
  const words = sy.cx.words;
  const T = base.coding.type;
  const hostile = HOSTILE.has(T);
  // an "if" in the rest of the clause (with the token after it) or of the sentence
  const conditional = a.unless || hasWord(words, 'if', base.end, clauseEnd(base.end, sy) + 1) || hasWord(words, 'if', base.end, sy.s.tokenEnd);
  const intentDraft = (type: MoodType | 'MOBILIZE', k: number, sources: Actor[], targets: Actor[], mood: Mood, how: string): Draft => {
    const cameo = type === 'MOBILIZE' ? '154' : type === T ? base.coding.cameo : moodCode(lex, type, base.coding.cameo);
    return { ...base, coding: { cameo, type, rule: `${base.coding.rule}+${how}`, end: base.end }, k, sources, targets, mood, negated: false, how: 'governor' };
  };

  // 1. an infinitive under a control word: "threatened to ban", "is willing to withdraw", "urged X to impose"
  if (chain.infinitive) {
    const g = infinitiveGovernor(chain, sy);
    if (g) {
      const gw = words[g.gov]!;
      const classes = lex.control.get(gw) ?? [];
      const govPred = a.preds.find((q) => q.k === g.gov);
      if (g.object && (classes.includes('appeal') || /^(allow|allowed|allows|let|force|forced|invite|invited|encourage|encouraged)$/.test(gw))) {
        const out: Draft[] = [{ ...base, mood: classes.includes('appeal') ? 'demanded' : base.mood }];
        if (!classes.includes('appeal')) return out;
        const appealer = a.actorsOf(a.subjectOf(g.gov));
        if (base.targets.length && appealer.length) {
          const st = stanceOf(T);
          out.push({ ...base, coding: { ...st, rule: `${base.coding.rule}+appeal-stance`, end: base.end }, k: g.gov, sources: appealer, targets: base.targets, mood: 'asserted', negated: false, how: 'governor' });
        }
        if (!govPred) out.push(intentDraft('DEMAND', g.gov, appealer, a.actorsOf(g.object), 'asserted', 'appeal'));
        return out;
      }
      const govChain = chainBefore(g.gov, sy);
      const adjective = govChain.words.some((w) => /^(is|are|was|were|be|been|am|'s|'re)$/.test(w));
      let cls = CONTROL_ORDER.find((c) => classes.includes(c));
      if (cls === 'prepare' && adjective && classes.includes('commitAdj')) cls = 'commitAdj';
      if (cls === 'commitAdj' && !adjective && classes.includes('prepare')) cls = 'prepare';
      if (cls && cls !== 'attempt') {
        const sources = base.sources.length ? base.sources : a.actorsOf(a.subjectOf(g.gov));
        let targets = base.targets.length ? base.targets : objectsAfter(g.gov + 1, sy).targets.flatMap((q) => a.actorsOf(q));
        // "rejected a US offer to host …", "turned down Iran's request to …": the refusal is aimed at the one who offered
        const owners = cls === 'refuse' && g.object ? a.actorsOf(g.object).filter((x) => x.entity && x.start < g.object!.end - 1) : [];
        if (!targets.some((x) => x.entity) && (cls === 'threaten' || a.unless)) targets = conditionSubject(base.end, sy, a) ?? targets;
        // a refusal defies whoever presses for the act; the act itself keeps its own target
        const defied = !targets.some((x) => x.entity) && (cls === 'refuse' || cls === 'refuseAdj') ? pressureFrom(base.end, sy, a) : undefined;
        const when: Mood = a.unless || (conditional && cls !== 'refuse') ? 'conditional' : 'intended';
        let type: MoodType | 'MOBILIZE';
        if (cls === 'threaten') type = 'THREATEN';
        else if (cls === 'refuse' || cls === 'refuseAdj') type = 'REJECT';
        else if (cls === 'prepare') type = hostile ? 'MOBILIZE' : 'AGREE';
        else type = govChain.negated ? 'REJECT' : hostile || a.unless ? 'THREATEN' : T === 'REJECT' ? 'REJECT' : T === 'DEMAND' ? 'DEMAND' : 'AGREE';
        if (govPred) a.absorbed.add(govPred.k);
        const composed = intentDraft(type, g.gov, sources, owners.length ? owners : defied ?? targets, type === 'REJECT' ? 'asserted' : when, cls);
        // an uncoded act coded only by its governor ("agreed to allow …") is the governor's event alone
        if (base.coding.rule.startsWith('mood:governed')) return [{ ...composed, coding: { ...composed.coding, rule: base.coding.rule } }];
        const act: Draft = { ...base, sources, targets, mood: when, negated: type === 'REJECT' || base.negated };
        return [composed, act];
      }
    }
  }

  // 2. "X must V" (said by Y): Y demands of X
  if (chain.must) {
    let reporter: Actor[] = [];
    for (let j = chain.start - 1; j >= sy.s.tokenStart; j--) {
      if (lex.report.has(words[j]!) || words[j] === 'concluded' || words[j] === 'announced') { reporter = a.actorsOf(a.subjectOf(j)); break; }
    }
    return [intentDraft('DEMAND', base.k, reporter, base.sources, 'asserted', 'must'), { ...base, mood: 'demanded' }];
  }

  // 3. future and conditional: "will give" → AGREE, "would blockade" → THREATEN, "will not accept" → REJECT
  if (chain.future && base.coding.rule === 'mood:will-not') return [base];
  if (chain.future) {
    const type: MoodType = chain.negated ? 'REJECT' : hostile || a.unless ? 'THREATEN' : T === 'REJECT' ? 'REJECT' : T === 'DEMAND' ? 'DEMAND' : 'AGREE';
    const mood: Mood = conditional ? 'conditional' : 'future';
    if (type === 'THREATEN' && !base.targets.some((x) => x.entity)) base.targets = conditionSubject(base.end, sy, a) ?? base.targets;
    if (type === T && !chain.negated) return [{ ...base, mood }];
    return [intentDraft(type, base.k, base.sources, base.targets, type === 'REJECT' ? 'asserted' : mood, 'future'), { ...base, mood }];
  }

  // 4. "demanded that X V", "urging that X V", "its demand today that X V": X is asked to do it
  for (let j = chain.start - 1; j >= Math.max(sy.s.tokenStart, chain.start - 12); j--) {
    if (words[j] !== 'that') continue;
    for (let h = j - 1; h >= Math.max(sy.s.tokenStart, j - 3); h--) {
      const classes = lex.control.get(words[h]!) ?? [];
      if (classes.includes('appeal') || DEMAND_NOUNS.has(words[h]!)) return [{ ...base, mood: 'demanded' }];
      if (!sy.cx.inTime.has(h) && !(/^(on|last|this|earlier)$/.test(words[h]!) && sy.cx.inTime.has(h + 1))) break;
    }
    break;
  }
  // 5. "… unless Baghdad accepted its conditions", "if Hamas wins": an act in a condition is not asserted
  for (let j = chain.start - 1; j >= Math.max(sy.s.tokenStart, chain.start - 10); j--) {
    const w = words[j]!;
    if (w === 'unless' || w === 'if') return [{ ...base, mood: 'conditional' }];
    if (w === ',' || w === ';' || w === 'that' || w === 'and' || w === 'but' || w === 'which' || w === 'who' || sy.cx.tokens[j]!.pos === 'VERB') break;
  }
  // 6. a purpose clause: "resigned to allow elections", "opened the bridge to allow deliveries" — the act
  // is what the main act is for, not yet done (a demand or protest made by the main act is made)
  // ("tried to hack", "attempted to assassinate" are the act; "a delegation to visit", "an offer to host": a
  // noun governs, left as it was)
  if (chain.infinitive && T !== 'DEMAND' && T !== 'PROTEST' && T !== 'DISAPPROVE') {
    const g = infinitiveGovernor(chain, sy);
    const gov = g ? sy.cx.tokens[g.gov]! : undefined;
    const attempt = !!g && (lex.control.get(words[g.gov]!) ?? []).includes('attempt');
    const nounGoverned = !!gov && gov.pos === 'NOUN' && !sy.cx.coveredBy[g!.gov] && !sy.cx.inTime.has(g!.gov) && !g!.object;
    if (!attempt && !nounGoverned) return [{ ...base, mood: 'intended' }];
  }
  return [base];
}

/** Nouns that make a "that" clause after them a demand ("its demand that Israel ease …"). */
const DEMAND_NOUNS = new Set(['demand', 'demands', 'call', 'calls', 'appeal', 'appeals', 'request', 'insistence', 'ultimatum']);
