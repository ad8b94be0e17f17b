/**
 * Quotes: what was said and who said it. Rules, in order:
 *  1. quotation marks (marks.ts), each classified direct, partial or scare and given a speaker
 *     from a cue after (""…," X said", ""…" ― X"), before ("X said: "…"", "according to X, "…"")
 *     or a neighbouring quote of the same speaker;
 *  2. sentences closed by a dash attribution ("… - Putin added", "… - writes Bloomberg");
 *  3. "according to X" claims;
 *  4. reported speech without marks ("X stated that …", "X said on Monday it …");
 *  5. claims closed by their source ("…, officials said on Monday.").
 * Speakers are found by speakers.ts.
 */
import type { NewsDoc, QuoteRecord, Sentence, Span, Stage, TimeRecord, Token } from '../../doc/types.js';
import { firstAtOrAfter, span, tokenAt, tokenSpan, trimSpan } from '../../doc/span.js';
import { shapedQuote } from '../../doc/records.js';
import { datelineEnd } from '../../doc/dateline.js';
import { learnedCueLexicon, phraseAt, roleAt, type Cues } from '../../resources/lexicons.js';
import { WordFilter } from '../../resources/word-filter.js';
import { findQuotedSpans, type QuotedSpan } from './marks.js';
import { Speakers, type Speaker } from './speakers.js';

