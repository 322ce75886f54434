// One set of rules for an account, whichever way it comes in: a URI, the manual form, a file, the vault.
import { describe, expect, it } from 'vitest';
import { buildOtpauthUri, checkAccount, parseOtpauthUri, type AccountFields } from '#shared/otp/index.ts';

const fields: AccountFields = {
  type: 'totp', issuer: '  Acme: EU ', account: ' ann@example.com ', secret: 'jbsw y3dp ehpk 3pxp',
  algorithm: 'sha-256', digits: '8', period: '60', counter: '',
};

describe('checkAccount', () => {
  it('gives the account a URI of the same fields gives, names trimmed and the secret canonical', () => {
    const account = checkAccount(fields);
    expect(account).toEqual({ type: 'totp', issuer: 'Acme: EU', account: 'ann@example.com', secret: 'JBSWY3DPEHPK3PXP', algorithm: 'SHA256', digits: 8, period: 60, counter: 0 });
    expect(parseOtpauthUri(buildOtpauthUri(account))).toEqual(account);
  });

  it('reads the period of TOTP only and the counter of HOTP only', () => {
    expect(checkAccount({ ...fields, type: 'hotp', period: 'ignored', counter: '7' })).toMatchObject({ type: 'hotp', period: 30, counter: 7 });
    expect(checkAccount({ ...fields, counter: 'ignored' })).toMatchObject({ counter: 0 });
  });

  it.each([
    [{ type: 'steam' }, 'invalid_type', "type must be totp or hotp, not 'steam'"],
    [{ secret: '' }, 'missing_secret', 'The secret is empty: enter the key the site showed you.'],
    [{ secret: 'JBSWY3DP' }, 'secret_too_short', 'The secret is 5 bytes; at least 10 bytes (16 Base32 characters) are needed.'],
    [{ algorithm: 'MD5' }, 'invalid_algorithm', 'algorithm must be SHA1, SHA256 or SHA512, not MD5'],
    [{ digits: 9 }, 'invalid_digits', 'digits must be 6, 7 or 8, not 9'],
    [{ period: '0' }, 'invalid_period', 'period must be a whole number of seconds from 1 to 300, not 0'],
    [{ type: 'hotp', counter: '-1' }, 'invalid_counter', `counter must be a whole number from 0 to ${Number.MAX_SAFE_INTEGER}, not -1`],
  ] as [Partial<AccountFields>, string, string][])('refuses %o with %s, in the words a URI gets', (change, code, message) => {
    expect(() => checkAccount({ ...fields, ...change })).toThrow(expect.objectContaining({ code, message }));
  });
});
