// The PIN step of QR sign-in in the real popup: a fresh PIN arrives at once after a wrong one, reaches the popup
// opened again after it closed (a click into the page closes it), and the popup says "reconnecting" while the
// network to the site is lost.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startExtensionRig, type ExtensionRig } from '../qr-signin/support/extension-rig';
import { readShownPin, waitForPopupText } from '../qr-signin/support/popup-view';
import { addSiteUser, approveSignIn, enterPinQuietly, openSigninQr, pickWrongPin } from '../qr-signin/support/signin-page';

let rig: ExtensionRig;
beforeAll(async () => { rig = await startExtensionRig(); });
afterAll(() => rig?.close());

describe('the PIN in the popup', () => {
  it('is replaced live after a wrong one, and again when the popup is opened after it had closed', async () => {
    const email = 'bea@example.com';
    await addSiteUser(rig, email);
    const page = await openSigninQr(rig);
    const popup = await approveSignIn(rig, page, email);
    const first = (await readShownPin(popup))!;

    await enterPinQuietly(page, pickWrongPin(first));
    await waitForPopupText(popup, 'The PIN typed on the page was wrong (4 attempts left). Enter this new PIN.');
    const second = (await readShownPin(popup))!;
    expect(second).not.toBe(first);
    // The page has its answer too (and has emptied its field) before anything more is typed there.
    await page.getByRole('alert').filter({ hasText: '4 attempts left' }).waitFor();

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

  it('says "reconnecting" while the network to the site is lost, and goes on once it is back', async () => {
    const email = 'eve@example.com';
    await addSiteUser(rig, email);
    const page = await openSigninQr(rig);
    const popup = await approveSignIn(rig, page, email);
    const pin = (await readShownPin(popup))!;

    rig.setChannelNetwork('down');
    await waitForPopupText(popup, 'Connection to the site lost: reconnecting…');
    expect(await readShownPin(popup)).toBe(pin); // the PIN stays on screen meanwhile
    rig.setChannelNetwork('up');
    await waitForPopupText(popup, 'Waiting for the page…', 15_000);
    await enterPinQuietly(page, pin);
    await waitForPopupText(popup, `Signed in to ${rig.site.url}. You can close this.`);
    await page.waitForURL(`${rig.site.url}/account`);
  });
});
