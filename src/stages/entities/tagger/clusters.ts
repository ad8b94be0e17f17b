/**
 * Word clusters for the tagger's cluster features, read from models/clusters.txt
 * ("BITS\tWORD\tCOUNT" lines). A model records the fingerprint of the clusters it was trained
 * with; tagging with a different clusters file is refused rather than silently wrong.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../../resources/paths.js';
import type { ClusterFn } from './features.js';
import type { ModelHeader } from './model.js';

export const CLUSTERS_PATH = (): string => join(packageRoot(), 'models', 'clusters.txt');

export interface ClusterTable {
  fn: ClusterFn;
  fingerprint: string;
  size: number;
}

const cache = new Map<string, ClusterTable>();

/** The clusters in a file, or undefined when there is none. */
export function readClusters(path: string = CLUSTERS_PATH()): ClusterTable | undefined {
  const hit = cache.get(path);
  if (hit) return hit;
  if (!existsSync(path)) return undefined;
  const raw = readFileSync(path);
  const map = new Map<string, string>();
  for (const line of raw.toString('utf8').split('\n')) {
    const tab = line.indexOf('\t');
    if (tab < 0) continue;
    const tab2 = line.indexOf('\t', tab + 1);
    const word = line.slice(tab + 1, tab2 < 0 ? undefined : tab2);
    if (!map.has(word)) map.set(word, line.slice(0, tab));
  }
  const fingerprint = `${map.size}:${createHash('sha1').update(raw).digest('hex').slice(0, 12)}`;
  const table: ClusterTable = {
    fn: (w) => map.get(w) ?? map.get(w.toLowerCase()),
    fingerprint,
    size: map.size,
  };
  cache.set(path, table);
  return table;
}

/** The cluster function a model needs (undefined when it uses none); throws when they are missing or differ. */
export function clustersFor(header: ModelHeader, path: string = CLUSTERS_PATH()): ClusterFn | undefined {
  if (!header.features.clusters) return undefined;
  const table = readClusters(path);
  if (!table) throw new Error(`the NER model uses word clusters, but ${path} is missing`);
  if (header.clusters && table.fingerprint !== header.clusters) {
    throw new Error(`the NER model was trained with other word clusters (${header.clusters}) than ${path} (${table.fingerprint}): run npm run train:ner`);
  }
  return table.fn;
}
