/**
 * The learned tagger as a proposer: CoNLL types mapped to the contract's (PER → PERSON,
 * ORG → ORG, LOC → GPE or LOC, MISC → NORP, EVENT or MISC).
 */
import type { EntityType, Token } from '../../doc/types.js';
import { gazetteer, surfaceKey } from '../../resources/gazetteer.js';
import { tagDocument } from './tagger/index.js';
import type { Proposal, Proposer } from './propose.js';

const NATURAL_PLACE = /\b(River|Sea|Ocean|Mountains?|Valley|Strait|Gulf|Bay|Desert|Peninsula|Lake|Islands?|Coast|Basin|Plateau|Region|Province|State)$/;
const NAMED_EVENT = /\b(War|Games|Cup|Summit|Olympics|Revolution|Championships?|Forum|Conference|Festival|Crisis|Uprising|Spring)$/;
const NATIONALITY = /(an|ans|ese|ish|i|is|ic|ch|czech)$/i;

function contractType(label: string, tokens: Token[], from: number, to: number): EntityType {
  const text = tokens.slice(from, to).map((t) => t.text).join(' ');
  switch (label) {
    case 'PER': return 'PERSON';
    case 'ORG': return 'ORG';
    case 'LOC': return NATURAL_PLACE.test(text) ? 'LOC' : 'GPE';
    default: {
      const known = gazetteer().surfaces[surfaceKey(text)]?.map((k) => gazetteer().entries[k]!);
      if (known?.some((e) => e.kind === 'nationality')) return 'NORP';
      if (known?.some((e) => e.kind === 'event') || NAMED_EVENT.test(text)) return 'EVENT';
      return to - from === 1 && NATIONALITY.test(text) && /^[A-Z][a-z]/.test(text) ? 'NORP' : 'MISC';
    }
  }
}

/** Spans the perceptron tags in each sentence, in order, one article at a time. */
export const taggerProposer: Proposer = (doc) => {
  const sentences = doc.sentences.map((s) => doc.tokens.slice(s.tokenStart, s.tokenEnd));
  const labels = tagDocument(sentences.map((s) => s.map((t) => t.text)));
  const out: Proposal[] = [];
  sentences.forEach((sentence, n) => {
    const tags = labels[n]!;
    for (let i = 0; i < tags.length; i++) {
      if (!tags[i]!.startsWith('B-')) continue;
      const label = tags[i]!.slice(2);
      let j = i + 1;
      while (j < tags.length && tags[j] === `I-${label}`) j++;
      const from = sentence[i]!.i;
      const to = sentence[j - 1]!.i + 1;
      out.push({ tokenStart: from, tokenEnd: to, type: contractType(label, doc.tokens, from, to), entries: [], via: 'tagger' });
      i = j - 1;
    }
  });
  return out;
};
