/**
 * Sources: the chain of reporting. Who publishes the article, which outlets or bodies it
 * relies on ("reports this with reference to Bloomberg"), and whom those cite in turn
 * ("According to Chinese customs, … - notes Bloomberg"). Each quote gets its chain too.
 */
import { signOff, signOffToken } from '../../doc/dateline.js';
import type { EntityRecord, NewsDoc, QuoteRecord, SourceRecord, Stage } from '../../doc/types.js';
import { firstAtOrAfter, tokenAt, tokenSpan } from '../../doc/span.js';
import { shapedQuote } from '../../doc/records.js';
import { phraseAt } from '../../resources/lexicons.js';

const REPORT_VERBS = new Set(['reports', 'reported', 'writes', 'wrote', 'informs', 'informed', 'says', 'said', 'notes', 'noted']);
const RELAY = [['with', 'reference', 'to'], ['citing'], ['referring', 'to'], ['quoting'], ['according', 'to'], ['cited', 'by']];

/** A pronoun the entity stage left unresolved names no source of its own ("they said that …"). */
const UNRESOLVED = /^(he|she|it|they|we|i|you|one)$/i;

const isReporter = (e: EntityRecord | undefined) => !!e && (e.type === 'ORG' || e.kbId?.startsWith('outlet:') === true);

