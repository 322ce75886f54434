import { describe, expect, it } from 'vitest';
import { decodeBase32 } from '#shared/otp/index.ts';
import { parseImport } from '../../extension/backup';
import { migrationUri } from './support/import-fixtures';

const LIST = [
  '# exported accounts',
  'otpauth://totp/GitHub:alice%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=GitHub',
  '',
  'otpauth://totp/Broken:bob?secret=JBSWY3DPEHPK3PXP&digits=9',
  'hello world',
  'otpauth://hotp/ACME%20Co:carol?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&algorithm=SHA256&digits=8&counter=7',
].join('\n');

describe('otpauth URI lists', () => {
  it('reads every valid line and says which lines were refused and why', async () => {
    const preview = await parseImport(LIST);
    expect(preview.format).toBe('otpauth-list');
    expect(preview.accounts).toEqual([
      { type: 'totp', issuer: 'GitHub', account: 'alice@example.com', secret: 'JBSWY3DPEHPK3PXP', algorithm: 'SHA1', digits: 6, period: 30, counter: 0, duplicate: false },
      { type: 'hotp', issuer: 'ACME Co', account: 'carol', secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', algorithm: 'SHA256', digits: 8, period: 30, counter: 7, duplicate: false },
    ]);
    expect(preview.refused).toEqual([
      { entry: 'line 4', reason: expect.stringContaining('digits must be 6, 7 or 8') },
      { entry: 'line 5', reason: expect.stringContaining('Not an otpauth') },
    ]);
  });

  it('marks secrets already in the vault, or repeated in the file, as duplicates', async () => {
    const existing = [{ type: 'totp', issuer: 'GitHub', account: 'old', secret: 'JBSWY3DPEHPK3PXP', algorithm: 'SHA1', digits: 6, period: 30, counter: 0 } as const];
    const text = `${LIST}\notpauth://totp/Again:carol?secret=gezd gnbv gy3t qojq gezd gnbv gy3t qojq`;
    const preview = await parseImport(text, { existing: [...existing] });
    expect(preview.accounts.map((a) => [a.issuer, a.duplicate])).toEqual([['GitHub', true], ['ACME Co', false], ['Again', true]]);
  });

  it('refuses text that is no export at all', async () => {
    await expect(parseImport('just some notes\nnothing here')).rejects.toMatchObject({ code: 'unknown_format' });
    await expect(parseImport('   ')).rejects.toMatchObject({ code: 'unknown_format' });
    await expect(parseImport('{"hello": 1}')).rejects.toMatchObject({ code: 'unknown_format' });
    await expect(parseImport('{"services": [')).rejects.toMatchObject({ code: 'corrupt' });
  });
});

describe('Google Authenticator exports', () => {
  const github = { secret: decodeBase32('JBSWY3DPEHPK3PXP'), name: 'alice', issuer: 'GitHub', algorithm: 1, digits: 1, type: 2 };
  const bank = { secret: decodeBase32('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ'), name: 'bob', issuer: 'Bank', algorithm: 3, digits: 2, type: 1, counter: 12 };
  const md5 = { secret: decodeBase32('KRUGS4ZANFZSAYJAORSXG5BAONSWG4TFOQ'), name: 'eve', issuer: 'Legacy', algorithm: 4, digits: 1, type: 2 };

  it('reads one export with its accounts, counters included, and refuses what Tessera cannot use', async () => {
    const preview = await parseImport(migrationUri([github, bank, md5]));
    expect(preview.format).toBe('google-migration');
    expect(preview.accounts.map(({ issuer, account, type, algorithm, digits, counter }) => ({ issuer, account, type, algorithm, digits, counter }))).toEqual([
      { issuer: 'GitHub', account: 'alice', type: 'totp', algorithm: 'SHA1', digits: 6, counter: 0 },
      { issuer: 'Bank', account: 'bob', type: 'hotp', algorithm: 'SHA512', digits: 8, counter: 12 },
    ]);
    expect(preview.refused).toHaveLength(1);
    expect(preview.refused[0].entry).toContain('entry 3');
    expect(preview.refused[0].reason).not.toBe('');
  });

  it('reads an export spread over several QR codes and names a missing one', async () => {
    const text = [migrationUri([github], { size: 3, index: 0, id: 99 }), migrationUri([bank], { size: 3, index: 2, id: 99 })].join('\n');
    const preview = await parseImport(text);
    expect(preview.accounts.map((a) => a.issuer)).toEqual(['GitHub', 'Bank']);
    expect(preview.refused).toEqual([{ entry: 'QR code 2 of 3', reason: expect.stringContaining('scan or paste it too') }]);
  });

  it('names a broken export as the Google Authenticator export it is, not as a list of otpauth links', async () => {
    const preview = await parseImport('otpauth-migration://offline?data=CjEKCkhlbGxvId6tvu8');
    expect(preview.format).toBe('google-migration');
    expect(preview.accounts).toEqual([]);
    expect(preview.refused).toEqual([{ entry: 'line 1', reason: expect.any(String) }]);
  });

  it('refuses a damaged export line by line', async () => {
    const preview = await parseImport(`${migrationUri([github])}\notpauth-migration://offline?data=%%%`);
    expect(preview.accounts).toHaveLength(1);
    expect(preview.refused).toEqual([{ entry: 'line 2', reason: expect.any(String) }]);
  });
});
