// Random input makes the parsers throw their typed error and nothing else; generated accounts survive both URI formats.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  parseOtpauthUri, buildOtpauthUri, decodeMigrationUri, encodeMigrationUris, encodeBase32, OtpError, UriError, MigrationError, type OtpAccount,
} from '#shared/otp/index.ts';

// Mostly the characters URIs treat specially, plus any Unicode.
const awkward = fc.oneof(fc.constantFrom(':', '%', ' ', '+', '&', '=', '?', '#', '/', '@', 'a'), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }));
const trimmed = fc.string({ unit: awkward, maxLength: 24 }).map((s) => s.trim());
const accountArb: fc.Arbitrary<OtpAccount> = fc.record({
  type: fc.constantFrom('totp' as const, 'hotp' as const),
  issuer: trimmed,
  account: trimmed,
  secret: fc.uint8Array({ minLength: 10, maxLength: 64 }).map(encodeBase32),
  algorithm: fc.constantFrom('SHA1' as const, 'SHA256' as const, 'SHA512' as const),
  digits: fc.constantFrom(6 as const, 7 as const, 8 as const),
  period: fc.integer({ min: 1, max: 300 }),
  counter: fc.nat({ max: Number.MAX_SAFE_INTEGER }),
}).map((a) => (a.type === 'totp' ? { ...a, counter: 0 } : { ...a, period: 30 }));

function throwsOnly(parse: () => unknown, kind: typeof OtpError) {
  try {
    parse();
  } catch (error) {
    expect(error).toBeInstanceOf(kind);
    expect((error as OtpError).code).toMatch(/^[a-z_]+$/);
  }
}

describe('otpauth URIs (properties)', () => {
  it('random strings give a UriError or an account, never anything else', () => {
    fc.assert(fc.property(fc.string(), (s) => throwsOnly(() => parseOtpauthUri(s), UriError)), { numRuns: 500 });
    const uriish = fc.tuple(fc.constantFrom('totp', 'hotp', 'TOTP', 'x'), fc.string(), fc.webQueryParameters())
      .map(([t, label, q]) => `otpauth://${t}/${label}?${q}`);
    fc.assert(fc.property(uriish, (s) => throwsOnly(() => parseOtpauthUri(s), UriError)), { numRuns: 500 });
  });

  it('parse(build(account)) keeps every account exactly', () => {
    fc.assert(fc.property(accountArb, (account) => {
      expect(parseOtpauthUri(buildOtpauthUri(account))).toEqual(account);
    }), { numRuns: 500 });
  });
});

describe('migration URIs (properties)', () => {
  it('random strings and random payloads give a MigrationError or a batch, never anything else', () => {
    fc.assert(fc.property(fc.string(), (s) => throwsOnly(() => decodeMigrationUri(s), MigrationError)), { numRuns: 300 });
    const payload = fc.uint8Array({ maxLength: 200 }).map((bytes) => `otpauth-migration://offline?data=${encodeURIComponent(btoa(String.fromCharCode(...bytes)))}`);
    fc.assert(fc.property(payload, (s) => throwsOnly(() => decodeMigrationUri(s), MigrationError)), { numRuns: 500 });
  });

  it('every account the format can carry comes back exactly, across all the batch URIs', () => {
    const exportable = accountArb.filter((a) => a.digits !== 7 && (a.type === 'hotp' || a.period === 30));
    fc.assert(fc.property(fc.array(exportable, { maxLength: 25 }), (accounts) => {
      const { uris, refused } = encodeMigrationUris(accounts);
      expect(refused).toEqual([]);
      const batches = uris.map(decodeMigrationUri);
      expect(batches.flatMap((b) => b.accounts)).toEqual(accounts);
      batches.forEach((b, i) => expect(b).toMatchObject({ batchIndex: i, batchSize: uris.length, refused: [] }));
    }), { numRuns: 200 });
  });
});
