/**
 * Bytes to text the way a reader expects: UTF-8 (a byte-order mark dropped), UTF-16 with or
 * without a byte-order mark, and Windows-1252/Latin-1 when the bytes are not valid UTF-8 (old
 * newsroom exports). What is none of these is binary data: a one-line InputError.
 */
import { InputError } from './errors.js';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** UTF-16 without a byte-order mark: most ASCII characters leave a zero byte on one side. */
function utf16Without(buf: Buffer): TextEncoding | undefined {
  const n = Math.min(buf.length - (buf.length % 2), 4096);
  if (n < 4) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) evenZero++;
    if (buf[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > 0.4 * pairs && evenZero < 0.05 * pairs) return 'utf-16le';
  if (evenZero > 0.4 * pairs && oddZero < 0.05 * pairs) return 'utf-16be';
  return undefined;
}

/** Windows-1252's characters for bytes 0x80–0x9F (Latin-1 has control codes there). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

function decodeWindows1252(buf: Buffer): string {
  let out = '';
  for (const byte of buf) out += byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH[byte - 0x80]! : String.fromCharCode(byte);
  return out;
}

export function detectEncoding(buf: Buffer): TextEncoding {
  if (buf[0] === 0xff && buf[1] === 0xfe) return 'utf-16le';
  if (buf[0] === 0xfe && buf[1] === 0xff) return 'utf-16be';
  const sixteen = utf16Without(buf);
  if (sixteen) return sixteen;
  try {
    utf8.decode(buf);
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

export function decodeText(buf: Buffer, label: string): { text: string; encoding: TextEncoding } {
  const encoding = detectEncoding(buf);
  let text: string;
  if (encoding === 'utf-16be') {
    const even = Buffer.from(buf.subarray(0, buf.length - (buf.length % 2)));
    text = new TextDecoder('utf-16le').decode(even.swap16());
  } else if (encoding === 'windows-1252') {
    text = decodeWindows1252(buf);
  } else {
    text = new TextDecoder(encoding).decode(buf);
  }
  text = text.replace(/^\uFEFF/, '');
  if (text.includes('\u0000')) throw new InputError(`${label} looks like binary data, not text`);
  return { text, encoding };
}
