// The demo site's sign-in page and the extension's popup, as a person uses them for QR sign-in: a user whose account
// is in the vault, the page's QR, the scan and approval in the popup, and PINs typed on the page.
import type { Page } from 'playwright-core';
import type { ActionPopup } from '../../support/extension-action';
import type { ExtensionRig } from './extension-rig';
import { choosePopupAccount, clickPopupButton, waitForPopupText } from './popup-view';
import { signUpWithTotpNow } from './qr-site';

/** A user with TOTP on the site, whose account is in the vault bound to the site. */
export async function addSiteUser(rig: ExtensionRig, email: string): Promise<void> {
  const secret = await signUpWithTotpNow(rig.site, email);
  await rig.addAccounts([{ type: 'totp', issuer: 'Tessera Demo', account: email, secret, algorithm: 'SHA1', digits: 6, period: 30, counter: 0, sites: ['127.0.0.1'] }]);
}

/** A fresh tab (no one signed in) on /signin, showing its sign-in QR code. */
export async function openSigninQr(rig: ExtensionRig): Promise<Page> {
  await rig.browser.context.clearCookies();
  const page = await rig.browser.context.newPage();
  await page.goto(`${rig.site.url}/signin`);
  await page.getByRole('button', { name: 'Sign in with a QR code' }).click();
  await page.getByTestId('qr-signin-image').waitFor({ state: 'visible' });
  return page;
}

/** Scans the page's QR from the popup, picks the account (several fit the site) and approves: the PIN is on screen. */
export async function approveSignIn(rig: ExtensionRig, page: Page, email: string): Promise<ActionPopup> {
  await page.getByTestId('qr-signin-image').waitFor({ state: 'visible' });
  const popup = await rig.scanLink(page);
  await choosePopupAccount(popup, `Tessera Demo: ${email}`);
  await clickPopupButton(popup, 'Approve');
  await waitForPopupText(popup, 'Waiting for the page…');
  await page.locator('#qr-pin').waitFor({ state: 'visible' });
  return popup;
}

export const pickWrongPin = (pin: string) => (pin === '000000' ? '111111' : '000000');

/** Types and sends a PIN on the page without taking focus from the popup, so the popup stays open. */
export async function enterPinQuietly(page: Page, pin: string): Promise<void> {
  await page.evaluate((value) => {
    const field = document.querySelector<HTMLInputElement>('#qr-pin')!;
    field.value = value;
    field.dispatchEvent(new Event('input', { bubbles: true }));
    field.form!.requestSubmit();
  }, pin);
}
