import type { Token } from './types.js';

/**
 * A wire dateline at the head of an article: "BERLIN (Reuters) - ", "KYIV, Feb 26 (AP) — ",
 * "TOKYO - ". It places and credits the story; it is not part of the first sentence's claim.
 */
const DATELINE = /^[A-Z][A-Z.'’ -]{1,40}?(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?(?:\s*\([^()\n]{1,40}\))?\s*[-–—]{1,2}\s+/;

/**
 * Offset where the text after a dateline starts, or 0 when there is none. The dateline opens the text
 * or, under a one-line headline, the paragraph after it ("Newspaper: … email\n\nWASHINGTON (AP) — …").
 */
export function datelineEnd(text: string): number {
  const at = datelineAt(text, 0);
  if (at) return at;
  const line = /^[^\n]{1,200}\n\s*\n?/.exec(text);
  return line ? datelineAt(text, line[0].length) : 0;
}

function datelineAt(text: string, from: number): number {
  const m = DATELINE.exec(text.slice(from, from + 120));
  if (!m) return 0;
  const place = m[0].split(/[,(]/)[0]!.trim().replace(/\s*[-–—]+$/, '');
  // the place must be written in capitals: "TOKYO -", not "The meeting -"
  if (!/^[A-Z][A-Z.'’ -]+$/.test(place)) return 0;
  // a short capitalised word alone is more likely an acronym ("US - China talks") than a place
  const credited = /[,(]/.test(m[0]);
  return credited || place.replace(/[^A-Z]/g, '').length > 4 ? from + m[0].length : 0;
}

/** A wire's sign-off, alone on the last line or set off by a wide gap: " Reuter", "REUTER...", "-- AP", "(AFP)". */
const SIGN_OFF = /(?:^|\n|[ \t]{3})[ \t]*(?:[-–—]+[ \t]*)?\(?(Reuters?|REUTERS?|AP|AFP|Xinhua|XINHUA|dpa)\)?\.{0,3}[ \t\r\n]*$/;

/**
 * The agency a wire story signs off with on its last line, where its name is written, and the
 * name its lists know it by (the Reuters-21578 archive signs "Reuter"). The sign-off credits the
 * story, like a dateline; it is no person.
 */
export function signOff(text: string): { start: number; end: number; agency: string } | undefined {
  // every article asks: most end in a full stop or a quotation mark, which no sign-off does
  let last = text.length - 1;
  while (last >= 0 && text.charCodeAt(last) <= 32) last--;
  if (!/[a-zA-Z.)]/.test(text.charAt(last)) || (text.charAt(last) === '.' && text.charAt(last - 1) !== '.')) return undefined;
  const m = SIGN_OFF.exec(text.slice(-40));
  if (!m) return undefined;
  const start = text.length - Math.min(text.length, 40) + m.index + m[0].indexOf(m[1]!);
  const word = m[1]!;
  const agency = /^reuter/i.test(word) ? 'Reuters' : word === 'XINHUA' ? 'Xinhua' : word;
  return { start, end: start + word.length, agency };
}

/** The token of a sign-off (after it at most a bracket or dots), or -1. */
export function signOffToken(tokens: readonly Token[], credit: { start: number; end: number }): number {
  for (let k = tokens.length - 1; k >= 0 && k >= tokens.length - 3; k--) if (tokens[k]!.start === credit.start) return tokens[k]!.end === credit.end ? k : -1;
  return -1;
}
