import type { NewsDoc, Stage } from '../../doc/types.js';
import { dropCommonAbbreviations, dropHeadlineGuesses, dropShoutedWords, dropTickers, joinLegalForms, dropTimeWords, gazetteerProposer, joinBodyNames, mergeProposals, shapeProposer, signOffProposer, type Proposal, type Proposer } from './propose.js';
import { taggerProposer } from './tagger-proposer.js';
import { resolveEntities } from './resolve.js';

/**
 * Proposers in order of trust: a wire's sign-off, the gazetteer where it is certain, the learned
 * tagger, then capitalised shapes typed from context for what both miss.
 */
export const PROPOSERS: Proposer[] = [signOffProposer, gazetteerProposer, taggerProposer, shapeProposer];

/**
 * What makes the merged proposals whole and clears them of what is no name, in order: committees'
 * full names, headline guesses, time words, common abbreviations, words in capitals, tickers and
 * lone legal forms.
 */
export const PROPOSAL_REFINERS: ((doc: NewsDoc, proposals: Proposal[]) => Proposal[])[] = [
  joinBodyNames, dropHeadlineGuesses, dropTimeWords, dropCommonAbbreviations, dropShoutedWords, dropTickers, joinLegalForms,
];

export function refineProposals(doc: NewsDoc, merged: Proposal[]): Proposal[] {
  return PROPOSAL_REFINERS.reduce((proposals, refine) => refine(doc, proposals), merged);
}

export function findEntities(doc: NewsDoc, proposers: Proposer[] = PROPOSERS) {
  return resolveEntities(doc, refineProposals(doc, mergeProposals(proposers.map((p) => p(doc)))));
}

export const entitiesStage: Stage = {
  name: 'entities',
  requires: ['tokens', 'sentences', 'times'],
  assigns: ['entities'],
  run: (doc) => ({ entities: findEntities(doc) }),
};
