import type { Stage } from '../../doc/types.js';
export const quotesStage: Stage = { name: 'quotes', requires: ['tokens', 'entities'], assigns: ['quotes'], run: () => ({ quotes: [] }) };
