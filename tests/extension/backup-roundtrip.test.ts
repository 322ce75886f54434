import { describe, expect, it } from 'vitest';
import { exportMigrationQrPayloads, exportOtpauthList, exportTesseraBackup, parseImport } from '../../extension/backup';
import type { VaultAccount } from '../../extension/vault';
import { BANK, FAST_KDF, GITHUB, MAIL, makeHarness, PASSWORD, unlockedHarness } from './support/vault-fixture';

const BACKUP_PASSWORD = 'backup passphrase 1';

/** What a person would notice after restoring: everything but ids and timestamps, in list order. */
function visible(accounts: VaultAccount[]) {
  return accounts.map(({ type, issuer, account, secret, algorithm, digits, period, counter, sites, pinned }) =>
    ({ type, issuer, account, secret, algorithm, digits, period, counter, sites, pinned }));
}

async function populatedVault() {
  const h = await unlockedHarness();
  const [, bank, mail] = await h.vault.add([GITHUB, BANK, MAIL]);
  await h.vault.nextHotp(bank.id);
  await h.vault.update(mail.id, { pinned: true, sites: ['fastmail.com'] });
  return h;
}

async function restore(text: string, password?: string) {
  const fresh = makeHarness();
  await fresh.vault.create(PASSWORD);
  const preview = await parseImport(text, { password, existing: await fresh.vault.list() });
  await fresh.vault.add(preview.accounts.filter((a) => !a.duplicate));
  return { fresh, preview };
}

describe('Tessera backup', () => {
  it('round trip: export, wipe, import gives back every account exactly, counters, sites and pins included', async () => {
    const h = await populatedVault();
    const before = await h.vault.list();
    const text = await exportTesseraBackup(before, BACKUP_PASSWORD, { kdf: FAST_KDF });
    const { fresh, preview } = await restore(text, BACKUP_PASSWORD);
    expect(preview).toMatchObject({ format: 'tessera-backup', refused: [] });
    expect(visible(await fresh.vault.list())).toEqual(visible(before));
    expect((await fresh.vault.list()).find((a) => a.issuer === 'Bank of Zurich')?.counter).toBe(42);
  });

  it('is versioned JSON with its KDF parameters, and holds nothing readable', async () => {
    const h = await populatedVault();
    const text = await exportTesseraBackup(await h.vault.list(), BACKUP_PASSWORD);
    const file = JSON.parse(text);
    expect(file).toMatchObject({ format: 'tessera-backup', version: 1, kdf: { algorithm: 'argon2id', memoryKiB: 65536, iterations: 3, parallelism: 1 }, cipher: { algorithm: 'AES-256-GCM' } });
    for (const secret of [GITHUB.secret, BANK.issuer, MAIL.account, 'github.com']) expect(text).not.toContain(secret);
  });

  it('asks for the password, refuses a wrong one, and refuses a weak one on export', async () => {
    const h = await populatedVault();
    const text = await exportTesseraBackup(await h.vault.list(), BACKUP_PASSWORD, { kdf: FAST_KDF });
    await expect(parseImport(text)).rejects.toMatchObject({ code: 'password_required' });
    await expect(parseImport(text, { password: 'wrong password' })).rejects.toMatchObject({ code: 'wrong_password' });
    await expect(exportTesseraBackup([], 'short')).rejects.toMatchObject({ code: 'weak_password' });
  });

  it('refuses a backup changed after it was made', async () => {
    const h = await populatedVault();
    const file = JSON.parse(await exportTesseraBackup(await h.vault.list(), BACKUP_PASSWORD, { kdf: FAST_KDF }));
    const data = Buffer.from(file.data, 'base64');
    data[10] ^= 1;
    await expect(parseImport(JSON.stringify({ ...file, data: data.toString('base64') }), { password: BACKUP_PASSWORD })).rejects.toMatchObject({ code: 'corrupt' });
    await expect(parseImport(JSON.stringify({ ...file, version: 9 }), { password: BACKUP_PASSWORD })).rejects.toMatchObject({ code: 'unsupported' });
    await expect(parseImport(JSON.stringify({ ...file, kdf: { ...file.kdf, memoryKiB: 2 ** 31 } }), { password: BACKUP_PASSWORD })).rejects.toMatchObject({ code: 'corrupt' });
  });

  it('marks accounts already in the vault as duplicates, so a second restore adds nothing', async () => {
    const h = await populatedVault();
    const text = await exportTesseraBackup(await h.vault.list(), BACKUP_PASSWORD, { kdf: FAST_KDF });
    const preview = await parseImport(text, { password: BACKUP_PASSWORD, existing: await h.vault.list() });
    expect(preview.accounts.every((a) => a.duplicate)).toBe(true);
  });
});

describe('plain exports', () => {
  it('otpauth list round trip keeps every OTP field and counter', async () => {
    const h = await populatedVault();
    const before = await h.vault.list();
    const text = exportOtpauthList(before);
    expect(text.trim().split('\n')).toHaveLength(3);
    const { fresh, preview } = await restore(text);
    expect(preview.format).toBe('otpauth-list');
    const strip = (a: ReturnType<typeof visible>) => a.map(({ sites: _s, pinned: _p, ...otp }) => otp);
    expect(strip(visible(await fresh.vault.list()))).toEqual(strip(visible(before)));
  });

  it('Google Authenticator payloads carry what the format can, and name what it cannot', async () => {
    const h = await populatedVault();
    const accounts = await h.vault.list();
    const { uris, refused } = exportMigrationQrPayloads(accounts);
    // The format knows 6 or 8 digits and a 30-second period only: the 7-digit, 60-second account cannot go.
    expect(refused.map((r) => r.account.issuer)).toEqual(['Fastmail']);
    expect(refused[0].reason).not.toBe('');
    expect(uris.every((u) => u.startsWith('otpauth-migration://offline?data='))).toBe(true);
    const preview = await parseImport(uris.join('\n'));
    expect(preview.format).toBe('google-migration');
    const exported = accounts.filter((a) => a.issuer !== 'Fastmail');
    expect(preview.accounts.map(({ issuer, account, secret, type, algorithm, digits, counter }) => ({ issuer, account, secret, type, algorithm, digits, counter })))
      .toEqual(exported.map(({ issuer, account, secret, type, algorithm, digits, counter }) => ({ issuer, account, secret, type, algorithm, digits, counter })));
  });

  it('splits many accounts into several QR-sized payloads', async () => {
    const many = Array.from({ length: 25 }, (_, i) => ({ ...GITHUB, account: `user${i}@example.com` }));
    const { uris } = exportMigrationQrPayloads(many);
    expect(uris.length).toBeGreaterThan(1);
    expect(uris.every((u) => u.length < 1200)).toBe(true);
    expect((await parseImport(uris.join('\n'))).accounts).toHaveLength(25);
  });
});
