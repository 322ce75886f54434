// QR sign-in end to end: the real demo site's sign-in page shows a QR, the built extension scans it from its toolbar
// popup (a real activeTab grant) and, once approved, shows the PIN; typed into the page, it signs the page in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startExtensionRig, type ExtensionRig } from '../qr-signin/support/extension-rig';
import type { Page } from 'playwright-core';
import { choosePopupAccount, clickPopupButton, readShownPin, waitForPopupText } from '../qr-signin/support/popup-view';
import { signUpWithTotpNow } from '../qr-signin/support/qr-site';

let rig: ExtensionRig;
beforeAll(async () => { rig = await startExtensionRig(); });
afterAll(() => rig?.close());

const EMAIL = 'ada@example.com';

describe('QR sign-in with the extension', () => {
  it('goes from the sign-in page to /account with the PIN the popup shows', async () => {
    const secret = await signUpWithTotpNow(rig.site, EMAIL);
    await rig.addAccounts([{ type: 'totp', issuer: 'Tessera Demo', account: EMAIL, secret, algorithm: 'SHA1', digits: 6, period: 30, counter: 0, sites: ['127.0.0.1'] }]);
    const page = await rig.browser.context.newPage();
    await page.goto(`${rig.site.url}/signin`);
    await page.getByRole('button', { name: 'Sign in with a QR code' }).click();
    await page.getByTestId('qr-signin-image').waitFor({ state: 'visible' });

    const popup = await rig.scanLink(page);
    await waitForPopupText(popup, `Sign in to ${rig.site.url}?`);
    await waitForPopupText(popup, `As Tessera Demo: ${EMAIL}.`);
    expect(rig.scanRequests).toEqual([]); // nothing is sent before approval
    await clickPopupButton(popup, 'Approve');

    await waitForPopupText(popup, `Enter this PIN on ${rig.site.url}`);
    const pin = await readShownPin(popup);
    expect(pin).toMatch(/^\d{6}$/);
    await waitForPopupText(popup, /Expires in \d+ seconds/);
    await waitForPopupText(popup, 'Waiting for the page…');
    await page.locator('#qr-pin').waitFor({ state: 'visible' });
    await expect(page.locator('[data-qr-scanned-by]').textContent()).resolves.toBe('Scanned by Chrome on Linux. Enter the PIN Tessera shows.');

    await page.locator('#qr-pin').fill(pin!);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL(`${rig.site.url}/account`);
    await expect(page.getByTestId('display-name').textContent()).resolves.toBe('ada');
    await popup.close();
  });

  it('shows a fresh PIN live after a wrong one, and again when the popup is opened after it had closed', async () => {
    await rig.browser.context.clearCookies();
    const email = 'bea@example.com';
    const secret = await signUpWithTotpNow(rig.site, email);
    await rig.addAccounts([{ type: 'totp', issuer: 'Tessera Demo', account: email, secret, algorithm: 'SHA1', digits: 6, period: 30, counter: 0, sites: ['127.0.0.1'] }]);
    const page = await rig.browser.context.newPage();
    await page.goto(`${rig.site.url}/signin`);
    await page.getByRole('button', { name: 'Sign in with a QR code' }).click();
    await page.getByTestId('qr-signin-image').waitFor({ state: 'visible' });

    const popup = await rig.scanLink(page);
    await waitForPopupText(popup, `Sign in to ${rig.site.url}?`);
    await choosePopupAccount(popup, `Tessera Demo: ${email}`); // ada's account fits the site too
    await clickPopupButton(popup, 'Approve');
    await waitForPopupText(popup, 'Waiting for the page…');
    const first = (await readShownPin(popup))!;
    await page.locator('#qr-pin').waitFor({ state: 'visible' });

    // Typed without taking focus from the popup, so it stays open and hears the site.
    await enterPinQuietly(page, pickWrongPin(first));
    await waitForPopupText(popup, 'The PIN typed on the page was wrong (4 attempts left). Enter this new PIN.');
    // The page has its answer too (and has emptied its field) before anything more is typed there.
    await page.getByRole('alert').filter({ hasText: '4 attempts left' }).waitFor();
    const second = (await readShownPin(popup))!;
    expect(second).not.toBe(first);

    // A person clicks into the page to type: the popup closes. A wrong PIN now is replaced while no popup listens.
    await popup.close();
    await page.locator('#qr-pin').fill(pickWrongPin(second));
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: '3 attempts left' }).waitFor();

    const reopened = await rig.openPopup(page);
    await waitForPopupText(reopened, 'The PIN typed on the page was wrong (3 attempts left). Enter this new PIN.');
    const third = (await readShownPin(reopened))!;
    expect([first, second]).not.toContain(third);
    await reopened.close();
    await page.locator('#qr-pin').fill(third);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL(`${rig.site.url}/account`);
    await expect(page.getByTestId('display-name').textContent()).resolves.toBe('bea');
  });

  it('ends the open popup with words: locked after five wrong PINs, then signed in with a new QR code', async () => {
    await rig.browser.context.clearCookies();
    // Two users: a scan spends its account's current code, so the second QR code is scanned with the other account.
    const [first, second] = ['cy@example.com', 'dee@example.com'];
    for (const email of [first, second]) {
      const secret = await signUpWithTotpNow(rig.site, email);
      await rig.addAccounts([{ type: 'totp', issuer: 'Tessera Demo', account: email, secret, algorithm: 'SHA1', digits: 6, period: 30, counter: 0, sites: ['127.0.0.1'] }]);
    }
    const page = await rig.browser.context.newPage();
    await page.goto(`${rig.site.url}/signin`);
    await page.getByRole('button', { name: 'Sign in with a QR code' }).click();

    const approve = async (email: string) => {
      await page.getByTestId('qr-signin-image').waitFor({ state: 'visible' });
      const popup = await rig.scanLink(page);
      await choosePopupAccount(popup, `Tessera Demo: ${email}`);
      await clickPopupButton(popup, 'Approve');
      await waitForPopupText(popup, 'Waiting for the page…');
      await page.locator('#qr-pin').waitFor({ state: 'visible' });
      return popup;
    };
    const popup = await approve(first);
    for (let left = 4; left >= 1; left--) {
      await enterPinQuietly(page, pickWrongPin((await readShownPin(popup))!));
      await page.getByRole('alert').filter({ hasText: `${left} attempt${left === 1 ? '' : 's'} left` }).waitFor();
    }
    await enterPinQuietly(page, pickWrongPin((await readShownPin(popup))!));
    await waitForPopupText(popup, `Too many wrong PINs: this sign-in to ${rig.site.url} is locked. Generate a new QR code on the page to try again.`);
    await waitForPopupText(popup, 'Sign-in locked');
    await popup.close();

    await page.getByRole('button', { name: 'Generate a new QR code' }).click();
    const again = await approve(second);
    await enterPinQuietly(page, (await readShownPin(again))!);
    await waitForPopupText(again, `Signed in to ${rig.site.url}. You can close this.`);
    await page.waitForURL(`${rig.site.url}/account`);
    await expect(page.getByTestId('display-name').textContent()).resolves.toBe('dee');
  });
});

const pickWrongPin = (pin: string) => (pin === '000000' ? '111111' : '000000');

async function enterPinQuietly(page: Page, pin: string): Promise<void> {
  await page.evaluate((value) => {
    const field = document.querySelector<HTMLInputElement>('#qr-pin')!;
    field.value = value;
    field.dispatchEvent(new Event('input', { bubbles: true }));
    field.form!.requestSubmit();
  }, pin);
}
