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
