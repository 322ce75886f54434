// The backup-code story in Chromium: a user at the code step asks for codes, the administrator issues them in /admin,
// the user signs in with one, and the same code is refused the second time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { generateTotp } from '#shared/otp/index.ts';
import { launchBrowser, type LaunchedBrowser } from '../support/browser';
import { PASSWORD, signUpWithTotp, startTestSite, TestClock, type TestSite } from '../site/support/site';
import { ADMIN_EMAIL, ADMIN_ENV, ADMIN_PASSWORD } from '../site/support/admin';

let site: TestSite;
let userBrowser: LaunchedBrowser;
let adminBrowser: LaunchedBrowser;
const clock = new TestClock(Date.now());
const email = 'mary@example.com';

beforeAll(async () => {
  site = await startTestSite({ MFA_POLICY: 'required', ...ADMIN_ENV }, undefined, clock);
  [userBrowser, adminBrowser] = await Promise.all([launchBrowser({ extension: false }), launchBrowser({ extension: false })]);
});
afterAll(async () => {
  await Promise.all([userBrowser?.close(), adminBrowser?.close()]);
  await site?.close();
});

async function passwordStep(page: Page, who: string, password: string): Promise<void> {
  await page.goto(`${site.url}/signin`);
  await page.fill('#email', who);
  await page.fill('#password', password);
  await page.click('[data-testid=signin-form] button[type=submit]');
}

describe('backup codes in Chromium', () => {
  it('goes from a request at the code step to a one-time sign-in with an issued code', async () => {
    await signUpWithTotp(site, site.client(), email);
    const user = await userBrowser.context.newPage();
    await passwordStep(user, email, PASSWORD);
    await user.waitForURL(`${site.url}/signin/code`);
    await user.click('summary:has-text("Lost your authenticator?")');
    await user.fill('#message', 'I lost my phone on the train.');
    await user.click('[data-testid=request-form] button[type=submit]');
    await expect(user.locator('[data-testid=request-status]').getAttribute('data-status')).resolves.toBe('open');

    // The administrator signs in for the first time: enrolment comes first, whatever the policy.
    const admin = await adminBrowser.context.newPage();
    await passwordStep(admin, ADMIN_EMAIL, ADMIN_PASSWORD);
    await admin.waitForURL(`${site.url}/mfa`);
    const secret = ((await admin.locator('[data-testid=totp-secret]').textContent()) ?? '').replace(/\s/g, '');
    await admin.fill('#code', generateTotp({ secret, time: Math.floor(clock.now() / 1000) }));
    await admin.click('[data-testid=mfa-form] button[type=submit]');
    await admin.waitForURL(`${site.url}/account`);
    await admin.goto(`${site.url}/admin`);
    const row = admin.locator(`tr[data-email="${email}"]`);
    await expect(row.textContent()).resolves.toContain('I lost my phone on the train.');
    // No mail server here: the administrator takes the explicit, audited hand-over.
    await row.locator('input[name=confirm]').check();
    await row.locator('button[data-action=hand-over]').click();
    await admin.waitForSelector('[data-testid=issued-codes]');
    await expect(admin.locator('.warning').textContent()).resolves.toContain('will not be shown again');
    await expect(admin.locator('a[download]').textContent()).resolves.toBe('Download .txt');
    await expect(admin.locator('button[data-copy]').isVisible()).resolves.toBe(true);
    const codes = await admin.locator('[data-testid=issued-codes] code').allTextContents();
    expect(codes).toHaveLength(10);

    await user.goto(`${site.url}/signin/code`);
    await expect(user.locator('[data-testid=request-status]').getAttribute('data-status')).resolves.toBe('issued');
    await user.click('summary:has-text("Use a backup code")');
    await user.fill('#backupCode', codes[0].toUpperCase());
    await user.click('[data-testid=backup-form] button[type=submit]');
    await user.waitForURL(`${site.url}/account`);
    await expect(user.locator('[data-testid=codes-left]').textContent()).resolves.toContain('Backup codes left: 9.');

    await user.click('form[action="/signout"] button');
    await user.waitForURL(`${site.url}/signin`);
    await passwordStep(user, email, PASSWORD);
    await user.waitForURL(`${site.url}/signin/code`);
    await user.click('summary:has-text("Use a backup code")');
    await user.fill('#backupCode', codes[0]);
    await user.click('[data-testid=backup-form] button[type=submit]');
    await expect(user.locator('#backupCode-error').textContent()).resolves.toContain('That backup code is not right or was already used');
    expect(user.url()).toBe(`${site.url}/signin/backup-code`);
    await user.goto(`${site.url}/account`);
    await user.waitForURL(`${site.url}/signin`);
  });
});
