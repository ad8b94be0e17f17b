/**
 * Quotes: what was said and who said it. Rules, in order:
 *  1. quotation marks (marks.ts), each classified direct, mixed or scare and given a speaker
 *     from a cue before ("X said that "…"), after (""…," X said") or the quote before it;
 *  2. sentences closed by a dash attribution ("… - Putin added", "… - writes Bloomberg");
 *  3. "according to X" claims;
 *  4. reported speech without marks ("X stated that …", "…, X said.").
 */
import type { EntityRecord, NewsDoc, QuoteKind, QuoteRecord, Sentence, Span, Stage, Token } from '../../doc/types.js';
import { tokenAt, tokenSpan, trimSpan } from '../../doc/span.js';
import { datelineEnd } from '../../doc/dateline.js';
import { cueLexicon, phraseAt } from '../../resources/lexicons.js';
import { findQuotedSpans } from './marks.js';

const DASHES = new Set(['-', '–', '—', '--']);
const SPEAKER_TYPES = new Set(['PERSON', 'ORG', 'GPE', 'NORP']);
const NOMINAL_HEADS = /^(spokes(man|woman|person)|officials?|ministers?|ministry|minister|president|leader|government|authorities|sources?|analysts?|experts?|diplomats?|aides?|police|military|army|statement|report|agency|office|kremlin|embassy|residents?|witness(es)?|observers?|critics?|lawmakers?|senators?|commanders?|representatives?)$/i;

/** Which entity each token belongs to, from the entity stage's mentions. */
function mentionIndex(entities: EntityRecord[]) {
  const owner = new Map<number, { entity: EntityRecord; start: number; end: number }>();
  for (const e of entities) for (const m of e.mentions) {
    const { tokenStart, tokenEnd } = m as { tokenStart?: number; tokenEnd?: number };
    if (tokenStart === undefined || tokenEnd === undefined) continue;
    for (let k = tokenStart; k < tokenEnd; k++) owner.set(k, { entity: e, start: tokenStart, end: tokenEnd });
  }
  return owner;
}

interface Speaker { entity: string | null; source: Span }

