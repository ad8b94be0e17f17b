/**
 * Events: who did what to whom, where and when, coded in PLOVER with a CAMEO code.
 *
 * 1. Triggers: verbs coded by the hand lexicon and the compiled CAMEO verb dictionary (code.ts),
 *    nouns by the hand lexicon ("invasion", "hunger strike").
 * 2. Actors: noun phrases built from entity mentions and head nouns (actors.ts), placed as
 *    subject, object or agent by a small subject–verb–object finder (syntax.ts).
 * 3. Mood, from PLOVER's definitions (mood.ts): "promised to", "will" → AGREE (or THREATEN for
 *    a hostile act); "threatened to", "unless" → THREATEN; "refused to", "will not" → REJECT;
 *    "urged X to", "must" → DEMAND; "did not" → negated.
 * Each event records in `rule` which lexicon coded it and which structure rule placed its actors.
 */
import type { ActorRef, EntityRecord, EventRecord, NewsDoc, Sentence, Stage, Token } from '../../doc/types.js';
import { tokenAt, tokenSpan } from '../../doc/span.js';
import { actorContext, coordinated, findPhrases, isCity, type Actor, type ActorContext, type Phrase } from './actors.js';
import { codeNoun, codeTwoWordNoun, codeVerb, type Coding } from './code.js';
import { eventLexicon, type ControlClass, type EventLexicon } from './lexicon.js';
import { composeMood, type Draft } from './mood.js';
import { ATTRIBUTIVE_LEAD, BLAME_VERB, BLAME_VERBS, CAMEO_FORM, CAMEO_LEAD, EVENT_NOUN, FUTURE, GERUND_LEAD, GOVERNING, HAVE_BE_FORM, MUST, NOT_VERB, NOUN_LEAD, REPORT, VERB_RULE, fillWordClasses } from './word-class.js';
import { chainBefore, clauseEnd, infinitiveGovernor, objectsAfter, PLACE_PREPS, previousVerb, subjectBefore, type Chain, type Syntax } from './syntax.js';

export type { Mood } from './mood.js';
export type { ActorRef } from '../../doc/types.js';

/** The stage's event: the contract's Event plus mood and every actor where the text names several. */
export type CodedEvent = EventRecord;

/** Verbs that carry an event noun: "launched an attack", "staged demonstrations", "lodged a protest". */
const SUPPORT_VERBS = new Set(['launch', 'launched', 'launches', 'carry', 'carried', 'carries', 'conduct', 'conducted', 'conducts', 'stage', 'staged', 'stages', 'mount', 'mounted', 'begin', 'began', 'begun', 'start', 'started', 'make', 'made', 'hold', 'held', 'holds', 'pay', 'paid', 'pays', 'increase', 'increased', 'provide', 'provided', 'send', 'sent', 'deliver', 'delivered', 'announce', 'announced', 'announces', 'order', 'ordered', 'step', 'stepped', 'resume', 'resumed', 'continue', 'continued', 'continuing', 'host', 'hosted', 'lodge', 'lodged', 'issue', 'issued', 'reiterate', 'reiterated', 'renew', 'renewed', 'open', 'opened', 'declare', 'declared', 'stage', 'organize', 'organized', 'organise', 'organised', 'call', 'called', 'end', 'ended', 'complete', 'completed', 'press', 'pressed']);
/** Heads of a measure before "of" ("a series of raids", "10 days of war games"). */
const MEASURES = new Set(['series', 'wave', 'waves', 'round', 'rounds', 'spate', 'string', 'day', 'days', 'week', 'weeks', 'month', 'months', 'hours', 'number', 'dozens', 'hundreds', 'thousands', 'campaign', 'week-long', 'weeks-long']);
const DRILLS = new Set(['games', 'exercises', 'drills', 'maneuvers', 'manoeuvres']);


interface Pred { k: number; coding: Coding; asVerb: boolean; chain?: Chain }

export function findEvents(doc: NewsDoc): CodedEvent[] {
  const lex = eventLexicon();
  const cx = actorContext(doc, lex);
  const out: CodedEvent[] = [];
  // (pushed one by one: spreading each sentence's list into push costs more than the loop)
  for (const s of doc.sentences) {
    // (a sentence short enough is its own window: no list made for it)
    if (s.tokenEnd - s.tokenStart <= MAX_WINDOW) for (const e of sentenceEvents(doc, s, cx, lex)) out.push(e);
    else for (const w of windows(doc, s)) for (const e of sentenceEvents(doc, w, cx, lex)) out.push(e);
  }
  return out;
}

/**
 * The rules below scan their sentence for every trigger, so a "sentence" of thousands of tokens
 * (a table or list without full stops, or hostile input) would cost its length squared. Such a
 * run is cut into windows of at most this many tokens, after a semicolon or comma where it can be.
 */
const MAX_WINDOW = 150;

function windows(doc: NewsDoc, s: Sentence): Sentence[] {
  if (s.tokenEnd - s.tokenStart <= MAX_WINDOW) return [s];
  const { tokens, text } = doc;
  const out: Sentence[] = [];
  for (let from = s.tokenStart; from < s.tokenEnd;) {
    let to = Math.min(s.tokenEnd, from + MAX_WINDOW);
    if (to < s.tokenEnd) {
      for (let j = to - 1; j > from + MAX_WINDOW / 2; j--) if (tokens[j]!.text === ';' || tokens[j]!.text === ',') { to = j + 1; break; }
    }
    const start = tokens[from]!.start;
    const end = tokens[to - 1]!.end;
    out.push({ ...s, start, end, text: text.slice(start, end), tokenStart: from, tokenEnd: to });
    from = to;
  }
  return out;
}

/** (a Map: looked up by varying class names, an object's keyed access made the optimised trigger loop bail out) */
const GOVERNED_CODES = new Map<ControlClass, { type: string; cameo: string }>([
  ['commit', { type: 'AGREE', cameo: '030' }], ['commitAdj', { type: 'AGREE', cameo: '030' }],
  ['refuse', { type: 'REJECT', cameo: '120' }], ['refuseAdj', { type: 'REJECT', cameo: '120' }],
  ['threaten', { type: 'THREATEN', cameo: '130' }],
]);

/** Is there a word of a governing class from the token before the sentence up to the chain's "to" (as infinitiveGovernor finds it)? */
function governingWordBefore(chain: Chain, sy: Syntax): boolean {
  const { words, wordClass } = sy.cx;
  let to = chain.start;
  while (to < sy.s.tokenEnd && words[to] !== 'to') to++;
  for (let x = Math.max(0, sy.s.tokenStart - 1); x < to; x++) if ((wordClass[x]! & GOVERNING) !== 0) return true;
  return false;
}

/** The governor's own event for an uncoded act under "agreed to", "refused to", "threatened to", "committed to". */
function governedAct(k: number, chain: Chain | undefined, sy: Syntax, lex: EventLexicon): Coding | undefined {
  const { words, tokens } = sy.cx;
  let gov: number | undefined;
  if (chain?.infinitive) {
    // the governor lies before the "to" (at most one token before the sentence): without a governing
    // word there, no need to find it (nor to build the sentence's phrases for it)
    if (!governingWordBefore(chain, sy)) return undefined;
    const g = infinitiveGovernor(chain, sy);
    if (g && !g.object) gov = g.gov;
  } else if (k >= 2 && words[k - 1] === 'to' && words[k]!.endsWith('ing') && words[k - 2] === 'committed') gov = k - 2; // "committed to opening up" (k >= 2: no negative index)
  if (gov === undefined || (tokens[gov]!.pos !== 'VERB' && tokens[gov]!.pos !== 'ADJ' && tokens[gov]!.pos !== 'AUX')) return undefined;
  const cls = (lex.control.get(words[gov]!) ?? []).find((c) => GOVERNED_CODES.has(c));
  if (!cls) return undefined;
  // "plans to", "intends to", "offered to": a plan is not yet a commitment between actors
  if (/^(plan|plans|planned|planning|intend|intends|intended|offer|offers|offered|offering|set|ready|prepared|eager|determined)$/.test(words[gov]!)) return undefined;
  if (chainBefore(gov, sy).negated) return undefined;
  const c = GOVERNED_CODES.get(cls)!;
  return { cameo: c.cameo, type: c.type, rule: `mood:governed-${cls}`, end: k + 1 };
}

const NOMINAL_POS = new Set(['NOUN', 'PROPN', 'ADJ']);

/**
 * Is token k a verb here, whatever the tagger said? (Bits of the words' classes rather than sets or
 * regular expressions, and each test only as far as needed: this runs for every token of every sentence.)
 */
