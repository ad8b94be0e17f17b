/**
 * The learned tagger as a proposer: CoNLL types mapped to the contract's (PER → PERSON,
 * ORG → ORG, LOC → GPE or LOC, MISC → NORP, EVENT or MISC).
 */
import type { EntityType, Token } from '../../doc/types.js';
import { gazetteer, surfaceIndex, surfaceKey } from '../../resources/gazetteer.js';
import { tagDocument } from './tagger/index.js';
import { nameLists } from './tagger/gazmatch.js';
import { titleLexicon } from '../../resources/lexicons.js';
import { notAName, type Proposal, type Proposer } from './propose.js';

const NATURAL_PLACE = /\b(River|Sea|Ocean|Mountains?|Valley|Strait|Gulf|Bay|Desert|Peninsula|Lake|Islands?|Coast|Basin|Plateau|Region|Province|State)$/;
const NAMED_EVENT = /\b(War|Games|Cup|Summit|Olympics|Revolution|Championships?|Forum|Conference|Festival|Crisis|Uprising|Spring)$/;
const NATIONALITY = /(an|ans|ese|ish|i|is|ic|ch|czech)$/i;
/** Members of a party or a movement, a group as "Republican" is ("Democrat Hillary Clinton", "the panel's ranking Democrat"). */
const PARTISAN = /^(?:Democrats?|Tory|Tories|Conservatives?|Liberals?|Socialists?|Communists?|Islamists?|Maoists?|Nationalists?)$/;

function contractType(label: string, tokens: Token[], from: number, to: number): EntityType {
  const text = tokens.slice(from, to).map((t) => t.text).join(' ');
  switch (label) {
    case 'PER': return 'PERSON';
    case 'ORG': return 'ORG';
    case 'LOC': return NATURAL_PLACE.test(text) ? 'LOC' : 'GPE';
    default: {
      const known = surfaceIndex().get(surfaceKey(text))?.map((k) => gazetteer().entries[k]!);
      if (known?.some((e) => e.kind === 'nationality')) return 'NORP';
      if (known?.some((e) => e.kind === 'event') || NAMED_EVENT.test(text)) return 'EVENT';
      // (by its ending only a word that is no one's name: "Reagan", "Harris" and "Is" are no nationalities)
      return to - from === 1 && ((NATIONALITY.test(text) && /^[A-Z][a-z]{3}/.test(text) && !nameLists().people.has(text)) || PARTISAN.test(text)) ? 'NORP' : 'MISC';
    }
  }
}

/**
 * The tagger's view of a sentence: words joined by a hyphen with no space ("Jean-Claude",
 * "al-Hakim", "Beijing-based") are one token, as in the CoNLL-2003 text it learned from; our
 * tokens stage splits them. Each view token keeps the range of stage tokens it covers.
 */
export function taggerView(tokens: readonly Token[]): { words: string[]; from: number[]; to: number[] } {
  const words: string[] = [];
  const from: number[] = [];
  const to: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    let j = i + 1;
    let word = tokens[i]!.text;
    while (j + 1 < tokens.length && isJoiningHyphen(tokens[j]!) && tokens[j]!.start === tokens[j - 1]!.end && tokens[j + 1]!.start === tokens[j]!.end && tokens[j + 1]!.kind === 'word') {
      word += tokens[j]!.text + tokens[j + 1]!.text;
      j += 2;
    }
    // "Vietnamese-led", "Beijing-based": a compound ending in a lower-case word stays split, so the
    // name before the hyphen is tagged on its own; a short part that is no English word ends a
    // Korean given name ("Ban Ki-moon", "Moon Jae-in"), which stays whole
    if (j > i + 1 && !/^[A-Z\u00C0-\u00DE]/.test(tokens[j - 1]!.text) && !givenNameTail(tokens[i]!.text, tokens[j - 1]!.text)) {
      j = i + 1;
      word = tokens[i]!.text;
    }
    words.push(word);
    from.push(tokens[i]!.i);
    to.push(tokens[j - 1]!.i + 1);
    i = j - 1;
  }
  return { words, from, to };
}

const isJoiningHyphen = (t: Token) => t.text === '-' || t.text === '‐' || t.text === '‑';

/** Short English words that end compounds after a name ("U.S.-led", "Soviet-era", "China-made"). */
const SHORT_COMPOUND_ENDS = new Set(['led', 'run', 'era', 'born', 'made', 'held', 'wide', 'free', 'only', 'like', 'type', 'bred', 'tied', 'hit', 'war', 'day', 'age', 'old', 'new', 'up', 'in', 'out', 'off', 'on', 'end', 'way', 'less', 'ish', 'lite', 'gate', 'size', 'year', 'week', 'long', 'high', 'low', 'rich', 'poor', 'fed', 'won', 'set', 'to', 'as', 'an', 'and', 'or', 'of', 'de', 'la', 'le', 'el', 'al', 'di', 'da']);

/** "Ki" + "moon", "Jae" + "in": a capitalised part and a short lower-case one that is no English word. */
function givenNameTail(first: string, last: string): boolean {
  return /^[A-Z][a-z]{1,5}$/.test(first) && /^[a-z]{1,4}$/.test(last) && !SHORT_COMPOUND_ENDS.has(last);
}

