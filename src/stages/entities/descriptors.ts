/**
 * Descriptors: how the text labels a person ("Russian dictator Vladimir Putin",
 * "Dmitry Peskov, the Kremlin spokesman,").
 */
import type { Token } from '../../doc/types.js';
import { roleAt, titleLexicon } from '../../resources/lexicons.js';

const ARTICLES = new Set(['the', 'a', 'an']);

/** Token index where a title phrase directly before tokens[nameStart] begins, or nameStart. */
export function titleBefore(tokens: Token[], words: readonly string[], nameStart: number, isNationality: (i: number) => boolean): number {
  const { modifiers, honorifics } = titleLexicon();
  let start = nameStart;
  let sawRole = false;
  for (let i = nameStart - 1; i >= 0 && i >= nameStart - 6; i--) {
    const t = tokens[i]!;
    if (t.sentence !== tokens[nameStart]!.sentence) break;
    // a role phrase ending at i
    let matched = 0;
    for (let len = 3; len >= 1; len--) {
      if (i - len + 1 < 0) continue;
      if (roleAt(words, i - len + 1) === len) { matched = len; break; }
    }
    if (matched) { sawRole = true; i -= matched - 1; start = i; continue; }
    // "Ukraine's President": a country's possessive before the title
    if (sawRole && (t.text === "'s" || t.text === '’s') && i > 0 && isNationality(i - 1)) { start = i - 1; i--; continue; }
    if (modifiers.has(t.lower) || isNationality(i) || t.text === '-' || t.lower === 'of' || honorifics.has(t.lower)) {
      if (t.lower === 'of' && !sawRole) break;
      start = i;
      continue;
    }
    // "Kremlin spokesman", "White House press secretary", "Senate Minority Leader": a capitalised
    // organisation or title word before a role (not a sentence's opening "Like" or "As")
    if (sawRole && /^[A-Z]/.test(t.text) && (t.pos === 'PROPN' || t.pos === 'NOUN' || t.pos === 'ADJ') && !OPENERS.has(t.lower)) { start = i; continue; }
    break;
  }
  if (!sawRole) return nameStart;
  while (start < nameStart && (tokens[start]!.lower === 'of' || tokens[start]!.text === '-' || honorifics.has(tokens[start]!.lower))) start++;
  return start;
}

/** Words that open a sentence before a title and are no part of it: "Like President Obama, …". */
const OPENERS = new Set(['like', 'unlike', 'as', 'with', 'for', 'after', 'before', 'when', 'while', 'if', 'but', 'and', 'so', 'then', 'now', 'even', 'only', 'also']);

/** The descriptor in an appositive after a name: "Name, the Kremlin spokesman, said" → [from, to). */
export function appositiveAfter(tokens: Token[], words: readonly string[], nameEnd: number): [number, number] | undefined {
  const comma = tokens[nameEnd];
  if (!comma || comma.text !== ',') return undefined;
  let from = nameEnd + 1;
  if (tokens[from] && ARTICLES.has(tokens[from]!.lower)) from++;
  for (let k = from; k < tokens.length && k < from + 8; k++) {
    const t = tokens[k]!;
    if (t.sentence !== comma.sentence || t.text === ',' || t.text === '.' || t.pos === 'VERB' || t.pos === 'AUX') {
      if (t.text !== ',' && t.text !== '.') return undefined;
      return k > from && words.slice(from, k).some((_, n) => roleAt(words, from + n) > 0) ? [from, k] : undefined;
    }
  }
  return undefined;
}
