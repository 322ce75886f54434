import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import jsQR from 'jsqr';
import type { Page } from 'playwright-core';
import { decodeMigrationUri } from '#shared/otp/index.ts';
import { launchExtension, createVault, addManually, rowOf, type Extension } from './extension-helpers';

const KEEP = { secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', issuer: 'Keepco', account: 'kim@example.com' };
const GONE = { secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', issuer: 'Goneco', account: 'gil@example.com' };
const BACKUP_PASSWORD = 'violet harbour 77 kites';

async function download(page: Page, click: () => Promise<void>): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return readFileSync((await file.path())!, 'utf8');
}

async function previewPasted(options: Page, text: string, password = ''): Promise<void> {
  const form = options.getByRole('form', { name: 'Import accounts' });
  await form.getByLabel('Or paste the exported text').fill(text);
  await form.getByLabel('File password (encrypted backups only)').fill(password);
  await form.getByRole('button', { name: 'Preview import' }).click();
}

describe('import and export on the options page', () => {
  let ext: Extension;
  let options: Page;

  beforeAll(async () => {
    ext = await launchExtension();
    const popup = await ext.open('popup');
    await createVault(popup);
    await addManually(popup, KEEP);
    await addManually(popup, GONE);
    await popup.close();
    options = await ext.open('options');
    await options.getByRole('heading', { name: 'Import' }).waitFor();
  });
  afterAll(async () => { await ext?.browser.close(); });

  it('previews a pasted otpauth list: new, duplicate and refused entries with the reason, then imports the new ones', async () => {
    const list = [
      `otpauth://totp/Keepco:kim%40example.com?secret=${KEEP.secret}&issuer=Keepco`,
      'otpauth://totp/Newco:nia%40example.com?secret=KRSXG5CTMVRXEZLUKN2XAZLSKNSWC4TFOQ&issuer=Newco',
      'otpauth://totp/Badco:x?secret=JBSWY3DPEHPK3PXP&digits=12',
    ].join('\n');
    await previewPasted(options, list);
    const preview = options.getByRole('region', { name: /Preview/ });
    await preview.getByRole('heading', { name: /1 to add/ }).waitFor();
    const found = preview.getByRole('list', { name: 'Accounts found' }).getByRole('listitem');
    await expect(found.count()).resolves.toBe(2);
    await expect(found.filter({ hasText: 'Keepco' }).textContent()).resolves.toMatch(/already in Tessera/);
    await expect(found.filter({ hasText: 'Newco' }).textContent()).resolves.not.toMatch(/already/);
    const refused = preview.getByRole('list', { name: /Not imported/ }).getByRole('listitem');
    await expect(refused.textContent()).resolves.toMatch(/line 3.*digit/i);
    await preview.getByRole('button', { name: 'Import 1 account' }).click();
    await options.getByText('Imported 1 account.').waitFor();
    const popup = await ext.open('popup');
    await rowOf(popup, 'Newco: nia@example.com').waitFor();
    await expect(popup.getByRole('listitem').count()).resolves.toBe(3);
    await popup.close();
  });

  it('says what to fix for text it cannot read, and adds nothing', async () => {
    await previewPasted(options, 'just some words');
    await expect(options.getByRole('form', { name: 'Import accounts' }).getByRole('alert').textContent()).resolves.toMatch(/cannot read this.*otpauth/);
    await expect(options.getByRole('region', { name: /Preview/ }).count()).resolves.toBe(0);
  });

  it('refuses a file far larger than any export before reading it, saying so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tessera-import-'));
    const huge = join(dir, 'photo-library.json');
    writeFileSync(huge, Buffer.alloc(6_000_000, 0x7b));
    const form = options.getByRole('form', { name: 'Import accounts' });
    await form.getByLabel('Import from a file').setInputFiles(huge);
    await expect.poll(() => form.getByRole('alert').textContent()).toMatch(/larger than any authenticator export \(over 5 MB\)/);
    await expect(form.getByLabel('Or paste the exported text').inputValue()).resolves.toBe('');
  });

  it('exports an encrypted backup that restores a deleted account from a file, asking for its password', async () => {
    const form = options.getByRole('form', { name: 'Encrypted backup' });
    await form.getByLabel('Backup password').fill(BACKUP_PASSWORD);
    await form.getByLabel('Type it again').fill(BACKUP_PASSWORD);
    const backup = await download(options, () => form.getByRole('button', { name: 'Download encrypted backup' }).click());
    expect(backup).not.toContain(GONE.secret);
    expect(backup).not.toContain(GONE.issuer);

    const popup = await ext.open('popup');
    await popup.getByRole('button', { name: `Delete ${GONE.issuer}: ${GONE.account}` }).click();
    await popup.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => rowOf(popup, `${GONE.issuer}: ${GONE.account}`).count()).toBe(0);

    const file = join(mkdtempSync(join(tmpdir(), 'tessera-backup-')), 'backup.json');
    writeFileSync(file, backup);
    const importForm = options.getByRole('form', { name: 'Import accounts' });
    await importForm.getByLabel('Import from a file').setInputFiles(file);
    await importForm.getByLabel('File password (encrypted backups only)').fill('');
    await importForm.getByRole('button', { name: 'Preview import' }).click();
    await expect(importForm.getByRole('alert').textContent()).resolves.toMatch(/password/i);
    await importForm.getByLabel('File password (encrypted backups only)').fill('wrong password here');
    await importForm.getByRole('button', { name: 'Preview import' }).click();
    await expect.poll(() => importForm.getByRole('alert').textContent()).toMatch(/wrong|password/i);
    await importForm.getByLabel('File password (encrypted backups only)').fill(BACKUP_PASSWORD);
    await importForm.getByRole('button', { name: 'Preview import' }).click();
    const preview = options.getByRole('region', { name: /Preview/ });
    await preview.getByRole('heading', { name: /1 to add from Tessera backup/ }).waitFor();
    await preview.getByRole('button', { name: 'Import 1 account' }).click();
    // The popup reads the vault when it opens: open it again once the import says it is done.
    await options.getByText(/^Imported 1 account/).waitFor();
    await popup.reload();
    await rowOf(popup, `${GONE.issuer}: ${GONE.account}`).waitFor();
    await popup.close();
  });

  it('exports a plain otpauth list only after the warning is acknowledged', async () => {
    const button = options.getByRole('button', { name: 'Download plain otpauth list' });
    await expect(button.isDisabled()).resolves.toBe(true);
    await options.getByLabel('I understand the file is not protected').check();
    const text = await download(options, () => button.click());
    const lines = text.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(text).toContain(`secret=${KEEP.secret}`);
    for (const line of lines) expect(line).toMatch(/^otpauth:\/\/totp\//);
  });

  it('shows Google Authenticator migration QR codes a scanner reads back to every account', async () => {
    await options.getByRole('button', { name: 'Show QR codes' }).click();
    const image = options.getByRole('img', { name: /Migration QR code 1 of \d+/ });
    await image.waitFor();
    const src = (await image.getAttribute('src'))!;
    const png = PNG.sync.read(Buffer.from(src.replace(/^data:image\/png;base64,/, ''), 'base64'));
    const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(decoded?.data).toMatch(/^otpauth-migration:\/\//);
    const batch = decodeMigrationUri(decoded!.data);
    expect(batch.accounts.map((account) => account.issuer).sort()).toEqual(['Goneco', 'Keepco', 'Newco']);
    expect(batch.accounts.find((account) => account.issuer === 'Keepco')?.secret).toBe(KEEP.secret);
  });
});