/** Combining forms of nationalities, as in "Sino-Russian", "Indo-Pakistani", "Franco-German". */
const COMBINING_FORMS = new Map([['Sino', 'Chinese'], ['Indo', 'Indian'], ['Russo', 'Russian'], ['Franco', 'French'], ['Anglo', 'British'], ['Austro', 'Austrian'], ['Italo', 'Italian'], ['Greco', 'Greek'], ['Turco', 'Turkish'], ['Serbo', 'Serbian'], ['Polono', 'Polish']]);

/** Gazetteer entries for one word, when it names a place, nationality or organisation. */
function knownWord(word: string) {
  const gaz = gazetteer();
  const list = surfaceIndex(gaz).get(surfaceKey(COMBINING_FORMS.get(word) ?? word));
  const entry = list?.map((k) => gaz.entries[k]!).find((e) => e.kind !== 'person');
  return entry;
}

/**
 * A span the tagger gave one hyphenated view token whose parts are each a known name
 * ("Russian-Chinese", "US-PRC") is a mention of each; otherwise ("Jean-Claude", "Guinea-Bissau",
 * "Serbo-Croatian") the whole is the name.
 */
function readCompound(tokens: readonly Token[], from: number, to: number, type: EntityType): Proposal[] | undefined {
  if (type === 'PERSON') return undefined;
  const parts: number[] = [];
  for (let k = from; k < to; k += 2) parts.push(k);
  const known = parts.map((k) => knownWord(tokens[k]!.text));
  if (parts.length < 2 || !known.every((e) => e)) return undefined;
  return parts.map((k, x) => ({ tokenStart: k, tokenEnd: k + 1, type: known[x]!.type, entries: [known[x]!], via: 'gazetteer', alName: false }));
}

const isTitleWord = (lower: string): boolean => {
  const { honorifics, roleWords } = titleLexicon();
  return honorifics.has(lower) || roleWords.has(lower) || roleWords.has(lower.replace(/\.$/, ''));
};

/** The end of an "al-Name" at token k ("al", "-", "Zarqawi", joined), or undefined. */
function arabicArticleName(tokens: readonly Token[], k: number): number | undefined {
  const [al, dash, name] = [tokens[k], tokens[k + 1], tokens[k + 2]];
  if (!al || !dash || !name || !/^(al|el|Al|El|ad|ash|as|an|ar|at|az|ul)$/.test(al.text) || !isJoiningHyphen(dash)) return undefined;
  if (dash.start !== al.end || name.start !== dash.end || !/^[A-Z]/.test(name.text) || al.sentence !== name.sentence) return undefined;
  return k + 3;
}

/** Spans the perceptron tags in each sentence, in order, one article at a time. */
export const taggerProposer: Proposer = (doc) => {
  const views = doc.sentences.map((s) => taggerView(doc.tokens.slice(s.tokenStart, s.tokenEnd)));
  const labels = tagDocument(views.map((v) => v.words));
  const out: Proposal[] = [];
  views.forEach((view, n) => {
    const tags = labels[n]!;
    for (let i = 0; i < tags.length; i++) {
      if (!tags[i]!.startsWith('B-')) continue;
      const label = tags[i]!.slice(2);
      let j = i + 1;
      while (j < tags.length && tags[j] === `I-${label}`) j++;
      const from = view.from[i]!;
      const to = view.to[j - 1]!;
      const type = contractType(label, doc.tokens, from, to);
      const compound = j - i === 1 && to - from > 1 ? readCompound(doc.tokens, from, to, type) : undefined;
      i = j - 1;
      if (compound) { out.push(...compound); continue; }
      // "Abu Musab al-Zarqawi", "Tamim bin Hamad al-Thani": an "al-" name right after a person's name
      // ends that name, whatever the tagger made of it (its training text has few such names)
      if (from > 0 && out.length && out[out.length - 1]!.tokenEnd === from && out[out.length - 1]!.type === 'PERSON' && arabicArticleName(doc.tokens, from) === to) continue;
      // "Sept." (of "Sept. 11"), "TV", "R-Utah" (a member's party and state): no names
      if (notAName(doc.tokens, from, to)) continue;
      // "Sens. Jon Tester", "Gov. Mike Pence": a title alone is a descriptor of the name after it
      // (not a surname after an honorific: "Mr. Justice")
      if (to - from === 1 && isTitleWord(doc.tokens[from]!.lower) && !titleLexicon().honorifics.has(doc.tokens[from - 1]?.lower ?? '')) continue;
      // (alName always present: one object shape for every proposal)
      const proposal: Proposal = { tokenStart: from, tokenEnd: to, type, entries: [], via: 'tagger', alName: arabicArticleName(doc.tokens, from) === to };
      const tail = type === 'PERSON' ? arabicArticleName(doc.tokens, to) : undefined;
      if (tail !== undefined) proposal.tokenEnd = tail;
      // "Dr. Ana Ruiz", "Mr. Smith": a title the tagger took in is a descriptor, not part of the name
      if (type === 'PERSON') while (proposal.tokenEnd - proposal.tokenStart > 1 && isTitleWord(doc.tokens[proposal.tokenStart]!.lower)) proposal.tokenStart++;
      out.push(proposal);
    }
  });
  return out;
};
