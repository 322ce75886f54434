import { describe, expect, it } from 'vitest';
import { parseImport } from '../../extension/backup';
import { aegisEncrypted, aegisPlain } from './support/import-fixtures';

const EXPECTED = [
  { type: 'totp', issuer: 'Deno', account: 'Mason', secret: '4SJHB4GSD43FZBAI7C2HLRJGPQ', algorithm: 'SHA1', digits: 6, period: 30, counter: 0, duplicate: false },
  { type: 'totp', issuer: 'SPDX', account: 'James', secret: '5OM4WOOGPLQEF6UGN3CPEOOLWU', algorithm: 'SHA256', digits: 7, period: 20, counter: 0, duplicate: false },
  { type: 'hotp', issuer: 'Air Canada', account: 'Benjamin', secret: 'KUVJJOM753IHTNDSZVCNKL7GII', algorithm: 'SHA256', digits: 7, period: 30, counter: 50, duplicate: false },
];
const STEAM_REFUSED = { entry: "entry 'Boeing: Sophia'", reason: expect.stringContaining('TOTP and HOTP') };

describe('Aegis exports', () => {
  it('reads a plain export and refuses Steam entries by name', async () => {
    const preview = await parseImport(aegisPlain());
    expect(preview).toEqual({ format: 'aegis', accounts: EXPECTED, refused: [STEAM_REFUSED] });
  });

  it('says which entry has a bad secret', async () => {
    const preview = await parseImport(aegisPlain([{ type: 'totp', name: 'x', issuer: 'Bad', info: { secret: '0189!', algo: 'SHA1', digits: 6, period: 30 } }]));
    expect(preview.accounts).toEqual([]);
    expect(preview.refused).toEqual([{ entry: "entry 'Bad: x'", reason: expect.stringMatching(/base32|secret/i) }]);
  });

  it('decrypts a password-encrypted export (scrypt + AES-256-GCM) as Aegis documents it', async () => {
    const preview = await parseImport(aegisEncrypted('aegis password'), { password: 'aegis password' });
    expect(preview).toEqual({ format: 'aegis-encrypted', accounts: EXPECTED, refused: [STEAM_REFUSED] });
  });

  it('asks for the password, and refuses a wrong one', async () => {
    const file = aegisEncrypted('aegis password');
    await expect(parseImport(file)).rejects.toMatchObject({ code: 'password_required' });
    await expect(parseImport(file, { password: 'not it' })).rejects.toMatchObject({ code: 'wrong_password' });
  });

  it('refuses a damaged encrypted export and one asking for absurd scrypt memory', async () => {
    const json = JSON.parse(aegisEncrypted('aegis password'));
    const db = Buffer.from(json.db, 'base64');
    db[0] ^= 1;
    await expect(parseImport(JSON.stringify({ ...json, db: db.toString('base64') }), { password: 'aegis password' }))
      .rejects.toMatchObject({ code: 'corrupt' });
    json.header.slots[1].n = 2 ** 30;
    await expect(parseImport(JSON.stringify(json), { password: 'aegis password' })).rejects.toMatchObject({ code: 'corrupt' });
  });

  it('marks entries already in the vault as duplicates', async () => {
    const preview = await parseImport(aegisPlain(), { existing: [{ ...EXPECTED[1], duplicate: undefined } as never] });
    expect(preview.accounts.map((a) => a.duplicate)).toEqual([false, true, false]);
  });
});
