import { describe, it, expect } from 'vitest';
import { decodeBase32, encodeBase32, normalizeSecret, secretIdentity, Base32Error } from '#shared/otp/index.ts';

const ascii = (s: string) => new TextEncoder().encode(s);

describe('base32', () => {
  it('decodes the RFC 4648 test vectors', () => {
    const vectors: [string, string][] = [['', ''], ['f', 'MY'], ['fo', 'MZXQ'], ['foo', 'MZXW6'], ['foob', 'MZXW6YQ'], ['fooba', 'MZXW6YTB'], ['foobar', 'MZXW6YTBOI']];
    for (const [plain, encoded] of vectors.slice(1)) {
      expect(decodeBase32(encoded)).toEqual(ascii(plain));
      expect(encodeBase32(ascii(plain))).toBe(encoded);
    }
  });

  it('accepts what users paste: lower case, spaces, hyphens and padding', () => {
    expect(normalizeSecret('jbsw y3dp-ehpk 3pxp')).toBe('JBSWY3DPEHPK3PXP');
    expect(normalizeSecret('MZXW6YQ=')).toBe('MZXW6YQ');
    expect(decodeBase32('mzxw6ytboi======')).toEqual(ascii('foobar'));
  });

  it('names a bad character and its position', () => {
    expect(() => decodeBase32('JBSW1Y3DP')).toThrow(/'1' at position 5/);
    expect(() => decodeBase32('JBSW8')).toThrow(Base32Error);
    try {
      decodeBase32('ab=c');
    } catch (error) {
      expect((error as Base32Error).code).toBe('invalid_base32');
      expect((error as Error).message).toMatch(/'=' at position 3/);
    }
  });

  it('refuses an empty secret and lengths that cannot encode whole bytes', () => {
    expect(() => decodeBase32('  ')).toThrow(/empty/);
    expect(() => decodeBase32('ABC')).toThrow(/3 characters cannot encode whole bytes/);
  });

  it('tells the same key apart from its spellings: case, spacing, padding and unused trailing bits', () => {
    expect(secretIdentity('jbsw y3dp-ehpk 3pxp')).toBe(secretIdentity('JBSWY3DPEHPK3PXP'));
    expect(secretIdentity('MZXW6YQ=')).toBe(secretIdentity('MZXW6YR'));
    expect(secretIdentity('MZXW6YQ')).not.toBe(secretIdentity('MZXW6YA'));
    expect(secretIdentity('not base32!')).toBeNull();
  });
});
