import type { Stage } from '../../doc/types.js';
export const framingStage: Stage = { name: 'framing', requires: ['tokens', 'quotes'], assigns: ['tone'], run: () => ({ tone: 0 }) };
