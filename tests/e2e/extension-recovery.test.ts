// Nothing vanishes, in the real extension: a record corrupted in IndexedDB is rolled back from a snapshot on the
// options page; the popup reminds to export an encrypted backup after accounts were added, until one is exported or
// the reminder is dismissed; the options page says whether the browser keeps the data.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Page } from 'playwright-core';
import { addManually, createVault, launchExtension, readCode, rowOf, type Extension } from './extension-helpers';

// Browser starts and Argon2id steps are slow on a shared, loaded CPU: time enough for them, not a failure on time.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 180_000 });

let ext: Extension;

beforeAll(async () => {
  ext = await launchExtension();
  const popup = await ext.open('popup');
  await createVault(popup);
  await popup.close();
});
afterAll(() => ext?.browser.close());

/** Flips a byte of one stored account record, as a bad write or a damaged disk would. */
async function corruptOneRecord(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve, reject) => {
    const open = indexedDB.open('tessera-vault');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction('accounts', 'readwrite');
      const store = tx.objectStore('accounts');
      const cursor = store.openCursor();
      cursor.onsuccess = () => {
        const record = cursor.result!.value as { data: Uint8Array };
        const data = new Uint8Array(record.data);
        data[5] ^= 0xff;
        cursor.result!.update({ ...record, data });
      };
      tx.oncomplete = () => { open.result.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
  }));
}

describe('nothing vanishes', () => {
  it('reminds to export a backup after adding accounts, until dismissed', async () => {
    const popup = await ext.open('popup');
    await addManually(popup, { secret: 'JBSWY3DPEHPK3PXP', issuer: 'GitHub', account: 'octocat' });
    await addManually(popup, { secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', issuer: 'Fastmail', account: 'carol' });
    const reminder = popup.getByRole('note', { name: 'Backup reminder' });
    await expect.poll(() => reminder.textContent()).toContain('2 accounts were added since your last encrypted backup.');
    await expect(reminder.getByRole('link', { name: 'Export a backup' }).getAttribute('href')).resolves.toBe('options.html#export');
    await reminder.getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => reminder.count()).toBe(0);
    await popup.reload();
    await rowOf(popup, 'GitHub: octocat').waitFor();
    expect(await popup.getByRole('note', { name: 'Backup reminder' }).count()).toBe(0);
    await popup.close();
  });

  it('rolls a corrupted record back from the snapshot of the options page', async () => {
    const popup = await ext.open('popup');
    const before = await readCode(popup, 'GitHub: octocat');
    expect(before).toMatch(/^\d{6}$/);
    // An edit, then the damage: the snapshot from before the edit holds both accounts.
    await popup.getByRole('button', { name: 'Edit Fastmail: carol' }).click();
    await popup.getByLabel('Issuer').fill('Fastmail Inc');
    await popup.getByRole('button', { name: 'Save' }).click();
    await rowOf(popup, 'Fastmail Inc: carol').waitFor();
    await corruptOneRecord(popup);
    await popup.reload();
    await popup.getByText('An account record was changed outside Tessera and fails its integrity check. Roll the vault back to a snapshot in Settings').waitFor();
    expect(await popup.getByRole('listitem').count()).toBe(0);

    const options = await ext.open('options');
    const list = options.getByRole('list', { name: 'Snapshots' });
    await list.getByRole('listitem').first().waitFor();
    const newest = list.getByRole('listitem').first();
    await expect(newest.textContent()).resolves.toContain('before an edit: 2 accounts');
    await newest.getByRole('button', { name: /^Roll back to / }).click();
    await options.getByRole('alertdialog').getByRole('button', { name: 'Roll back' }).click();
    await options.getByText(/^Rolled back to .+: the vault has 2 accounts\.$/).waitFor();
    // The damaged vault was kept as a snapshot too.
    await expect(list.getByRole('listitem').first().textContent()).resolves.toContain('before a rollback: 2 accounts');

    await popup.reload();
    await rowOf(popup, 'GitHub: octocat').waitFor();
    await rowOf(popup, 'Fastmail: carol').waitFor();
    expect(await readCode(popup, 'GitHub: octocat')).toMatch(/^\d{6}$/);
    await popup.close();
    await options.close();
  });

  it('says on the options page whether the browser keeps the data', async () => {
    const options = await ext.open('options');
    await options.getByText(/This browser (keeps|may clear|does not say whether it keeps) Tessera's data when the disk runs low/).waitFor();
    await options.close();
  });

  it('stops reminding once an encrypted backup is exported', async () => {
    const popup = await ext.open('popup');
    await addManually(popup, { secret: 'KRUGS4ZANFZSAYJAORSXG5BAONSWG4TFOQ', issuer: 'Acme', account: 'dan' });
    const reminder = popup.getByRole('note', { name: 'Backup reminder' });
    await expect.poll(() => reminder.textContent()).toContain('1 account was added since your last encrypted backup.');
    const options = await ext.open('options');
    const form = options.getByRole('form', { name: 'Encrypted backup' });
    await form.getByLabel('Backup password').fill('a backup password 99');
    await form.getByLabel('Type it again').fill('a backup password 99');
    await form.getByRole('button', { name: 'Download encrypted backup' }).click();
    await options.getByText('Encrypted backup saved.', { exact: false }).waitFor();
    await popup.reload();
    await rowOf(popup, 'Acme: dan').waitFor();
    expect(await popup.getByRole('note', { name: 'Backup reminder' }).count()).toBe(0);
    await options.close();
    await popup.close();
  });
});
