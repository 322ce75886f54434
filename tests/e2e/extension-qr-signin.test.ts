// QR sign-in end to end: the real demo site's sign-in page shows a QR, the built extension scans it from its toolbar
// popup (a real activeTab grant) and, once approved, shows the PIN; typed into the page, it signs the page in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startExtensionRig, type ExtensionRig } from '../qr-signin/support/extension-rig';
import { clickPopupButton, readShownPin, waitForPopupText } from '../qr-signin/support/popup-view';
import { addSiteUser, approveSignIn, enterPinQuietly, openSigninQr, pickWrongPin } from '../qr-signin/support/signin-page';

let rig: ExtensionRig;
beforeAll(async () => { rig = await startExtensionRig(); });
afterAll(() => rig?.close());

describe('QR sign-in with the extension', () => {
  it('goes from the sign-in page to /account with the PIN the popup shows', async () => {
    const email = 'ada@example.com';
    await addSiteUser(rig, email);
    const page = await openSigninQr(rig);

    const popup = await rig.scanLink(page);
    await waitForPopupText(popup, `Sign in to ${rig.site.url}?`);
    await waitForPopupText(popup, `As Tessera Demo: ${email}.`);
    expect(rig.scanRequests).toEqual([]); // nothing is sent before approval
    await clickPopupButton(popup, 'Approve');

    await waitForPopupText(popup, `Enter this PIN on ${rig.site.url}`);
    const pin = await readShownPin(popup);
    expect(pin).toMatch(/^\d{6}$/);
    await waitForPopupText(popup, /Expires in \d+ seconds/);
    await waitForPopupText(popup, 'Waiting for the page…');
    await page.locator('#qr-pin').waitFor({ state: 'visible' });
    await expect(page.locator('[data-qr-scanned-by]').textContent()).resolves.toBe('Scanned by Chrome on Linux. Enter the PIN Tessera shows.');

    // Clicking into the page closes the popup, as it does for a person; the PIN was read by then.
    await page.locator('#qr-pin').fill(pin!);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL(`${rig.site.url}/account`);
    await expect(page.getByTestId('display-name').textContent()).resolves.toBe('ada');
    await popup.close();
  });

  it('ends the open popup with words: locked after five wrong PINs, then signed in with a new QR code', async () => {
    // Two users: a scan spends its account's current code, so the second QR code is scanned with the other account.
    const [first, second] = ['cy@example.com', 'dee@example.com'];
    await addSiteUser(rig, first);
    await addSiteUser(rig, second);
    const page = await openSigninQr(rig);

    const popup = await approveSignIn(rig, page, first);
    for (let left = 4; left >= 1; left--) {
      await enterPinQuietly(page, pickWrongPin((await readShownPin(popup))!));
      await page.getByRole('alert').filter({ hasText: `${left} attempt${left === 1 ? '' : 's'} left` }).waitFor();
    }
    await enterPinQuietly(page, pickWrongPin((await readShownPin(popup))!));
    await waitForPopupText(popup, `Too many wrong PINs: this sign-in to ${rig.site.url} is locked. Generate a new QR code on the page to try again.`);
    await waitForPopupText(popup, 'Sign-in locked');
    await popup.close();

    await page.getByRole('button', { name: 'Generate a new QR code' }).click();
    const again = await approveSignIn(rig, page, second);
    await enterPinQuietly(page, (await readShownPin(again))!);
    await waitForPopupText(again, `Signed in to ${rig.site.url}. You can close this.`);
    await page.waitForURL(`${rig.site.url}/account`);
    await expect(page.getByTestId('display-name').textContent()).resolves.toBe('dee');
  });
});
