import type { NewsDoc, Stage } from '../../doc/types.js';
import { gazetteerProposer, mergeProposals, shapeProposer, type Proposer } from './propose.js';
import { resolveEntities } from './resolve.js';

/** Proposers in order of trust: where two propose overlapping names, the earlier wins. */
export const PROPOSERS: Proposer[] = [gazetteerProposer, shapeProposer];

export function findEntities(doc: NewsDoc, proposers: Proposer[] = PROPOSERS) {
  return resolveEntities(doc, mergeProposals(proposers.map((p) => p(doc))));
}

export const entitiesStage: Stage = {
  name: 'entities',
  requires: ['tokens', 'sentences'],
  assigns: ['entities'],
  run: (doc) => ({ entities: findEntities(doc) }),
};
