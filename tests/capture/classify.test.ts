// What each kind of QR text turns into: the branch decides what the user is shown next.
import { describe, expect, it } from 'vitest';
import { buildOtpauthUri, encodeMigrationUris, type OtpAccount } from '#shared/otp/index.ts';
import { classifyQrText } from '../../extension/capture/classify';

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const account: OtpAccount = {
  type: 'totp', issuer: 'Example Corp', account: 'alice@example.com', secret: SECRET, algorithm: 'SHA256', digits: 8, period: 60, counter: 0,
};

describe('classifyQrText', () => {
  it('reads an otpauth URI as an account to preview, with every parameter and no site yet', () => {
    expect(classifyQrText(buildOtpauthUri(account))).toEqual({ kind: 'account', account: { ...account, sites: [] } });
  });

  it('accepts an upper-case scheme and surrounding white space, as phones do', () => {
    const finding = classifyQrText(`  ${buildOtpauthUri(account).replace('otpauth://', 'OTPAUTH://')}\n`);
    expect(finding.kind).toBe('account');
  });

  it('reads an HOTP URI with its counter', () => {
    const uri = 'otpauth://hotp/Bank:bob?secret=JBSWY3DPEHPK3PXP&counter=7&issuer=Bank';
    const finding = classifyQrText(uri);
    expect(finding).toMatchObject({ kind: 'account', account: { type: 'hotp', counter: 7, issuer: 'Bank', account: 'bob' } });
  });

  it('passes on the parser\'s message for a broken otpauth URI, without the secret', () => {
    const finding = classifyQrText(`otpauth://totp/Example:alice?secret=${SECRET}&digits=9`);
    expect(finding).toMatchObject({ kind: 'invalid-otpauth', code: 'invalid_digits' });
    expect(finding.kind === 'invalid-otpauth' && finding.message).toMatch(/digits must be 6, 7 or 8/);
    expect(JSON.stringify(finding)).not.toContain(SECRET);
  });

  it('says a URI without a secret cannot make codes', () => {
    expect(classifyQrText('otpauth://totp/Example:alice?issuer=Example')).toMatchObject({ kind: 'invalid-otpauth', code: 'missing_secret' });
  });

  it('reads a Google Authenticator export with its accounts and its place in the batch', () => {
    const accounts = Array.from({ length: 12 }, (_, i) => ({ ...account, algorithm: 'SHA1' as const, digits: 6 as const, period: 30, account: `user${i}` }));
    const { uris } = encodeMigrationUris(accounts, 4242);
    expect(uris.length).toBeGreaterThan(1);
    const finding = classifyQrText(uris[1]);
    expect(finding).toMatchObject({ kind: 'migration', batchIndex: 1, batchSize: uris.length, batchId: 4242, refused: [] });
    expect(finding.kind === 'migration' && finding.accounts.every((a) => a.secret === SECRET && a.sites.length === 0)).toBe(true);
  });

  it('refuses a damaged export with a message saying to scan again', () => {
    const finding = classifyQrText('otpauth-migration://offline?data=AAAA%2F%2F%2F');
    expect(finding).toMatchObject({ kind: 'invalid-otpauth' });
    expect(finding.kind === 'invalid-otpauth' && finding.message).toMatch(/scan the QR code again|damaged/);
  });

  it('hands a Tessera site link over as it is', () => {
    expect(classifyQrText('tessera:pair?c=abc')).toEqual({ kind: 'tessera-link', text: 'tessera:pair?c=abc' });
  });

  it('names a web link by its origin and path, leaving out a query that may carry a token', () => {
    const finding = classifyQrText('https://shop.example.com/promo?token=s3cr3t#x');
    expect(finding).toEqual({ kind: 'not-authenticator', message: 'This QR code is a link to https://shop.example.com/promo?…: not an authenticator code.' });
  });

  it('names a plain web link in full and cuts a very long one', () => {
    expect(classifyQrText('https://example.com/')).toEqual({ kind: 'not-authenticator', message: 'This QR code is a link to https://example.com: not an authenticator code.' });
    const long = classifyQrText(`https://example.com/${'a'.repeat(200)}`);
    expect(long.kind === 'not-authenticator' && long.message.length).toBeLessThan(140);
  });

  it('says what Wi-Fi settings, contact cards and plain text are, without repeating them', () => {
    const wifi = classifyQrText('WIFI:T:WPA;S:home;P:hunter22;;');
    expect(wifi).toEqual({ kind: 'not-authenticator', message: 'This QR code holds Wi-Fi network settings: not an authenticator code.' });
    expect(classifyQrText('BEGIN:VCARD\nFN:Alice\nEND:VCARD')).toMatchObject({ message: expect.stringContaining('a contact card') });
    const text = classifyQrText('my pin is 4711');
    expect(text).toEqual({ kind: 'not-authenticator', message: 'This QR code holds text (14 characters): not an authenticator code.' });
    expect(classifyQrText('')).toMatchObject({ kind: 'not-authenticator', message: expect.stringContaining('empty') });
    expect(classifyQrText('ftp://files.example.com/key.txt')).toEqual({ kind: 'not-authenticator', message: 'This QR code is a link of another kind (ftp:): not an authenticator code.' });
  });
});
