import { createHash } from 'node:crypto';

/**
 * The same text is the same article: white space is collapsed before hashing, so a text file and
 * a feed item with the same words (re-wrapped lines, a trailing newline) hash alike.
 */
export function contentHash(text: string): string {
  return createHash('sha256').update(text.normalize('NFC').replace(/\s+/g, ' ').trim()).digest('hex');
}

/** The record's own id when it has one; otherwise the first 16 hex digits (64 bits) of the content hash. */
export function articleId(givenId: string | undefined, hash: string): string {
  return givenId?.trim() || hash.slice(0, 16);
}
