import { describe, expect, it } from 'vitest';
import { parseImport } from '../../extension/backup';
import { twoFasBackup, twoFasService } from './support/import-fixtures';

describe('2FAS backups', () => {
  const services = [
    twoFasService('Deno', '4SJHB4GSD43FZBAI7C2HLRJGPQ', { account: 'Mason', issuer: 'Deno', digits: 6, period: 30, algorithm: 'SHA1', tokenType: 'TOTP' }, 0),
    twoFasService('Air Canada', 'KUVJJOM753IHTNDSZVCNKL7GII', { account: 'Benjamin', issuer: 'Air Canada', digits: 7, algorithm: 'SHA256', counter: 50, tokenType: 'HOTP' }, 1),
    twoFasService('Boeing', 'JRZCL47CMXVOQMNPZR2F7J4RGI', { account: 'Sophia', issuer: 'Boeing', digits: 5, period: 30, algorithm: 'SHA1', tokenType: 'STEAM' }, 2),
    // Older backups leave the issuer out: the service name stands in for it.
    twoFasService('Standard', '54VEGZFJHM3BGDONFERMPUOKNGDJETGM', { account: 'Totp', digits: 6, period: 30, algorithm: null, tokenType: 'TOTP' }, 3),
    twoFasService('Broken', 'JBSWY3DPEHPK3PXP', { account: 'x', digits: 6, period: 0, tokenType: 'TOTP' }, 4),
  ];

  it('reads TOTP and HOTP services and says why the others were refused', async () => {
    const preview = await parseImport(twoFasBackup(services));
    expect(preview.format).toBe('2fas');
    expect(preview.accounts).toEqual([
      { type: 'totp', issuer: 'Deno', account: 'Mason', secret: '4SJHB4GSD43FZBAI7C2HLRJGPQ', algorithm: 'SHA1', digits: 6, period: 30, counter: 0, duplicate: false },
      { type: 'hotp', issuer: 'Air Canada', account: 'Benjamin', secret: 'KUVJJOM753IHTNDSZVCNKL7GII', algorithm: 'SHA256', digits: 7, period: 30, counter: 50, duplicate: false },
      { type: 'totp', issuer: 'Standard', account: 'Totp', secret: '54VEGZFJHM3BGDONFERMPUOKNGDJETGM', algorithm: 'SHA1', digits: 6, period: 30, counter: 0, duplicate: false },
    ]);
    expect(preview.refused).toEqual([
      { entry: "entry 'Boeing: Sophia'", reason: expect.stringContaining('STEAM codes are not supported') },
      { entry: "entry 'Broken: x'", reason: expect.stringContaining('period must be') },
    ]);
  });

  it('says an encrypted 2FAS backup must be exported without a password', async () => {
    const file = JSON.stringify({ services: [], servicesEncrypted: 'abc:def:ghi', schemaVersion: 4 });
    await expect(parseImport(file)).rejects.toMatchObject({ code: 'unsupported', message: expect.stringContaining('without a password') });
  });
});
