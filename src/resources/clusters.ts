/**
 * Hierarchical word clusters (Brown-style bit paths) made by scripts/train-clusters.ts into
 * models/clusters.txt: lines "BITPATH<TAB>WORD<TAB>COUNT", '#' lines are comments.
 * Features use path prefixes (Ratinov & Roth 2009: lengths 4, 6, 10, 20).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from './paths.js';

/** A path under the package's models/ folder. */
export function modelPath(...parts: string[]): string {
  return join(packageRoot(), 'models', ...parts);
}

let table: Map<string, string> | undefined;

/** Parses a clusters file's text into word → bit path (the first line for a word wins). */
export function parseClusters(text: string): Map<string, string> {
  const map = new Map<string, string>();
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (text.charCodeAt(start) !== 35 /* '#' */ && end > start) {
      const tab1 = text.indexOf('\t', start);
      if (tab1 > start && tab1 < end) {
        let tab2 = text.indexOf('\t', tab1 + 1);
        if (tab2 < 0 || tab2 > end) tab2 = end;
        const word = text.slice(tab1 + 1, tab2);
        if (word && !map.has(word)) map.set(word, text.slice(start, tab1));
      }
    }
    start = end + 1;
  }
  return map;
}

/** Word → bit path, loaded once from models/clusters.txt. */
export function clusters(): Map<string, string> {
  table ??= parseClusters(readFileSync(modelPath('clusters.txt'), 'utf8'));
  return table;
}

/** The bit path of a token: its exact form, else its lower-cased form; undefined when unknown. */
export function clusterOf(word: string): string | undefined {
  const map = clusters();
  return map.get(word) ?? map.get(word.toLowerCase());
}
