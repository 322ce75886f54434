// Moving to a new device, end to end: the account page in headless Chromium starts the move (password and a code, or a
// backup code), the built extension takes the new key from the move page's pairing QR, the old authenticator (the
// test's own copy of the old key) still signs in until the new code is entered, and is refused after.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Page } from 'playwright-core';
import { generateCode, generateTotp } from '#shared/otp/index.ts';
import { SITE_TOTP } from '#shared/protocol/totp-profile.ts';
import type { VaultAccount } from '../../extension/vault/index';
import { issueBackupCodes } from '../../demo-site/backup/issue';
import { findUserByEmail } from '../../demo-site/accounts/users';
import { PASSWORD } from '../site/support/site';
import { startExtensionRig, type ExtensionRig } from '../qr-signin/support/extension-rig';
import { clickPopupButton, waitForPopupText } from '../qr-signin/support/popup-view';
import type { ActionPopup } from '../support/extension-action';

// Browser starts, Argon2id steps and a wait for the next TOTP period: time enough for them on a shared, loaded CPU.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

let rig: ExtensionRig;
beforeAll(async () => { rig = await startExtensionRig(); });
afterAll(() => rig?.close());

const PERIOD_MS = SITE_TOTP.period * 1000;
const currentStep = () => Math.floor(Date.now() / PERIOD_MS);
const { algorithm, digits, period } = SITE_TOTP;
const codeOf = (secret: string, step: number) => generateTotp({ secret, time: step * period, algorithm, digits, period });

/**
 * An authenticator the test holds, used as a person would: the site takes each time step once, so its next code is
 * the first step after the last one used that the site still accepts (one step of drift), waiting for the next period
 * when that step is not due yet.
 */
function authenticator(secret: string) {
  let lastStep = -1;
  return {
    secret,
    async nextCode(): Promise<string> {
      const step = Math.max(lastStep + 1, currentStep());
      if (step > currentStep() + 1) await new Promise((resolve) => setTimeout(resolve, (step - 1) * PERIOD_MS - Date.now() + 200));
      lastStep = step;
      return codeOf(secret, step);
    },
  };
}
type Authenticator = ReturnType<typeof authenticator>;

/** Signs up and enrols in the browser (its session becomes a full one); returns the old authenticator. */
async function enrolledInBrowser(page: Page, email: string): Promise<Authenticator> {
  const site = rig.site.url;
  expect((await page.request.post(`${site}/api/signup`, { data: { email, password: PASSWORD, displayName: email.split('@')[0] } })).status()).toBe(201);
  const { secret } = await (await page.request.post(`${site}/api/mfa/totp/generate`)).json();
  const old = authenticator(secret);
  expect((await page.request.post(`${site}/api/mfa/totp/activate`, { data: { code: await old.nextCode() } })).status()).toBe(200);
  return old;
}

/** A sign-in elsewhere with the password and `code`: the status of the code step. */
async function signInWith(email: string, code: string): Promise<number> {
  const client = rig.site.client();
  const { ticket } = (await client.post('/api/signin', { email, password: PASSWORD })).body;
  return (await client.post('/api/signin/mfa/totp', { ticket, code })).status;
}

/** On the account page: the move form, filled with the password and one proof, sent. */
async function startMove(page: Page, proof: { label: 'Code from your current authenticator' | 'Or a backup code'; value: string }): Promise<void> {
  await page.goto(`${rig.site.url}/account`);
  const form = page.getByTestId('move-form');
  await form.getByLabel('Password').fill(PASSWORD);
  await form.getByLabel(proof.label).fill(proof.value);
  await form.getByRole('button', { name: 'Set up a new device' }).click();
  await page.getByText('Your current authenticator keeps working until you enter a code from the new one here').waitFor();
}