function isVerbHere(k: number, tokens: Token[], words: string[], classes: Int32Array): boolean {
  const t = tokens[k]!;
  // a punctuation mark is no verb, whatever a lexicon pattern holds ("does not, and never will, accept": the comma)
  if (t.kind !== 'word') return false;
  const lower = t.lower;
  const own = classes[k]!;
  // (k > 0: a negative index is a named-property look-up that makes the access generic for every token)
  const prev = k > 0 ? words[k - 1]! : '';
  const before = k > 0 ? classes[k - 1]! : 0;
  const prevAux = k > 0 && tokens[k - 1]!.pos === 'AUX';
  // a verb form either lexicon knows, not a name
  const knownVerb = t.pos !== 'PROPN' && (own & (VERB_RULE | CAMEO_FORM)) !== 0;
  const verbal =
    t.pos === 'VERB' ||
    // "after meeting Zelensky": a gerund before a name is a verb whatever the tagger said
    (lower.endsWith('ing') && (own & VERB_RULE) !== 0 && /^[A-Z]/.test(tokens[k + 1]?.text ?? '') && (before & GERUND_LEAD) !== 0) ||
    // "will close", "to resume": after a modal or "to", a known verb form is a verb whatever its tag
    (((before & (FUTURE | MUST)) !== 0 || (prev === 'to' && tokens[k - 1]!.pos === 'PART')) && knownVerb) ||
    // "have retaken", "was overrun": after a form of have or be, a participle the lexicons know is a verb whatever its tag
    (prevAux && (before & HAVE_BE_FORM) !== 0 && /(ed|en|wn|ne|un)$/.test(lower) && knownVerb) ||
    (prevAux && lower.endsWith('ed') && t.pos !== 'NOUN');
  if (!verbal || (own & NOT_VERB) !== 0) return false;
  // "were exchanges between …", "are talks": after a form of be, a word in -s is a plural noun
  if (prevAux && /^(is|are|was|were|be|been)$/.test(prev) && lower.endsWith('s') && !lower.endsWith('ss')) return false;
  // "the occupied West Bank", "of suspected terrorist X": a participle between a determiner or preposition and its noun modifies it
  const attributive = (before & ATTRIBUTIVE_LEAD) !== 0 && (lower.endsWith('ed') || lower.endsWith('en')) && NOMINAL_POS.has(tokens[k + 1]?.pos ?? '');
  return !attributive;
}

/** A sentence's syntax whose phrases are found on first use: a sentence without a trigger needs none. */
class SentenceSyntax implements Syntax {
  private found: Phrase[] | undefined;
  private subjectMemo: Map<number, Phrase | undefined> | undefined;
  constructor(readonly s: Sentence, readonly cx: ActorContext) {}
  get phrases(): Phrase[] {
    return (this.found ??= findPhrases(this.s, this.cx));
  }
  get subjects(): Map<number, Phrase | undefined> {
    return (this.subjectMemo ??= new Map());
  }
}

/** The result of a sentence without events (read, never written). */
const NO_EVENTS: CodedEvent[] = [];

/** Is there a word in s (after its first) that blameDrafts starts from? */
function hasBlameVerb(s: Sentence, classes: Int32Array): boolean {
  for (let j = s.tokenStart + 1; j < s.tokenEnd; j++) if ((classes[j]! & BLAME_VERB) !== 0) return true;
  return false;
}

/**
 * Does a mention cover a token of s, or the token before it? Every event names an entity (see emit),
 * and every entity actor comes from a mention in the sentence's phrases, or for "X-provoked" in
 * blameDrafts from the mention two tokens before the verb (the token before the sentence at most).
 */
function mentionIn(s: Sentence, cx: ActorContext): boolean {
  for (let j = Math.max(0, s.tokenStart - 1); j < s.tokenEnd; j++) if (cx.coveredBy[j]) return true;
  return false;
}

function sentenceEvents(doc: NewsDoc, s: Sentence, cx: ActorContext, lex: EventLexicon): CodedEvent[] {
  // a sentence that names no one yields no event
  if (!mentionIn(s, cx)) return NO_EVENTS;
  const { tokens, words } = cx;
  // the rules read the classes of the sentence's words and of the word before it
  fillWordClasses(cx.wordClass, words, Math.max(0, s.tokenStart - 1), s.tokenEnd, lex);
  const sy: Syntax = new SentenceSyntax(s, cx);
  // ---- 1. triggers
  const preds = findTriggers(sy, lex);
  // a sentence without a trigger yields an event only from a blame verb ("caused by X"): most sentences stop here
  const blameVerb = hasBlameVerb(s, cx.wordClass);
  if (!preds.length && !blameVerb) return NO_EVENTS;
  // every event names an entity, and every entity actor comes from a phrase of the sentence (or for
  // blame from a mention by a hyphen): phrases naming none yield no event (the drafts would build them anyway)
  if (!blameVerb && !sy.phrases.some((p) => namesEntity(p.actors))) return NO_EVENTS;

  // ---- 2. subjects and objects
  const subjectMemo = new Map<number, Phrase | undefined>();
  /** The subject phrase of the verb at v (through infinitives, coordination, participles). */
  const subjectOf = (v: number, depth = 0): Phrase | undefined => {
    if (subjectMemo.has(v)) return subjectMemo.get(v);
    if (depth > 4) return undefined;
    subjectMemo.set(v, undefined);
    const chain = chainBefore(v, sy);
    let subj: Phrase | undefined;
    if (chain.infinitive) {
      const g = infinitiveGovernor(chain, sy);
      if (g?.object && isObjectControl(words[g.gov]!, lex)) subj = g.object;
      else if (g?.forSubject) subj = g.forSubject;
      else if (g && (tokens[g.gov]!.pos === 'VERB' || tokens[g.gov]!.pos === 'AUX')) subj = subjectOf(g.gov, depth + 1);
      else if (g && lex.control.has(words[g.gov]!)) subj = subjectOf(predicateOf(g.gov, sy) ?? g.gov, depth + 1);
      else {
        // a purpose clause ("began a hunger strike to demand …"): the main verb's subject acts
        const pv = previousVerb(chain.start, sy);
        if (pv !== undefined) subj = subjectOf(pv, depth + 1);
      }
    } else {
      subj = subjectBefore(chain.start, sy);
      // "issued a declaration demanding …": a participle after a thing belongs to the clause's subject
      if (subj && !subj.actors.length && subj.kind === 'thing' && words[v]!.endsWith('ing') && subj.end === chain.start) subj = undefined;
      if (!subj) {
        const prevWord = words[chain.start - 1] ?? '';
        const participle = words[v]!.endsWith('ing') || prevWord === ',' || prevWord === 'and' || prevWord === 'or' || prevWord === 'but';
        // ", after meeting X": an adverbial participle after a comma belongs to the main clause
        const adverbial = words[v]!.endsWith('ing') && (prevWord === ',' || (/^(after|before|while|when|since|upon|without)$/.test(prevWord) && words[chain.start - 2] === ','));
        const pv = adverbial ? firstVerb(sy) : participle ? previousVerb(chain.start, sy) : undefined;
        if (pv !== undefined && pv !== v) subj = subjectOf(pv, depth + 1);
      }
    }
    if (subj && (subj.kind === 'pronoun' || subj.ownerPronoun) && !subj.actors.some((a) => a.entity)) subj = resolvePronoun(subj, depth);
    subjectMemo.set(v, subj);
    return subj;
  };
  /** "it", "they", "their forces": the subject of the verb before (usually the one who says). */
  const resolvePronoun = (p: Phrase, depth: number): Phrase | undefined => {
    let at = p.start;
    for (let tries = 0; tries < 3; tries++) {
      const pv = previousVerb(at, sy);
      if (pv === undefined) return p.kind === 'pronoun' ? undefined : p;
      const antecedent = subjectOf(pv, depth + 1);
      if (antecedent && antecedent.actors.length && antecedent.kind !== 'pronoun') {
        if (!p.ownerPronoun) return antecedent;
        // "their forces": the antecedent's actors with the head's sector
        return { ...p, ownerPronoun: false, actors: antecedent.actors.map((a) => ({ ...a, ...(p.sector ? { sector: p.sector } : {}), start: p.start, end: p.end })) };
      }
      at = pv;
    }
    return p.kind === 'pronoun' ? undefined : p;
  };
  const actorsOf = (p: Phrase | undefined): Actor[] => {
    if (!p) return [];
    const { phrases } = sy;
    const i = phrases.indexOf(p);
    const group = i >= 0 ? coordinated(phrases, i, words) : [p];
    const list = group.flatMap((q) => ((q.kind === 'pronoun' || q.ownerPronoun) && !q.actors.some((x) => x.entity) ? (resolvePronoun(q, 0)?.actors ?? []) : q.actors));
    return list;
  };

  const drafts: Draft[] = [];
  const absorbed = new Set<number>();
  // the sentence's last "unless", found once rather than by a scan of the rest of the sentence per trigger
  let lastUnless = -1;
  for (let j = s.tokenEnd - 1; j >= s.tokenStart; j--) if (words[j] === 'unless') { lastUnless = j; break; }
  const sentenceHasUnless = (from: number) => lastUnless >= from;
  for (const p of preds) {
    const { coding } = p;
    if (!p.asVerb || !p.chain) {
      const d = nounDraft(p, sy, subjectOf, actorsOf);
      if (d) drafts.push(d);
      continue;
    }
    const chain = p.chain;
    const base = verbDraft(p, chain, sy, lex, subjectOf, actorsOf, resolvePronoun);
    // mood: a governing verb or adjective, a modal, "must", "unless"
    const composed = composeMood({ p, chain, base, sy, lex, subjectOf, actorsOf, unless: sentenceHasUnless(coding.end), absorbed, preds });
    drafts.push(...composed);
  }

  // "X stated that the crisis was caused by a Western-provoked coup": X accuses the West (CAMEO 112)
  drafts.push(...blameDrafts(sy, subjectOf, actorsOf));

  // "called for a ceasefire", "urged talks", "the plan calls for a withdrawal": an act named as what
  // is asked for has not happened
  for (const d of drafts) if (d.how.startsWith('noun') && d.mood === 'asserted' && askedFor(d.k, s.tokenStart, words, tokens)) d.mood = 'demanded';

  // a protest is aimed at whom its demand is made of ("went on hunger strike to demand … of X")
  for (const d of drafts) {
    if (d.coding.type !== 'PROTEST' || d.targets.some((a) => a.entity)) continue;
    const demand = drafts.find((x) => x.coding.type === 'DEMAND' && x.k > d.k && x.targets.some((a) => a.entity));
    if (demand) { d.targets = demand.targets; d.how += '+demand-target'; }
  }

  // ---- 3. events
  const out: CodedEvent[] = [];
  const seen = new Set<string>();
  for (const d of drafts) {
    if (absorbed.has(d.k) && d.how !== 'governor') continue;
    for (const e of emit(doc, s, d, sy, seen)) out.push(e);
  }
  return out;
}

