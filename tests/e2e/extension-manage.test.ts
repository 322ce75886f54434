import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, createVault, addManually, readCode, rowOf, pasteClipboard, type Extension } from './extension-helpers';

const ACCOUNTS = [
  { issuer: 'Alphabank', account: 'ann@example.com', secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' },
  { issuer: 'Betamail', account: 'ben@example.com', secret: 'MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U' },
  { issuer: 'Gammahost', account: 'gus@example.com', secret: 'GAYTEMZUGU3DOOBZGAYTEMZUGU3DOOBZ' },
];

async function rowNames(page: Page): Promise<string[]> {
  return page.getByRole('list', { name: 'Accounts' }).getByRole('listitem').evaluateAll(
    (items) => items.map((item) => item.getAttribute('aria-label') ?? ''));
}

describe('popup: finding and managing accounts', () => {
  let ext: Extension;
  let page: Page;

  beforeAll(async () => {
    ext = await launchExtension();
    page = await ext.open('popup');
    await createVault(page);
    for (const entry of ACCOUNTS) await addManually(page, entry);
  });
  afterAll(async () => { await ext?.browser.close(); });

  it('lists every account in order, each named by issuer and account', async () => {
    await expect(rowNames(page)).resolves.toEqual(ACCOUNTS.map((a) => `${a.issuer}: ${a.account}`));
  });

  it('filters as you type, and "/" focuses the search box', async () => {
    await page.getByRole('heading', { name: 'Tessera' }).evaluate((el) => (el as HTMLElement).blur());
    await page.locator('body').focus();
    await page.keyboard.press('/');
    await expect(page.getByRole('searchbox', { name: 'Search accounts' }).evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await page.keyboard.type('beta');
    await expect.poll(() => rowNames(page)).toEqual(['Betamail: ben@example.com']);
    await page.keyboard.type('zzz');
    await page.getByText('No account matches').waitFor();
    await page.getByRole('searchbox').fill('');
    await expect.poll(() => rowNames(page)).toHaveLength(3);
  });

  it('moves through the list with the arrow keys and copies with Enter', async () => {
    const search = page.getByRole('searchbox', { name: 'Search accounts' });
    await search.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    expect(focused).toBe('Copy code for Betamail: ben@example.com');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Copied the code for Betamail: ben@example.com' }).waitFor();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect(search.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
  });

  it('copies the code with one click, and clears the clipboard 30 s later', async () => {
    const popup = await ext.browser.context.newPage();
    await popup.clock.install();
    await popup.goto(`chrome-extension://${ext.id}/popup.html`);
    const label = 'Alphabank: ann@example.com';
    await popup.getByRole('button', { name: `Copy code for ${label}` }).click();
    await popup.getByText(`Copied the code for ${label}`).waitFor();
    const code = await readCode(popup, label);
    expect(await pasteClipboard(popup)).toBe(code);
    await popup.clock.fastForward(29_000);
    expect(await pasteClipboard(popup)).toBe(code);
    await popup.clock.fastForward(2_000);
    await expect.poll(() => pasteClipboard(popup)).toBe('');
    await popup.close();
  });

  it('pins an account to the top, and unpins it', async () => {
    const label = 'Gammahost: gus@example.com';
    const pin = page.getByRole('button', { name: `Pin ${label}` });
    await pin.click();
    await expect.poll(() => rowNames(page)).toEqual([label, 'Alphabank: ann@example.com', 'Betamail: ben@example.com']);
    await expect(pin.getAttribute('aria-pressed')).resolves.toBe('true');
    await pin.click();
    await expect.poll(() => rowNames(page)).toEqual(ACCOUNTS.map((a) => `${a.issuer}: ${a.account}`));
  });

  it('reorders by drag and drop, and with Alt+arrow keys', async () => {
    await rowOf(page, 'Gammahost: gus@example.com').dragTo(rowOf(page, 'Alphabank: ann@example.com'));
    await expect.poll(() => rowNames(page)).toEqual(['Gammahost: gus@example.com', 'Alphabank: ann@example.com', 'Betamail: ben@example.com']);
    await page.getByRole('button', { name: 'Copy code for Gammahost: gus@example.com' }).focus();
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(() => rowNames(page)).toEqual(['Alphabank: ann@example.com', 'Gammahost: gus@example.com', 'Betamail: ben@example.com']);
    // Focus follows the moved row, so a second press moves it again.
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(() => rowNames(page)).toEqual(ACCOUNTS.map((a) => `${a.issuer}: ${a.account}`));
    // The order is saved, not just shown.
    const again = await ext.open('popup');
    await expect.poll(() => rowNames(again)).toEqual(ACCOUNTS.map((a) => `${a.issuer}: ${a.account}`));
    await again.close();
  });

  it('edits the issuer, account name and sites, refusing a site that is not a domain', async () => {
    await page.getByRole('button', { name: 'Edit Betamail: ben@example.com' }).click();
    await page.getByLabel('Issuer').fill('Betamail Pro');
    await page.getByLabel('Sites it fills on').fill('not a site!');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/not a web site's address/);
    await page.getByLabel('Sites it fills on').fill('https://login.betamail.co.uk/signin\nmail.example.com');
    await page.getByRole('button', { name: 'Save' }).click();
    await rowOf(page, 'Betamail Pro: ben@example.com').waitFor();
    await page.getByRole('button', { name: 'Edit Betamail Pro: ben@example.com' }).click();
    await expect(page.getByLabel('Sites it fills on').inputValue()).resolves.toBe('betamail.co.uk\nexample.com');
    await page.getByRole('button', { name: 'Cancel' }).click();
    // The search also finds accounts by their sites.
    await page.getByRole('searchbox').fill('betamail.co');
    await expect.poll(() => rowNames(page)).toEqual(['Betamail Pro: ben@example.com']);
    await page.getByRole('searchbox').fill('');
  });

  it('deletes only after confirmation', async () => {
    const label = 'Alphabank: ann@example.com';
    await page.getByRole('button', { name: `Delete ${label}` }).click();
    const dialog = page.getByRole('alertdialog', { name: `Delete ${label}?` });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await rowOf(page, label).waitFor();
    await page.getByRole('button', { name: `Delete ${label}` }).click();
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await page.getByText(`Deleted ${label}.`).waitFor();
    await expect(rowNames(page)).resolves.toEqual(['Betamail Pro: ben@example.com', 'Gammahost: gus@example.com']);
    const again = await ext.open('popup');
    await expect.poll(() => rowNames(again)).toHaveLength(2);
    await again.close();
  });
});
