import type { Stage } from '../../doc/types.js';
export const eventsStage: Stage = { name: 'events', requires: ['entities', 'times'], assigns: ['events'], run: () => ({ events: [] }) };