const DASHES = new Set(['-', '–', '—', '--', '―']);
/** One of DASHES; the first character's code turns away nearly every token before the Set is asked. */
const isDash = (w: string) => {
  const c = w.charCodeAt(0);
  return (c === 45 || (c >= 0x2013 && c <= 0x2015)) && DASHES.has(w);
};
/** Words naming a work whose title follows in quotation marks. */
const TITLE_NOUNS = /^(documentary|film|movie|book|books|novel|memoir|series|sitcom|programme|broadcast|episode|song|album|musical|titled|entitled|magazine|newspaper|column|op-ed|essay|podcast|hashtag|slogan|exhibit|exhibition)$/;
const QUOTE_MARK = /^["“”«»„]$/;
/** Nouns that introduce what someone or something said after a colon: "From the report:" */
const NOMINAL_SPEAKER = /^(report|statement|letter|memo|email|e-mail|tweet|post|ad|advert|release|transcript|filing|spokes(man|woman|person)|official|officials|aide|adviser|advisor|spokesperson|campaign|committee|agency|ministry|department|office|court|ruling|judge)$/;

interface Attribution { speaker: Speaker | undefined; cue: Span | undefined; rule: string }

/** Verbs that attribute a finding rather than speech ('the survey shows that …'). */
// word lists asked of every token are Sets: a look-up costs less than running a regex
const EVIDENCE_VERBS = new Set(['show', 'shows', 'showed', 'shown', 'found', 'finds', 'find', 'indicates', 'indicated', 'revealed', 'reveals', 'suggests', 'suggested', 'concluded', 'concludes', 'determined', 'confirms', 'confirmed']);
/** Nouns of evidence, whose "show" or "found" reports a claim without "that": "Polls show a close contest". */
const EVIDENCE_NOUNS = new Set(['poll', 'polls', 'polling', 'survey', 'surveys', 'study', 'studies', 'analysis', 'analyses', 'data', 'report', 'reports', 'records',
  'documents', 'research', 'review', 'audit', 'average', 'averages', 'figures', 'statistics', 'numbers', 'estimates', 'investigation', 'findings', 'panel', 'judge', 'jury', 'court']);
/** Verbs of demand: "called for a ban", "called on Trump to apologize", "urges supporters to vote". */
const DEMAND_CUES = new Set(['called', 'calls', 'call', 'calling', 'urged', 'urges', 'urge', 'urging']);
/** Things that "call for" what they specify: "the plan calls for construction of …". */
const NON_AGENTS = /\b(plans?|projects?|forecasts?|agreements?|proposals?|budgets?|bills?|deals?|contracts?|programs?|programmes?|schemes?|targets?|legislation|laws?|measures?|rules|offers?|accords?|packages?|strateg(y|ies)|guidelines?|settlements?|drafts?|resolutions?|terms|recipes?|designs?|models?|sales?|transactions?|mergers?|acquisitions?)$/i;
/** Verbs that report a question ('Todd asked Pence whether …'). */
const ASKING_VERBS = new Set(['asked', 'asks', 'ask', 'asking', 'wondered', 'wonders', 'questioned']);
/** Tokens that end an inset source's stretch of words ('…, Mr. Clarke said, …'). */
const INSET_BREAKS = new Set([',', ';', ':', '.', '!', '?', '"', '“', '”']);

/** Cues that open a source's closing phrase after a comma ('…, said Brian Baker, a longtime adviser.'). */
const CUES_AFTER_COMMA = new Set(['said', 'says', 'added', 'wrote', 'noted']);
/** Cues that close a claim after its source ('…, Ukrainian officials said.'); the closing cues learned from PolNeAR count too. */
/** Present forms of saying that read as nouns out of context: '"…," the Saudis state'. */
const PRESENT_CUES = new Set(['state', 'states', 'note', 'notes', 'claim', 'claims', 'answer', 'answers', 'reply', 'replies', 'report', 'reports', 'add', 'adds', 'warn', 'warns', 'write', 'writes', 'argue', 'argues', 'insist', 'insists']);
/** The forms of "tell", which name an addressee before what they report. */
const TELL_FORMS = new Set(['told', 'tell', 'tells', 'telling']);
const CLOSING_CUES = new Set(['said', 'says', 'say', 'added', 'noted', 'reported', 'told', 'wrote', 'stated', 'claimed', 'announced']);

/** Bits naming the sentence rules a word can set off: a sentence without the word skips the rule's scan. */
const ACCORDING = 1;
const CLAUSE_CUE = 2;
const ASKING = 4;
/** Bit for rule 4c: a demand ("called for", "called on X to", "urged X to"). */
const DEMANDING = 64;
const COMMA = 8;
const CLOSING = 16;
let triggerWords: { cues: Cues; closing: Set<string>; bits: Map<string, number>; filter: WordFilter } | undefined;

/**
 * The words that rules 3 ("according"), 4 (a clause cue), 4b (an asking verb), 5 (a closing cue)
 * and 6 (a comma) look for, with their bits, and a filter over them.
 */
function ruleTriggers(cues: Cues, closing: Set<string>): { bits: Map<string, number>; filter: WordFilter } {
  if (triggerWords?.cues === cues && triggerWords.closing === closing) return triggerWords;
  const bits = new Map<string, number>();
  const add = (word: string, bit: number) => bits.set(word, (bits.get(word) ?? 0) | bit);
  add('according', ACCORDING);
  for (const word of EVIDENCE_VERBS) add(word, CLAUSE_CUE);
  for (const word of cues.thatVerbs) add(word, CLAUSE_CUE);
  for (const word of ASKING_VERBS) add(word, ASKING);
  for (const word of DEMAND_CUES) add(word, DEMANDING);
  add(',', COMMA);
  for (const word of [...CUES_AFTER_COMMA, ...CLOSING_CUES, ...closing]) add(word, CLOSING);
  triggerWords = { cues, closing, bits, filter: new WordFilter(bits.keys(), 12) };
  return triggerWords;
}
/** Verbs of saying made of a verb and a particle: 'shot back', 'went on', 'points out'. */
const PHRASAL_CUES = /^(shot|fired|hit|hits|snapped|struck|pushed) back$|^(went|goes|pressed|pushed) on$|^(points?|pointed) out$/;

/**
 * The words quoted inside reported speech, without the punctuation American style sets inside
 * the closing mark ('a "Western-provoked coup in Kyiv," and not …'); "U.S." keeps its stop.
 */
function quotedWords(text: string, words: Span): Span {
  let end = words.end;
  while (end > words.start && /[,;:]/.test(text[end - 1]!)) end--;
  if (text[end - 1] === '.' && !/(^|[\s.])\p{L}{1,2}\.$/u.test(text.slice(words.start, end))) end--;
  return trimSpan(text, words.start, end);
}

export function findQuotes(doc: NewsDoc): QuoteRecord[] {
  const { text, tokens, sentences, paragraphs } = doc;
  const sp = new Speakers(doc);
  const { words, cues } = sp;
  const closingCues = learnedCueLexicon().closing;
  const { bits: triggerBits, filter: triggerFilter } = ruleTriggers(cues, closingCues);
  const phrasalCue = (k: number) => PHRASAL_CUES.test(`${words[k]} ${words[k + 1]}`);
  const out: QuoteRecord[] = [];
  /** The first time expression ending at each offset (as a scan of doc.times in order finds it), once, not per sentence. */
  const timeEndingAt = new Map<number, TimeRecord>();
  for (const t of doc.times) if (!timeEndingAt.has(t.end)) timeEndingAt.set(t.end, t);
  /** The sentence holding offset, else the first one after it (binary search: long articles have thousands). */
  const sentenceOf = (offset: number): Sentence | undefined => {
    const i = lastStartingBy(sentences, offset);
    const s = sentences[i];
    return s && offset < s.end ? s : sentences[i + 1];
  };
  const paragraphOf = (offset: number): Span | undefined => {
    const p = paragraphs[lastStartingBy(paragraphs, offset)];
    return p && offset < p.end ? p : undefined;
  };
  /** Index of the last quotation closed before offset, -1 if none (quotations do not overlap, so their closes are in order). */
  const lastClosedIndex = (offset: number): number => firstAtOrAfter(quoted, offset, (q) => q.close) - 1;
  const lastClosedBefore = (offset: number): QuotedSpan | undefined => quoted[lastClosedIndex(offset)];

  /** After a closing mark: '," he said', '," said Rep. X (D-N.Y.)', '," X, a spokesman, said', '” ― Name'. */
  const cueAfter = (closeTok: number, s: Sentence, continues = false): Attribution | undefined => {
    // after '…,"' the sentence goes on with its attribution, so any past-tense verb next to a name
    // is the cue ('"…," Toomey fumed', '"…," beamed Donald Hartley')
    // ('"…," the Saudis state in the white paper': a present form the cue lexicon keeps as a noun, there too)
    const isCue = (k: number) => sp.isCue(k) || (continues && (/^[a-z]{2,}ed$/.test(tokens[k]!.text) || PRESENT_CUES.has(words[k]!)) && !roleAt(words, k)
      && (tokens[k]!.pos === 'VERB' || /^[A-Z]/.test(tokens[k - 1]?.text ?? '') || /^(he|she|they|i|we)$/.test(words[k - 1] ?? '') || (k > closeTok + 1 && /^(PROPN|NOUN)$/.test(tokens[k - 1]!.pos))));
    let k = closeTok;
    let dashed = false;
    while (k < s.tokenEnd && (tokens[k]!.text === ',' || isDash(tokens[k]!.text))) { dashed ||= isDash(tokens[k]!.text); k++; }
    if (k >= s.tokenEnd || QUOTE_MARK.test(tokens[k]!.text)) return undefined;
    if (isCue(k)) return { speaker: sp.afterCue(k, s, true), cue: tokenSpan(text, tokens, k, k + 1), rule: 'marks+cue-after' };
    // '"…," according to CNN.'
    if (words[k] === 'according' && words[k + 1] === 'to') {
      const speaker = sp.afterCue(k + 1, s, true);
      if (speaker) return { speaker, cue: tokenSpan(text, tokens, k, k + 2), rule: 'marks+according-to' };
    }
    // '," Malkia Cyril, the executive director at the Center, who also appears in the film, told …':
    // a name and a long appositive set off by commas, then the cue
    const named = sp.mentionAt(k);
    if (named) {
      const after = tokenAt(tokens, named.source.end);
      if (tokens[after]?.text === ',') {
        for (let c = after + 1; c < s.tokenEnd && c <= after + 30; c++) {
          if (QUOTE_MARK.test(tokens[c]!.text) || /^[.;!?]$/.test(tokens[c]!.text)) break;
          if (tokens[c]!.text === ',' && isCue(c + 1)) return { speaker: named, cue: tokenSpan(text, tokens, c + 1, c + 2), rule: 'marks+cue-after' };
        }
      }
    }
    // '"…," when Clinton blasted him': a subordinate clause, not an attribution; nor is a relative
    // clause after the quotation's bracket ('(SE stands for "system expansion"), which Apple says will …')
    if (/^(when|as|while|because|after|before|if|since|until|though|although|where)$/.test(words[k]!)) return undefined;
    if (words[k] === ')' && words[k + 1] === ',' && words[k + 2] === 'which') return undefined;
    // the first cue within a short stretch that holds only the speaker's noun phrase (and an appositive)
    for (let j = k + 1; j < s.tokenEnd && j <= k + 14; j++) {
      if (QUOTE_MARK.test(tokens[j]!.text)) break;
      const back = phrasalCue(j); // '"…," Bennett shot back', '"…," Trump went on'
      if (isCue(j) || back) {
        // '"…," the dawn of the movement, Bozell says': the name just before the cue, after a comma
        let from = k;
        for (let c = j - 1; c > k; c--) if (tokens[c]!.text === ',') { from = sp.inPhrase(c + 1, j, true)?.entity && !sp.inPhrase(k, c)?.entity ? c + 1 : k; break; }
        let end = j;
        while (end - 1 > from && tokens[end - 1]!.pos === 'AUX' && /^(has|have|had|would|will|did|does)$/.test(words[end - 1]!)) end--;
        const speaker = sp.inPhrase(from, end, true);
        if (speaker) return { speaker, cue: tokenSpan(text, tokens, j, back ? j + 2 : j + 1), rule: 'marks+cue-after' };
        break;
      }
      // '"…," Sotomayor has said': an auxiliary before the cue
      if (tokens[j]!.pos === 'AUX' && /^(has|have|had|would|will|did|does|later|also)$/.test(words[j]!) && isCue(j + 1)) continue;
      // a verb ends the stretch, but not a title read as one ("press secretary")
      if ((tokens[j]!.pos === 'VERB' || tokens[j]!.pos === 'AUX') && !/^(,)$/.test(words[j - 1]!) && !roleAt(words, j) && !sp.mentionAt(j)) break;
    }
    // "” ― Julie A. Diaz Martinez": a name after a dash, nothing else
    if (dashed) {
      let end = k;
      while (end < s.tokenEnd && !/^[.;!?"“”]$/.test(tokens[end]!.text) && end < k + 8) end++;
      const speaker = sp.inPhrase(k, end);
      if (speaker && /^[A-Z]/.test(speaker.source.text)) return { speaker, cue: undefined, rule: 'marks+dash-name' };
    }
    return undefined;
  };

  /** Before an opening mark in its sentence: 'X said: "…"', 'According to X, "…"', 'X called on Y to "…"'. */
  const cueBefore = (openTok: number, s: Sentence): (Attribution & { cueTok: number }) | undefined => {
    for (let k = openTok - 1; k >= s.tokenStart; k--) {
      if (QUOTE_MARK.test(tokens[k]!.text) && k < openTok - 1) return undefined; // another quote in between
      if (words[k] === 'according' && words[k + 1] === 'to') {
        // any noun phrase is the source, as for claims: 'according to the union, …'
        const speaker = sp.afterCue(k + 1, s, true);
        return { speaker, cue: tokenSpan(text, tokens, k, k + 2), rule: 'marks+according-to', cueTok: k };
      }
      // 'Republican pollster Daron Shaw: "…"': a name and a colon introduce the quotation
      if (k === openTok - 1 && tokens[k]!.text === ':') {
        const named = sp.mentionAt(k - 1);
        if (named && sp.entityOf(named.entity)?.type === 'PERSON' && tokenAt(tokens, named.source.end) === k) {
          return { speaker: named, cue: undefined, rule: 'marks+name-colon', cueTok: k };
        }
      }
      // 'Hillary shot back, "…"', 'Rubio fired back: "…"'
      if (k - 1 >= s.tokenStart && phrasalCue(k - 1)) {
        return { speaker: sp.subjectBefore(k - 1, s), cue: tokenSpan(text, tokens, k - 1, k + 1), rule: 'marks+cue-before', cueTok: k };
      }
      if (!sp.isCue(k)) continue;
      let cue = tokenSpan(text, tokens, k, k + 1);
      // '"…," Cruz said, adding: "…"': the participle shares the speaker of the cue before it
      if (/ing$/.test(words[k]!) && words[k - 1] === ',' && sp.isCue(k - 2)) {
        const speaker = sp.mentionAt(k - 3) ?? sp.afterCue(k - 2, s, true) ?? sp.subjectBefore(k - 2, s);
        if (speaker) return { speaker, cue, rule: 'marks+cue-before', cueTok: k };
      }
      // 'Said Ellis: "…"': the speaker follows the cue
      if (k === s.tokenStart && /^[,:]$/.test(tokens[openTok - 1]?.text ?? '')) {
        const speaker = sp.inPhrase(k + 1, openTok - 1);
        if (speaker) return { speaker, cue, rule: 'marks+cue-before', cueTok: k };
      }
      if (words[k + 1] === 'on' && /^(call|calls|called|calling)$/.test(words[k]!)) cue = tokenSpan(text, tokens, k, k + 2);
      return { speaker: sp.subjectBefore(k, s), cue, rule: 'marks+cue-before', cueTok: k };
    }
    return undefined;
  };

  /** 'He said:' or 'Mr. Obama said at a dinner …' in the sentence before a quote that has no cue of its own. */
  const cueInSentenceBefore = (s: Sentence): (Attribution & { cueTok: number }) | undefined => {
    const prev = sentences[s.index - 1];
    if (!prev || prev.paragraph < s.paragraph - 1 || /["“”]/.test(prev.text)) return undefined;
    for (let k = prev.tokenEnd - 1; k >= prev.tokenStart; k--) {
      if (!sp.isCue(k) || tokens[k]!.pos !== 'VERB') continue;
      const speaker = sp.subjectBefore(k, prev) ?? sp.afterCue(k, prev);
      if (!speaker) return undefined;
      return { speaker, cue: tokenSpan(text, tokens, k, k + 1), rule: 'marks+cue-in-sentence-before', cueTok: -1 };
    }
    // 'Trump issued the following statement:' with no reporting verb
    if (tokens[prev.tokenEnd - 1]?.text === ':') {
      const speaker = colonIntroducer(prev.tokenEnd - 1, prev);
      if (speaker) return { speaker, cue: undefined, rule: 'marks+colon-intro', cueTok: -1 };
    }
    return undefined;
  };

  /**
   * Who introduces a quotation after a colon with no reporting verb ('She then addressed the
   * crowd again:', 'From the report:'): the clause's subject, when it names someone (an entity,
   * a pronoun, or a noun such as "the report" or "the spokesman").
   */
  function colonIntroducer(colon: number, s: Sentence): Speaker | undefined {
    const speaker = sp.subjectBefore(colon, s);
    if (!speaker) return undefined;
    const last = speaker.source.text.split(/\s+/).pop()!.toLowerCase();
    return speaker.entity || /^(he|she|they|we|i)$/i.test(speaker.source.text) || NOMINAL_SPEAKER.test(last) ? speaker : undefined;
  }

  /**
   * Is the cue (with its speaker) set into a sentence the writer began: 'If she wins, he said, "…"'?
   * A one-word opener ('Still, she added,') does not count.
   */
  function insetCue(att: Attribution & { cueTok: number }, s: Sentence): boolean {
    // the cue is set off by commas on both sides ('…, he said, "…"'), not followed by its object
    if (att.cueTok < 0 || tokens[att.cueTok + 1]?.text !== ',') return false;
    // back from the cue over its subject ('Mr. Barrett said') to the comma that sets it in
    let first = Math.min(att.cueTok, att.speaker ? tokenAt(tokens, att.speaker.source.start) : att.cueTok);
    while (first > s.tokenStart && first > att.cueTok - 8 && !/^[,;:"“”]$/.test(tokens[first - 1]!.text) && tokens[first - 1]!.pos !== 'VERB') first--;
    if (tokens[first - 1]?.text !== ',') return false;
    let from = Math.max(s.start, datelineEnd(text));
    const earlier = lastClosedBefore(tokens[first]!.start);
    if (earlier && earlier.close >= from) from = earlier.close + 1;
    const lead = text.slice(from, tokens[first - 1]!.start).match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
    return lead.length >= 2;
  }

  /** Does the comma at `comma` close the cue's own phrase ('He added,', 'told his supporters on Monday,')? */
  function closesCuePhrase(att: { cueTok: number }, comma: number): boolean {
    if (att.cueTok < 0 || comma - att.cueTok > 8) return false;
    for (let k = att.cueTok + 1; k < comma; k++) if (/^[,;:"“”]$/.test(tokens[k]!.text) || tokens[k]!.pos === 'VERB' || tokens[k]!.pos === 'AUX' || words[k] === 'that') return false;
    return true;
  }

  /** Does the quotation run to the end of its sentence? */
  function endsParagraphOrSentence(qs: QuotedSpan, closing: Sentence): boolean {
    return /^[\s.,!?;]*$/.test(text.slice(Math.min(qs.close + 1, text.length), closing.end));
  }

  /** '"…," he said, but "…"': only an attribution stands between two parts of one quotation. */
  const interrupts = (a: QuotedSpan, b: QuotedSpan, att: Attribution | undefined) => {
    const gap = text.slice(a.close + 1, b.open);
    if (gap.length > 120 || /\n/.test(gap) || /[.!?]\s/.test(gap.replace(/\b[A-Z][a-z]{0,3}\./g, '')) || !att?.cue) return false;
    // '"…," he said, adding that "…"': the second part is reported speech, not the quotation resumed
    if (!/[,:]\s*$/.test(gap) || /\bthat\b/i.test(gap)) return false;
    return att.cue.start > a.close && att.cue.end <= b.open;
  };

  /** Words of the sentence before the opening mark, other quotations and a dateline left out. */
  const hasLeadIn = (s: Sentence, qs: QuotedSpan): boolean => {
    let from = Math.max(s.start, datelineEnd(text));
    const para = paragraphOf(qs.open);
    if (para) from = Math.max(from, para.start);
    // the last 300 characters say it (a sentence of thousands of quoted words stays linear),
    // starting outside any quotation
    if (qs.open - from > 300) {
      from = qs.open - 300;
      const cut = quoted[lastClosedIndex(from + 1) + 1];
      if (cut && cut.open < from && from <= cut.close) from = cut.close + 1;
    }
    let lead = text.slice(from, Math.max(from, qs.open));
    for (let i = lastClosedIndex(qs.open); i >= 0 && quoted[i]!.open >= from; i--) lead = lead.replace(text.slice(quoted[i]!.open, quoted[i]!.close + 1), ' ');
    lead = lead.slice(lead.lastIndexOf('\n') + 1);
    // set off by a colon ("… told the crowd: "…""), the quotation stands as a sentence of its own
    if (/:\s*$/.test(lead)) return false;
    return /[\p{L}\p{N}]{2,}/u.test(lead.replace(/^\s*(and|but|or|so|then)\b/i, ''));
  };

  /** A sentence written in title case throughout, as headlines are (once per sentence). */
  const headlines = new Map<number, boolean>();
  const isHeadline = (s: Sentence): boolean => {
    let h = headlines.get(s.index);
    if (h === undefined) {
      const long = s.text.split(/\s+/).filter((w) => /^\p{L}{4,}/u.test(w));
      h = long.length > 0 && long.filter((w) => /^[\p{Lu}\d]/u.test(w)).length / long.length > 0.7;
      headlines.set(s.index, h);
    }
    return h;
  };

  /**
   * Quotation marks around a name, not around speech: a title ("the documentary "13th"",
   * "On "Fox News Sunday,"", "MSNBC's "Morning Joe""), or a nickname inside a name
   * ("Marcia "Cia" Price").
   */
  const isTitleOrName = (qs: QuotedSpan, openTok: number, s: Sentence, before: { cueTok: number } | undefined): boolean => {
    const inner = text.slice(qs.contentStart, qs.contentEnd).replace(/[,.]$/, '').trim();
    const ws = inner.split(/\s+/).filter((w) => /\p{L}/u.test(w));
    if (!ws.length || ws.length > 10 || /[.!?;:]\s/.test(inner)) return false;
    const prev = tokens[openTok - 1];
    const next = tokens[tokenAt(tokens, qs.close + 1)];
    const capital = (w: string) => /^[\p{Lu}\d]/u.test(w);
    // "Marcia "Cia" Price", "Dwayne "The Rock" Johnson"
    if (ws.length <= 3 && prev && next && ws.every(capital) && /^\p{Lu}\p{Ll}+$/u.test(prev.text) && /^\p{Lu}\p{Ll}+$/u.test(next.text) && prev.pos === 'PROPN') return true;
    if (!prev || openTok <= s.tokenStart) return false;
    if (TITLE_NOUNS.test(prev.lower)) return true;
    // a headline is written in title case throughout: its quotations are not titles
    if (isHeadline(s)) return false;
    const titleCase = ws.filter((w) => w.replace(/\P{L}/gu, '').length >= 4).every(capital) && capital(ws[0]!);
    if (!titleCase || !ws.some((w) => w.replace(/\P{L}/gu, '').length >= 4)) return false;
    // "broadcast of "Fox News Sunday"", "MSNBC's "Morning Joe"", "at the "Road to Majority" conference"
    if (/^(of|on|in|at|the|'s|’s|s)$/.test(prev.lower)) return true;
    // a quoted title-case phrase with no cue right before it is a name, not speech
    return ws.length >= 3 && !(before && before.cueTok >= openTok - 2);
  };

  // 1. Quotation marks
  const quoted = findQuotedSpans(text, paragraphs);
  sp.setQuoted(quoted);
  // a partial quotation (quoted words inside reported speech) becomes, below, one indirect
  // attribution whose content is the whole reported clause (PARC/PolNeAR's convention); newsgraph
  // no longer emits the contract's 'mixed' kind, which PolNeAR would not count as direct either
  const marked: { q: QuoteRecord; qs: QuotedSpan; att?: Attribution; s: Sentence; closing: Sentence; partial: boolean }[] = [];
  /** The quotation before qs in its sentence, when it is reported speech with a cue. */
  const sameSentencePrev = (s: Sentence, qs: QuotedSpan) => {
    const prev = marked[marked.length - 1];
    if (!prev || prev.qs.close < s.start || /\n/.test(text.slice(prev.qs.close, qs.open))) return undefined;
    return (prev.partial || prev.q.kind === 'direct') && prev.att?.cue ? prev : undefined;
  };
  // (each quotation and each sentence is read by a function of its own: as one body, findQuotes
  // was 11 KB of bytecode that the optimising compiler took about half a second to compile, anew
  // after each deoptimisation; split, only the hot parts are compiled, each on its own)
  const markQuotation = (qs: QuotedSpan): void => {
    const content = trimSpan(text, qs.contentStart, qs.contentEnd);
    if (!content.text) return;
    const s = sentenceOf(qs.open);
    if (!s) return;
    const openTok = tokenAt(tokens, qs.open);
    const closeTok = tokenAt(tokens, qs.close + 1);
    const contentWords = content.text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
    const endsSentence = /[.!?…]["”’]?$/.test(content.text) || /^[.!?]/.test(text.slice(qs.close + 1, qs.close + 2));
    // the cue after the quote is in the sentence holding the closing mark (a quote may span paragraphs)
    const closing = sentenceOf(Math.max(qs.open, qs.close - 1)) ?? s;
    // an unlisted verb after the quotation only counts when no cue stands before it
    // ('as she angrily said, "…," the council voted again' is hers)
    const cuedBefore = cueBefore(openTok, s);
    const commaInside = /[,?!]$/.test(text.slice(qs.contentStart, qs.contentEnd).trimEnd()) && !cuedBefore;
    let after = closeTok < closing.tokenEnd ? cueAfter(closeTok, closing, commaInside) : undefined;
    // '"…?" Vitter demanded.', '"…!" she shouted.': the sentence ended inside the marks, the cue follows it
    const nextSentence = sentences[closing.index + 1];
    if (!after && closeTok >= closing.tokenEnd && nextSentence && nextSentence.paragraph === closing.paragraph && /^\s*$/.test(text.slice(qs.close + 1, nextSentence.start))
      && (/[?!]$/.test(content.text) || /^\p{Ll}/u.test(nextSentence.text))) {
      // (any past-tense verb next to a name: '"…?" Hannity pressed.')
      after = cueAfter(nextSentence.tokenStart, nextSentence, true);
    }
    const endsParagraph = closeTok >= closing.tokenEnd - 1 && /^[.\s]*$/.test(text.slice(qs.close + 1, closing.end));
    if (!after && nextSentence && endsParagraph && /^[.\s]*$/.test(text.slice(qs.close + 1, nextSentence.start).replace(/\n/g, ' '))) {
      // '"…” ― Name' and '"…"⏎⏎- Bernie Sanders.': a name after a dash, in the next sentence or paragraph
      if (isDash(tokens[nextSentence.tokenStart]!.text) && nextSentence.paragraph <= closing.paragraph + 1) after = cueAfter(nextSentence.tokenStart, nextSentence);
      // '"…". Trump said.': a sentence of only the speaker and the cue
      else if (nextSentence.paragraph === closing.paragraph && nextSentence.tokenEnd - nextSentence.tokenStart <= 7) {
        const short = cueAfter(nextSentence.tokenStart, nextSentence);
        if (short?.speaker && short.cue && tokenAt(tokens, short.cue.end) >= nextSentence.tokenEnd - 1) after = short;
      }
    }
    // the mark opens the sentence, or follows only a dash or bracket ("— "…"")
    const opensSentence = openTok <= s.tokenStart || (openTok === s.tokenStart + 1 && /^[-–—―(•*]+$/.test(tokens[s.tokenStart]!.text));
    // '"We are delighted" by the vote, said X, a …': words of the writer's between the quote and its cue
    if (!after && !cuedBefore && opensSentence && closing === s) {
      const closed = claimClosedBySource(s);
      if (closed?.cue && closed.source && closed.cue.start > qs.close) after = { speaker: { entity: closed.speaker, source: closed.source }, cue: closed.cue, rule: 'marks+cue-at-sentence-end' };
    }
    let before = cuedBefore ?? (opensSentence && !after ? cueInSentenceBefore(s) : undefined);
    // 'She then turned to the crowd: "…"': whoever the clause before the colon is about introduces the quote
    if (!before && !after && tokens[openTok - 1]?.text === ':' && openTok - 1 > s.tokenStart) {
      const speaker = colonIntroducer(openTok - 1, s);
      if (speaker) before = { speaker, cue: undefined, rule: 'marks+colon-intro', cueTok: -1 };
    }
    let kind: 'direct' | 'partial' | 'scare';
    let att: Attribution | undefined;
    // words of the sentence's own before the mark ("With thousands of systems, "there is …," he said"):
    // the quotation is then only part of what is reported, a partial quote
    const leadIn = !opensSentence && hasLeadIn(s, qs);
    if (isTitleOrName(qs, openTok, s, before)) {
      kind = 'scare';
    } else if (after && (after.speaker || !before?.speaker)) {
      att = after;
      const colon = tokens[openTok - 1]?.text === ':';
      kind = !opensSentence && !colon && (before || leadIn) ? 'partial' : 'direct';
    } else if (before) {
      att = before;
      // 'X told his audience, "What has happened…"': a sentence set off by a comma or colon is quoted directly;
      // 'said that "…"', 'called it "improper"': quoted words inside reported speech are a partial quote
      const capital = /^[A-Z0-9[]/.test(content.text);
      // ('tweeted that, "…"' is still reported through "that")
      // ('He added, "actually, what I don't understand …"' too, unless the cue is set into the
      // writer's sentence: 'In cases of abortion, it said, "the woman is a victim."')
      const setOff = /^[,:]$/.test(tokens[openTok - 1]?.text ?? '') && (capital || (closesCuePhrase(before, openTok - 1) && !insetCue(before, s) && endsParagraphOrSentence(qs, closing))) && words[openTok - 2] !== 'that';
      // 'She says "we worked hard …."': a whole sentence as the object of a verb of saying is quoted
      // directly too, unless the cue sits in a relative clause ('a voice that said "…"')
      const sayVerb = /^(say|says|said|add|adds|added|admit|admits|admitted|shout|shouts|shouted|shouting|chant|chants|chanted|chanting|declare|declares|declared|tell|tells|told|write|writes|wrote|tweet|tweets|tweeted|exclaimed|yelled|yelling|insisted|insists|replied|replies|responded)$/;
      const relative = [1, 2, 3].some((d) => /^(that|which|who|whom|what)$/.test(words[before.cueTok - d] ?? ''));
      const wholeSentence = sayVerb.test(words[before.cueTok] ?? '') && !relative && endsParagraphOrSentence(qs, closing)
        && !/^(VERB|AUX)$/.test(tokens[openTok + 1]?.pos ?? '');
      // ('claimed "Trump exaggerates" the level of …' goes on after the quote: partial)
      const goesOn = !endsParagraphOrSentence(qs, closing) && !/^[\s]*[,;:)—–-]/.test(text.slice(qs.close + 1, qs.close + 4)) && !/[,.!?]$/.test(content.text);
      const rightAfterCue = before.cueTok === openTok - 1 && ((capital && !goesOn) || wholeSentence);
      kind = before.cueTok < 0 || setOff || rightAfterCue ? 'direct' : 'partial';
    } else if (sameSentencePrev(s, qs) && leadIn) {
      // '… is "a big problem" but "nobody talks about it"': a further fragment of the same reported speech
      const prev = sameSentencePrev(s, qs)!;
      kind = 'partial';
      att = prev.att;
    } else if (contentWords <= 4 && (!endsSentence || leadIn)) {
      kind = 'scare';
    } else {
      // no cue: a sentence of its own is quoted directly (its speaker may be a neighbour's);
      // quoted words inside a sentence of the writer's are a partial quote of someone unnamed
      kind = leadIn ? 'partial' : 'direct';
    }
    const prev = marked[marked.length - 1];
    if (kind === 'partial' && prev && prev.q.kind === 'direct' && interrupts(prev.qs, qs, att)) kind = 'direct';
    const q: QuoteRecord = {
      kind: kind === 'partial' ? 'indirect' : kind,
      content,
      speaker: kind === 'scare' ? null : att?.speaker?.entity ?? null,
      ...(att?.speaker && kind !== 'scare' ? { source: att.speaker.source } : {}),
      ...(att?.cue && kind !== 'scare' ? { cue: att.cue } : {}),
      rule: kind === 'scare' ? 'marks-no-cue' : att?.rule ?? 'marks-no-speaker',
    };
    marked.push({ q, qs, ...(att ? { att } : {}), s, closing, partial: kind === 'partial' });
  };
  for (const qs of quoted) markQuotation(qs);
  // A quote with no cue of its own continues its neighbour: '"…," he said. "…"' or '"…" "…," he said.'
  const nearby = (a: QuotedSpan, b: QuotedSpan, source: Span) => {
    const from = Math.min(a.close, b.close) + 1;
    const to = Math.max(a.open, b.open);
    const gap = text.slice(from, to);
    if (/\n\s*\n[^"“]/.test(gap) || /["“”]/.test(gap)) return false;
    // a long gap is fine when it is the attribution itself: '," said X, a physicist at Y. "…'
    return gap.length < 120 || (gap.length < 400 && source.start >= from && source.end <= to);
  };
  for (let pass = 0; pass < 2; pass++) {
    for (let n = 0; n < marked.length; n++) {
      const cur = marked[n]!;
      if (cur.q.rule !== 'marks-no-speaker') continue;
      const neighbour = pass === 0 ? marked[n - 1] : marked[n + 1];
      if (!neighbour || neighbour.q.kind === 'scare' || !neighbour.q.source || !nearby(cur.qs, neighbour.qs, neighbour.q.source)) continue;
      // quoted words inside a sentence of the writer's own are not the next sentence's speaker's
      // ('Japan branded it an "outlaw nation."' after a quote of someone else)
      if (cur.partial && neighbour.s.index !== cur.s.index) continue;
      cur.q.speaker = neighbour.q.speaker;
      cur.q.source = neighbour.q.source;
      cur.q.rule = 'marks+continuation';
      if (neighbour.att) cur.att = neighbour.att;
    }
  }
  out.push(...marked.filter((m) => !m.partial).map((m) => m.q));
  const insideMarks = (a: number, b: number) => quoted.some((q) => q.open < b && a <= q.close);
  /**
   * Speech already attributed over [a, b): a quotation with its cue, or a claim found above. A
   * scare quote or quoted words with no cue do not stop the rules below ('The "warm" ties
   * helped both, officials said.'); the words join the attribution found.
   */
  const speechBySentence = new Map<number, QuoteRecord[]>();
  const noteSpeech = (q: QuoteRecord) => {
    if (q.kind === 'scare') return;
    const first = sentenceOf(q.content.start)?.index ?? 0;
    const last = sentenceOf(Math.max(q.content.start, q.content.end - 1))?.index ?? first;
    for (let i = first; i <= last; i++) speechBySentence.set(i, [...(speechBySentence.get(i) ?? []), q]);
  };
  const speechIn = (a: number, b: number) => (speechBySentence.get(sentenceOf(a)?.index ?? -1) ?? []).some((q) => q.content.start < b && a < q.content.end);
  // the cues and speakers of the quotations' attributions, by offset, and where direct quotations open
  const attributionAt = new Map<number, number | undefined>();
  for (const o of marked) if (o.att) for (const x of [o.att.cue, o.att.speaker?.source]) if (x && !attributionAt.has(x.start)) attributionAt.set(x.start, o.att.cue?.start);
  const directOpens = new Set(marked.filter((o) => o.q.kind === 'direct').map((o) => o.qs.open));
  const hosts = new Map<string, QuoteRecord>();
  const speakerless = new Map<number, QuoteRecord>();
  /** Add quoted words to an attribution, in text order, once. */
  const addQuoted = (r: QuoteRecord, w: Span) => {
    const list = (r.quoted ??= []);
    const at = lastStartingBy(list, w.start);
    if (list[at]?.start === w.start) return;
    list.splice(at + 1, 0, w);
  };
  const unattributed: typeof marked = [];
  for (const m of marked) {
    if (!m.partial) continue;
    // no cue: wait for the sentence rules below, which may find who the sentence reports
    if (!m.att) { unattributed.push(m); continue; }
    // further quoted words of the same reported clause ('called it "reckless" and "a gift to them"')
    const key = `${m.s.index}:${m.att.cue?.start ?? -1}`;
    const host = m.att.cue ? hosts.get(key) : undefined;
    if (host) {
      const clause = partialClause(m);
      host.content = span(text, Math.min(host.content.start, clause.start), Math.max(host.content.end, clause.end));
      addQuoted(host, quotedWords(text, m.q.content));
      continue;
    }
    const record: QuoteRecord = { ...m.q, kind: 'indirect', content: partialClause(m), quoted: [quotedWords(text, m.q.content)], rule: `${m.q.rule}+partial-quote` };
    out.push(record);
    hosts.set(key, record);
  }
  for (const q of out) noteSpeech(q);
  const push = (q: QuoteRecord) => {
    out.push(q);
    noteSpeech(q);
  };

  /**
   * The reported clause around quoted words, as PARC annotates it: after the cue (and its "that",
   * its addressee, or the source named after it) when the cue comes first ('stated that the crisis
   * was caused by a "…" and not by …'); from the clause start to the closing mark when the cue
   * follows ('Yet the plan is a "…," Cole said'); the sentence when there is no cue.
   */
  function partialClause(m: (typeof marked)[number]): Span {
    const clause = clauseAround(m);
    // 'He added that "…"': a clause that is the quotation alone is its words, without the marks
    const wholeQuotation = clause.start >= m.qs.open && clause.end <= m.qs.close + 1;
    return wholeQuotation ? quotedWords(text, m.q.content) : clause;
  }

  function clauseAround(m: (typeof marked)[number]): Span {
    const { qs, att } = m;
    const floor = Math.max(m.s.start, datelineEnd(text), paragraphOf(qs.open)?.start ?? 0);
    const cue = att?.cue;
    if (cue && cue.end <= qs.open && (m.att as { cueTok?: number }).cueTok !== undefined && insetCue(m.att as Attribution & { cueTok: number }, m.s)) {
      // 'If she wins, he said, "…"': the writer's opening words are part of what is reported
      return trimSpan(text, floor, clauseEnd(m), ',.;: ');
    }
    if (cue && cue.end <= qs.open) {
      let from = tokenAt(tokens, cue.end);
      const openTok = tokenAt(tokens, qs.open);
      // 'According to X, the …', 'Said X: …': the source named after the cue is not content
      const source = att!.speaker?.source;
      if (source && source.start >= cue.end && source.end <= qs.open) {
        from = tokenAt(tokens, source.end);
        while (from < openTok && /^[,:]$/.test(tokens[from]!.text)) from++;
      }
      // 'told supporters on Wednesday that …': the clause starts after "that"
      for (let j = from; j < openTok && j < from + 8; j++) {
        // (not "that's": the clause's own subject and verb)
        if (words[j] === 'that' && !/^['’](s|re|ll|d)$/.test(words[j + 1] ?? '')) { from = j + 1; break; }
        if (tokens[j]!.pos === 'VERB' || tokens[j]!.pos === 'AUX' || QUOTE_MARK.test(tokens[j]!.text)) break;
      }
      return trimSpan(text, tokens[Math.min(from, openTok)]!.start, clauseEnd(m), ',.;: ');
    }
    // the clause starts after an earlier quotation of the sentence, or at the sentence
    let start = floor;
    const earlier = lastClosedBefore(qs.open);
    if (earlier && earlier.close >= floor) start = earlier.close + 1;
    if (cue && cue.start > qs.close) return trimSpan(text, start, Math.min(qs.close + 1, text.length), ',;: ');
    return trimSpan(text, start, clauseEnd(m), ',.;: ');
  }

  /** Where the reported clause holding a quotation ends: the sentence end, or a break after the closing mark. */
  function clauseEnd(m: (typeof marked)[number]): number {
    const s = m.closing;
    const end = Math.max(s.end, Math.min(m.qs.close + 1, text.length));
    const afterClose = tokenAt(tokens, m.qs.close + 1);
    for (let k = afterClose; k < s.tokenEnd; k++) {
      const w = words[k]!;
      // another quotation's speaker or cue later in the sentence ('…, "a bad idea," Reuters said')
      if (attributionAt.has(tokens[k]!.start) && attributionAt.get(tokens[k]!.start) !== m.att?.cue?.start) return tokens[words[k - 1] === ',' ? k - 1 : k]!.start;
      // a new clause: '; …', ' - a veiled hint at …', ', but …', ' and added …'
      if (w === ';' || (isDash(w) && /\s/.test(text[tokens[k]!.start - 1] ?? ''))) return tokens[k]!.start;
      if (w === ',' && /^(but|while|whereas|although|though)$/.test(words[k + 1] ?? '')) return tokens[k]!.start;
      if (w === 'and' && sp.isCue(k + 1)) return tokens[words[k - 1] === ',' ? k - 1 : k]!.start;
      // '… that "…" and left the room': right after the closing mark, "and" and a past verb go on with the writer's subject
      if (w === 'and' && k <= afterClose + 1 && tokens[k + 1]?.pos === 'VERB' && /ed$|^(left|went|took|gave|made|said|told|met|sent|came|began|held|won|lost|spent|kept|ran|saw|got|put|set|stood)$/.test(words[k + 1]!)) return tokens[words[k - 1] === ',' ? k - 1 : k]!.start;
      if (QUOTE_MARK.test(tokens[k]!.text) && directOpens.has(tokens[k]!.start)) return tokens[k]!.start;
    }
    return end;
  }

  const isCueAt = (k: number) => sp.isCue(k);
  const mentionAt = (k: number) => sp.mentionAt(k);
  const sentenceRules = (s: Sentence): void => {
    // 2. A sentence closed by a dash attribution: "… - Putin added." / "… - writes Bloomberg."
    const dash = dashAttribution(tokens, s, isCueAt, mentionAt);
    if (dash) {
      let contentStart = s.start;
      let speaker = dash.speaker;
      let cue = dash.cue;
      const acc = phraseAt(words, s.tokenStart, cues.according);
      let chainVia: string | undefined;
      if (acc) {
        const inner = sp.mentionAt(s.tokenStart + acc);
        if (inner) {
          chainVia = sp.entityOf(dash.speaker.entity)?.name;
          speaker = inner;
          cue = tokenSpan(text, tokens, s.tokenStart, s.tokenStart + acc);
          let k = tokenAt(tokens, inner.source.end);
          if (tokens[k]?.text === ',') k++;
          contentStart = tokens[k]!.start;
        }
      }
      const content = trimSpan(text, contentStart, dash.contentEnd, ',');
      if (!quoted.some((q) => q.open <= content.start && content.end <= q.close + 1)) {
        const speakerEntity = sp.entityOf(speaker.entity);
        const isOutletSpeech = !!speakerEntity && speakerEntity.type !== 'PERSON';
        // quoted words inside the sentence make it reported speech that quotes them, as PARC reads it
        const inner = marked.filter((m) => m.q.kind !== 'scare' && m.qs.open >= content.start && m.qs.close < content.end)
          .map((m) => quotedWords(text, m.q.content));
        const partial = insideMarks(content.start, content.end);
        push({
          kind: isOutletSpeech || acc || partial ? 'indirect' : 'direct',
          content,
          ...(partial && inner.length ? { quoted: inner } : {}),
          speaker: speaker.entity,
          source: speaker.source,
          cue,
          rule: (acc ? 'according-to+dash' : 'dash-attribution') + (partial && inner.length ? '+partial-quote' : ''),
          ...(chainVia ? { chain: [chainVia] } : {}),
        });
      }
      return;
    }
    // one look-up per token says which of the scans below can find anything in this sentence
    let triggers = 0;
    for (let k = s.tokenStart; k < s.tokenEnd; k++) if (triggerFilter.mayHave(words[k]!)) triggers |= triggerBits.get(words[k]!) ?? 0;
    // 3. "According to X, …" and "…, according to X."
    if (triggers & ACCORDING) for (let k = s.tokenStart; k < s.tokenEnd; k++) {
      if (words[k] !== 'according' || words[k + 1] !== 'to') continue;
      // "according to exit polls", "according to the event organizer": any noun phrase is the source
      const speaker = sp.afterCue(k + 1, s, true);
      if (!speaker) continue;
      const cue = tokenSpan(text, tokens, k, k + 2);
      let content: Span;
      if (k === s.tokenStart) {
        let c = tokenAt(tokens, speaker.source.end);
        if (tokens[c]?.text === ',') c++;
        content = trimSpan(text, tokens[Math.min(c, s.tokenEnd - 1)]!.start, s.end, '.');
      } else {
        content = trimSpan(text, Math.max(s.start, datelineEnd(text)), tokens[k]!.start, ',');
      }
      if (content.text && !speechIn(content.start, content.end)) {
        push({ kind: 'indirect', content, speaker: speaker.entity, source: speaker.source, cue, rule: 'according-to' });
      }
      break;
    }
    // a claim closed by its source ("…, the source added.") holds any report inside it (rule 5)
    const closingCue = triggers & CLOSING ? claimClosedBySource(s) : undefined;
    // 4. Reported speech: "X stated that …", "X said on Monday it …"
    const covered = speechIn;
    if (triggers & CLAUSE_CUE) for (let k = s.tokenStart + 1; k < s.tokenEnd - 2; k++) {
      const cue = clauseCueAt(k, s);
      if (!cue) continue;
      const byEvidence = cue === 'by-evidence';
      if (closingCue && closingCue.content.start <= tokens[k]!.start && tokens[k]!.end <= closingCue.content.end) break;
      const relative = relativeClaim(k, s);
      // (what evidence shows may be a small clause: "Polling averages show Clinton with a lead")
      const from = relative ? k + 1 : byEvidence && /^(DET|PROPN|NUM|PRON|ADJ|NOUN)$/.test(tokens[k + 1]!.pos) ? k + 1 : clauseAfterCue(k, s);
      if (from < 0) continue;
      const speaker = relative ? sp.inPhrase(relative.subject, k, true) : sp.subjectBefore(k, s);
      if (!speaker) continue;
      const content = trimSpan(text, tokens[from]!.start, relative ? tokens[relative.end - 1]!.end : s.end, '.');
      if (covered(content.start, content.end)) break; // a quotation's attribution holds it already
      push({ kind: 'indirect', content, speaker: speaker.entity, source: speaker.source, cue: tokenSpan(text, tokens, k, k + 1), rule: 'said-that' });
      break;
    }
    // 4a. A headline or transcript line: "Judicial Watch: State Department hid key email", "TAPPER: And …"
    const headline = colonClaim(s);
    if (headline && !covered(headline.content.start, headline.content.end)) push(headline);
    // 4b. Reported questions: "Todd asked Pence whether …", "Asked what he believed, he said …"
    const question = triggers & ASKING ? reportedQuestion(s) : undefined;
    if (question && !covered(question.content.start, question.content.end)) push(question);
    // 4c. A demand: "the NAACP called for a moratorium on charter schools", "Palmieri called on Trump to stop …"
    const demand = triggers & DEMANDING ? reportedDemand(s) : undefined;
    if (demand && !covered(demand.content.start, demand.content.end)) push(demand);
    // 5. A claim closed by its source: "…, Ukrainian officials said on Monday."
    if (closingCue && !covered(closingCue.content.start, closingCue.content.end)) push(closingCue);
    // 6. An attribution set into the claim: "Lenox was a juggernaut, Mr. Clarke said, until …"
    const inset = triggers & COMMA ? claimWithInsetSource(s) : undefined;
    if (inset && !covered(inset.content.start, inset.content.end)) push(inset);
  };
  for (const s of sentences) sentenceRules(s);

  /**
   * A demand made by the subject: "called for" and what is called for, "called on" or "urged" and
   * whom, to do what (to the clause's end). Calling someone something ("called him a liar") is no
   * demand.
   */
  function reportedDemand(s: Sentence): QuoteRecord | undefined {
    for (let k = s.tokenStart + 1; k < s.tokenEnd - 2; k++) {
      if (!DEMAND_CUES.has(words[k]!)) continue;
      // ("urges" is a verb whatever the tagger says: the noun is "urge")
      const urge = words[k]!.startsWith('urg');
      if (tokens[k]!.pos !== 'VERB' && !(urge && words[k] !== 'urge')) continue;
      const particle = !urge && (words[k + 1] === 'for' || words[k + 1] === 'on') ? 1 : 0;
      if (!urge && !particle) continue;
      const from = k + 1 + particle;
      // "called on X to V", "urged X to V": whom, then "to"
      if (urge || words[k + 1] === 'on') {
        let to = from;
        while (to < s.tokenEnd && to < from + 8 && words[to] !== 'to') to++;
        if (words[to] !== 'to' || to === from) continue;
      }
      const speaker = sp.subjectBefore(k, s);
      // "the plan calls for …", "the forecast called for …": a document specifies, no one demands
      if (!speaker || (!speaker.entity && NON_AGENTS.test(speaker.source.text))) continue;
      let end = from;
      while (end < s.tokenEnd && !/^[.;:!?]$/.test(tokens[end]!.text)) end++;
      if (end - from < 2) continue;
      const content = trimSpan(text, tokens[from]!.start, tokens[end - 1]!.end, ',');
      return { kind: 'indirect', content, speaker: speaker.entity, source: speaker.source, cue: tokenSpan(text, tokens, k, k + 1 + particle), rule: 'demand' };
    }
    return undefined;
  }

  /**
   * Does the word at k report a clause after it: a verb of saying ("stated that …", "said it …"),
   * an evidence verb with "that" ('A new poll shows that …'), or one after a poll, a study or
   * records ('Polls show a close contest': 'by-evidence')? undefined if not.
   */
  function clauseCueAt(k: number, s: Sentence): 'cue' | 'by-evidence' | undefined {
    const w = words[k]!;
    const evidenceVerb = EVIDENCE_VERBS.has(w);
    const byEvidence = evidenceVerb && words[k + 1] !== 'that' && evidenceBefore(k, s);
    // a cue word right before "that" after a subject is a verb whatever the tagger says ("AROS
    // argues that …", "Sharockman responded that …"), and so is one in -s between a name and a
    // clause ("Lynch notes they were appointed …")
    const reports = (evidenceVerb && words[k + 1] === 'that') || byEvidence
      || (words[k + 1] === 'that' && cues.speech.has(w) && /^(PROPN|NOUN|PRON)$/.test(tokens[k - 1]!.pos) && /(s|ed)$/.test(w))
      || (cues.thatVerbs.has(w) && tokens[k - 1]!.pos === 'PROPN' && /s$/.test(w) && /^(PRON|DET)$/.test(tokens[k + 1]!.pos))
      || (cues.thatVerbs.has(w) && tokens[k]!.pos === 'VERB');
    // "Multiple news reports and a detailed account … reveal": a cue word in -s after a noun's modifier is a noun
    if (!reports || sp.readsAsNoun(k)) return undefined;
    return byEvidence ? 'by-evidence' : 'cue';
  }

  /** Is a noun of evidence ("poll", "study", "records") the head of the subject right before the verb at k? */
  function evidenceBefore(k: number, s: Sentence): boolean {
    for (let j = k - 1, n = 0; j >= s.tokenStart && n < 4; j--) {
      // ("an arbitration panel in 2001 found": a date between is passed over)
      const inTime = doc.times.some((t) => t.start <= tokens[j]!.start && tokens[j]!.end <= t.end);
      if (inTime || (/^(in|on|last)$/.test(words[j]!) && doc.times.some((t) => t.start === tokens[j + 1]?.start))) continue;
      if (EVIDENCE_NOUNS.has(words[j]!)) return true;
      if (tokens[j]!.pos !== 'NOUN' && tokens[j]!.pos !== 'PROPN' && tokens[j]!.pos !== 'ADJ') return false;
      n++;
    }
    return false;
  }

  /**
   * ', which Apple says will operate 15-20 pct faster than …,': a claim in a relative clause, its
   * verb right after the cue; the subject's first token and the clause's end (the next comma or
   * the sentence's end), or undefined.
   */
  function relativeClaim(k: number, s: Sentence): { subject: number; end: number } | undefined {
    if (!/^(AUX|VERB)$/.test(tokens[k + 1]?.pos ?? '') || tokens[k + 1]!.sentence !== s.index) return undefined;
    let rel = k - 1;
    while (rel > s.tokenStart && k - rel <= 5 && !/^(which|who)$/.test(words[rel]!)) rel--;
    if (!/^(which|who)$/.test(words[rel]!) || words[rel - 1] !== ',' || rel + 1 >= k) return undefined;
    let end = k + 2;
    while (end < s.tokenEnd && !/^[,;:.!?]$/.test(tokens[end]!.text)) end++;
    return end - k >= 3 ? { subject: rel + 1, end } : undefined;
  }

  /** "Name: claim" opening a paragraph, as headlines and transcripts attribute (no quotation marks). */
  function colonClaim(s: Sentence): QuoteRecord | undefined {
    if (s.index > 0 && sentences[s.index - 1]!.paragraph === s.paragraph) return undefined; // it opens its paragraph
    let colon = s.tokenStart + 1;
    while (colon < s.tokenEnd && colon < s.tokenStart + 6 && tokens[colon]!.text !== ':') colon++;
    if (tokens[colon]?.text !== ':' || s.tokenEnd - colon < 4 || QUOTE_MARK.test(tokens[colon + 1]!.text)) return undefined;
    // "Note:", "Watch:", "Editor's note:" label the line, nobody says it
    if (/^(note|update|updated|correction|clarification|photo|photos|source|sources|related|watch|read|listen|video|image|credit|disclosure|warning|spoiler|tags?|via|ps|exclusive|breaking|analysis|opinion|commentary|explainer|factbox|live)$/i.test(words[colon - 1]!) && (colon - s.tokenStart === 1 || words[colon - 1] === 'note')) return undefined;
    const speaker = sp.inPhrase(s.tokenStart, colon);
    if (!speaker || !sp.namesOne(s.tokenStart, colon)) return undefined;
    const content = trimSpan(text, tokens[colon + 1]!.start, s.end, '.');
    return { kind: 'indirect', content, speaker: speaker.entity, source: speaker.source, cue: tokenSpan(text, tokens, colon, colon + 1), rule: 'name-colon' };
  }

  /**
   * A question reported through "asked" and a wh-word or "whether/if": the question is the content,
   * up to the comma that closes it ("Asked what …, he said") or the sentence end; the asker is
   * the subject before the cue, or nobody named when the sentence opens with "Asked".
   */
  function reportedQuestion(s: Sentence): QuoteRecord | undefined {
    for (let k = s.tokenStart; k < s.tokenEnd - 3; k++) {
      if (!ASKING_VERBS.has(words[k]!)) continue;
      // the one asked: a name or a short noun phrase ("asked Pence", "asked our followers")
      let j = k + 1;
      const who = sp.mentionAt(j);
      if (who) j = tokenAt(tokens, who.source.end);
      else while (j < s.tokenEnd && j < k + 5 && /^(DET|ADJ|NOUN|PRON)$/.test(tokens[j]!.pos) && !/^(what|who|whom|which|how|why|when|where|whether|if)$/.test(words[j]!)) j++;
      // "Asked on Fox News who leads the party"
      if (words[j] === 'on' || words[j] === 'in') { j++; const outlet = sp.mentionAt(j); if (outlet) j = tokenAt(tokens, outlet.source.end); }
      if (!/^(what|who|whom|which|how|why|when|where|whether|if)$/.test(words[j] ?? '')) continue;
      let end = j + 1;
      while (end < s.tokenEnd && !/^[;:"“”]$/.test(tokens[end]!.text) && !(tokens[end]!.text === ',' && k === s.tokenStart)) end++;
      if (end - j < 3) continue;
      const content = trimSpan(text, tokens[j]!.start, tokens[end - 1]!.end, ',.?');
      const speaker = k === s.tokenStart ? undefined : sp.subjectBefore(k, s);
      if (!speaker && k !== s.tokenStart) continue;
      return { kind: 'indirect', content, speaker: speaker?.entity ?? null, ...(speaker ? { source: speaker.source } : {}), cue: tokenSpan(text, tokens, k, k + 1), rule: 'asked' };
    }
    return undefined;
  }

  /** "A, X said, B." / "A, said X, B.": the source set off by commas inside the sentence; the whole sentence is the claim. */
  function claimWithInsetSource(s: Sentence): QuoteRecord | undefined {
    for (let open = s.tokenStart + 1; open < s.tokenEnd - 3; open++) {
      if (tokens[open]!.text !== ',') continue;
      let close = open + 1;
      while (close < s.tokenEnd && close <= open + 8 && !INSET_BREAKS.has(tokens[close]!.text)) close++;
      if (tokens[close]?.text !== ',' || close - open < 3 || close >= s.tokenEnd - 2) continue;
      // the cue ends the inset ("Mr. Clarke said") or opens it ("said Mr. Clarke")
      let cueTok = -1;
      let speaker: Speaker | undefined;
      if (/^(said|says|say|added|argued|noted|explained|wrote|insisted|recalled|acknowledged|believes|thinks)$/.test(words[close - 1]!) && (tokens[close - 1]!.pos === 'VERB' || /^(said|says|say)$/.test(words[close - 1]!))) {
        cueTok = close - 1;
        speaker = sp.inPhrase(open + 1, cueTok, true);
      } else if (/^(said|says|added|wrote)$/.test(words[open + 1]!)) {
        cueTok = open + 1;
        speaker = sp.inPhrase(open + 2, close, true);
      }
      if (cueTok < 0 || !speaker) continue;
      const content = trimSpan(text, Math.max(s.start, datelineEnd(text)), s.end, '.');
      return { kind: 'indirect', content, speaker: speaker.entity, source: speaker.source, cue: tokenSpan(text, tokens, cueTok, cueTok + 1), rule: 'claim-inset-source' };
    }
    return undefined;
  }

  /**
   * The end of the noun phrase "told" addresses at j ("reporters", "a press conference", "his
   * supporters in Ohio", "him"); j when there is none. A second determiner or a name after the
   * head noun starts the reported clause ("told reporters the plan …", "told reporters Trump …").
   */
  function addresseeEnd(j: number, s: Sentence): number {
    const end = Math.min(s.tokenEnd, j + 8);
    if (/^(him|them|us|me|you)$/.test(words[j]!)) return j + 1;
    let e = j;
    if (tokens[e]?.pos === 'DET' || /^(his|her|their|its|our|my|your)$/.test(words[e]!)) e++;
    while (e < end && /^(ADJ|NUM)$/.test(tokens[e]!.pos)) e++;
    const head = e;
    while (e < end && (tokens[e]!.pos === 'NOUN' || (tokens[e]!.pos === 'PROPN' && (e === head || tokens[e - 1]!.pos === 'PROPN')))) e++;
    if (e === head) return j;
    // "in Kentucky", "at the United Nations", "a meeting of Pacific Island leaders": where or whose
    if (/^(in|at|from|of)$/.test(words[e] ?? '')) {
      let p = e + 1;
      if (tokens[p]?.pos === 'DET') p++;
      const place = p;
      while (p < end && tokens[p]!.pos === 'PROPN') p++;
      while (p < end && tokens[p]!.pos === 'NOUN') p++;
      if (p > place) e = p;
    }
    return e;
  }

  /** Where the reported clause starts after a cue at k, skipping "on Monday", "in a statement"; -1 if none. */
  function clauseAfterCue(k: number, s: Sentence): number {
    let j = k + 1;
    let addressed = false;
    // "Leahy previously reported, The Clinton Foundation refused …": a comma, then a clause in capitals
    if (words[j] === ',' && /^[A-Z]/.test(tokens[j + 1]?.text ?? '') && j + 1 < s.tokenEnd && !sp.mentionAt(j + 1)) j++;
    for (let guard = 0; guard < 4 && j < s.tokenEnd; guard++) {
      const time = doc.times.find((t) => t.start <= tokens[j]!.start && tokens[j]!.start < t.end);
      if (time) { j = tokenAt(tokens, time.end); if (words[j] === ',') j++; continue; }
      if (/^(on|in|at|during)$/.test(words[j]!) && doc.times.some((t) => t.start === tokens[j + 1]?.start)) { j++; continue; }
      if (words[j] === 'in' && /^(a|an|the)$/.test(words[j + 1] ?? '') && /^(statement|interview|post|speech|letter|briefing)$/.test(words[j + 2] ?? '')) { j += 3; continue; }
      if (words[j] === 'on' && /^(x|twitter|telegram|facebook|television|tv)$/.test(words[j + 1] ?? '')) { j += 2; continue; }
      // "said after the convention he would not …": a short phrase of time or place, then the clause
      if (tokens[j]!.pos === 'ADP' && /^(after|before|during|at|in|on|since|following)$/.test(words[j]!)) {
        let p = j + 1;
        while (p < s.tokenEnd && p < j + 6 && /^(DET|ADJ|NOUN|PROPN|NUM)$/.test(tokens[p]!.pos)) p++;
        if (words[p] === ',') p++;
        if (p > j + 1 && /^(PRON|PROPN)$/.test(tokens[p]?.pos ?? '')) { j = p; continue; }
      }
      if (TELL_FORMS.has(words[k]!) && !addressed) {
        // the addressee, once, then the clause: "told Reuters", "told reporters the plan was dead",
        // "told a press conference the rate …", "told voters in Kentucky on Sunday that …"
        addressed = true;
        const who = sp.mentionAt(j);
        if (who) {
          j = tokenAt(tokens, who.source.end);
          // "told Breitbart News Daily host Alex Marlow": the outlet's person, named after a title
          let x = j;
          while (x < s.tokenEnd && x < j + 3 && tokens[x]!.pos === 'NOUN') x++;
          const named = x > j ? sp.mentionAt(x) : undefined;
          if (named && sp.entityOf(named.entity)?.type === 'PERSON') j = tokenAt(tokens, named.source.end);
          continue;
        }
        const e = addresseeEnd(j, s);
        if (e > j) { j = e; continue; }
      }
      break;
    }
    if (j >= s.tokenEnd - 1) return -1;
    // "told Alex Marlow on Thursday how surprised he is": after an addressee, a question's clause
    if (addressed && /^(how|why|what|whether|where|when)$/.test(words[j]!)) return j;
    // "says in Ohio that …", "says at a campaign stop in Toledo, Ohio, that …": "that" after a phrase with no verb
    if (words[j] !== 'that') {
      for (let x = j; x < s.tokenEnd - 2 && x < j + 12; x++) {
        const w = words[x]!;
        if (w === 'that') { if (!/^['’](s|re|ll|d)$/.test(words[x + 1] ?? '')) j = x; break; }
        // (a show's title in quotation marks may stand in the phrase: 'told MSNBC's "Morning Joe" that …')
        if (tokens[x]!.pos === 'VERB' || tokens[x]!.pos === 'AUX' || tokens[x]!.pos === 'PRON' || /^[.;:!?]$/.test(w)) break;
      }
    }
    if (words[j] === 'that') {
      // "As Ryan has pointed out, that's the textbook definition": "that's" is the clause's subject and verb
      if (/^['’](s|re|ll|d)$/.test(words[j + 1] ?? '')) return j;
      // "confirmed that observation, reporting:": "that" before a noun and no verb of its own is a determiner
      let v = j + 1;
      while (v < s.tokenEnd && /^(NOUN|ADJ|PROPN)$/.test(tokens[v]!.pos)) v++;
      if (v > j + 1 && (v >= s.tokenEnd || /^[,.:;!?]$/.test(tokens[v]!.text))) return -1;
      return j + 1 < s.tokenEnd - 1 ? j + 1 : -1;
    }
    // no "that": the clause must start like one (a subject) and have a verb of its own
    const t = tokens[j]!;
    // after "say", "says", "said" a clause may open with any noun phrase or adverb ("says too much is made of …")
    const sayVerb = /^(say|says|said)$/.test(words[k]!);
    // (and a noun the tagger read as a verb: "said praise from Putin would not …")
    const opens = /^(PRON|DET|PROPN|NUM)$/.test(t.pos) || (sayVerb && /^(NOUN|ADJ|ADV)$/.test(t.pos) && /^\p{L}/u.test(t.text))
      || (sayVerb && t.pos === 'VERB' && !/(ed|ing)$/.test(t.lower) && /^(ADP|DET)$/.test(tokens[j + 1]?.pos ?? ''));
    // ("no" before a noun is a determiner: "said no immediate decision had been made")
    const determinerNo = t.lower === 'no' && /^(ADJ|NOUN)$/.test(tokens[j + 1]?.pos ?? '');
    if (!opens || (!determinerNo && /^(what|which|who|so|yes|no|goodbye|hello|thanks|sorry|more|less|much|enough|little|nothing|something|anything|everything)$/.test(t.lower))) return -1;
    // "said this" is no clause, "said those statements were wrong" is
    if (/^(this|these|those|that)$/.test(t.lower) && !/^(NOUN|ADJ|PROPN)$/.test(tokens[j + 1]?.pos ?? '')) return -1;
    // the clause's own verb, after a subject of up to a dozen words ("the U.S. agreement with Iran over nuclear weapons is …")
    for (let v = j + 1; v < s.tokenEnd && v < j + 14; v++) if (tokens[v]!.pos === 'VERB' || tokens[v]!.pos === 'AUX') return j;
    return -1;
  }

  function claimClosedBySource(s: Sentence): QuoteRecord | undefined {
    let end = s.tokenEnd;
    if (/^[.!?]$/.test(tokens[end - 1]!.text)) end--;
    if (end - s.tokenStart < 5) return undefined;
    // trailing time: "said on Monday", "said Tuesday"
    const time = timeEndingAt.get(tokens[end - 1]!.end);
    if (time) { end = tokenAt(tokens, time.start); if (/^(on|in|at)$/.test(words[end - 1] ?? '')) end--; }
    if (/^(in)$/.test(words[end - 3] ?? '') && /^(statement|interview)$/.test(words[end - 1] ?? '')) end -= 3;
    const cueTok = end - 1;
    // "…, said Brian Baker, a longtime adviser." — the cue opens the closing phrase
    for (let c = end - 2; c > s.tokenStart + 3 && c >= end - 14; c--) {
      if (tokens[c]!.text !== ',' || !CUES_AFTER_COMMA.has(words[c + 1]!)) continue;
      const speaker = sp.afterCue(c + 1, s, true);
      if (!speaker) break;
      // a speaker phrase with a verb in it is a clause of its own: "…, said he had speculated …" (a
      // wrapped line ended the phrase there), not "…, said one GOP source in the room"
      let clause = false;
      for (let k = tokenAt(tokens, speaker.source.start); k < tokenAt(tokens, speaker.source.end); k++) if (tokens[k]!.pos === 'VERB' || tokens[k]!.pos === 'AUX') clause = true;
      if (clause) break;
      const content = trimSpan(text, Math.max(s.start, datelineEnd(text)), tokens[c]!.start, ',');
      if (!content.text) break;
      return { kind: 'indirect', content, speaker: speaker.entity, source: speaker.source, cue: tokenSpan(text, tokens, c + 1, c + 2), rule: 'claim-then-source' };
    }
    if (cueTok <= s.tokenStart + 3 || !(CLOSING_CUES.has(words[cueTok]!) || closingCues.has(words[cueTok]!))) return undefined;
    // the speaker between the last comma and the cue, or before an appositive or an "including"
    // phrase closed by a comma: "…, senior economists, including Susumu Taketomi of IBJ, said."
    let speakerEnd = cueTok;
    if (tokens[cueTok - 1]!.text === ',') {
      let open = cueTok - 2;
      while (open > s.tokenStart && tokens[open]!.text !== ',' && cueTok - open <= 14) open--;
      if (tokens[open]!.text !== ',') return undefined;
      speakerEnd = open;
    }
    let comma = speakerEnd - 1;
    while (comma > s.tokenStart && tokens[comma]!.text !== ',' && speakerEnd - comma <= 8) comma--;
    if (tokens[comma]!.text !== ',' || comma <= s.tokenStart + 2) return undefined;
    let speaker = sp.inPhrase(comma + 1, speakerEnd, true);
    if (!speaker) return undefined;
    // "…, Egypt's Minister of State for Foreign Affairs, Boutros Boutros Ghali, said.": the person the title is set beside
    if (speakerEnd < cueTok && sp.entityOf(speaker.entity)?.type !== 'PERSON') {
      const named = sp.inPhrase(speakerEnd + 1, cueTok - 1, true);
      if (named && sp.entityOf(named.entity)?.type === 'PERSON' && tokens[speakerEnd + 1]!.pos === 'PROPN') speaker = named;
    }
    const content = trimSpan(text, Math.max(s.start, datelineEnd(text)), tokens[comma]!.start, ',');
    return { kind: 'indirect', content, speaker: speaker.entity, source: speaker.source, cue: tokenSpan(text, tokens, cueTok, cueTok + 1), rule: 'claim-then-source' };
  }

  // quoted words with no cue of their own: part of a claim a rule above attributes, or
  // reported speech of someone the text does not name
  for (const m of unattributed) {
    const host = (speechBySentence.get(m.s.index) ?? []).find((r) => r.kind === 'indirect' && r.content.start <= m.qs.open && m.qs.close < r.content.end);
    if (host) {
      addQuoted(host, quotedWords(text, m.q.content));
      if (!host.rule.endsWith('+partial-quote')) host.rule += '+partial-quote';
      continue;
    }
    const content = partialClause(m);
    const same = speakerless.get(content.start);
    if (same) {
      addQuoted(same, quotedWords(text, m.q.content));
      continue;
    }
    const record: QuoteRecord = { ...m.q, kind: 'indirect', content, quoted: [quotedWords(text, m.q.content)], rule: `${m.q.rule}+partial-quote` };
    out.push(record);
    speakerless.set(content.start, record);
  }
  return out.map((q) => shapedQuote(q)).sort((a, b) => a.content.start - b.content.start);
}

/** Index of the last span starting at or before offset, -1 if none (spans sorted by start). */
function lastStartingBy(spans: readonly { start: number }[], offset: number): number {
  return firstAtOrAfter(spans, offset + 1, (x) => x.start) - 1; // offsets are integers
}

const tokenCue = (tokens: Token[], k: number): Span => ({ start: tokens[k]!.start, end: tokens[k]!.end, text: tokens[k]!.text });

/** "… - Putin added." / "… - writes Bloomberg." at the end of a sentence. */
function dashAttribution(
  tokens: Token[],
  s: Sentence,
  isCue: (k: number) => boolean,
  speakerAt: (k: number) => Speaker | undefined,
): { speaker: Speaker; cue: Span; contentEnd: number } | undefined {
  let end = s.tokenEnd;
  if (/^[.!?]$/.test(tokens[end - 1]!.text)) end--;
  for (let d = end - 2; d >= Math.max(s.tokenStart + 2, end - 6); d--) {
    if (!isDash(tokens[d]!.text)) continue;
    if (end - d - 1 < 2) return undefined;
    // "- Putin added" (speaker, cue) or "- writes Bloomberg" (cue, speaker)
    const a = speakerAt(d + 1);
    if (a) {
      const after = tokenAt(tokens, a.source.end);
      if (after === end - 1 && isCue(after)) return { speaker: a, cue: tokenCue(tokens, after), contentEnd: tokens[d]!.start };
    }
    if (isCue(d + 1)) {
      const b = speakerAt(d + 2);
      if (b && tokenAt(tokens, b.source.end) >= end) return { speaker: b, cue: tokenCue(tokens, d + 1), contentEnd: tokens[d]!.start };
    }
    return undefined;
  }
  return undefined;
}

export const quotesStage: Stage = {
  name: 'quotes',
  requires: ['tokens', 'sentences', 'paragraphs', 'entities', 'times'],
  assigns: ['quotes'],
  run: (doc) => ({ quotes: findQuotes(doc) }),
};
