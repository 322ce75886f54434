import { describe, it, expect } from 'vitest';
import vectors from '../fixtures/rfc-otp.json';
import { generateHotp, generateTotp, generateCode, verifyTotp, secondsLeft, timeStep, encodeBase32, type Algorithm, type Digits, SecretError } from '#shared/otp/index.ts';

describe('HOTP (RFC 4226 Appendix D)', () => {
  it.each(vectors.hotp)('counter $counter gives $code', (v) => {
    expect(generateHotp({ secret: v.secretBase32, counter: v.counter, algorithm: v.algorithm as Algorithm, digits: v.digits as Digits })).toBe(v.code);
  });
});

describe('TOTP (RFC 6238 Appendix B)', () => {
  it.each(vectors.totp)('$algorithm at $time gives $code', (v) => {
    expect(generateTotp({ secret: v.secretBase32, time: v.time, period: v.period, algorithm: v.algorithm as Algorithm, digits: v.digits as Digits })).toBe(v.code);
  });

  it('truncates to 6 and 7 digits from the same value as 8', () => {
    for (const v of vectors.totp) {
      const args = { secret: v.secretBase32, time: v.time, algorithm: v.algorithm as Algorithm };
      expect(generateTotp({ ...args, digits: 6 })).toBe(v.code.slice(2));
      expect(generateTotp({ ...args, digits: 7 })).toBe(v.code.slice(1));
    }
  });

  it('uses the period: a 60 s code at t equals a 30 s code at t/2 for the same step number', () => {
    const secret = vectors.totp[0].secretBase32;
    expect(generateTotp({ secret, time: 120, period: 60 })).toBe(generateHotp({ secret, counter: 2 }));
    expect(generateTotp({ secret, time: 299, period: 300 })).toBe(generateHotp({ secret, counter: 0 }));
    expect(generateTotp({ secret, time: 7, period: 1 })).toBe(generateHotp({ secret, counter: 7 }));
  });

  it('refuses periods outside 1..300 and digit counts outside 6..8', () => {
    const secret = vectors.totp[0].secretBase32;
    expect(() => generateTotp({ secret, time: 0, period: 0 })).toThrow(/period must be a whole number of seconds from 1 to 300, not 0/);
    expect(() => generateTotp({ secret, time: 0, period: 301 })).toThrow(/not 301/);
    expect(() => generateTotp({ secret, time: 0, digits: 9 as Digits })).toThrow(/digits must be 6, 7 or 8, not 9/);
  });

  it('counts seconds left in the period', () => {
    expect(secondsLeft(59, 30)).toBe(1);
    expect(secondsLeft(60, 30)).toBe(30);
    expect(secondsLeft(61.5, 60)).toBe(59);
    expect(timeStep(1111111109)).toBe(37037036);
  });
});

describe('secrets', () => {
  it('accepts the 80-bit secrets real sites issue', () => {
    expect(generateTotp({ secret: 'JBSWY3DPEHPK3PXP', time: 0 })).toMatch(/^\d{6}$/);
  });

  it('refuses secrets under 80 bits with a reason', () => {
    expect(() => generateTotp({ secret: encodeBase32(new Uint8Array(9)), time: 0 })).toThrow(SecretError);
    expect(() => generateTotp({ secret: encodeBase32(new Uint8Array(9)), time: 0 })).toThrow(/at least 10 bytes/);
  });
});

describe('verifyTotp', () => {
  const secret = vectors.totp[0].secretBase32;
  const at = (time: number) => generateTotp({ secret, time });

  it('returns the matched step within one step of drift, and null beyond', () => {
    expect(verifyTotp({ secret, code: at(1000), time: 1000 })).toBe(33);
    expect(verifyTotp({ secret, code: at(1000), time: 1030 })).toBe(33);
    expect(verifyTotp({ secret, code: at(1030), time: 1000 })).toBe(34);
    expect(verifyTotp({ secret, code: at(1000), time: 1060 })).toBeNull();
  });

  it('refuses malformed codes without throwing', () => {
    expect(verifyTotp({ secret, code: '12345', time: 1000 })).toBeNull();
    expect(verifyTotp({ secret, code: 'abcdef', time: 1000 })).toBeNull();
  });
});

describe('generateCode', () => {
  it('uses the clock for TOTP and the counter for HOTP', () => {
    const v = vectors.totp[1];
    const base = { issuer: 'X', account: 'y', secret: v.secretBase32, algorithm: 'SHA256' as const, digits: 8 as const, period: 30, counter: 0 };
    expect(generateCode({ ...base, type: 'totp' }, 59)).toBe('46119246');
    expect(generateCode({ ...base, type: 'hotp', counter: 1 }, 999999)).toBe(generateHotp({ secret: v.secretBase32, counter: 1, algorithm: 'SHA256', digits: 8 }));
  });
});
