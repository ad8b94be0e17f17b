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

/**
 * Word statistics from unlabelled news (models/lexicon.txt, made by scripts/train-lexicon.ts):
 * normalised word → [capitalised mid-sentence, mid-sentence, PER, ORG, LOC, MISC, O].
 */
export type LexiconFn = (normalised: string) => Int32Array | undefined;

export const LEXICON_PATH = (): string => join(packageRoot(), 'models', 'lexicon.txt');

export interface LexiconTable {
  fn: LexiconFn;
  fingerprint: string;
  size: number;
}

const lexCache = new Map<string, LexiconTable>();

/** The lexicon in a file, or undefined when there is none. */
export function readLexicon(path: string = LEXICON_PATH()): LexiconTable | undefined {
  const hit = lexCache.get(path);
  if (hit) return hit;
  if (!existsSync(path)) return undefined;
  const raw = readFileSync(path);
  const map = new Map<string, Int32Array>();
  for (const line of raw.toString('utf8').split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const cols = line.split('\t');
    if (cols.length !== 8) continue;
    map.set(cols[0]!, Int32Array.from(cols.slice(1), Number));
  }
  // the data lines only: the '#' header describes how the file was made and may be reworded
  const data = raw.toString('utf8').split('\n').filter((l) => l && !l.startsWith('#')).join('\n');
  const table: LexiconTable = { fn: (w) => map.get(w), fingerprint: `${map.size}:${createHash('sha1').update(data).digest('hex').slice(0, 12)}`, size: map.size };
  lexCache.set(path, table);
  return table;
}

/** The lexicon a model needs (undefined when it uses none); throws when it is missing or differs. */
export function lexiconFor(header: ModelHeader, path: string = LEXICON_PATH()): LexiconFn | undefined {
  if (!header.features.lexicon) return undefined;
  const table = readLexicon(path);
  if (!table) throw new Error(`the NER model uses word statistics, but ${path} is missing`);
  if (header.lexicon && table.fingerprint !== header.lexicon) {
    throw new Error(`the NER model was trained with other word statistics (${header.lexicon}) than ${path} (${table.fingerprint}): run npm run train:ner`);
  }
  return table.fn;
}
