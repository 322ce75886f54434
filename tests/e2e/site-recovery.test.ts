// Losing the authenticator, in a real Chromium with no mail server (every mail read from /admin/outbox, as with
// `npm start`): backup codes the administrator approves reach the user by a one-time link, never the administrator's
// page; and a user with nothing left recovers by an emailed link and a waiting period, then enrols a new authenticator.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, type LaunchedBrowser } from '../support/browser';
import { PASSWORD, signUpWithTotp, startTestSite, TestClock, type TestSite } from '../site/support/site';
import { ADMIN_EMAIL, ADMIN_ENV, ADMIN_PASSWORD } from '../site/support/admin';
import { enrolOnPage, linkFromOutbox, passwordStep } from './site-pages';

// Browser starts and Argon2id steps are slow on a shared, loaded CPU: time enough for them, not a failure on time.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 180_000 });

let site: TestSite;
let userBrowser: LaunchedBrowser;
let adminBrowser: LaunchedBrowser;
let admin: Page;
const clock = new TestClock(Date.now());

beforeAll(async () => {
  site = await startTestSite({ MFA_POLICY: 'required', RECOVERY_DELAY_HOURS: '24', ...ADMIN_ENV }, undefined, clock);
  [userBrowser, adminBrowser] = await Promise.all([launchBrowser({ extension: false }), launchBrowser({ extension: false })]);
  admin = await adminBrowser.context.newPage();
  await signInPassword(admin, ADMIN_EMAIL, ADMIN_PASSWORD);
  await enrol(admin);
});
afterAll(async () => {
  await Promise.all([userBrowser?.close(), adminBrowser?.close()]);
  await site?.close();
});

const signInPassword = (page: Page, who: string, password: string) => passwordStep(page, site.url, who, password);
const enrol = (page: Page) => enrolOnPage(page, site.url, clock);
const mailTo = (to: string, subject: string, path: string) => linkFromOutbox(admin, site.url, { to, subject }, path);

describe('a lost authenticator, in Chromium', () => {
  it('backup codes the administrator approves reach the user once by email, never the administrator\'s page', async () => {
    const email = 'ines@example.com';
    await signUpWithTotp(site, site.client(), email);
    const user = await userBrowser.context.newPage();
    await signInPassword(user, email, PASSWORD);
    await user.waitForURL(`${site.url}/signin/code`);
    await user.click('summary:has-text("Lost your authenticator?")');
    await user.fill('#message', 'My phone fell in the harbour.');
    await user.click('[data-testid=request-form] button[type=submit]');

    await admin.goto(`${site.url}/admin`);
    const row = admin.locator(`tr[data-email="${email}"]`);
    await row.locator('button[data-action=issue]').click();
    await admin.waitForLoadState();
    await expect(admin.locator('[data-testid=issued-codes]').count()).resolves.toBe(0);

    const link = await mailTo(email, 'New backup codes were issued', '/backup-codes');
    await user.goto(link);
    await user.click('[data-testid=fetch-codes] button:has-text("Show my codes")');
    const codes = await user.locator('[data-testid=issued-codes] li').allTextContents();
    expect(codes).toHaveLength(10);
    // Nothing the administrator can open holds them: not the mail, not the requests, not the users.
    for (const path of ['/admin/outbox', '/admin?status=issued', '/admin/users']) {
      await admin.goto(`${site.url}${path}`);
      const text = await admin.content();
      for (const code of codes) expect(text, path).not.toContain(code.trim());
    }
    await user.goto(link);
    await expect(user.locator('[data-testid=link-problem]').textContent()).resolves.toMatch(/already/);

    await signInPassword(user, email, PASSWORD);
    await user.waitForURL(`${site.url}/signin/code`);
    await user.click('summary:has-text("Use a backup code")');
    await user.fill('#backupCode', codes[3].trim());
    await user.click('[data-testid=backup-form] button[type=submit]');
    await user.waitForURL(`${site.url}/account`);
    await admin.goto(`${site.url}/admin?status=issued`);
    await expect(admin.locator(`tr[data-email="${email}"]`).textContent()).resolves.toContain('fetched by the user');
  });

  it('recovers an account with every factor lost: the emailed link, a wait shown at each sign-in, then a new authenticator', async () => {
    const email = 'otto@example.com';
    await signUpWithTotp(site, site.client(), email);
    const user = await userBrowser.context.newPage();
    await signInPassword(user, email, PASSWORD);
    await user.waitForURL(`${site.url}/signin/code`);
    await user.click('[data-testid=recovery-start] summary');
    await user.click('[data-testid=recovery-start] button[type=submit]');
    await expect(user.locator('p.notice').textContent()).resolves.toContain(`We sent a link to ${email}`);

    await user.goto(await mailTo(email, 'Confirm the recovery of your account', '/recovery/confirm'));
    await user.click('[data-testid=link-action] button[type=submit]');
    await expect(user.locator('[data-testid=message]').textContent()).resolves.toContain('two-factor authentication goes off');
    await mailTo(email, 'A recovery of your account started', '/recovery/cancel');
    await admin.goto(`${site.url}/admin/recoveries`);
    await expect(admin.locator('body').textContent()).resolves.toContain(email);

    // Every sign-in during the wait shows it, with the way to cancel it; the code step stays in force.
    await signInPassword(user, email, PASSWORD);
    await user.waitForURL(`${site.url}/signin/code`);
    await expect(user.locator('[data-testid=recovery-banner] button').textContent()).resolves.toBe('Cancel this recovery');

    clock.advance(24 * 60 * 60_000 + 60_000);
    await signInPassword(user, email, PASSWORD);
    const secret = await enrol(user);
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  });
});
