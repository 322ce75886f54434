// QR sign-in refused in the real popup, in words, with nothing sent. A relayed QR: another site shows the genuine
// site's sign-in QR code so that the victim's scan would sign the attacker's browser in; the QR names an origin that
// is not the tab's. And a site no account in Tessera is bound to.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic, type StaticServer } from '../support/static-server';
import { startExtensionRig, type ExtensionRig } from '../qr-signin/support/extension-rig';
import { waitForPopupText } from '../qr-signin/support/popup-view';
import { issueSigninQr, createPageClient, signUpWithTotpNow } from '../qr-signin/support/qr-site';

let rig: ExtensionRig;
let relay: StaticServer | undefined;
beforeAll(async () => { rig = await startExtensionRig(); });
afterAll(async () => {
  await rig?.close(); // the browser first: its open connections would hold the relay server's close
  await relay?.close();
});

const EMAIL = 'mona@example.com';

describe('QR sign-in refused', () => {
  it('refuses a sign-in QR relayed onto another site with words that say so, and nothing reaches the site', async () => {
    const secret = await signUpWithTotpNow(rig.site, EMAIL);
    await rig.addAccounts([{ type: 'totp', issuer: 'Tessera Demo', account: EMAIL, secret, algorithm: 'SHA1', digits: 6, period: 30, counter: 0, sites: ['127.0.0.1'] }]);
    // The attacker's browser asks the genuine site for a QR and shows its image on a page of their own.
    const attacker = createPageClient(rig.site);
    const genuine = await issueSigninQr(attacker);
    relay = await serveStatic({ '/': `<!doctype html><title>Sign in</title><h1>Sign in to your bank</h1><img src="${genuine.qrDataUrl}" width="240" height="240" alt="">` });
    const page = await rig.browser.context.newPage();
    const relayUrl = relay.url('/', 'bank-login.example');
    await page.goto(relayUrl);
    await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());

    const popup = await rig.scanLink(page);
    const shown = await waitForPopupText(popup, 'QR code refused');
    expect(shown).toContain(`This QR code is for ${rig.site.url}, but it is shown on ${new URL(relayUrl).origin}. Another site may be relaying it to sign in as you: nothing was sent.`);
    await popup.close();

    expect(rig.scanRequests).toEqual([]);
    const audit = (await rig.site.site.ctx.storage.audit.query({ page: 1, pageSize: 200 })).entries.map((entry) => entry.type);
    expect(audit.filter((type) => type.startsWith('qr_scan'))).toEqual([]);
    const status = await attacker.post('/api/qr/status', { qrToken: genuine.qrToken });
    expect(status.body).toEqual({ state: 'waiting' });
  });

  it('says no account is set for a site none is bound to, and sends nothing', async () => {
    // The same site under another name is another site to Tessera: the account is bound to 127.0.0.1 only.
    const page = await rig.browser.context.newPage();
    const other = rig.site.url.replace('127.0.0.1', 'localhost');
    await page.goto(`${other}/signin`);
    await page.getByRole('button', { name: 'Sign in with a QR code' }).click();
    await page.getByTestId('qr-signin-image').waitFor({ state: 'visible' });
    const before = rig.scanRequests.length;

    const popup = await rig.scanLink(page);
    const shown = await waitForPopupText(popup, 'QR code refused');
    expect(shown).toContain(`No account in Tessera is set to sign in to ${other}. Add the site to an account first.`);
    await popup.close();
    expect(rig.scanRequests).toHaveLength(before);
  });
});
