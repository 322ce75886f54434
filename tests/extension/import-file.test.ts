// A chosen import file read as text, without a browser: UTF-8 exports pass, anything binary is refused in words.
import { describe, expect, it } from 'vitest';
import { decodeImportFile } from '../../extension/backup';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('reading an import file', () => {
  it('reads a UTF-8 export as it is, without its byte-order mark', () => {
    expect(decodeImportFile(bytes('\uFEFF{"version":1}'))).toBe('{"version":1}');
    expect(decodeImportFile(bytes('otpauth://totp/Zürich:alice?secret=JBSWY3DPEHPK3PXP\r\n'))).toContain('Zürich');
  });

  it('refuses a picture, invalid UTF-8 and control bytes with words that say what to choose', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    for (const file of [png, new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), bytes('{"a":1}\u0000\u0001')]) {
      expect(() => decodeImportFile(file)).toThrow(expect.objectContaining({ code: 'not_text', message: expect.stringMatching(/^This file is not a text export/) }));
    }
  });

  it('refuses a file larger than any export before decoding it', () => {
    expect(() => decodeImportFile(new Uint8Array(5_000_001))).toThrow(expect.objectContaining({ code: 'too_large' }));
  });
});
