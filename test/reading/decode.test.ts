/** Bytes to text: UTF-8, UTF-16 with and without a byte-order mark, Windows-1252; binary refused. */
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/stages/reading/decode.js';
import { InputError } from '../../src/stages/reading/errors.js';

const ARTICLE = 'date 2025-09-02 Café talks in Zürich: “old friend” — Putin added.';

describe('decodeText', () => {
  it.each([
    ['UTF-8', Buffer.from(ARTICLE, 'utf8'), 'utf-8'],
    ['UTF-8 with a byte-order mark', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ARTICLE, 'utf8')]), 'utf-8'],
    ['UTF-16LE with a byte-order mark', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ARTICLE, 'utf16le')]), 'utf-16le'],
    ['UTF-16LE without one', Buffer.from(ARTICLE, 'utf16le'), 'utf-16le'],
    ['UTF-16BE with a byte-order mark', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(ARTICLE, 'utf16le').swap16()]), 'utf-16be'],
  ])('reads %s', (_name, bytes, encoding) => {
    expect(decodeText(bytes, 'f')).toEqual({ text: ARTICLE, encoding });
  });

  it('reads Latin-1 and Windows-1252 bytes that are not UTF-8, curly quotes included', () => {
    const bytes = Buffer.concat([Buffer.from('Caf', 'latin1'), Buffer.from([0xe9, 0x20, 0x93]), Buffer.from('hi', 'latin1'), Buffer.from([0x94, 0x20, 0x80, 0x35])]);
    expect(decodeText(bytes, 'f')).toEqual({ text: 'Café “hi” €5', encoding: 'windows-1252' });
  });

  it('refuses binary data in one line', () => {
    const bytes = Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0x03, 0x00, 0x3e, 0x00, 0x01, 0x00, 0x00, 0x00]);
    expect(() => decodeText(bytes, 'a.out')).toThrow(InputError);
    expect(() => decodeText(bytes, 'a.out')).toThrow(/^a\.out looks like binary data, not text$/);
  });

  it('gives empty text for an empty file (the callers report it)', () => {
    expect(decodeText(Buffer.alloc(0), 'f').text).toBe('');
  });
});
