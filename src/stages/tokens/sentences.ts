/**
 * Sentence ends within one paragraph's tokens: after ".", "!" or "?" (and the closing quotes and
 * brackets that follow it), and after an abbreviation's full stop when the next word plainly
 * starts a sentence ("… in the U.S. The company …"); never after a title or an initial
 * ("Mr. Smith", "J. Smith") or an ellipsis. A sentence that this cuts before a lower-case word is
 * joined again by mergeFragments, as it was with wink.
 */
import { TITLES } from './tokenizer.js';

/** Words that start a sentence after an abbreviation's full stop. */
const STARTERS = new Set([
  'The', 'A', 'An', 'He', 'She', 'It', 'They', 'We', 'I', 'You', 'This', 'That', 'These', 'Those', 'There', 'His', 'Her', 'Its',
  'Their', 'Our', 'My', 'But', 'And', 'In', 'On', 'At', 'For', 'If', 'When', 'While', 'As', 'After', 'Before', 'Some', 'Most', 'Many',
  'However', 'Meanwhile', 'Also', 'Earlier', 'Later', 'Last', 'Under', 'With', 'What', 'Why',
  'How', 'Who', 'Where', 'No', 'Not', 'Both', 'Each', 'All', 'One', 'Two', 'Three', 'Such', 'So', 'Yet', 'Then', 'Now', 'Today',
]);

const ENDS = /^[.!?]+$|^[!?][!?.]*$/;
const NO_START = new Set([',', ';', ':']);
const CLOSING = new Set([')', ']', '}', '”', '’', "'", '"', '»', '›']);

/**
 * Token indexes (paragraph-local, exclusive) where sentences end, the last token's always included.
 * `texts[k]`: token k's text; `gapBefore[k]`: whether white space precedes token k.
 */
export function sentenceEnds(texts: string[], gapBefore: boolean[]): number[] {
  const out: number[] = [];
  const n = texts.length;
  for (let k = 0; k < n; k++) {
    const t = texts[k]!;
    let ends = false;
    // (not a full stop set between two words with no space on either side: the ".S" of a wire's
    // ticker "<CMAC.S>", which had cut "Comalco Ltd <CMAC.S> said …" in two)
    if (ENDS.test(t)) ends = !(t === '.' && k > 0 && k + 1 < n && !gapBefore[k] && !gapBefore[k + 1] && /^[A-Za-z]/.test(texts[k + 1]!) && /[A-Za-z0-9]$/.test(texts[k - 1]!));
    else if (t.length > 1 && t.charCodeAt(t.length - 1) === 46 && k + 1 < n) {
      // an abbreviation's full stop ends a sentence when a plain sentence starter follows
      const base = t.slice(0, -1);
      const next = texts[k + 1]!;
      ends = base.length > 1 && !TITLES.has(base.toLowerCase()) && STARTERS.has(next);
    }
    if (!ends) continue;
    let e = k + 1;
    // closing quotes and brackets go with the sentence they close: attached, or a run of them
    while (e < n && CLOSING.has(texts[e]!) && (!gapBefore[e] || texts[e] === ')' || texts[e] === '”' || texts[e] === '’')) e++;
    // never before a comma, semicolon or colon ("Hoffman Estates, Ill., as …")
    if (e < n && !NO_START.has(texts[e]!)) out.push(e);
    k = e - 1;
  }
  if (n) out.push(n);
  return out;
}