/** The sentence's triggers in order: each verb or noun coded, with its verb chain (a trigger's words are skipped after it). */
function findTriggers(sy: Syntax, lex: EventLexicon): Pred[] {
  const { s, cx } = sy;
  const { tokens, words, wordClass: classes } = cx;
  const objectBefore = (k: number) => (objects: string[]) => {
    for (let j = k - 1; j >= s.tokenStart && j >= k - 5; j--) if (objects.includes(words[j]!) && words.slice(j + 1, k).includes('that')) return true;
    return false;
  };
  const preds: Pred[] = [];
  for (let k = s.tokenStart; k < s.tokenEnd; k++) {
    // inside a mention (other than a nationality) no trigger
    const m = cx.coveredBy[k];
    if (m && m.entity.type !== 'NORP') continue;
    const t = tokens[k]!;
    // "set March 26 as the record date": the month, not a march (a sentence may open with the verb)
    if (t.text === 'March' && k > s.tokenStart) continue;
    if (inAnotherSense(k, s, words)) continue;
    const asVerb = isVerbHere(k, tokens, words, classes);
    const own = classes[k]!;
    let coding: Coding | undefined;
    // reporting verbs ("said", "added") report; what they report is coded, not the saying
    // (a word in neither lexicon codes nothing: no look-ups for it)
    if (asVerb && !((own & REPORT) !== 0 && (own & VERB_RULE) === 0)) coding = (own & (VERB_RULE | CAMEO_FORM | CAMEO_LEAD)) !== 0 ? codeVerb(words, k, s.tokenStart, s.tokenEnd, lex, objectBefore(k), own) : undefined;
    else if (t.pos === 'NOUN' || t.pos === 'PROPN') coding = (own & (EVENT_NOUN | NOUN_LEAD)) !== 0 ? codeNoun(words, k) : undefined;
    // two-word event nouns whatever wink made of the first word ("hunger strike", "war games")
    if ((!coding || coding.end === k + 1) && (own & NOUN_LEAD) !== 0) coding = codeTwoWordNoun(words, k) ?? coding;
    // "received a mandate from Industrial Equity", "received an order": getting a thing, no hosting of a guest
    if (coding && coding.cameo === '043' && RECEIVE_FORMS.has(words[k]!) && !guestAfter(k + 1, cx)) coding = undefined;
    // "called Clinton a “champion”": naming someone, no call made to them nor appeal (what the name
    // says may still code: "calling him an old friend" praises)
    if (coding && CALL_FORMS.has(words[k]!) && (coding.type === 'CONSULT' || coding.type === 'DEMAND') && namesAfter(k + 1, s.tokenEnd, cx)) coding = undefined;
    // "received aid", "welcomed the sanctions": the act is the noun's (coded there, its receiver the target), not a hosting
    if (coding && asVerb && RECEIVING_VERBS.has(words[k]!) && eventObject(k, tokens, classes)) coding = undefined;
    const chain = asVerb ? chainBefore(k, sy) : undefined;
    // "the plan calls for Israel to withdraw", "the resolution calls for a ceasefire": a document's
    // provision, no one's demand (the demanded act is still coded, as demanded)
    if (coding && coding.type === 'DEMAND' && asVerb && CALL_FORMS.has(words[k]!) && words[k + 1] === 'for') {
      const subject = chain ? subjectBefore(chain.start, sy) : undefined;
      if (subject && !subject.actors.length && DOCUMENTS.has(words[subject.end - 1]!)) coding = undefined;
    }
    // "declined to comment", "would not comment on the rumours": declining comment is a statement
    // (CAMEO 011), no refusal of anyone's demand, and PLOVER has no event for it
    if (!coding && COMMENT_VERBS.has(words[k]!)) continue;
    if (coding?.type === 'REJECT' && words[k + 1] === 'to' && COMMENT_VERBS.has(words[k + 2] ?? '')) continue;
    // "X must allocate resources": a demand on X whatever the act
    if (!coding && chain?.must && !chain.negated) coding = { cameo: '100', type: 'DEMAND', rule: 'mood:must', end: k + 1 };
    // "will not accept", "won't attend": a refusal whatever the act
    if (!coding && chain?.future && chain.negated) coding = { cameo: '120', type: 'REJECT', rule: 'mood:will-not', end: k + 1 };
    // "agreed to allow …", "refused to resign", "is committed to opening up …": a commitment, refusal or
    // threat whatever the act ("agreed" is an AGREE even when what was agreed is no coded event)
    if (!coding && asVerb) coding = governedAct(k, chain, sy, lex);
    if (!coding) continue;
    preds.push({ k, coding, asVerb, ...(chain ? { chain } : {}) });
    k = coding.end - 1;
  }
  return preds;
}