/** On the move page: Tessera scans the pairing QR (it is preferred over the plain QR of the same key); the popup is left open. */
async function pairWithTessera(page: Page, email: string): Promise<{ popup: ActionPopup; newKey: VaultAccount }> {
  const pairingQr = page.getByTestId('qr-pairing-image');
  await pairingQr.waitFor({ state: 'visible' });
  await pairingQr.scrollIntoViewIfNeeded();
  const keysBefore = (await rig.listAccounts()).map((account) => account.secret);
  const popup = await rig.scanLink(page);
  await waitForPopupText(popup, /Paired with 127\.0\.0\.1: enter the code Tessera shows/, 30_000);
  const added = (await rig.listAccounts()).filter((account) => !keysBefore.includes(account.secret));
  expect(added).toHaveLength(1);
  expect(added[0]).toMatchObject({ type: 'totp', issuer: 'Tessera Demo', account: email, sites: ['127.0.0.1'] });
  // The page heard it at once, and the pairing QR is spent.
  await expect.poll(() => page.getByTestId('qr-pairing').getByRole('status').textContent()).toBe('Paired with Chrome on Linux: enter the code it shows.');
  await expect.poll(() => pairingQr.isVisible()).toBe(false);
  return { popup, newKey: added[0] };
}

/** Back in the popup's list, Fill puts the new key's current code into the move page. */
async function fillNewCode(page: Page, popup: ActionPopup, newKey: VaultAccount): Promise<void> {
  await clickPopupButton(popup, 'Close');
  await clickPopupButton(popup, `Fill code for Tessera Demo: ${newKey.account}`, 'body');
  const code = page.getByLabel('Code from your authenticator');
  await expect.poll(() => code.inputValue()).toMatch(/^\d{6}$/);
  await popup.close();
  const now = Math.floor(Date.now() / 1000);
  expect([0, -period].map((shift) => generateCode(newKey, now + shift))).toContain(await code.inputValue());
}

async function confirmMove(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Use the new device' }).click();
  await page.waitForURL(/\/account$/);
  await expect(page.getByTestId('moved-at').textContent()).resolves.toMatch(/Your authenticator last moved to a new device on /);
  await expect(page.getByTestId('move-under-way').count()).resolves.toBe(0);
}

/**
 * After the move: a code of the old key for the next step (used by nobody, so only the key can make it wrong) is
 * refused, and the new key's code for that same step signs in.
 */
async function expectOnlyNewKey(email: string, old: Authenticator, newKey: VaultAccount): Promise<void> {
  const next = currentStep() + 1;
  expect(await signInWith(email, codeOf(old.secret, next))).toBe(401);
  expect(await signInWith(email, codeOf(newKey.secret, next))).toBe(200);
}

describe('moving the authenticator to a new device', () => {
  it('with the password and a current code: the old key works until the new code is entered, then not', async () => {
    const email = 'mira@example.com';
    const page = await rig.browser.context.newPage();
    const old = await enrolledInBrowser(page, email);
    await startMove(page, { label: 'Code from your current authenticator', value: await old.nextCode() });

    const { popup, newKey } = await pairWithTessera(page, email);
    // Tessera holds the new key, no code of it verified yet: the old authenticator still signs in.
    expect(await signInWith(email, await old.nextCode())).toBe(200);

    await fillNewCode(page, popup, newKey);
    await confirmMove(page);
    await expectOnlyNewKey(email, old, newKey);
    await page.close();
  });

  it('with a backup code instead of a code', async () => {
    const email = 'oskar@example.com';
    const page = await rig.browser.context.newPage();
    const old = await enrolledInBrowser(page, email);
    const ctx = rig.site.site.ctx;
    const user = (await findUserByEmail(ctx, email))!;
    const [backupCode] = await ctx.storage.transaction((tx) => issueBackupCodes(ctx, user, user.id, { ip: '127.0.0.1', userAgent: 'test' }, { method: 'hand_over' }, tx));
    await startMove(page, { label: 'Or a backup code', value: backupCode });

    const { popup, newKey } = await pairWithTessera(page, email);
    expect(await signInWith(email, await old.nextCode())).toBe(200);

    await fillNewCode(page, popup, newKey);
    await confirmMove(page);
    await expectOnlyNewKey(email, old, newKey);
    // The backup code was used up by the move.
    const client = rig.site.client();
    const { ticket } = (await client.post('/api/signin', { email, password: PASSWORD })).body;
    expect((await client.post('/api/signin/mfa/backup-code', { ticket, code: backupCode })).status).toBe(401);
    await page.close();
  });
});
