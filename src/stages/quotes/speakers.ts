/**
 * Finding who speaks: the words naming the speaker next to a reporting cue, as written
 * ("Mr. Barrett", "Rep. Joseph Crowley (D-N.Y.)", "a Kremlin spokesman", "she"), and the entity
 * they refer to when the entity stage knows it.
 */
import type { EntityRecord, NewsDoc, Sentence, Span, Token } from '../../doc/types.js';
import { firstAtOrAfter, tokenAt, tokenSpan } from '../../doc/span.js';
import { datelineEnd } from '../../doc/dateline.js';
import { cueLexicon, learnedCueLexicon, roleAt, type Cues, type LearnedCues } from '../../resources/lexicons.js';

export interface Speaker {
  entity: string | null;
  /** the speaker's words as written next to the quote */
  source: Span;
}

const SPEAKER_TYPES = new Set(['PERSON', 'ORG', 'GPE', 'NORP']);
/** Words before a cue word in -s that make it a noun: "news reports", "several reports", "the claims". */
const NOUN_MODIFIERS = new Set(['news', 'media', 'press', 'multiple', 'several', 'many', 'two', 'three', 'earlier', 'recent', 'these', 'those', 'the', 'some']);
const PRONOUNS = new Set(['he', 'she', 'they', 'i', 'we', 'it', 'you']);
const POSSESSIVE_PRONOUNS = new Set(['his', 'her', 'its', 'their', 'our', 'my', 'your']);
/** Words that open a subordinate clause (or a contrast) before a main one. */
const SUBORDINATORS = new Set(['when', 'whenever', 'while', 'whereas', 'though', 'although', 'because', 'since', 'after', 'before', 'if', 'unless', 'once', 'as', 'but']);

/** Heads of noun phrases that name speakers without naming a person. */
const NOMINAL_HEADS = /^(spokes(man|woman|person)|officials?|ministers?|ministry|president|leader|government|authorities|sources?|analysts?|experts?|diplomats?|aides?|police|military|army|statement|report|agency|office|kremlin|embassy|residents?|witness(es)?|observers?|critics?|lawmakers?|senators?|commanders?|representatives?|friends?|spokespeople|campaign|administration|department|officer|officers|advisers?|advisors?|economists?|researchers?|protesters?|supporters?|voters?|organizers?|organisers?|prosecutors?|lawyers?|attorneys?|group|groups|company|firm|bank|study|survey|poll|reporters?|people|source|letter|article|piece|memo|report|e-?mail|post|tweet|ad|book|editorial|website|lawsuit|filing|complaint|note|release|headline|sign|signs|banner|message|video|speech|transcript)$/i;
/** Words that end the noun phrase naming a speaker after a cue: "said Peskov on Monday" */
const NP_STOP = new Set([',', '.', ';', ':', '(', '!', '?', '"', '“', '”', 'on', 'in', 'at', 'during', 'to', 'after', 'when', 'as', 'while', 'before', 'from', 'about', 'who', 'which', 'that', 'and', 'but', 'adding', 'told']);

let mergedCues: { base: Cues; learned: LearnedCues; cues: Cues } | undefined;

/** The hand-written cues and those learned from PolNeAR's training split, merged once, not per article. */
function speakerCues(): Cues {
  const base = cueLexicon();
  const learned = learnedCueLexicon();
  if (mergedCues?.base !== base || mergedCues.learned !== learned) {
    const cues = { ...base, speech: new Set([...base.speech, ...learned.speech]), thatVerbs: new Set([...base.thatVerbs, ...learned.thatVerbs]) };
    mergedCues = { base, learned, cues };
  }
  return mergedCues.cues;
}

export class Speakers {
  readonly words: string[];
  readonly cues: Cues;
  private readonly owner = new Map<number, { entity: EntityRecord; start: number; end: number }>();
  /** the quotation marks' spans, [open, close], once the quotes stage has paired them */
  private quotedSpans: { open: number; close: number }[] = [];

