import { describe, it, expect } from 'vitest';
import { parseOtpauthUri, buildOtpauthUri, generateCode, UriError } from '#shared/otp/index.ts';

const SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

function refusal(uri: string): UriError {
  try {
    parseOtpauthUri(uri);
  } catch (error) {
    expect(error).toBeInstanceOf(UriError);
    return error as UriError;
  }
  throw new Error(`parsed without error: ${uri}`);
}

describe('parseOtpauthUri', () => {
  it('reads every parameter of a TOTP URI', () => {
    expect(parseOtpauthUri(`otpauth://totp/ACME%20Co:alice%40example.com?secret=${SECRET}&issuer=ACME%20Co&algorithm=sha256&digits=8&period=60`)).toEqual({
      type: 'totp', issuer: 'ACME Co', account: 'alice@example.com', secret: SECRET, algorithm: 'SHA256', digits: 8, period: 60, counter: 0,
    });
  });

  it('honours algorithm=SHA256 instead of silently falling back to SHA1', () => {
    const sha1 = parseOtpauthUri(`otpauth://totp/a?secret=${SECRET}`);
    const sha256 = parseOtpauthUri(`otpauth://totp/a?secret=${SECRET}&algorithm=SHA256`);
    expect(generateCode(sha256, 59)).not.toBe(generateCode(sha1, 59));
  });

  it('applies the defaults: SHA1, 6 digits, 30 s', () => {
    const account = parseOtpauthUri('otpauth://totp/GitHub:bob?secret=jbswy3dpehpk3pxp');
    expect(account).toMatchObject({ issuer: 'GitHub', account: 'bob', secret: 'JBSWY3DPEHPK3PXP', algorithm: 'SHA1', digits: 6, period: 30 });
  });

  it('reconciles the issuer parameter and the label prefix', () => {
    expect(parseOtpauthUri(`otpauth://totp/alice?secret=${SECRET}&issuer=Example`)).toMatchObject({ issuer: 'Example', account: 'alice' });
    expect(parseOtpauthUri(`otpauth://totp/Example:alice?secret=${SECRET}`)).toMatchObject({ issuer: 'Example', account: 'alice' });
    expect(parseOtpauthUri(`otpauth://totp/Example%3A%20alice?secret=${SECRET}`)).toMatchObject({ issuer: 'Example', account: 'alice' });
    expect(parseOtpauthUri(`otpauth://totp/Old:alice?secret=${SECRET}&issuer=New`)).toMatchObject({ issuer: 'New', account: 'alice' });
    expect(parseOtpauthUri(`otpauth://totp/alice?secret=${SECRET}`)).toMatchObject({ issuer: '', account: 'alice' });
  });

  it('reads HOTP with its counter and requires one', () => {
    expect(parseOtpauthUri(`otpauth://HOTP/x:y?secret=${SECRET}&counter=42`)).toMatchObject({ type: 'hotp', counter: 42 });
    expect(refusal(`otpauth://hotp/x:y?secret=${SECRET}`).code).toBe('missing_counter');
  });

  it.each([
    [`otpauth://totp/a?secret=${SECRET}&digits=9`, 'invalid_digits', 'digits must be 6, 7 or 8, not 9'],
    [`otpauth://totp/a?secret=${SECRET}&algorithm=MD5`, 'invalid_algorithm', 'algorithm must be SHA1, SHA256 or SHA512, not MD5'],
    [`otpauth://totp/a?secret=${SECRET}&period=0`, 'invalid_period', 'period must be a whole number of seconds from 1 to 300, not 0'],
    [`otpauth://totp/a?secret=${SECRET}&period=abc`, 'invalid_period', 'not abc'],
    [`otpauth://hotp/a?secret=${SECRET}&counter=-1`, 'invalid_counter', 'counter must be a whole number'],
    ['otpauth://totp/a?issuer=x', 'missing_secret', 'no secret parameter'],
    ['otpauth://totp/a?secret=JBSW1Y3DPEHPK3PXP', 'invalid_base32', "'1' at position 5"],
    ['otpauth://totp/a?secret=JBSWY3DP', 'secret_too_short', 'at least 10 bytes'],
    [`otpauth://steam/a?secret=${SECRET}`, 'invalid_type', "must be totp or hotp, not 'steam'"],
    [`https://example.com/?secret=${SECRET}`, 'not_otpauth', 'not an otpauth:// URI'],
    [`otpauth://totp?secret=${SECRET}`, 'invalid_uri', 'no label'],
    [`otpauth://totp/a%ZZ?secret=${SECRET}`, 'invalid_label', 'percent-encoding'],
    [`otpauth://totp/a?secret=${SECRET}&digits=6&digits=8`, 'duplicate_parameter', "'digits' more than once"],
  ])('refuses %s with %s', (uri, code, message) => {
    const error = refusal(uri);
    expect(error.code).toBe(code);
    expect(error.message).toContain(message);
    expect(error.message).not.toContain(SECRET);
  });
});

describe('buildOtpauthUri', () => {
  it('writes every parameter explicitly', () => {
    const uri = buildOtpauthUri(parseOtpauthUri(`otpauth://totp/ACME:a@b.c?secret=${SECRET}&digits=8`));
    expect(uri).toBe(`otpauth://totp/ACME:a%40b.c?secret=${SECRET}&issuer=ACME&algorithm=SHA1&digits=8&period=30`);
  });

  it('keeps an issuer with a colon in it', () => {
    const account = parseOtpauthUri(`otpauth://totp/a%3Ab:c?secret=${SECRET}&issuer=a%3Ab`);
    expect(account).toMatchObject({ issuer: 'a:b', account: 'c' });
    expect(parseOtpauthUri(buildOtpauthUri(account))).toEqual(account);
  });

  it('keeps an account name with a colon and no issuer', () => {
    const account = { type: 'hotp' as const, issuer: '', account: 'a:b', secret: SECRET, algorithm: 'SHA512' as const, digits: 7 as const, period: 30, counter: 9 };
    expect(parseOtpauthUri(buildOtpauthUri(account))).toEqual(account);
  });
});
