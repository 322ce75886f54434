// QR sign-in on the real page in Chromium (no extension: the test makes the extension's scan call itself). The page
// must switch to the PIN field on its own, over its WebSocket, and end on /account.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseQrLink } from '#shared/protocol/qr-link.ts';
import type { ExtensionEvent } from '#shared/protocol/qr-signin.ts';
import { launchBrowser, type LaunchedBrowser } from '../support/browser';
import { signUpWithTotp, TestClock, type TestSite } from '../site/support/site';
import { EXTENSION_ORIGIN, listen, scanSignin, startQrSite } from '../site/support/qr';

let site: TestSite;
let browser: LaunchedBrowser;
const email = 'hopper@example.com';

beforeAll(async () => {
  site = await startQrSite({}, new TestClock(Date.now()));
  browser = await launchBrowser({ extension: false });
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('QR sign-in page in Chromium', () => {
  it('shows a QR, switches to the PIN by itself once scanned, tells a wrong PIN, and signs in with the right one', async () => {
    const secret = await signUpWithTotp(site, site.client(), email);
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    page.on('pageerror', (error) => errors.push(error.message));

    await page.goto(`${site.url}/signin`);
    await page.getByRole('button', { name: 'Sign in with a QR code' }).click();
    const image = page.getByTestId('qr-signin-image');
    await image.waitFor({ state: 'visible' });
    await expect(image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).resolves.toBe(true);
    const link = parseQrLink((await image.getAttribute('data-qr-link')) ?? '');
    expect(link.origin).toBe(site.url);
    await expect(page.locator('[data-qr-status]').textContent()).resolves.toContain('Waiting for Tessera');
    await page.waitForFunction(() => document.querySelector('[data-qr-connection]')?.hasAttribute('hidden'));

    const scanned = await scanSignin(site, link.token, email, secret);
    const pinField = page.locator('#qr-pin');
    await pinField.waitFor({ state: 'visible' });
    await expect(page.locator('[data-qr-scanned-by]').textContent()).resolves.toBe('Scanned by Chrome on Linux. Enter the PIN Tessera shows.');
    await expect(image.isVisible()).resolves.toBe(false);

    const channel = await listen<ExtensionEvent>(site, { channel: scanned.channelToken, origin: EXTENSION_ORIGIN });
    await pinField.fill(scanned.pin === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'attempts left' }).textContent()).resolves.toContain('4 attempts left');
    const fresh = (await channel.next((event) => event.type === 'pin')) as ExtensionEvent & { type: 'pin' };

    await pinField.fill(fresh.pin);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL(`${site.url}/account`);
    await expect(page.locator('[data-testid=display-name]').textContent()).resolves.toBe('hopper');
    // The wrong PIN's 401 is logged by Chromium as a failed resource; nothing else (no CSP violation, no script error).
    expect(errors).toEqual(['Failed to load resource: the server responded with a status of 401 (Unauthorized)']);
  });
});