  /** the first token after a wire dateline ("WASHINGTON (AP) —"): the dateline credits the story, it says nothing */
  private readonly afterDateline: number;
  constructor(readonly doc: NewsDoc) {
    this.words = doc.tokens.map((t) => t.lower);
    const dl = datelineEnd(doc.text);
    this.afterDateline = dl > 0 ? tokenAt(doc.tokens, dl) : 0;
    this.cues = speakerCues();
    for (const e of doc.entities) for (const m of e.mentions) {
      const { tokenStart, tokenEnd } = m as { tokenStart?: number; tokenEnd?: number };
      if (tokenStart === undefined || tokenEnd === undefined) continue;
      const owner = { entity: e, start: tokenStart, end: tokenEnd }; // one per mention, shared by its tokens
      for (let k = tokenStart; k < tokenEnd; k++) this.owner.set(k, owner);
    }
  }

  /** Tell the speaker finder where the quotations are, so that names quoted inside them are never subjects. */
  setQuoted(spans: { open: number; close: number }[]): void {
    this.quotedSpans = spans;
  }

  /** Binary search over the spans, sorted by opening mark: long articles have hundreds of quotes. */
  private insideQuote(offset: number): boolean {
    const spans = this.quotedSpans;
    const lo = firstAtOrAfter(spans, offset, (q) => q.open);
    return lo > 0 && offset < spans[lo - 1]!.close;
  }

  get tokens(): Token[] {
    return this.doc.tokens;
  }

  /** the document's entities by id, indexed on first use (long articles have hundreds of entities and quotes) */
  private entitiesById: Map<string, EntityRecord> | undefined;

  entityOf(id: string | null | undefined): EntityRecord | undefined {
    if (!id) return undefined;
    if (!this.entitiesById) {
      this.entitiesById = new Map();
      // the first entity of an id wins, as a linear search would find it
      for (const e of this.doc.entities) if (!this.entitiesById.has(e.id)) this.entitiesById.set(e.id, e);
    }
    return this.entitiesById.get(id);
  }

  /** A reporting verb (or "according") at token k. */
  isCue(k: number): boolean {
    const t = this.tokens[k];
    if (!t || !this.cues.speech.has(this.words[k]!)) return false;
    // "the United States", "Daily Telegraph Says" as part of a name is no cue
    if (this.owner.has(k) && /^\p{Lu}/u.test(t.text)) return false;
    if (this.readsAsNoun(k)) return false;
    return t.pos === 'VERB' || t.pos === 'AUX' || /(ed|s)$/.test(this.words[k]!);
  }

  /** "Multiple news reports and a detailed account … reveal": a cue word in -s after a noun's modifier, or before "and", is a noun. */
  readsAsNoun(k: number): boolean {
    return /s$/.test(this.words[k]!) && (NOUN_MODIFIERS.has(this.words[k - 1] ?? '') || this.words[k + 1] === 'and');
  }

  /** Is the token at k a participle before a noun of the phrase ending before `to` ("elected officials")? It modifies the noun; it is no verb of the clause. */
  private attributiveAt(k: number, to: number): boolean {
    return k + 1 < to && /(ed|ing)$/.test(this.tokens[k]!.lower) && /^(NOUN|ADJ)$/.test(this.tokens[k + 1]!.pos);
  }