export function findQuotes(doc: NewsDoc): QuoteRecord[] {
  const { text, tokens, sentences, paragraphs, entities } = doc;
  const cues = cueLexicon();
  const words = tokens.map((t) => t.lower);
  const owner = mentionIndex(entities);
  const out: QuoteRecord[] = [];

  const isCue = (k: number) => !!tokens[k] && cues.speech.has(words[k]!) && (tokens[k]!.pos === 'VERB' || tokens[k]!.pos === 'AUX' || tokens[k]!.pos === 'NOUN' || words[k]!.endsWith('ed') || words[k]!.endsWith('s'));
  const speakerAt = (k: number): Speaker | undefined => {
    const o = owner.get(k);
    if (!o || !SPEAKER_TYPES.has(o.entity.type)) return undefined;
    // "Ukrainian officials", "the Ukrainian air force": the group speaks for the nationality
    let end = o.end;
    if (o.entity.type === 'NORP') while (end < tokens.length && end < o.end + 3 && tokens[end]!.pos === 'NOUN') end++;
    return { entity: o.entity.id, source: tokenSpan(text, tokens, o.start, end) };
  };
  /** A noun phrase like "a Kremlin spokesman" or "officials" ending at token k. */
  const nominalEndingAt = (k: number, floor: number): Speaker | undefined => {
    const t = tokens[k];
    if (!t || !NOMINAL_HEADS.test(t.text)) return undefined;
    let from = k;
    while (from - 1 >= floor && /^(DET|ADJ|PROPN|NOUN|NUM)$/.test(tokens[from - 1]!.pos) && tokens[from - 1]!.text !== ',') from--;
    return { entity: null, source: tokenSpan(text, tokens, from, k + 1) };
  };
  /** The subject of a cue at token `cue` in sentence s: the first person before it, else the nearest actor. */
  const subjectBefore = (cue: number, s: Sentence): Speaker | undefined => {
    let floor = s.tokenStart;
    for (let k = cue - 1; k > s.tokenStart; k--) if (tokens[k]!.text === ';') { floor = k + 1; break; }
    let firstPerson: Speaker | undefined;
    let nearest: Speaker | undefined;
    for (let k = floor; k < cue; k++) {
      const sp = speakerAt(k);
      if (!sp) continue;
      const e = entities.find((x) => x.id === sp.entity)!;
      if (e.type === 'PERSON' && !firstPerson) firstPerson = sp;
      nearest = sp;
      k = tokenAt(tokens, sp.source.end) - 1;
    }
    return firstPerson ?? nearest ?? nominalEndingAt(cue - 1, floor);
  };
  /** Cue and speaker right after a closing mark: '," he said', '," said Peskov', '- Putin added'. */
  const cueAfter = (k: number, s: Sentence): { cue: Span; speaker: Speaker | undefined } | undefined => {
    while (k < s.tokenEnd && (tokens[k]!.text === ',' || DASHES.has(tokens[k]!.text))) k++;
    if (k >= s.tokenEnd) return undefined;
    if (isCue(k)) {
      const sp = speakerAt(k + 1) ?? nominalAfter(k + 1, s);
      return { cue: tokenSpan(text, tokens, k, k + 1), speaker: sp };
    }
    const sp = speakerAt(k);
    if (sp) {
      const after = tokenAt(tokens, sp.source.end);
      if (isCue(after)) return { cue: tokenSpan(text, tokens, after, after + 1), speaker: sp };
    }
    for (let j = k; j < s.tokenEnd && j < k + 5; j++) {
      if (isCue(j)) {
        const nominal = nominalEndingAt(j - 1, k);
        if (nominal) return { cue: tokenSpan(text, tokens, j, j + 1), speaker: nominal };
      }
    }
    return undefined;
  };
  const nominalAfter = (k: number, s: Sentence): Speaker | undefined => {
    for (let j = k; j < s.tokenEnd && j < k + 5; j++) {
      const n = nominalEndingAt(j, k);
      if (n && (j + 1 >= s.tokenEnd || /^[,.]$/.test(tokens[j + 1]!.text) || tokens[j + 1]!.pos === 'ADP')) return n;
    }
    return undefined;
  };
  const sentenceOf = (offset: number) => sentences.find((s) => s.start <= offset && offset < s.end) ?? sentences.find((s) => s.start >= offset);

  // 1. Quotation marks
  const quoted = findQuotedSpans(text, paragraphs);
  let previous: { q: QuoteRecord; close: number } | undefined;
  for (const qs of quoted) {
    const content = trimSpan(text, qs.contentStart, qs.contentEnd);
    if (!content.text) continue;
    const s = sentenceOf(qs.open);
    if (!s) continue;
    const openTok = tokenAt(tokens, qs.open);
    const closeTok = tokenAt(tokens, qs.close + 1);
    const contentWords = content.text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
    const endsSentence = /[.!?…]["”’]?$/.test(content.text) || /^[.!?]/.test(text.slice(qs.close + 1, qs.close + 2));
    // the cue before the quote in its sentence
    let cueTok = -1;
    for (let k = openTok - 1; k >= s.tokenStart; k--) if (isCue(k)) { cueTok = k; break; }
    // the cue after the quote is in the sentence holding the closing mark (a quote may span paragraphs)
    const closing = sentenceOf(Math.max(qs.open, qs.close - 1)) ?? s;
    const after = closeTok < closing.tokenEnd ? cueAfter(closeTok, closing) : undefined;
    let kind: QuoteKind;
    let speaker: Speaker | undefined;
    let cue: Span | undefined;
    let rule: string;
    if (after) {
      kind = openTok > s.tokenStart + 1 && cueTok >= 0 ? 'mixed' : 'direct';
      speaker = after.speaker;
      cue = after.cue;
      rule = 'marks+cue-after';
    } else if (cueTok >= 0) {
      const between = words.slice(cueTok + 1, openTok).filter((w) => !/^(that|:|,|-)$/.test(w));
      const betweenSpeaker = between.length <= 3 && between.every((_, n) => owner.has(cueTok + 1 + n) || /^(that|:|,)$/.test(words[cueTok + 1 + n]!));
      kind = between.length === 0 || (betweenSpeaker && contentWords > 3) ? 'direct' : 'mixed';
      speaker = subjectBefore(cueTok, s);
      cue = tokenSpan(text, tokens, cueTok, cueTok + 1);
      if (words[cueTok + 1] === 'on' && /^(call|calls|called|calling)$/.test(words[cueTok]!)) cue = tokenSpan(text, tokens, cueTok, cueTok + 2);
      rule = 'marks+cue-before';
    } else if (contentWords <= 4 && !endsSentence) {
      kind = 'scare';
      rule = 'marks-no-cue';
    } else if (previous && previous.q.speaker && text.slice(previous.close + 1, qs.open).trim().length < 80 && tokens[openTok]?.sentence !== undefined) {
      // a quote continuing the one before it: '"…," he said. "…"'
      kind = 'direct';
      speaker = { entity: previous.q.speaker, source: previous.q.source ?? content };
      rule = 'marks+continuation';
    } else {
      kind = 'direct';
      rule = 'marks-no-speaker';
    }
    const q: QuoteRecord = {
      kind,
      content,
      speaker: kind === 'scare' ? null : speaker?.entity ?? null,
      ...(speaker && kind !== 'scare' ? { source: speaker.source } : {}),
      ...(cue ? { cue } : {}),
      rule,
    };
    out.push(q);
    if (kind !== 'scare') previous = { q, close: qs.close };
  }
  const insideMarks = (a: number, b: number) => quoted.some((q) => q.open < b && a <= q.close);

  for (const s of sentences) {
    // 2. A sentence closed by a dash attribution: "… - Putin added." / "… - writes Bloomberg."
    const dash = dashAttribution(tokens, s, isCue, speakerAt);
    if (dash) {
      let contentStart = s.start;
      let speaker = dash.speaker;
      let cue = dash.cue;
      const acc = phraseAt(words, s.tokenStart, cues.according);
      let chainVia: string | undefined;
      if (acc) {
        const inner = speakerAt(s.tokenStart + acc);
        if (inner) {
          chainVia = entities.find((e) => e.id === dash.speaker.entity)?.name;
          speaker = inner;
          cue = tokenSpan(text, tokens, s.tokenStart, s.tokenStart + acc);
          let k = tokenAt(tokens, inner.source.end);
          if (tokens[k]?.text === ',') k++;
          contentStart = tokens[k]!.start;
        }
      }
      const content = trimSpan(text, contentStart, dash.contentEnd, ',');
      if (!insideMarks(content.start, content.end) || !quoted.some((q) => q.open <= content.start && content.end <= q.close + 1)) {
        const speakerEntity = entities.find((e) => e.id === speaker.entity);
        const isOutletSpeech = !!speakerEntity && speakerEntity.type !== 'PERSON';
        out.push({
          kind: isOutletSpeech || acc ? 'indirect' : insideMarks(content.start, content.end) ? 'mixed' : 'direct',
          content,
          speaker: speaker.entity,
          source: speaker.source,
          cue,
          rule: acc ? 'according-to+dash' : 'dash-attribution',
          ...(chainVia ? { chain: [chainVia] } : {}),
        });
      }
      continue;
    }
    // 3. "According to X, …" and "…, according to X."
    for (let k = s.tokenStart; k < s.tokenEnd; k++) {
      if (words[k] !== 'according' || words[k + 1] !== 'to') continue;
      const sp = speakerAt(k + 2) ?? nominalAfter(k + 2, s);
      if (!sp) continue;
      const cue = tokenSpan(text, tokens, k, k + 2);
      let content: Span;
      if (k === s.tokenStart) {
        let c = tokenAt(tokens, sp.source.end);
        if (tokens[c]?.text === ',') c++;
        content = trimSpan(text, tokens[Math.min(c, s.tokenEnd - 1)]!.start, s.end, '.');
      } else {
        content = trimSpan(text, s.start, tokens[k]!.start, ',');
      }
      if (content.text && !insideMarks(content.start, content.end)) {
        out.push({ kind: 'indirect', content, speaker: sp.entity, source: sp.source, cue, rule: 'according-to' });
      }
      break;
    }
    // 4. Reported speech: "X stated that …", "X said on Monday it …"
    const covered = (a: number, b: number) => insideMarks(a, b) || out.some((q) => q.content.start < b && a < q.content.end);
    for (let k = s.tokenStart + 1; k < s.tokenEnd - 2; k++) {
      if (!cues.thatVerbs.has(words[k]!) || tokens[k]!.pos !== 'VERB') continue;
      const from = clauseAfterCue(k, s);
      if (from < 0) continue;
      const sp = subjectBefore(k, s);
      if (!sp) continue;
      const content = trimSpan(text, tokens[from]!.start, s.end, '.');
      if (covered(content.start, content.end)) break; // the quoted words carry it as a mixed quote
      out.push({ kind: 'indirect', content, speaker: sp.entity, source: sp.source, cue: tokenSpan(text, tokens, k, k + 1), rule: 'said-that' });
      break;
    }
    // 5. A claim closed by its source: "…, Ukrainian officials said on Monday."
    const closingCue = claimClosedBySource(s);
    if (closingCue && !covered(closingCue.content.start, closingCue.content.end)) out.push(closingCue);
  }

  /** Where the reported clause starts after a cue at k, skipping "on Monday", "in a statement"; -1 if none. */
  function clauseAfterCue(k: number, s: Sentence): number {
    let j = k + 1;
    for (let guard = 0; guard < 4 && j < s.tokenEnd; guard++) {
      const time = doc.times.find((t) => t.start <= tokens[j]!.start && tokens[j]!.start < t.end);
      if (time) { j = tokenAt(tokens, time.end); if (words[j - 1] === 'on' || words[j] === ',') j += words[j] === ',' ? 1 : 0; continue; }
      if (/^(on|in|at|during)$/.test(words[j]!) && doc.times.some((t) => t.start === tokens[j + 1]?.start)) { j++; continue; }
      if (words[j] === 'in' && /^(a|an|the)$/.test(words[j + 1] ?? '') && /^(statement|interview|post|speech|letter|briefing)$/.test(words[j + 2] ?? '')) { j += 3; continue; }
      if (words[j] === 'on' && /^(x|twitter|telegram|facebook|television|tv)$/.test(words[j + 1] ?? '')) { j += 2; continue; }
      if (owner.has(j) && words[k] === 'told') { const o = owner.get(j)!; j = o.end; continue; } // "told Reuters"
      if (words[k] === 'told' && /^(reporters|journalists|parliament|lawmakers|the)$/.test(words[j]!)) { j++; if (words[j - 1] === 'the') j++; continue; }
      break;
    }
    if (j >= s.tokenEnd - 1) return -1;
    if (words[j] === 'that') return j + 1 < s.tokenEnd - 1 ? j + 1 : -1;
    // no "that": the clause must start like one (a subject) and have a verb of its own
    const t = tokens[j]!;
    if (!/^(PRON|DET|PROPN|NUM)$/.test(t.pos) || /^(what|which|who|this|these|those)$/.test(t.lower)) return -1;
    for (let v = j + 1; v < s.tokenEnd && v < j + 8; v++) if (tokens[v]!.pos === 'VERB' || tokens[v]!.pos === 'AUX') return j;
    return -1;
  }

  function claimClosedBySource(s: Sentence): QuoteRecord | undefined {
    let end = s.tokenEnd;
    if (/^[.!?]$/.test(tokens[end - 1]!.text)) end--;
    // trailing time: "said on Monday", "said Tuesday"
    const time = doc.times.find((t) => t.end === tokens[end - 1]!.end);
    if (time) { end = tokenAt(tokens, time.start); if (/^(on|in|at)$/.test(words[end - 1] ?? '')) end--; }
    if (/^(in)$/.test(words[end - 3] ?? '') && /^(statement|interview)$/.test(words[end - 1] ?? '')) end -= 3;
    const cueTok = end - 1;
    if (cueTok <= s.tokenStart + 3 || !cues.speech.has(words[cueTok]!) || !/^(said|says|added|noted|reported|told|wrote|stated|claimed|announced)$/.test(words[cueTok]!)) return undefined;
    // the speaker between the last comma and the cue
    let comma = cueTok - 1;
    while (comma > s.tokenStart && tokens[comma]!.text !== ',' && cueTok - comma <= 8) comma--;
    if (tokens[comma]!.text !== ',' || comma <= s.tokenStart + 2) return undefined;
    const sp = speakerAt(comma + 1) ?? (owner.get(comma + 2) && /^(the|a)$/.test(words[comma + 1]!) ? speakerAt(comma + 2) : undefined) ?? nominalEndingAt(cueTok - 1, comma + 1);
    if (!sp) return undefined;
    const content = trimSpan(text, Math.max(s.start, datelineEnd(text)), tokens[comma]!.start, ',');
    return { kind: 'indirect', content, speaker: sp.entity, source: sp.source, cue: tokenSpan(text, tokens, cueTok, cueTok + 1), rule: 'claim-then-source' };
  }

  return out.sort((a, b) => a.content.start - b.content.start);
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
    if (!DASHES.has(tokens[d]!.text)) continue;
    if (end - d - 1 < 2) return undefined;
    // "- Putin added" (speaker, cue) or "- writes Bloomberg" (cue, speaker)
    const a = speakerAt(d + 1);
    if (a) {
      const after = tokenAt(tokens, a.source.end);
      if (after === end - 1 && isCue(after)) return { speaker: a, cue: tokenCue(tokens, after), contentEnd: tokens[d]!.start };
    }
    if (isCue(d + 1)) {
      const b = speakerAt(d + 2);
      if (b && tokenAt(tokens, b.source.end) >= end) {
        return { speaker: b, cue: tokenCue(tokens, d + 1), contentEnd: tokens[d]!.start };
      }
    }
    return undefined;
  }
  return undefined;
}

export const quotesStage: Stage = {
  name: 'quotes',
  requires: ['tokens', 'sentences', 'paragraphs', 'entities'],
  assigns: ['quotes'],
  run: (doc) => ({ quotes: findQuotes(doc) }),
};