export function findSources(doc: NewsDoc): { sources: SourceRecord[]; quotes: QuoteRecord[] } {
  const { tokens, sentences, text, entities } = doc;
  const words = tokens.map((t) => t.lower);
  // The entity and the mention starting at each token: one look-up, however many mentions an entity has.
  const byToken = new Map<number, EntityRecord>();
  const mentionEnd = new Map<number, number>();
  for (const e of entities) {
    for (const m of e.mentions) {
      byToken.set(m.tokenStart, e);
      mentionEnd.set(m.tokenStart, m.tokenEnd);
    }
  }
  const entityById = new Map(entities.map((e) => [e.id, e]));
  /** The tokens where mentions start, in order: the reporter scan below visits these, not every token. */
  const mentionStarts = [...byToken.keys()].sort((a, b) => a - b);
  const sources: SourceRecord[] = [];
  const find = (name: string) => sources.find((s) => s.name === name);
  const add = (rec: SourceRecord) => {
    const had = find(rec.name);
    if (!had) sources.push(rec);
    else if (!had.citedBy && rec.citedBy && rec.citedBy !== had.name) had.citedBy = rec.citedBy;
    return find(rec.name)!;
  };

  let publisher: SourceRecord | undefined;
  if (doc.publisher) {
    const e = entities.find((x) => x.name.toLowerCase() === doc.publisher!.toLowerCase() || x.mentions.some((m) => m.text === doc.publisher));
    publisher = add({ name: e?.name ?? doc.publisher, role: 'publisher', ...(e ? { entity: e.id } : {}) });
  }
  // A wire dateline names the publisher: "BERLIN (Reuters) -", "KYIV, Feb 26 (AP) —"
  if (!publisher && tokens.length) {
    for (let k = 0; k < Math.min(tokens.length - 2, 10); k++) {
      if (tokens[k]!.text !== '(') continue;
      const e = byToken.get(k + 1);
      const end = mentionEnd.get(k + 1);
      if (e && end !== undefined && tokens[end]?.text === ')' && e.kbId?.startsWith('outlet:')) publisher = add({ name: e.name, entity: e.id, role: 'publisher' });
      break;
    }
  }
  // so does its sign-off: "… the Chairman noted.\n Reuter"
  const credit = publisher ? undefined : signOff(text);
  if (credit) {
    const e = byToken.get(signOffToken(tokens, credit));
    if (e?.kbId?.startsWith('outlet:')) publisher = add({ name: e.name, entity: e.id, role: 'publisher' });
  }
  // "UNN reports this with reference to Bloomberg." / "Reuters reported, citing officials."
  let relay: SourceRecord | undefined;
  for (const s of sentences) {
    for (let n = firstAtOrAfter(mentionStarts, s.tokenStart, (k) => k); n < mentionStarts.length && mentionStarts[n]! < s.tokenEnd; n++) {
      const k = mentionStarts[n]!;
      const who = byToken.get(k);
      if (!isReporter(who)) continue;
      let v = mentionEnd.get(k)!;
      if (!REPORT_VERBS.has(words[v] ?? '')) continue;
      v++;
      while (v < s.tokenEnd && /^(this|it|that|,)$/.test(words[v]!)) v++;
      const len = phraseAt(words, v, RELAY);
      if (!len) continue;
      const cited = byToken.get(v + len);
      if (!cited) continue;
      if (!publisher) publisher = add({ name: who!.name, entity: who!.id, role: 'publisher' });
      relay = add({ name: cited.name, entity: cited.id, role: 'cited', citedBy: who!.name, cue: tokenSpan(text, tokens, v, v + len) });
      break;
    }
  }
  const outer = relay ?? publisher;
  // the last group that spoke ("ICO officials said …"), whom a later "they said" means, and the last
  // one person named by a description only ("a company official said …"), whom a later "he said" may
  let lastGroup: { name: string; sentence: number } | undefined;
  let lastUnnamed: { name: string; sentence: number } | undefined;
  // Every attribution to an organisation or outlet is a cited source; nested ones cite through it.
  const quotes = doc.quotes.map((q) => {
    const speaker = q.speaker ? entityById.get(q.speaker) : undefined;
    const chain: string[] = [];
    if (publisher) chain.push(publisher.name);
    if (relay && relay.name !== speaker?.name) chain.push(relay.name);
    for (const via of q.chain ?? []) if (!chain.includes(via)) chain.push(via);
    if (speaker && isReporter(speaker) && (q.kind === 'indirect' || q.rule.startsWith('dash') || q.rule.startsWith('according'))) {
      const citedBy = chain[chain.length - 1] ?? outer?.name;
      add({ name: speaker.name, entity: speaker.id, role: 'cited', ...(citedBy && citedBy !== speaker.name ? { citedBy } : {}), ...(q.cue ? { cue: q.cue } : {}) });
    }
    // (a source's words broken over two lines of a hard-wrapped wire name it once, on one line)
    const written = q.source ? q.source.text.replace(/\s+/g, ' ') : undefined;
    let unnamed = !speaker ? written : undefined;
    if (written && q.source) {
      const sentence = tokens[tokenAt(tokens, q.source.start)]!.sentence;
      // "… ICO officials said. … the council is to convene at 1900 gmt, they said": the group again
      // (by the body it speaks for, when it has one), when it spoke within the three sentences before
      if (/^they$/i.test(written)) { if (unnamed && lastGroup && sentence - lastGroup.sentence <= 3) unnamed = lastGroup.name; }
      else if (PLURAL_GROUP.test(written) && speaker?.type !== 'PERSON') lastGroup = { name: speaker?.name ?? written, sentence };
      // "a company official said … , he said": the same unnamed official, within the two sentences
      // before (a person named since would have taken the pronoun: it has no speaker)
      else if (/^(?:he|she)$/i.test(written)) { if (unnamed && lastUnnamed && sentence - lastUnnamed.sentence <= 2) unnamed = lastUnnamed.name; }
      else if (!speaker && ONE_UNNAMED.test(written)) lastUnnamed = { name: written, sentence };
      if (speaker?.type === 'PERSON') lastUnnamed = undefined;
    }
    if (unnamed && !UNRESOLVED.test(unnamed) && (q.rule.startsWith('according') || q.kind === 'indirect')) {
      add({ name: unnamed, role: 'cited', ...(outer ? { citedBy: outer.name } : {}), ...(q.cue ? { cue: q.cue } : {}) });
    }
    if (speaker) chain.push(speaker.name);
    // ("It is noted that …", "it was reported": an impersonal passive names no source beyond the article's)
    else if (unnamed && !(/^it$/i.test(unnamed) && q.source && IMPERSONAL_AFTER.test(text.slice(q.source.end, q.source.end + 12)))) chain.push(unnamed);
    return chain.length ? shapedQuote(q, chain) : q;
  });
  // "X told Reuters", "in an interview with the Financial Times": the outlet the speaker spoke to
  for (let k = 0; k + 1 < tokens.length; k++) {
    const at = words[k] === 'told' ? k + 1 : words[k] === 'interview' && words[k + 1] === 'with' ? (words[k + 2] === 'the' ? k + 3 : k + 2) : -1;
    if (at < 0) continue;
    const e = byToken.get(at);
    if (e?.kbId?.startsWith('outlet:')) add({ name: e.name, entity: e.id, role: 'cited', ...(publisher && publisher.name !== e.name ? { citedBy: publisher.name } : {}) });
  }
  return { sources, quotes };
}

/** One person named by a description: "a company official", "the spokesman", "a senior diplomat". */
const ONE_UNNAMED = /^(?:a|an|the|one|another)\s+[\w .'’-]*?(?:official|spokesman|spokeswoman|spokesperson|minister|diplomat|source|executive|analyst|economist|banker|dealer|trader|director|aide|officer|adviser|advisor|lawyer|chairman|president|manager)$/i;

/** A form of "be" after "it": "It is noted that", "it was reported". */
const IMPERSONAL_AFTER = /^\s+(?:is|was|has\s+been|had\s+been)\s/;

/** A source that is a group of people: "ICO officials", "bankers and economists", "the companies". */
const PLURAL_GROUP = /^(?:(?:the|some|several|many|other|two|three|four)\s+)?[\w .'’-]*?(?:[a-z]s|\band\s+\w+)$/i;

export const sourcesStage: Stage = {
  name: 'sources',
  requires: ['tokens', 'sentences', 'entities', 'quotes'],
  assigns: ['sources', 'quotes'],
  run: (doc) => findSources(doc),
};
