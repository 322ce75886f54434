// The demo site in a real Chromium: signup, enrolment by typing the code, sign-out, sign-in with password then code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTotp } from '#shared/otp/index.ts';
import { launchBrowser, type LaunchedBrowser } from '../support/browser';
import { startTestSite, TestClock, type TestSite } from '../site/support/site';

let site: TestSite;
let browser: LaunchedBrowser;
const clock = new TestClock(Date.now());

beforeAll(async () => {
  site = await startTestSite({ MFA_POLICY: 'required' }, undefined, clock);
  browser = await launchBrowser({ extension: false });
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('demo site in Chromium', () => {
  it('signs up, enrols by typing the code, signs out and signs in again', async () => {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));

    await page.goto(`${site.url}/signup`);
    await page.fill('#email', 'lin@example.com');
    await page.fill('#displayName', 'Lin');
    await page.fill('#password', 'a long and unusual passphrase');
    await page.click('[data-testid=signup-form] button[type=submit]');
    await page.waitForURL(`${site.url}/mfa`);

    const qr = page.locator('img.qr');
    await expect(qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).resolves.toBe(true);
    const shown = (await page.locator('[data-testid=totp-secret]').textContent()) ?? '';
    const secret = shown.replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await page.fill('#code', generateTotp({ secret, time: Math.floor(clock.now() / 1000) }));
    await page.click('[data-testid=mfa-form] button[type=submit]');
    await page.waitForURL(`${site.url}/account`);
    await expect(page.locator('[data-testid=mfa-status]').textContent()).resolves.toContain('on');

    await page.click('form[action="/signout"] button');
    await page.waitForURL(`${site.url}/signin`);
    await page.goto(`${site.url}/account`);
    await page.waitForURL(`${site.url}/signin`);

    // The code used to enrol may not be used again: sign in during the next time step.
    clock.advance(30_000);
    await page.fill('#email', 'lin@example.com');
    await page.fill('#password', 'a long and unusual passphrase');
    await page.click('[data-testid=signin-form] button[type=submit]');
    await page.waitForURL(`${site.url}/signin/code`);
    const codeField = page.locator('#code');
    await expect(codeField.getAttribute('autocomplete')).resolves.toBe('one-time-code');
    await expect(codeField.getAttribute('inputmode')).resolves.toBe('numeric');
    await codeField.fill(generateTotp({ secret, time: Math.floor(clock.now() / 1000) }));
    await page.click('[data-testid=code-form] button[type=submit]');
    await page.waitForURL(`${site.url}/account`);
    await expect(page.locator('[data-testid=display-name]').textContent()).resolves.toBe('Lin');
    // No CSP violation or script error on the way.
    expect(errors).toEqual([]);
  });
});
