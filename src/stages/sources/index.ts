import type { Stage } from '../../doc/types.js';
export const sourcesStage: Stage = { name: 'sources', requires: ['quotes', 'entities'], assigns: ['sources'], run: () => ({ sources: [] }) };
