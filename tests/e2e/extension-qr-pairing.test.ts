// Single-scan pairing at enrolment, end to end: the real /mfa page shows its pairing QR, the built extension scans it
// from the toolbar popup, the key lands in the vault bound to the site, the page says "paired" and drops that QR
// (it works once), and the popup's Fill button puts the code Tessera now shows into the page, turning two-factor on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCode } from '#shared/otp/index.ts';
import { parseQrLink } from '#shared/protocol/qr-link.ts';
import { postQrScan, QrSignInError } from '../../extension/qr-signin/scan-api';
import { PASSWORD } from '../site/support/site';
import { startExtensionRig, type ExtensionRig } from '../qr-signin/support/extension-rig';
import { clickPopupButton, waitForPopupText } from '../qr-signin/support/popup-view';

let rig: ExtensionRig;
beforeAll(async () => { rig = await startExtensionRig(); });
afterAll(() => rig?.close());

const EMAIL = 'lin@example.com';

describe('pairing from the enrolment page', () => {
  it('adds the key bound to the site with one scan, and the page moves on', async () => {
    const page = await rig.browser.context.newPage();
    const signup = await page.request.post(`${rig.site.url}/api/signup`, { data: { email: EMAIL, password: PASSWORD, displayName: 'lin' } });
    expect(signup.status()).toBe(201);
    await page.goto(`${rig.site.url}/mfa`);
    const pairingQr = page.getByTestId('qr-pairing-image');
    await pairingQr.waitFor({ state: 'visible' });
    await pairingQr.scrollIntoViewIfNeeded();
    const scannedLink = parseQrLink((await pairingQr.getAttribute('data-qr-link')) ?? '');
    expect(scannedLink).toMatchObject({ kind: 'pair', origin: rig.site.url });

    const popup = await rig.scanLink(page);
    await waitForPopupText(popup, /^Paired\n+Paired with 127\.0\.0\.1: enter the code Tessera shows/);
    const [account] = await rig.listAccounts();
    expect(account).toMatchObject({ type: 'totp', issuer: 'Tessera Demo', account: EMAIL, sites: ['127.0.0.1'] });
    // Back in the list, the new account is there at once, with a Fill button for this page.
    await clickPopupButton(popup, 'Close');
    await clickPopupButton(popup, `Fill code for Tessera Demo: ${EMAIL}`, 'body');

    // The page heard it at once: "paired", and the pairing QR is gone; its token is spent.
    await expect(page.getByTestId('qr-pairing').getByRole('status').textContent()).resolves.toBe('Paired with Chrome on Linux: enter the code it shows.');
    await expect(pairingQr.isVisible()).resolves.toBe(false);
    const second = await postQrScan(rig.site.url, { qrToken: scannedLink.token, device: 'Chrome on Linux' }).catch((error: unknown) => error);
    expect(second).toBeInstanceOf(QrSignInError);
    expect((second as QrSignInError).code).toBe('qr_already_scanned');
    expect(rig.scanRequests.filter((line) => line.startsWith('POST'))).toHaveLength(2);

    const code = page.getByLabel('Code from your authenticator');
    await expect.poll(() => code.inputValue()).toMatch(/^\d{6}$/);
    await popup.close();
    expect([0, -30].map((shift) => generateCode(account, Math.floor(Date.now() / 1000) + shift))).toContain(await code.inputValue());
    await page.getByRole('button', { name: 'Turn on two-factor authentication' }).click();
    await page.waitForURL(/\/account$/);
  });
});