/** A verb trigger's draft before its mood: its subject, objects, place and how they were found. */
function verbDraft(p: Pred, chain: Chain, sy: Syntax, lex: EventLexicon, subjectOf: (v: number) => Phrase | undefined, actorsOf: (p: Phrase | undefined) => Actor[], resolvePronoun: (p: Phrase, depth: number) => Phrase | undefined): Draft {
  const { cx } = sy;
  const { words } = cx;
  const { k, coding } = p;
  // objects from the word after the verb: "give Tanzania a grant" names the receiver before the thing
  const obj = objectsAfter(k + 1, sy);
  let sources = actorsOf(subjectOf(k));
  // "what Beijing considers US tactics", "what Moscow calls a special operation": the object is the
  // fronted "what"; the phrase after the verb describes it and is no target
  const subj = chain.passive || chain.infinitive ? undefined : subjectBefore(chain.start, sy);
  // ("what" may be tagged a determiner and open the subject phrase itself)
  const frontedObject = !!subj && (/^(what|whatever)$/.test(words[subj.start - 1] ?? '') || /^(what|whatever)$/.test(words[subj.start] ?? ''));
  let targets = frontedObject ? [] : obj.targets.flatMap((q) => actorsOf(q));
  // "demanded an admission by Moscow": after an active verb, "by X" belongs to the object noun
  // (an object that is the subject again, "Serbian police … against Serb civilians", is no target)
  const others = targets.filter((t) => !t.entity || !sources.some((x) => x.entity === t.entity));
  if (!others.length && obj.agent && !chain.passive) targets = actorsOf(obj.agent);
  // "launched an investigation into crimes committed by X against Y": an inquiry is aimed at the accused
  else if (coding.type === 'INVESTIGATE' && obj.agent && !chain.passive && obj.agent.actors.some((x) => x.entity)) targets = actorsOf(obj.agent);
  // "summoned the ambassador to complain": a purpose clause is aimed at the main verb's object
  const governor = chain.infinitive ? infinitiveGovernor(chain, sy) : undefined;
  if (!targets.length && governor?.object && !isObjectControl(words[governor.gov]!, lex)) targets = actorsOf(governor.object);
  // "demanded that the US cancel …": the one the demand is made of is the subject after "that"
  if (!targets.length && coding.type === 'DEMAND') targets = actorsOf(subjectAfterThat(coding.end, sy));
  let how = 'svo';
  if (chain.passive) {
    const patient = subjectBefore(chain.start, sy);
    targets = actorsOf(patient && (patient.kind === 'pronoun' || patient.ownerPronoun) ? resolvePronoun(patient, 0) : patient);
    // "a camp for Congolese refugees was attacked": a place or thing stands for those it is for or of
    if (patient && !targets.some((a) => a.entity)) {
      const next = sy.phrases.find((q) => q.start === patient.end + 1 && q.end <= chain.start && /^(for|of)$/.test(words[patient.end]!));
      if (next) targets = actorsOf(next);
    }
    sources = actorsOf(obj.agent);
    how = 'passive';
    // an arrest or an inquiry "in Lebanon" with no agent is the work of that country's authorities
    if (!sources.length && obj.place && /^(COERCE|INVESTIGATE)$/.test(coding.type)) { sources = countryOf(obj.place, cx); how = 'passive+place-agent'; }
  }
  // "a roadside bombing near Samarra killed …": an unknown attacker is coded by where it struck
  if (!sources.length && !chain.passive && /^(ASSAULT|COERCE)$/.test(coding.type)) {
    const subj = subjectBefore(chain.start, sy);
    const at = subj && !subj.actors.length ? sy.phrases.find((q) => q.start > subj.end && q.end <= chain.start && /^(near|in|at|outside)$/.test(words[q.start - 1] ?? '') || (q.start > subj.end && q.end <= chain.start && words[q.start - 1] === 'of' && /^(town|city|village|province|region)$/.test(words[q.start - 2] ?? ''))) : undefined;
    const located = at ? sy.phrases.filter((q) => q.start >= at.start && q.end <= chain.start).find((q) => q.actors.some((a) => a.entity && (a.entity.type === 'GPE' || a.entity.type === 'LOC'))) : undefined;
    if (located) { sources = countryOf(located, cx).length ? located.actors.filter((a) => a.entity) : []; how = 'svo+place-source'; }
  }
  // the object is itself an event ("struggles with Western sanctions"): its owner is no target of the
  // verb (for weak codes, see emit); nor is one named after a thing the verb acts on ("removing the sanctions on Burma",
  // "hammer out a framework for peace between X and Y"), unless as its receiver ("provide arms to X")
  const firstTarget = obj.targets[0];
  const thingFirst = firstTarget !== undefined && sy.phrases.some((q) => q.start > k && q.end <= firstTarget.start && q.start <= k + 3 && q.kind === 'thing' && !q.actors.length && !/^(to|in|at|on|with|for|from|by|of|into|against)$/.test(words[q.start - 1] ?? '') && !sy.cx.inTime.has(q.start)) && words[firstTarget.start - 1] !== 'to';
  const thingTarget = !chain.passive && obj.targets.length > 0 && (obj.targets.every((q) => q.kind === 'thing' && !!codeNoun(words, q.end - 1)) || thingFirst);
  // "X must allocate resources" is a demand on X; when no actor must ("any review must include records
  // from Y"), it is a statement of need, no demand on Y
  if (coding.rule === 'mood:must' && !sources.some((a) => a.entity) && !chain.passive) { sources = []; targets = []; }
  const base: Draft = { coding, k, end: coding.end, sources, targets, ...(obj.place ? { place: obj.place } : {}), mood: 'asserted', negated: chain.negated || !!governor?.denied, how, ...(thingTarget ? { thingTarget } : {}) };
  return base;
}

/** "Russia's invasion of Ukraine", "staged demonstrations", "a meeting between X and Y". */
function nounDraft(p: Pred, sy: Syntax, subjectOf: (v: number) => Phrase | undefined, actorsOf: (p: Phrase | undefined) => Actor[]): Draft | undefined {
  const { words, tokens } = sy.cx;
  const { k, coding } = p;
  const own = sy.phrases.find((q) => q.start <= k && k < q.end);
  let sources: Actor[] = [];
  let how = 'noun';
  let negated = false;
  let receivedBy: Actor[] = [];
  if (own && own.actors.length) {
    const before = own.actors.filter((a) => a.entity && a.start < k);
    if (before.length) { sources = before; how = 'noun+owner'; }
  }
  if (!sources.length) {
    // the verb whose object the noun is: "launched an attack", "staged mass demonstrations"
    let ps = own ? own.start : k;
    // "launched 10 days of war games", "carried out a series of raids": the verb's object is the measure
    for (let guard = 0; guard < 2 && sy.cx.words[ps - 1] === 'of'; guard++) {
      if (sy.cx.inTime.has(ps - 2)) {
        // a duration ("10 days of"): no phrase, the time expression itself
        ps -= 2;
        while (ps - 1 >= sy.s.tokenStart && sy.cx.inTime.has(ps - 1)) ps--;
        continue;
      }
      const measure = sy.phrases.find((q) => q.end === ps - 1);
      const head = measure ? words[measure.end - 1]! : '';
      const isMeasure = !!measure && (measure.actors.length === 0) && (sy.cx.inTime.has(measure.end - 1) || MEASURES.has(head) || tokens[measure.start]!.pos === 'NUM');
      if (!measure || !isMeasure) break;
      ps = measure.start;
    }
    let v = ps - 1;
    while (v >= sy.s.tokenStart && (tokens[v]!.pos === 'ADV' || tokens[v]!.pos === 'PART' && words[v] !== 'to')) v--;
    // the verb that takes the noun, if the sentence has one before it
    const receiver = v < sy.s.tokenStart ? -1 : RECEIVING_VERBS.has(words[v]!) ? v : words[v] === 'under' && COME.has(words[v - 1] ?? '') ? v - 1 : -1;
    if (receiver >= 0) {
      // "Republicans faced criticism", "Iran came under sanctions": who faces an act is its target
      receivedBy = actorsOf(subjectOf(receiver));
      how = 'noun+received';
      negated = chainBefore(receiver, sy).negated;
    } else if (v >= sy.s.tokenStart && STANCE_VERBS.has(words[v]!)) {
      // "France condemned the attack on the embassy", "Germany opposed the sanctions": a stance toward someone else's act
      how = 'noun+stance';
    } else if (v >= sy.s.tokenStart && (tokens[v]!.pos === 'VERB' || SUPPORT_VERBS.has(words[v]!)) && (!SAYING_VERBS.has(words[v]!) || SPEAKERS_TAKE_PART.has(coding.type))) {
      // (not a verb of saying: "Lynch said the nonstop demands …", "the US said the island's tariffs …"
      // are no act of the speaker's, though talks and inquiries a speaker reports on are usually theirs:
      // "Seibel said the negotiations were proceeding well"; a verb of announcing is: "reiterated its demand")
      sources = actorsOf(subjectOf(v));
      how = 'noun+verb';
      // "not to make a formal endorsement", "did not launch an attack": the verb's negation is the act's
      negated = chainBefore(v, sy).negated;
    }
  }
  // "the lack of cooperation", "an absence of talks", "no sanctions": an act that did not happen
  {
    const ps = own ? own.start : k;
    if (/^(lack|absence)$/.test(words[ps - 2] ?? '') && words[ps - 1] === 'of') negated = true;
    if (words[ps] === 'no' || words[k - 1] === 'no') negated = true;
  }
  let targets: Actor[] = [];
  let place: Phrase | undefined;
  if (words[coding.end] === 'between') {
    const pair = sy.phrases.filter((q) => q.start > coding.end && q.start < clauseEnd(coding.end, sy) && q.actors.some((a) => a.entity));
    // "exchanges between Carter and Fanning": the pair are the parties, whoever took up the noun ("the emails it received were …")
    if (pair.length >= 2 && how !== 'noun+owner') { sources = pair[0]!.actors; targets = pair[1]!.actors; how = 'noun+between'; }
    place = objectsAfter(coding.end, sy, true).place;
  } else {
    const o = objectsAfter(coding.end, sy, true);
    const first = o.targets[0];
    const prep = first ? words[first.start - 1] : '';
    // the preposition must belong to the noun: "sanctions on X", "sanctions imposed on X", "talks on Tuesday with X",
    // not "sanctions imposed due to the attack on X"
    const gap = first ? words.slice(coding.end, first.start - 1) : [];
    // ("suspension of air links with Serbia" keeps its target; a cause, another kind of event or a verb in between takes it:
    // "the attacks in Libya must include records from the Secretary of State")
    const ownPrep = !gap.some((w, x) => /^(due|because|after|before|following|over|amid|since)$/.test(w) || (codeNoun(words, coding.end + x)?.type ?? coding.type) !== coding.type || clauseVerbAt(coding.end + x, tokens));
    // "cooperation from the State Department", "criticism from Democrats", "a threat from Iran": who it comes from acts
    // (a withdrawal from a place is aimed at it)
    // (right after the noun: "tariffs on goods from China" are aimed at China)
    if (first && ownPrep && !gap.length && (prep === 'from' && coding.type !== 'RETREAT' || prep === 'of' && receivedBy.length) && !sources.length) {
      // "received the endorsement of X", "faced the wrath of X": after a receiving verb, "of X" gives too
      sources = o.targets.flatMap((q) => actorsOf(q));
      how += `+${prep}`;
    }
    else if (first && ownPrep && (prep === 'of' || prep === 'on' || prep === 'against' || prep === 'to' || prep === 'with' || prep === 'into' || prep === 'from' || prep === 'for' || prep === 'between')) targets = o.targets.flatMap((q) => actorsOf(q));
    else if (!first && o.agent) targets = actorsOf(o.agent);
    // "an investigation into crimes committed by X against Y": an inquiry is aimed at the accused
    if (coding.type === 'INVESTIGATE' && o.agent && o.agent.actors.some((x) => x.entity)) targets = actorsOf(o.agent);
    if (!targets.length && coding.type === 'DEMAND') targets = actorsOf(subjectAfterThat(coding.end, sy));
    // "Russia's economy struggles with Western sanctions", "Iran, suffering under US sanctions": who
    // struggles with, suffers from or is hit by a sanction is its target
    if (!targets.length && coding.type === 'SANCTION' && own) {
      const prepAt = own.start - 1;
      const v = prepAt - 1;
      if (/^(with|under|from|by)$/.test(words[prepAt] ?? '') && v >= sy.s.tokenStart && tokens[v]!.pos === 'VERB') {
        targets = actorsOf(subjectOf(v)).filter((a) => a.entity && !sources.some((x) => x.entity?.id === a.entity!.id));
        if (targets.length) how += '+sufferer';
      }
    }
    place = o.place;
  }
  if (receivedBy.length && !targets.length) targets = receivedBy.filter((a) => !sources.some((x) => x.entity && x.entity.id === a.entity?.id));
  if (!sources.length && !targets.length) return undefined;
  return { coding, k, end: coding.end, sources, targets, ...(place ? { place } : {}), mood: 'asserted', negated, how };
}

