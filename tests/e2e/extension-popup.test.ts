import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, createVault, addManually, readCode, rowOf, expectCurrentCode, totp, type Extension } from './extension-helpers';

// RFC 6238 seeds in base32 (20, 32 and 64 bytes) for SHA1 (also RFC 4226's HOTP seed), SHA256 and SHA512.
const SHA1_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const SHA256_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZA';
// Other keys, so that no two accounts share one.
const KEY_A = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const KEY_B = 'MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U';
const KEY_C = 'GAYTEMZUGU3DOOBZGAYTEMZUGU3DOOBZ';
const SHA512_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNA';

describe('popup: codes', () => {
  let ext: Extension;
  let page: Page;

  beforeAll(async () => {
    ext = await launchExtension();
    page = await ext.open('popup');
    await createVault(page);
  });
  afterAll(async () => { await ext?.browser.close(); });

  it('starts empty, with the ways to add an account', async () => {
    await page.getByRole('heading', { name: 'No accounts yet' }).waitFor();
    await expect(page.getByRole('button', { name: "Scan the page's QR code" }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: 'Add an account manually' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('link', { name: 'Import accounts' }).getAttribute('href')).resolves.toBe('options.html');
  });

  it.each([
    ['SHA1', totp(KEY_A, 'Sha One', 'a@example.com')],
    ['SHA256', totp(SHA256_SECRET, 'Sha Two', 'b@example.com', { algorithm: 'SHA256' })],
    ['SHA512', totp(SHA512_SECRET, 'Sha Five', 'c@example.com', { algorithm: 'SHA512' })],
    ['8 digits', totp(KEY_B, 'Eight', 'd@example.com', { digits: 8 })],
    ['a 60 s period', totp(KEY_C, 'Sixty', 'e@example.com', { period: 60 })],
  ])('shows the same code as the shared core for %s', async (_name, account) => {
    await addManually(page, {
      secret: account.secret, issuer: account.issuer, account: account.account,
      algorithm: account.algorithm, digits: String(account.digits), period: String(account.period),
    });
    const label = `${account.issuer}: ${account.account}`;
    const code = await readCode(page, label);
    expectCurrentCode(code, account, Date.now());
    expect(code).toHaveLength(account.digits);
    const timer = rowOf(page, label).getByRole('timer');
    const left = Number(await timer.textContent());
    expect(left).toBeGreaterThanOrEqual(1);
    expect(left).toBeLessThanOrEqual(account.period);
  });

  it('follows the system\'s dark mode', async () => {
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await background()).toBe('rgb(255, 255, 255)');
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await background()).toBe('rgb(22, 24, 28)');
    await page.emulateMedia({ colorScheme: null });
  });

  it('groups the code for reading (123 456)', async () => {
    const text = await page.getByRole('button', { name: 'Copy code for Sha One: a@example.com' }).textContent();
    expect(text).toMatch(/^\d{3} \d{3}$/);
  });

  it('adds from a pasted otpauth URI and shows the parser\'s message for a bad one', async () => {
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    const form = page.getByRole('form', { name: 'Add from an otpauth URI' });
    await form.getByLabel('otpauth URI').fill('otpauth://totp/Bad:x?secret=JBSWY3DPEHPK3PXP&digits=9');
    await form.getByRole('button', { name: 'Add from URI' }).click();
    await expect(form.getByRole('alert').textContent()).resolves.toMatch(/digits/i);
    await form.getByLabel('otpauth URI').fill('otpauth-migration://offline?data=CjEKCkhlbGxvId6tvu8');
    await form.getByRole('button', { name: 'Add from URI' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toMatch(/Google Authenticator export.*options page/);
    await form.getByLabel('otpauth URI').fill('otpauth://totp/Paste%20Co:pat%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Paste%20Co');
    await form.getByRole('button', { name: 'Add from URI' }).click();
    const label = 'Paste Co: pat@example.com';
    await rowOf(page, label).waitFor();
    expectCurrentCode(await readCode(page, label), totp('JBSWY3DPEHPK3PXP', 'Paste Co', 'pat@example.com'), Date.now());
  });

  it('asks before adding a key that is already there', async () => {
    const count = await page.getByRole('listitem').count();
    await addManually(page, { secret: KEY_A.toLowerCase(), issuer: 'Twin', account: 't@example.com' }, { expectError: true });
    const form = page.getByRole('form', { name: 'Add with a setup key' });
    await expect(form.getByRole('alert').textContent()).resolves.toMatch(/already in Tessera as Sha One: a@example.com/);
    await form.getByRole('button', { name: 'Add account' }).click();
    await rowOf(page, 'Twin: t@example.com').waitFor();
    await expect(page.getByRole('listitem').count()).resolves.toBe(count + 1);
  });

  it('refuses a bad secret with a message that says what to fix, and adds nothing', async () => {
    const before = await page.getByRole('listitem').count();
    await addManually(page, { secret: 'not base32!', issuer: 'Broken', account: 'x' }, { expectError: true });
    const alert = page.getByRole('form', { name: 'Add with a setup key' }).getByRole('alert');
    await expect(alert.textContent()).resolves.toMatch(/base32|secret/i);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('listitem').count()).resolves.toBe(before);
  });

  it('HOTP: "next code" advances the counter and the popup remembers it', async () => {
    await addManually(page, { secret: SHA1_SECRET, issuer: 'Counter Co', account: 'h@example.com', type: 'hotp', counter: '0' });
    const label = 'Counter Co: h@example.com';
    // RFC 4226 appendix D: counter 0 gives 755224, counter 1 gives 287082.
    await expect(readCode(page, label)).resolves.toBe('755224');
    await page.getByRole('button', { name: `Next code for ${label}` }).click();
    await expect.poll(() => readCode(page, label)).toBe('287082');
    const again = await ext.open('popup');
    await rowOf(again, label).waitFor();
    await expect(readCode(again, label)).resolves.toBe('287082');
    await again.close();
  });
});
