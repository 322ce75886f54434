// The extension and the demo site together, as a person uses them: sign up, scan the set-up QR code with the
// toolbar popup, add it, Fill the code to enrol; sign out, sign in with the password and Fill the code again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession } from 'playwright-core';
import { generateTotp } from '#shared/otp/index.ts';
import { browserSession, openActionPopup } from '../support/extension-action';
import { clickButton, codesAround, popupText, readShownCode, waitForText } from '../support/popup-driver';
import { startTestSite, TestClock, type TestSite } from '../site/support/site';
import { createVault, launchExtension, type Extension } from './extension-helpers';

/** The site keeps real time, moved on by `offset` ms: the extension's codes are made from the real clock. */
class LiveClock extends TestClock {
  offset = 0;
  now = () => Date.now() + this.offset;
}

const EMAIL = 'lin@example.com';
const PASSWORD = 'a long and unusual passphrase';
let site: TestSite;
let extension: Extension;
let cdp: CDPSession;
const clock = new LiveClock();

beforeAll(async () => {
  site = await startTestSite({ MFA_POLICY: 'required', ARGON2_MEMORY_KIB: '1024', ARGON2_TIME_COST: '1', ARGON2_PARALLELISM: '1' }, undefined, clock);
  extension = await launchExtension();
  cdp = await browserSession(extension.browser.context);
  const setup = await extension.open('popup');
  await createVault(setup);
  await setup.close();
});
afterAll(async () => {
  await extension?.browser.close();
  await site?.close();
});

describe('Tessera and the demo site', () => {
  it('enrols from the scanned QR code and fills the code at enrolment and at sign-in', async () => {
    const page = extension.browser.context.pages()[0] ?? (await extension.browser.context.newPage());
    await page.goto(`${site.url}/signup`);
    await page.fill('#email', EMAIL);
    await page.fill('#displayName', 'Lin');
    await page.fill('#password', PASSWORD);
    await page.click('[data-testid=signup-form] button[type=submit]');
    await page.waitForURL(`${site.url}/mfa`);
    await page.locator('img.qr').evaluate((img: HTMLImageElement) => img.decode());
    // This journey is the standard otpauth QR that any authenticator reads. The page also fetches a Tessera pairing QR,
    // which a scan prefers once it is on screen (extension-qr-pairing.test.ts): it is hidden here once shown, so what
    // the scan sees does not depend on how fast it arrived.
    const pairing = page.getByTestId('qr-pairing-image');
    await pairing.waitFor({ state: 'visible' });
    await pairing.evaluate((img: HTMLElement) => (img.style.visibility = 'hidden'));

    const label = `Tessera Demo: ${EMAIL}`;
    let popup = await openActionPopup(cdp, extension.id, page);
    await clickButton(popup, 'Scan QR code on this page');
    await waitForText(popup, `Add ${label}?`);
    const preview = await popupText(popup);
    expect(preview).toContain('Tessera Demo');
    expect(preview).toContain(EMAIL);
    expect(preview).toMatch(/Fills on\s+127\.0\.0\.1/);
    // The secret shown on the site is never shown in the popup.
    const secret = (await page.locator('[data-testid=totp-secret]').getAttribute('data-secret')) ?? '';
    expect(secret).not.toBe('');
    expect(preview).not.toContain(secret);
    await clickButton(popup, 'Add account');
    await waitForText(popup, `Added ${label}.`);

    const shown = await codesAround(popup, label, async () => {
      await clickButton(popup, `Fill code for ${label}`);
      await waitForText(popup, `Filled the code for ${label} on 127.0.0.1.`);
    });
    const enrolCode = await page.inputValue('#code');
    expect(enrolCode).toMatch(/^\d{6}$/);
    expect(shown).toContain(enrolCode);
    await popup.close();
    await page.click('[data-testid=mfa-form] button[type=submit]');
    await page.waitForURL(`${site.url}/account`);

    await page.click('form[action="/signout"] button');
    await page.waitForURL(`${site.url}/signin`);
    await page.fill('#email', EMAIL);
    await page.fill('#password', PASSWORD);
    await page.click('[data-testid=signin-form] button[type=submit]');
    await page.waitForURL(`${site.url}/signin/code`);

    // A code is accepted once: the sign-in happens 30 s later, for the site and for the popup's clock alike.
    clock.offset = 30_000;
    popup = await openActionPopup(cdp, extension.id, page);
    await popup.evaluate(`(() => { const real = Date.now; Date.now = () => real() + 30000; })()`);
    const codeAt = (ms: number) => generateTotp({ secret, time: Math.floor(ms / 1000) });
    // Shown once the popup's next one-second refresh reads the moved clock.
    for (let tries = 0; (await readShownCode(popup, label)) !== codeAt(Date.now() + 30_000); tries++) {
      if (tries > 100) throw new Error('The popup did not move on to the code 30 s later.');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await clickButton(popup, `Fill code for ${label}`);
    await waitForText(popup, `Filled the code for ${label} on 127.0.0.1.`);
    const signInCode = await page.inputValue('#code');
    expect(signInCode).not.toBe(enrolCode);
    expect([codeAt(clock.now() - 30_000), codeAt(clock.now())]).toContain(signInCode);
    await popup.close();
    await page.click('[data-testid=code-form] button[type=submit]');
    await page.waitForURL(`${site.url}/account`);
    expect(await page.locator('[data-testid=display-name]').textContent()).toBe('Lin');
  });
});