/** The forms of "beat", which in a sentence about a contest win it. */
const BEAT_WORDS = new Set(['beat', 'beats', 'beating', 'beaten', 'defeat', 'defeats', 'defeated', 'defeating', 'trounce', 'trounced', 'thrash', 'thrashed']);
const TITLE_PARTICIPLES = new Set(['managing', 'presiding', 'governing', 'ruling', 'commanding', 'supervising', 'leading', 'acting', 'reigning', 'defending']);
const TITLE_HEADS = new Set(['director', 'directors', 'editor', 'partner', 'partners', 'officer', 'officers', 'judge', 'council', 'body', 'bodies', 'party', 'parties',
  'coalition', 'committee', 'general', 'board', 'elite', 'champion', 'candidate', 'president', 'chairman']);
/**
 * Is the word at k one of an act's, used here in a sense that is none? (Each such sense was found
 * reading whole articles, where it had coded an event.)
 */
function inAnotherSense(k: number, s: Sentence, words: readonly string[]): boolean {
  const w = words[k]!;
  // "managing director Michel Camdessus", "the ruling party": a participle in a title or a name of a body
  if (TITLE_PARTICIPLES.has(w) && TITLE_HEADS.has(words[k + 1] ?? '')) return true;
  // "a Los Angeles Times poll released earlier this week", "released his tax returns": a thing published, no one freed
  if (RELEASE_FORMS.has(w)) return PUBLISHED_THINGS.has(words[k - 1] ?? '') || headWithin(words, k + 1, s.tokenEnd, PUBLISHED_THINGS);
  // "domestic demand", "industry demand for the products", "demand growth": a market's, no one's request
  if (w === 'demand' || w === 'demands') return MARKET_DEMAND.has(words[k - 1] ?? '') || words[k + 1] === 'growth' || (words[k + 1] === 'for' && headWithin(words, k + 2, s.tokenEnd, GOODS));
  // "occupies one of the key positions", "occupied the seat": holding an office, no occupation of land
  if (OCCUPY_FORMS.has(w)) return holdsOffice(words, k + 1, s.tokenEnd);
  // "would appeal to the mainstream of PC users": attracting a market, no request
  if (APPEAL_FORMS.has(w)) return words[k + 1] === 'to' && headWithin(words, k + 2, s.tokenEnd, MARKET_WORDS);
  return false;
}

/** Words before "demand" that make it a market's: "domestic demand", "weak oil demand". */
const MARKET_DEMAND = new Set(['domestic', 'consumer', 'industry', 'industrial', 'world', 'global', 'export', 'import', 'oil', 'energy', 'market',
  'strong', 'stronger', 'weak', 'weaker', 'firm', 'rising', 'falling', 'final', 'private', 'total', 'aggregate', 'seasonal', 'peak', 'investment',
  'loan', 'credit', 'housing', 'gasoline', 'fuel', 'crude', 'steel', 'retail', 'customer', 'underlying', 'overall', 'internal', 'external', 'foreign',
  'heating', 'feed', 'food', 'commercial', 'power', 'electricity', 'gas', 'coffee', 'grain', 'wheat', 'corn', 'sugar', 'cocoa', 'copper', 'gold', 'dollar']);
/** What a market demands: "the demand for OPEC oil", "demand for the company's products". */
const GOODS = new Set(['oil', 'power', 'electricity', 'energy', 'gas', 'gasoline', 'products', 'goods', 'credit', 'loans', 'housing', 'homes', 'steel',
  'coffee', 'grain', 'wheat', 'corn', 'sugar', 'cocoa', 'copper', 'gold', 'dollars', 'bonds', 'shares', 'stocks', 'services', 'cars', 'chips', 'imports', 'exports']);
/** Verbs of commenting, which declined or refused make no event: "declined to comment", "would not elaborate". */
const COMMENT_VERBS = new Set(['comment', 'comments', 'commented', 'elaborate', 'speculate', 'discuss', 'say', 'confirm', 'disclose', 'specify', 'identify', 'name']);
const RECEIVE_FORMS = new Set(['receive', 'receives', 'received', 'receiving']);
/** Words for a guest received: "received the visiting delegation", "received his counterpart". */
const GUESTS = new Set(['delegation', 'delegations', 'envoy', 'envoys', 'ambassador', 'ambassadors', 'minister', 'ministers', 'president', 'leader', 'leaders',
  'counterpart', 'counterparts', 'visitor', 'visitors', 'guest', 'guests', 'king', 'queen', 'prince', 'pope', 'premier', 'chancellor', 'secretary', 'mission']);
/** After "received" at k - 1: someone received as a guest (a name, or a word for a visitor, within a few words)? */
function guestAfter(k: number, cx: ActorContext): boolean {
  const { words, tokens } = cx;
  for (let j = k; j < k + 5 && j < tokens.length; j++) {
    const m = cx.coveredBy[j];
    if (m && m.entity.type !== 'MISC') return true;
    if (GUESTS.has(words[j]!)) return true;
    // (past a determiner, an adjective, a possessive or a participle: "the visiting delegation")
    if (tokens[j]!.pos !== 'DET' && tokens[j]!.pos !== 'ADJ' && tokens[j]!.pos !== 'PRON' && !words[j]!.endsWith('ing')) return false;
  }
  return false;
}

/** Verbs whose object is asked for: "demanded an end …", "urged restraint". */
const ASKING = new Set(['demand', 'demands', 'demanded', 'demanding', 'urge', 'urges', 'urged', 'urging', 'seek', 'seeks', 'sought', 'seeking',
  'request', 'requests', 'requested', 'requesting']);
/** Is the event noun at k what a call or a demand asks for ("called for a lasting ceasefire"; not "demanded an end to the sanctions", which are real)? */
function askedFor(k: number, from: number, words: readonly string[], tokens: readonly Token[]): boolean {
  let j = k - 1;
  // the noun's own words before it: determiners, adjectives, numbers ("a lasting", "an immediate", "the")
  while (j >= from && j >= k - 4 && (tokens[j]!.pos === 'DET' || tokens[j]!.pos === 'ADJ' || tokens[j]!.pos === 'NUM')) j--;
  if (j < from) return false;
  return ASKING.has(words[j]!) || (words[j] === 'for' && j - 1 >= from && CALL_FORMS.has(words[j - 1]!));
}

/** Documents whose provisions "call for" things: "the plan calls for …". */
const DOCUMENTS = new Set(['plan', 'plans', 'resolution', 'resolutions', 'agreement', 'agreements', 'deal', 'proposal', 'proposals', 'law', 'laws', 'bill',
  'bills', 'draft', 'treaty', 'accord', 'budget', 'framework', 'package', 'measure', 'measures', 'legislation', 'order', 'rule', 'rules', 'program', 'programme',
  'pact', 'contract', 'settlement', 'constitution', 'amendment', 'policy', 'strategy', 'platform', 'manifesto', 'document', 'text', 'charter']);