  /**
   * Is the mention, followed at token `after` by "'s" and more words before `end`, only the possessor of
   * who speaks? A person's aide or spokesman is someone else ("Trump's campaign manager"); a country's
   * ministry or army speaks for the country ("Russia's foreign ministry said").
   */
  private possessorOnly(sp: Speaker, after: number, end: number): boolean {
    if (!/^['’]s$/.test(this.words[after] ?? '') || after >= end - 1) return false;
    if (this.entityOf(sp.entity)?.type === 'PERSON') return true;
    for (let k = after + 1; k < end && k <= after + 3; k++) if (roleAt(this.words, k) > 0) return true;
    return false;
  }

  /**
   * Do tokens [from, to) name one speaker and nothing else ("Judicial Watch", "Rep. Trey Gowdy", "TAPPER"),
   * not a headline's clause ("Clinton Cash Debunks Hillary", "Trump Slams Clinton")?
   */
  namesOne(from: number, to: number): boolean {
    // one word ("Poll:", "Sanders:") names its source as a headline does
    if (to - from === 1) return true;
    let owner: { entity: EntityRecord } | undefined;
    for (let k = from; k < to; k++) {
      const o = this.owner.get(k);
      if (o) {
        if (owner && o !== owner) return false;
        owner = o;
        continue;
      }
      // "Obama on Climate Change: …", "Clinton to Planned Parenthood: …", "Former AG Mukasey at RNC: …":
      // the topic, audience or place after the name is not a second name
      if (owner?.entity.type === 'PERSON' && /^(on|about|to|at|in)$/.test(this.words[k]!)) return true;
      const t = this.tokens[k]!;
      if (roleAt(this.words, k) > 0 || /^(DET|PUNCT)$/.test(t.pos) || /^['’]s$/.test(t.text) || /^[A-Z][A-Z.'’-]+$/.test(t.text)) continue;
      if (/^[A-Z]/.test(t.text)) return false;
    }
    return true;
  }

  /** The entity mention starting or lying at token k, as a speaker. */
  mentionAt(k: number): Speaker | undefined {
    const o = this.owner.get(k);
    if (!o || !SPEAKER_TYPES.has(o.entity.type)) return undefined;
    let end = o.end;
    // "Ukrainian officials", "the Ukrainian air force": the group speaks for the nationality
    if (o.entity.type === 'NORP') while (end < this.tokens.length && end < o.end + 3 && this.tokens[end]!.pos === 'NOUN') end++;
    return { entity: o.entity.id, source: tokenSpan(this.doc.text, this.tokens, o.start, end) };
  }

  /**
   * The speaker named by tokens [from, to): an entity mention inside (people first), a pronoun
   * (resolved when the entity stage resolved it), or a noun phrase with a name or a nominal head.
   * The source span is the phrase up to its first comma or bracket (the appositive is left out).
   */
  inPhrase(from: number, to: number, lenient = false): Speaker | undefined {
    const { tokens, words } = this;
    // "Current officials said": a time word opening a longer noun phrase is left out of it
    const opening = this.owner.has(from) ? undefined : this.doc.times.find((t) => t.start === tokens[from]?.start);
    if (opening) {
      const after = tokenAt(tokens, opening.end);
      if (after < to && after > from && /^(NOUN|PROPN|ADJ)$/.test(tokens[after]!.pos) && !/^(times|weeks|days|months|years|hours|minutes)$/.test(words[after]!)) from = after;
    }
    let end = from;
    while (end < to && !/^[,(;:]$/.test(tokens[end]!.text)) end++;
    if (end <= from) return undefined;
    // "at the Democratic convention", "five times", "Two weeks later": a place or a time does not speak
    if (tokens[from]!.pos === 'ADP' && !/^(of)$/.test(words[from]!)) return undefined;
    const phraseStart = tokens[from]!.start;
    // ("the Times wrote" names a newspaper)
    // ("Daily News opinion editor Josh Greenman told" is a name, whatever the times stage read in "Daily")
    if ((this.doc.times.some((t) => t.start <= phraseStart && phraseStart < t.end) && !this.owner.has(from)) || /^(times|weeks|days|months|years|hours|minutes)$/.test(tokens[from + 1]?.text ?? '')) return undefined;
    let best: Speaker | undefined;
    for (let k = from; k < end; k++) {
      const sp = this.mentionAt(k);
      if (!sp) continue;
      // "Trump's campaign manager": the possessor is not who speaks
      const after = tokenAt(tokens, sp.source.end);
      if (this.possessorOnly(sp, after, end)) { k = after; continue; }
      const e = this.entityOf(sp.entity)!;
      // "the Democratic nominee's campaign announced": a nationality or party modifying a possessor
      // (mentionAt reaches over the nouns a nationality modifies: "Democratic nominee")
      if (e.type === 'NORP' && /^['’]s$/.test(words[after] ?? '') && after + 1 < end) { k = after; continue; }
      if (!best || e.type === 'PERSON') best = sp;
      if (e.type === 'PERSON') break;
    }
    // "my father often said": adverbs before the cue are not part of the speaker
    while (end - 1 > from && tokens[end - 1]!.pos === 'ADV' && !/^[A-Z]/.test(tokens[end - 1]!.text)) end--;
    const phrase = tokenSpan(this.doc.text, tokens, from, end);
    if (best) {
      // keep the whole name as written ("Senate Majority Leader Mitch McConnell") as the source
      return { entity: best.entity, source: phrase.text.length <= 80 ? phrase : best.source };
    }
    if (end - from === 1 && PRONOUNS.has(words[from]!)) return { entity: null, source: phrase };
    const inner = tokens.slice(from, end);
    // a capitalised word names someone whatever wink tags it ("Lynch said" reads as a verb to it)
    const hasName = inner.some((t) => /^[A-Z]/.test(t.text) && !/^(PRON|DET|ADP|ADV|CCONJ|SCONJ|PART|PUNCT)$/.test(t.pos));
    const hasHead = inner.some((t) => NOMINAL_HEADS.test(t.text));
    // (a participle before a noun modifies it: "elected officials from both parties say")
    const verbs = inner.filter((t, i) => (t.pos === 'VERB' || t.pos === 'AUX') && !/^[A-Z]/.test(t.text) && !roleAt(words, from + i) && !/^\d/.test(t.text) && !this.attributiveAt(from + i, end)).length;
    // right next to a quote and its cue, any short noun phrase is the speaker: "the union wrote", "said the ruling"
    // ("the 34-year-old mother of three replied", "Small groups of protesters chanted")
    const npToken = (t: Token, k: number) => /^(DET|ADJ|NOUN|PROPN|NUM)$/.test(t.pos) || (k === from && POSSESSIVE_PRONOUNS.has(t.lower)) || /^('s|’s|-)$/.test(t.text) || (t.lower === 'of' && k > from && k < end - 1) || roleAt(words, k) > 0;
    const nounPhrase = lenient && end - from <= 10 && inner.every((t, i) => npToken(t, from + i)) && inner.some((t) => t.pos === 'NOUN' || t.pos === 'PROPN') && !PRONOUNS.has(words[from]!);
    if ((hasName || hasHead || nounPhrase) && verbs === 0 && end - from <= 10) return { entity: null, source: phrase };
    return undefined;
  }

  /** The phrase naming the speaker right after a cue at k: "said Rep. Joseph Crowley (D-N.Y.), …" */
  afterCue(k: number, s: Sentence, lenient = false): Speaker | undefined {
    let end = k + 1;
    while (end < s.tokenEnd && end < k + 11 && !NP_STOP.has(this.words[end]!)) end++;
    if (end === k + 1) return undefined;
    return this.inPhrase(k + 1, end, lenient);
  }

  /** The phrase right before a cue at k, back to a comma, quote mark or verb: "Mr. Barrett said". */
  beforeCue(k: number, floor: number, lenient = false): Speaker | undefined {
    const from = this.phraseStartBefore(k, floor);
    if (from === k) return undefined;
    return this.inPhrase(from, k, lenient);
  }

  /** Where the phrase before token k starts: back to a comma, quote mark, verb or preposition. */
  private phraseStartBefore(k: number, floor: number): number {
    const { tokens, words } = this;
    let from = k;
    while (from - 1 >= floor && from > k - 10) {
      const t = tokens[from - 1]!;
      if (/^[,;:"“”(]$/.test(t.text) || ((t.pos === 'VERB' || t.pos === 'AUX') && !roleAt(words, from - 1)) || t.pos === 'ADP' && !/^(of|for)$/.test(t.lower)) break;
      // "… a reporter as she said": a subordinating conjunction opens the speaker's clause
      if (t.pos === 'SCONJ' || /^(as|when|while|because|after|before|if|since|though|although|where)$/.test(t.lower)) break;
      from--;
    }
    return from;
  }

  /**
   * The phrase right before the cue when it is a whole clause subject, set off by a comma, a
   * conjunction or the sentence start: "…, the 34-year-old mother of three replied", "I laughed and said".
   */
  private clauseSubjectBefore(k: number, floor: number): Speaker | undefined {
    const from = this.phraseStartBefore(k, floor);
    if (from === k) return undefined;
    const boundary = from === floor || /^[,;:]$/.test(this.tokens[from - 1]!.text);
    if (!boundary) return undefined;
    // "Putin, the Russian president, said": an appositive; the name before it speaks
    if (from > floor && this.tokens[from - 1]!.text === ',' && this.owner.has(from - 2)) return undefined;
    let start = from;
    while (start < k && /^(and|but|then|so|when|as)$/.test(this.words[start]!)) start++;
    if (start === k) return undefined;
    return this.inPhrase(start, k, true);
  }

  /** The subject of a cue at token `cue`: the first person in its clause, else the nearest actor, else the phrase before it. */
  subjectBefore(cue: number, s: Sentence): Speaker | undefined {
    const { tokens } = this;
    // the subject stands within 60 tokens of its cue (a sentence of thousands of tokens stays linear)
    let floor = Math.max(s.tokenStart, cue - 60, cue > this.afterDateline ? this.afterDateline : 0);
    for (let k = cue - 1; k > floor; k--) if (tokens[k]!.text === ';') { floor = k + 1; break; }
    // "…, though 32 percent said": a clause opened after a comma by a conjunction holds the cue's subject
    // ("…, and as Trump went on"; not "…, as well, saying")
    for (let k = cue - 1; k > floor; k--) {
      // (not "…, but admitted": a verb right after the conjunction shares the sentence's subject)
      if (SUBORDINATORS.has(this.words[k]!) && /^(,|and|but)$/.test(this.words[k - 1]!) && this.words[k + 1] !== 'well' && k + 1 < cue) { floor = k + 1; break; }
    }
    // "When Kasich is matched up against Clinton, 45 percent of voters said": an opening subordinate clause holds no subject of the cue
    // ("But Megan Hester, senior associate …, said": "but" opening a sentence opens no subordinate clause)
    if (SUBORDINATORS.has(this.words[floor]!) && this.words[floor] !== 'but') {
      for (let k = floor + 1; k < cue - 1; k++) if (tokens[k]!.text === ',') { floor = k + 1; break; }
    }
    let firstPerson: Speaker | undefined;
    let nearest: Speaker | undefined;
    let quoted = false; // names inside an earlier quote are not the subject
    const paired = this.quotedSpans.length > 0;
    for (let k = floor; k < cue; k++) {
      if (/^["“”«»]$/.test(tokens[k]!.text)) { quoted = tokens[k]!.text === '“' || tokens[k]!.text === '«' ? true : tokens[k]!.text === '"' ? !quoted : false; continue; }
      // the paired marks know a quote that opened in an earlier sentence ('… Pence. He has been …," Cruz said')
      if (paired ? this.insideQuote(tokens[k]!.start) : quoted) continue;
      const sp = this.mentionAt(k);
      if (!sp || POSSESSIVE_PRONOUNS.has(this.words[k]!)) continue;
      // "Carter's press secretary, Peter Cook, told": a possessor is not the subject
      const after = tokenAt(tokens, sp.source.end);
      if (this.possessorOnly(sp, after, cue)) { k = after; continue; }
      if (this.entityOf(sp.entity)!.type === 'PERSON' && !firstPerson) firstPerson = sp;
      nearest = sp;
      k = tokenAt(tokens, sp.source.end) - 1;
    }
    // "Katie Packer, who is chairman of Our Principles PAC said": the relative clause's name is not the subject; the one before it is
    for (let k = cue - 2; k > floor && k >= cue - 14; k--) {
      if (tokens[k]!.text === ',' && k !== cue - 1) {
        // so is an appositive's: "John Tower, a longtime Reagan supporter and former senator, told"
        const appositive = this.words[cue - 1] === ',' && /^(a|an|the)$/.test(this.words[k + 1] ?? '');
        if (/^(who|which)$/.test(this.words[k + 1] ?? '') || appositive) {
          const antecedent = this.mentionAt(k - 1);
          if (antecedent && this.entityOf(antecedent.entity)?.type === 'PERSON') return antecedent;
        }
        break;
      }
    }
    // "Trump boasted", "Putin thanked": the name right before the cue is its subject
    // (not the object of a preposition: 'a source speaking to Fox News said')
    const adjacent = this.mentionAt(cue - 1);
    const adjacentStart = adjacent ? tokenAt(tokens, adjacent.source.start) : cue;
    const governed = adjacent && (tokens[adjacentStart - 1]?.pos === 'ADP' || /^(to|with|from|at|on|in|for|by)$/.test(this.words[adjacentStart - 1] ?? '')) && !/^(of)$/.test(this.words[adjacentStart - 1] ?? '');
    if (adjacent && !POSSESSIVE_PRONOUNS.has(this.words[cue - 1]!) && !governed && !this.insideQuote(tokens[cue - 1]!.start)) return adjacent;
    // 'this tweet from Rikkie Wells, who tweeted': a relative pronoun speaks for the name before it
    if (/^(who|which)$/.test(this.words[cue - 1] ?? '')) {
      const antecedent = this.mentionAt(this.words[cue - 2] === ',' ? cue - 3 : cue - 2);
      if (antecedent) return antecedent;
    }
    // "…, the 34-year-old mother of three replied": a whole noun phrase before the cue
    const clause = this.clauseSubjectBefore(cue, floor);
    if (clause) return clause;
    // "Protesters marching through the streets chanted", "the band leader called X to the stage, singing":
    // the phrase opening the clause, before its first verb, names who speaks when no name stands there
    const subject = this.openingSubject(floor, cue);
    if (subject && !this.beforeFirstVerb(floor, cue, firstPerson ?? nearest)) return subject;
    return firstPerson ?? nearest ?? this.beforeCue(cue, floor) ?? subject;
  }

  /** The first verb of the clause from floor, before `to`; -1 if none. */
  private firstVerb(floor: number, to: number): number {
    for (let k = floor; k < to; k++) {
      const t = this.tokens[k]!;
      // (not a participle before a noun: "elected officials … say")
      if ((t.pos === 'VERB' || t.pos === 'AUX') && !/^[A-Z]/.test(t.text) && !roleAt(this.words, k) && !this.owner.has(k) && !this.attributiveAt(k, to)) return k;
    }
    return -1;
  }

  /** Is the mention in the clause's subject, before its first verb and not inside a prepositional phrase? */
  private beforeFirstVerb(floor: number, cue: number, sp: Speaker | undefined): boolean {
    if (!sp) return false;
    const at = tokenAt(this.tokens, sp.source.start);
    const v = this.firstVerb(floor, cue + 1);
    if (v >= 0 && at > v) return false;
    for (let k = floor; k < at; k++) if (this.tokens[k]!.pos === 'ADP' && !/^(of)$/.test(this.words[k]!)) return false;
    return true;
  }

  /** The noun phrase opening the clause, up to its first verb, as a speaker ("Small groups of protesters"). */
  private openingSubject(floor: number, cue: number): Speaker | undefined {
    // a quotation earlier in the sentence is not the subject: start after its closing mark
    for (let k = cue - 1; k >= floor; k--) if (/^["“”«»]$/.test(this.tokens[k]!.text)) { floor = k + 1; break; }
    // the clause holding the cue starts after a comma; try the nearest clause first
    // ("Once in my 20s, when my mother …, I laughed and said"; "At his cookout, the band leader called …")
    const starts = [floor];
    for (let k = floor; k < cue; k++) if (this.tokens[k]!.text === ',') starts.push(k + 1);
    for (const from of starts.reverse()) {
      if (from >= cue) continue;
      const v = this.firstVerb(from, cue + 1);
      if (v <= from) continue;
      if (/^(ADP|SCONJ|PART|ADV|CCONJ|PRON)$/.test(this.tokens[from]!.pos) && !PRONOUNS.has(this.words[from]!)) continue;
      // "…, looping the streets": a participle clause has no subject of its own
      if (/^[a-z]+ing$/.test(this.tokens[from]!.text)) continue;
      let end = from;
      while (end < v && (this.tokens[end]!.pos !== 'ADP' || this.words[end] === 'of')) end++;
      if (end === from) continue;
      const sp = this.inPhrase(from, end, true);
      if (sp) return sp;
    }
    return undefined;
  }
}
