/**
 * The actor network for a picture: the store's actor graph (one edge per source, target and event
 * type) folded into one weighted edge per pair of actors, split into cooperation and conflict.
 */
import type { ActorGraph } from '../export/rows.js';

export interface NetworkNode {
  id: number;
  name: string;
  type: string;
  country: string | null;
  events: number;
}

export interface NetworkEdge {
  /** the pair's lower and higher entity id: edges are undirected */
  source: number;
  target: number;
  weight: number;
  /** events of quad class 1 and 2 (verbal and material cooperation) */
  cooperation: number;
  /** events of quad class 3 and 4 (verbal and material conflict) */
  conflict: number;
  /** PLOVER types by count, most frequent first */
  types: { type: string; count: number }[];
}

export interface ActorNetwork {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
  /** actors left out to keep the picture readable */
  omitted: number;
}

/** The `maxNodes` actors with the most events and the edges among them. */
export function actorNetwork(graph: ActorGraph, maxNodes = 60): ActorNetwork {
  const ranked = [...graph.actors].sort((x, y) => y.events - x.events || x.name.localeCompare(y.name));
  const kept = ranked.slice(0, maxNodes);
  const keep = new Set(kept.map((a) => a.id));
  const pairs = new Map<string, NetworkEdge & { typeCounts: Map<string, number> }>();
  for (const e of graph.edges) {
    if (e.source === e.target || !keep.has(e.source) || !keep.has(e.target)) continue;
    const [lo, hi] = e.source < e.target ? [e.source, e.target] : [e.target, e.source];
    const key = `${lo}-${hi}`;
    const p = pairs.get(key) ?? { source: lo, target: hi, weight: 0, cooperation: 0, conflict: 0, types: [], typeCounts: new Map<string, number>() };
    p.weight += e.weight;
    if (e.quadClass === 1 || e.quadClass === 2) p.cooperation += e.weight;
    if (e.quadClass === 3 || e.quadClass === 4) p.conflict += e.weight;
    p.typeCounts.set(e.type, (p.typeCounts.get(e.type) ?? 0) + e.weight);
    pairs.set(key, p);
  }
  return {
    nodes: kept.map((a) => ({ id: a.id, name: a.name, type: a.type, country: a.country, events: a.events })),
    edges: [...pairs.values()].map(({ typeCounts, ...p }) => ({
      ...p,
      types: [...typeCounts].map(([type, count]) => ({ type, count })).sort((x, y) => y.count - x.count || x.type.localeCompare(y.type)),
    })),
    omitted: ranked.length - kept.length,
  };
}