const CALL_FORMS = new Set(['call', 'calls', 'called', 'calling']);
const OBJECT_PRONOUNS = new Set(['him', 'her', 'them', 'it', 'himself', 'herself', 'themselves', 'me', 'us', 'you']);
/** After "called" at k - 1: an object (a name or a pronoun) and then what it is called ("a …", "the …", a quotation, an adjective)? */
function namesAfter(k: number, end: number, cx: ActorContext): boolean {
  const { words, tokens } = cx;
  let j = k;
  if (OBJECT_PRONOUNS.has(words[j] ?? '')) j++;
  else while (j < end && cx.coveredBy[j]) j++;
  if (j === k || j >= end) return false;
  return /^(a|an|the|[“"‘'])$/.test(words[j]!) || tokens[j]!.pos === 'ADJ';
}

/** Acts whose reporter usually takes part in them: "X said the talks …", "he said the inquiry will …". */
const SPEAKERS_TAKE_PART = new Set(['CONSULT', 'INVESTIGATE', 'COOPERATE', 'AGREE']);
/** Verbs of saying or thinking, whose object clause holds no act of their subject's. */
const SAYING_VERBS = new Set(['say', 'says', 'said', 'saying', 'told', 'tells', 'added', 'adds', 'noted', 'notes', 'stated', 'explained', 'argued', 'argues',
  'claimed', 'claims', 'insisted', 'insists', 'believe', 'believes', 'believed', 'think', 'thinks', 'thought']);
const RELEASE_FORMS = new Set(['release', 'releases', 'released', 'releasing']);
const OCCUPY_FORMS = new Set(['occupy', 'occupies', 'occupied', 'occupying']);
/** What one holds rather than seizes: "occupies the seat", "occupied the top spot". */
const OFFICES = new Set(['seat', 'seats', 'office', 'offices', 'role', 'roles', 'job', 'jobs', 'rank', 'spot', 'place', 'slot', 'chair']);
/** A position or post of power rather than an army's: "one of the key positions of power", "a senior post". */
const OF_POWER = /^(?:power|authority|leadership|influence|responsibility|key|top|senior|cabinet|ministerial|government|leading)$/;
/** After "occupied" at k - 1: an office held ("the seat", "one of the key positions of power"), not ground taken ("enemy positions")? */
function holdsOffice(words: readonly string[], k: number, end: number): boolean {
  if (headWithin(words, k, end, OFFICES)) return true;
  const window = words.slice(k, Math.min(end, k + 8));
  const clause = window.findIndex((w) => /^[,.;:!?]$/.test(w));
  const near = clause < 0 ? window : window.slice(0, clause);
  return near.some((w) => OF_POWER.test(w)) && near.some((w) => /^(position|positions|post|posts)$/.test(w));
}
/** Is a word of `heads` among the four after k (before any punctuation)? "released [his tax] returns" */
function headWithin(words: readonly string[], k: number, end: number, heads: ReadonlySet<string>): boolean {
  for (let j = k; j < end && j < k + 5; j++) {
    if (heads.has(words[j]!)) return true;
    if (/^[,.;:!?]$/.test(words[j]!)) return false;
  }
  return false;
}
const CAMPAIGN_FORMS = new Set(['campaign', 'campaigns', 'campaigned', 'campaigning']);
/** What is released by being published: "the poll released on Monday", "a report released by the agency". */
const PUBLISHED_THINGS = new Set(['poll', 'polls', 'report', 'reports', 'survey', 'surveys', 'study', 'studies', 'data', 'figures', 'statement', 'statements',
  'results', 'video', 'videos', 'documents', 'emails', 'records', 'transcript', 'transcripts', 'letter', 'findings', 'budget', 'album', 'film', 'book', 'ad', 'plan',
  'returns', 'details', 'list', 'information', 'photos', 'images', 'footage', 'memo', 'forecast', 'forecasts', 'earnings', 'version', 'update', 'guidance', 'song', 'single']);
const APPEAL_FORMS = new Set(['appeal', 'appeals', 'appealed', 'appealing']);
/** Those a product, a message or a candidate appeals to: "appeal to voters", "appeals to younger buyers". */
const MARKET_WORDS = new Set(['mainstream', 'users', 'voters', 'consumers', 'customers', 'buyers', 'readers', 'viewers', 'audience', 'audiences',
  'market', 'markets', 'base', 'investors', 'fans', 'shoppers', 'people', 'women', 'men', 'millennials', 'youth', 'families', 'independents', 'moderates', 'conservatives', 'liberals']);

/** Standing ahead or behind, which in a sentence about a contest is no act. */
const LEAD_WORDS = new Set(['lead', 'leads', 'leading', 'led', 'trail', 'trails', 'trailing', 'trailed', 'edge', 'edges', 'edging', 'edged', 'outpace', 'outpaces', 'outpacing']);
const CONTEST_WORDS = new Set(['election', 'elections', 'primary', 'primaries', 'poll', 'polls', 'race', 'vote', 'votes', 'nomination', 'caucus', 'caucuses',
  'matchup', 'matchups', 'contest', 'game', 'games', 'match', 'final', 'finals', 'championship', 'league', 'cup', 'tournament', 'ballot', 'runoff', 'odds', 'points', 'seat']);
function hasContestWord(words: string[], s: Sentence): boolean {
  return hasWordIn(words, s, CONTEST_WORDS);
}
const PERCENT_WORDS = new Set(['percent', '%']);
/** Does one of `set` stand in the sentence? */
function hasWordIn(words: readonly string[], s: Sentence, set: ReadonlySet<string>): boolean {
  for (let k = s.tokenStart; k < s.tokenEnd; k++) if (set.has(words[k]!)) return true;
  return false;
}

/** Words of bodily harm, which between people is violence. */
const BODILY_HARM = /^(kill|shoot|shot|stab|murder|rap(e|ed|es|ing)$|wound|injur|assassinat|strangl|beat|punch|kick|kidnap|abduct|tortur|execut|behead|bomb|fire|gun|slay|slain|lynch|assault|maim|choke|hang)/;

/** Does a word of bodily harm, a weapon or harm's aftermath stand in the sentence? */
function harmIn(words: readonly string[], s: Sentence): boolean {
  for (let k = s.tokenStart; k < s.tokenEnd; k++) if (BODILY_HARM.test(words[k]!) || HARM_NOUNS.has(words[k]!)) return true;
  return false;
}
/** Weapons, and where harm leads ("left him hospitalized", "police"). */
const HARM_NOUNS = new Set(['knife', 'gun', 'guns', 'rifle', 'pistol', 'bomb', 'bombs', 'grenade', 'missile', 'missiles', 'machete', 'weapon', 'weapons', 'explosive', 'explosives', 'drone', 'drones', 'rocket', 'rockets', 'hospital', 'hospitalized', 'police']);

/** The -s, -ed and -ing forms of a regular verb ("oppose": opposes, opposed, opposing; "deny": denies, denied, denying). */
function regularForms(w: string): string[] {
  if (w.endsWith('e')) return [w, w + 's', w + 'd', w.slice(0, -1) + 'ing'];
  if (/[^aeiou]y$/.test(w)) return [w, w.slice(0, -1) + 'ies', w.slice(0, -1) + 'ied', w + 'ing'];
  if (/(s|sh|ch|x)$/.test(w)) return [w, w + 'es', w + 'ed', w + 'ing'];
  return [w, w + 's', w + 'ed', w + 'ing'];
}

/** The words of an attack, which between people is verbal. */
const ATTACK_WORDS = new Set(['attack', 'attacks', 'attacked', 'attacking']);

/** Verbs whose subject receives the act their object names ("faced criticism", "drew condemnation", "came under sanctions"). */
const RECEIVING_VERBS = new Set([...['face', 'receive', 'endure', 'suffer', 'weather', 'attract'].flatMap(regularForms), 'draw', 'draws', 'drew', 'drawn', 'drawing']);

/** Verbs that take a stand on an act their object names, which is someone else's: "condemned the attack", "backed the sanctions". */
const STANCE_VERBS = new Set([
  ...['condemn', 'denounce', 'decry', 'deplore', 'criticize', 'criticise', 'blast', 'oppose', 'protest', 'reject', 'support', 'back', 'endorse',
    'welcome', 'praise', 'hail', 'applaud', 'commend', 'mourn', 'investigate', 'probe', 'report', 'describe', 'document', 'witness', 'survive',
    'fear', 'blame', 'deny', 'question', 'challenge', 'dispute', 'justify', 'defend', 'celebrate', 'remember', 'commemorate', 'recall', 'discuss'].flatMap(regularForms),
  'slam', 'slams', 'slammed', 'slamming',
]);

/** "came under sanctions", "comes under criticism" */
const COME = new Set(['come', 'comes', 'came', 'coming']);

/**
 * Is token j a verb of a clause of its own ("the attacks in Libya must include records from …"), not a
 * modifier ("four rotating units", "battalion-sized units", "the armed groups")?
 */
function clauseVerbAt(j: number, tokens: Token[]): boolean {
  const t = tokens[j]!;
  if (t.pos === 'AUX') return true;
  if (t.pos !== 'VERB' || t.lower.endsWith('ing') || tokens[j - 1]?.text === '-') return false;
  const next = tokens[j + 1]?.pos;
  return next !== 'NOUN' && next !== 'PROPN' && next !== 'ADJ';
}

/** Is the object right after the verb at k an event noun ("received military aid", "faced tough sanctions")? */
function eventObject(k: number, tokens: Token[], classes: Int32Array): boolean {
  for (let j = k + 1; j < tokens.length && j <= k + 4; j++) {
    const pos = tokens[j]!.pos;
    if ((classes[j]! & EVENT_NOUN) !== 0 && (pos === 'NOUN' || pos === 'PROPN')) return true;
    if (pos !== 'DET' && pos !== 'ADJ' && pos !== 'NUM' && pos !== 'ADV') return false;
  }
  return false;
}

/** Verbs whose subject accuses when the clause beneath blames someone. */
const ACCUSING_VERBS = new Set(['accused', 'accuses', 'accuse', 'blamed', 'blames', 'blame', 'alleged', 'alleges', 'charged', 'charges']);

/**
 * Accusations reported as causes: "X said (that) the crisis was caused by Y", "X stated … a
 * Y-provoked coup". The speaker disapproves of (accuses, CAMEO 112) the one blamed. Not when the
 * blame is denied ("not by Russia's actions", "was not caused by").
 */
function blameDrafts(sy: Syntax, subjectOf: (v: number) => Phrase | undefined, actorsOf: (p: Phrase | undefined) => Actor[]): Draft[] {
  const { words, cx } = { words: sy.cx.words, cx: sy.cx };
  const out: Draft[] = [];
  for (let j = sy.s.tokenStart + 1; j < sy.s.tokenEnd; j++) {
    if (!BLAME_VERBS.has(words[j]!)) continue;
    let targets: Actor[] = [];
    const hyphen = words[j - 1] === '-' ? cx.coveredBy[j - 2] : undefined;
    if (hyphen) {
      // "Western-provoked", "US-instigated": the compound names the one blamed
      targets = [{ entity: hyphen.entity, ...(hyphen.entity.country ? { country: hyphen.entity.country } : {}), start: hyphen.start, end: hyphen.end }];
    } else if (words[j + 1] === 'by') {
      const chain = chainBefore(j, sy);
      if (!chain.passive || chain.negated) continue;
      const end = clauseEnd(j + 2, sy);
      // "caused by a Western-provoked coup": a compound inside the agent names the one blamed
      for (let x = j + 2; x < end && !targets.length; x++) {
        if (words[x] === 'not') break;
        if (BLAME_VERBS.has(words[x]!) && words[x - 1] === '-') break;
        const agent = sy.phrases.find((q) => q.start === x && q.actors.some((a) => a.entity));
        if (agent) targets = actorsOf(agent).filter((a) => a.entity);
      }
    }
    if (!targets.length) continue;
    // the denial of a blame is no accusation: "not by", "was not caused"
    if (words.slice(Math.max(sy.s.tokenStart, j - 4), j).includes('not')) continue;
    // the speaker: the nearest reporting or accusing verb before, whose clause holds this one
    let speakerVerb: number | undefined;
    for (let v = j - 1; v >= sy.s.tokenStart; v--) {
      const w = words[v]!;
      if (sy.cx.tokens[v]!.pos === 'VERB' && (sy.cx.lex.report.has(w) || ACCUSING_VERBS.has(w))) { speakerVerb = v; break; }
    }
    if (speakerVerb === undefined) continue;
    const sources = actorsOf(subjectOf(speakerVerb)).filter((a) => a.entity && !targets.some((t) => t.entity?.id === a.entity!.id));
    if (!sources.length) continue;
    // "caused by a Western-provoked coup": one accusation, not one per verb
    const key = (list: Actor[]) => list.map((a) => a.entity!.id).sort().join(',');
    if (out.some((d) => key(d.targets) === key(targets) && key(d.sources) === key(sources))) continue;
    out.push({ coding: { cameo: '112', type: 'DISAPPROVE', rule: 'lexicon:DISAPPROVE/112', end: j + 1 }, k: j, end: j + 1, sources, targets, mood: 'asserted', negated: false, how: 'reported-blame' });
  }
  return out;
}

/** "… that the US cancel": the first phrase after "that" (within three words of `from`). */
function subjectAfterThat(from: number, sy: Syntax): Phrase | undefined {
  const { words } = sy.cx;
  for (let j = from; j < Math.min(sy.s.tokenEnd, from + 4); j++) {
    if (words[j] !== 'that') continue;
    return sy.phrases.find((q) => q.start === j + 1 && q.actors.length > 0);
  }
  return undefined;
}

/** The country actor of a place phrase ("in Lebanon" → Lebanon). */
function countryOf(p: Phrase, cx: ActorContext): Actor[] {
  const e = p.actors.find((a) => a.entity)?.entity;
  if (!e) return [];
  const c = e.type === 'GPE' && e.kbId?.startsWith('country:') ? e : cx.countryEntity(e.country) ?? e;
  return [{ entity: c, ...(c.country ? { country: c.country } : {}), start: p.start, end: p.end }];
}

/** The first verb of the sentence: the main clause's, usually. */
function firstVerb(sy: Syntax): number | undefined {
  for (let j = sy.s.tokenStart; j < sy.s.tokenEnd; j++) if (sy.cx.tokens[j]!.pos === 'VERB') return j;
  return undefined;
}

/** The verb a noun or adjective belongs to, for "willing" in "is willing to". */
function predicateOf(j: number, sy: Syntax): number | undefined {
  for (let v = j - 1; v >= sy.s.tokenStart && v >= j - 3; v--) if (sy.cx.tokens[v]!.pos === 'AUX' || sy.cx.tokens[v]!.pos === 'VERB') return v;
  return undefined;
}

function isObjectControl(word: string, lex: EventLexicon): boolean {
  const cls = lex.control.get(word) ?? [];
  return cls.includes('appeal') || /^(allow|allowed|allows|let|help|helped|force|forced|invite|invited|persuade|persuaded|encourage|encouraged)$/.test(word);
}

const refOf = (a: Actor, doc: NewsDoc): ActorRef => ({
  entity: a.entity?.id ?? null,
  ...(a.country ?? a.entity?.country ? { country: (a.country ?? a.entity?.country)! } : {}),
  ...(a.sector ?? a.entity?.sector ? { sector: (a.sector ?? a.entity?.sector)! } : {}),
  text: tokenSpan(doc.text, doc.tokens, a.start, a.end).text,
});

const namesEntity = (actors: Actor[]): boolean => actors.some((a) => a.entity);

function emit(doc: NewsDoc, s: Sentence, d: Draft, sy: Syntax, seen: Set<string>): CodedEvent[] {
  // an event names an entity: one of the draft's actors, or its place, or a place phrase before the
  // trigger (the only other actors below come from these); a draft with none yields nothing
  if (!namesEntity(d.sources) && !namesEntity(d.targets) && !(d.place && namesEntity(d.place.actors)) && !sy.phrases.some((q) => q.end <= d.k && namesEntity(q.actors))) return NO_EVENTS;
  const { tokens, words, cx } = { tokens: doc.tokens, words: sy.cx.words, cx: sy.cx };
  const lex = cx.lex;
  let { coding } = d;
  let how = d.how;
  // joint exercises are cooperation; one side's exercises a show of force (PLOVER COOPERATE / MOBILIZE)
  if (coding.type === 'MOBILIZE' && DRILLS.has(words[d.end - 1]!) && (d.sources.length > 1 || words.slice(Math.max(s.tokenStart, d.k - 3), d.k).includes('joint'))) {
    coding = { ...coding, type: 'COOPERATE', cameo: '062' };
  }
  const uniq = (list: Actor[]) => {
    const keyed = new Map<string, Actor>();
    for (const a of list) keyed.set(a.entity ? a.entity.id : `${a.start}:${a.end}:${a.sector}`, a);
    return [...keyed.values()];
  };
  const sources = uniq(d.sources);
  // the actor's sector can settle the code: "rebels surrendered" is a military retreat
  for (const sc of lex.sectorCodes) {
    if (coding.cameo === sc.cameo && sources.some((a) => a.sector && sc.sectors.includes(a.sector))) coding = { ...coding, cameo: sc.to, type: sc.type, rule: `${coding.rule}+sector` };
  }
  let targets = uniq(d.targets).filter((t) => !t.entity || !sources.some((x) => x.entity?.id === t.entity!.id));
  let place = d.place;
  if (!place) {
    // "In Beijing, Xi met Putin": a place named before the trigger in its clause
    for (const q of sy.phrases) if (q.end <= d.k && PLACE_PREPS.has(words[q.start - 1] ?? '') && q.actors.some((a) => a.entity && isCity(a.entity))) place = q;
  }
  // a visit to a city is a visit to its country, and the city is where it happened
  const cityTarget = targets.find((a) => a.city);
  if (!place && cityTarget) place = sy.phrases.find((q) => q.start <= cityTarget.start && cityTarget.start < q.end);
  if (place && coding.cameo === '042' && (!targets.length || targets[0]!.start > place.start) && PLACE_PREPS.has(words[place.start - 1] ?? '')) {
    const c = countryOf(place, cx);
    if (c.length) { targets = c; how += '+visit-place'; }
  }
  // a dictionary verb's default code (a weak signal) takes no place for its target, unless the mood
  // (a threat, a promise: the lexicon's control verbs) or the actor's sector made the code
  const weak = coding.weak && d.how !== 'governor' && !coding.rule.includes('+sector');
  if (!targets.some((a) => a.entity) && place && d.mood !== 'demanded' && !weak) {
    // "demonstrated in Serbia", "imposed a curfew in Cizre": the place stands for the one acted upon
    targets = place.actors.filter((a) => a.entity);
    if (targets.length) how += '+place-as-target';
  }
  if (!sources.some((a) => a.entity) && !targets.some((a) => a.entity)) return [];
  // hosting or receiving (043) needs a guest: "emails that Carter sent or received" host no one
  if (coding.cameo === '043' && !targets.some((a) => a.entity)) return [];
  // a dictionary verb's default code is a weak signal: it needs a named actor on both sides
  // and the target must be the object itself, not the owner of a thing ("struggles with Western sanctions")
  // (not where a control verb of the lexicon made the type: "agreed to allow …" is AGREE whatever the act)
  if (coding.weak && d.how !== 'governor' && (!(sources.some((a) => a.entity) && targets.some((a) => a.entity)) || d.thingTarget)) return [];
  const source = sources.find((a) => a.entity)?.entity;
  // "the best odds of beating Hillary Clinton in a general election", "beat the Yankees": a contest won, no violence
  if (coding.type === 'ASSAULT' && BEAT_WORDS.has(words[d.k]!) && hasContestWord(words, s)) return [];
  // "will campaign for Hillary Clinton": campaigning for a person backs the person (a demand is campaigning for a cause)
  // (the person right after "for": "campaigned for the release of Nelson Mandela" stays a demand)
  if (coding.type === 'DEMAND' && CAMPAIGN_FORMS.has(words[d.k]!) && /^(for|with)$/.test(words[d.k + 1] ?? '') && targets.some((a) => a.entity?.type === 'PERSON' && a.start === d.k + 2)) {
    coding = { ...coding, type: 'SUPPORT', cameo: '051', rule: `${coding.rule}+for-a-person` };
  }
  // "Trump leads Clinton 43 percent to 41 percent", "the poll shows Trump leading Clinton": a standing in a contest, no act
  if (LEAD_WORDS.has(words[d.k]!) && (hasContestWord(words, s) || hasWordIn(words, s, PERCENT_WORDS))) return [];
  // "Trump attacked Clinton", "attacks from Trump": one person's attack on another (or on no one named)
  // is a verbal one in news (CAMEO 111, criticize), not violence
  // (so is any other such act between two people named, "targeting Machado", "hitting Trump for …",
  // "pounding Trump as a con artist", unless its word is one of bodily harm: "shooting and killing")
  const personal = (source?.type === 'PERSON' && targets.every((a) => !a.entity || a.entity.type === 'PERSON') &&
    (ATTACK_WORDS.has(words[d.k]!) || (targets.some((a) => a.entity) && !BODILY_HARM.test(words[d.k]!)))) ||
    // "ratcheted up his attacks on Rubio", "came under attack": attacks on a person by no one named, with no word of harm near
    (!source && ATTACK_WORDS.has(words[d.k]!) && targets.some((a) => a.entity) && targets.every((a) => !a.entity || a.entity.type === 'PERSON') && !harmIn(words, s));
  if (coding.type === 'ASSAULT' && personal) {
    coding = { ...coding, type: 'DISAPPROVE', cameo: '111', rule: `${coding.rule}+verbal` };
  }
  const placeActor = place?.actors.find((a) => a.entity);
  const placeEntity: EntityRecord | undefined = placeActor?.city ?? placeActor?.entity;
  // the trigger: the verb with its particle or an adjacent object ("imposed tariffs"), not a whole clause
  const trigger = tokenSpan(doc.text, tokens, d.k, d.end - d.k > 3 && d.how !== 'governor' ? d.k + 1 : d.end);
  const quad = lex.quadClass(coding.cameo);
  const base: Omit<CodedEvent, 'target'> = {
    type: coding.type,
    cameo: coding.cameo,
    ...(quad ? { quadClass: quad } : {}),
    source: source?.id ?? null,
    location: placeEntity && placeEntity.id !== source?.id ? placeEntity.id : null,
    ...datedEvent(doc, d.k, s, !d.how.startsWith('noun')),
    trigger,
    ...(d.negated ? { negated: true } : {}),
    mood: d.mood,
    attributedTo: attributionOf(doc, tokens[d.k]!.start),
    sentence: s.index,
    rule: `${coding.rule} ${how}`,
    ...(sources.length ? { sourceActors: sources.map((a) => refOf(a, doc)) } : {}),
    ...(targets.length ? { targetActors: targets.map((a) => refOf(a, doc)) } : {}),
  };
  const out: CodedEvent[] = [];
  const targetIds = [...new Set(targets.map((a) => a.entity?.id).filter((id): id is string => !!id && id !== base.source))];
  const push = (target: string | null) => {
    const key = `${base.type}|${base.source}|${target}|${trigger.start}|${base.mood}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ ...base, target });
  };
  if (!targetIds.length) push(null);
  for (const id of targetIds) push(id);
  return out;
}

/** Per-document indexes, built once, so a long article costs events × log(quotes), not events × quotes. */
const timesBySentence = new WeakMap<NewsDoc, Map<number, NewsDoc['times']>>();
const speechByStart = new WeakMap<NewsDoc, NewsDoc['quotes']>();

/**
 * When an event happened: the time expression of its sentence nearest the trigger. A clause
 * (not a noun: "the invasion", "the attack" often name background events) with none takes the
 * day named in one of the two sentences before, in its paragraph or the one before ("Xi welcomed
 * Putin on Tuesday. … Putin thanked Xi"), if it lies within 45 days of the article's, or else the article's year: a news report's undated
 * clause tells of the recent past, and the year claims no more than that.
 */
/** How far (in days) from the article's date a day in a sentence before may date an undated clause. */
const CONTEXT_DAY_REACH = 45;
function nearArticle(doc: NewsDoc, day: string): boolean {
  if (!doc.date || !/^\d{4}-\d{2}-\d{2}/.test(doc.date)) return true;
  return Math.abs(Date.parse(day) - Date.parse(doc.date.slice(0, 10))) <= CONTEXT_DAY_REACH * 86_400_000;
}

function datedEvent(doc: NewsDoc, k: number, s: Sentence, clause: boolean): { date: string | null; dateFrom?: 'sentence' | 'context' | 'article' } {
  const own = dateNear(doc, k, s);
  if (own) return { date: own, dateFrom: 'sentence' };
  if (!clause) return { date: null };
  for (let back = 1; back <= 2; back++) {
    const prev = doc.sentences[s.index - back];
    if (!prev || prev.paragraph < s.paragraph - 1) break;
    // (a day of the news around the article's date, not a background one: "… the Sept. 11, 2001, attacks. U.S. officials have praised …")
    const days = (timesBySentence.get(doc)?.get(prev.index) ?? []).filter((t) => t.type === 'DATE' && /^\d{4}-\d{2}-\d{2}$/.test(t.value) && t.start >= prev.start && t.end <= prev.end && nearArticle(doc, t.value));
    if (days.length) return { date: days[days.length - 1]!.value, dateFrom: 'context' };
  }
  if (doc.date && /^\d{4}/.test(doc.date)) return { date: doc.date.slice(0, 4), dateFrom: 'article' };
  return { date: null };
}

function dateNear(doc: NewsDoc, k: number, s: Sentence): string | null {
  let index = timesBySentence.get(doc);
  if (!index) {
    index = new Map();
    for (const t of doc.times) {
      if (t.type !== 'DATE' && t.type !== 'TIME') continue;
      const tok = doc.tokens[tokenAt(doc.tokens, t.start)];
      if (!tok) continue;
      const list = index.get(tok.sentence) ?? [];
      list.push(t);
      index.set(tok.sentence, list);
    }
    timesBySentence.set(doc, index);
  }
  const inSentence = (index.get(s.index) ?? []).filter((t) => t.start >= s.start && t.end <= s.end);
  if (!inSentence.length) return null;
  const at = doc.tokens[k]!.start;
  inSentence.sort((a, b) => Math.abs(a.start - at) - Math.abs(b.start - at));
  return inSentence[0]!.value;
}

function attributionOf(doc: NewsDoc, offset: number): string | null {
  let quotes = speechByStart.get(doc);
  if (!quotes) {
    quotes = doc.quotes.filter((x) => x.kind !== 'scare' && x.speaker).sort((a, b) => a.content.start - b.content.start);
    speechByStart.set(doc, quotes);
  }
  // the first quote (in text order) that covers the offset, among those starting at or before it
  let lo = 0;
  let hi = quotes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (quotes[mid]!.content.start <= offset) lo = mid + 1;
    else hi = mid;
  }
  let found: NewsDoc['quotes'][number] | undefined;
  for (let n = lo - 1; n >= 0 && n >= lo - 32; n--) if (offset < quotes[n]!.content.end) found = quotes[n];
  return found?.speaker ?? null;
}

export const eventsStage: Stage = {
  name: 'events',
  requires: ['tokens', 'sentences', 'entities', 'times', 'quotes'],
  assigns: ['events'],
  run: (doc) => ({ events: findEvents(doc) }),
};
