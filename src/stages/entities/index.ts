import type { NewsDoc, Stage } from '../../doc/types.js';
import { dropHeadlineGuesses, dropTimeWords, gazetteerProposer, joinBodyNames, mergeProposals, shapeProposer, signOffProposer, type Proposer } from './propose.js';
import { taggerProposer } from './tagger-proposer.js';
import { resolveEntities } from './resolve.js';

/**
 * Proposers in order of trust: a wire's sign-off, the gazetteer where it is certain, the learned
 * tagger, then capitalised shapes typed from context for what both miss.
 */
export const PROPOSERS: Proposer[] = [signOffProposer, gazetteerProposer, taggerProposer, shapeProposer];

export function findEntities(doc: NewsDoc, proposers: Proposer[] = PROPOSERS) {
  return resolveEntities(doc, dropTimeWords(doc, dropHeadlineGuesses(doc, joinBodyNames(doc, mergeProposals(proposers.map((p) => p(doc)))))));
}

export const entitiesStage: Stage = {
  name: 'entities',
  requires: ['tokens', 'sentences', 'times'],
  assigns: ['entities'],
  run: (doc) => ({ entities: findEntities(doc) }),
};
