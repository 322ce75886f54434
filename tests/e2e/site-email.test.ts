// The email flows in a real Chromium, with no mail server, as `npm start` runs them: every mail lands in the
// administrator's /admin/outbox, whose links the user opens. Signup and the verification link, a forgotten password
// reset by a link opened without cookies (the code step still follows), and "This wasn't me" freezing the account.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Page } from 'playwright-core';
import { generateTotp } from '#shared/otp/index.ts';
import { launchBrowser, type LaunchedBrowser } from '../support/browser';
import { startTestSite, TestClock, type TestSite } from '../site/support/site';
import { ADMIN_EMAIL, ADMIN_ENV, ADMIN_PASSWORD } from '../site/support/admin';
import { enrolOnPage, linkFromOutbox, passwordStep } from './site-pages';

// Browser starts and Argon2id steps are slow on a shared, loaded CPU: time enough for them, not a failure on time.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 180_000 });

let site: TestSite;
let userBrowser: LaunchedBrowser;
let adminBrowser: LaunchedBrowser;
const clock = new TestClock(Date.now());
const email = 'rosa@example.com';
const firstPassword = 'a long and unusual passphrase';
const newPassword = 'another quite unusual passphrase';

beforeAll(async () => {
  site = await startTestSite({ MFA_POLICY: 'required', EMAIL_VERIFICATION: 'required', ...ADMIN_ENV }, undefined, clock);
  [userBrowser, adminBrowser] = await Promise.all([launchBrowser({ extension: false }), launchBrowser({ extension: false })]);
});
afterAll(async () => {
  await Promise.all([userBrowser?.close(), adminBrowser?.close()]);
  await site?.close();
});

const codeFor = (secret: string) => generateTotp({ secret, time: Math.floor(clock.now() / 1000) });
const signInPassword = (page: Page, who: string, password: string) => passwordStep(page, site.url, who, password);
const enrol = (page: Page) => enrolOnPage(page, site.url, clock);
let admin: Page;
const mailTo = (subject: string, path: string) => linkFromOutbox(admin, site.url, { to: email, subject }, path);

describe('email flows in Chromium, through the outbox', () => {
  it('verify the address, reset a forgotten password (the code step still follows), and freeze with "This wasn\'t me"', async () => {
    admin = await adminBrowser.context.newPage();
    await signInPassword(admin, ADMIN_EMAIL, ADMIN_PASSWORD);
    await enrol(admin);

    const user = await userBrowser.context.newPage();
    const errors: string[] = [];
    // Script errors and CSP violations; refusals come as pages with 4xx statuses, which Chromium logs too.
    user.on('pageerror', (error) => errors.push(error.message));
    user.on('console', (message) => message.type() === 'error' && !message.text().startsWith('Failed to load resource') && errors.push(message.text()));
    await user.goto(`${site.url}/signup`);
    await user.fill('#email', email);
    await user.fill('#displayName', 'Rosa');
    await user.fill('#password', firstPassword);
    await user.click('[data-testid=signup-form] button[type=submit]');
    await expect(user.locator('[data-testid=check-email]').textContent()).resolves.toContain(email);

    // Not before the address is confirmed: said in words, with the link to send again.
    await signInPassword(user, email, firstPassword);
    await expect(user.locator('[role=alert]').first().textContent()).resolves.toContain('Confirm your email address first');
    await expect(user.locator('[data-testid=resend-form]').isVisible()).resolves.toBe(true);

    await user.goto(await mailTo('Confirm your email address', '/verify'));
    await expect(user.locator('[data-testid=email-verified]').textContent()).resolves.toContain(`Your email address ${email} is confirmed.`);
    await signInPassword(user, email, firstPassword);
    const secret = await enrol(user);
    await user.click('form[action="/signout"] button');
    await user.waitForURL(`${site.url}/signin`);

    await user.click('a:has-text("Forgot your password?")');
    await user.waitForURL(`${site.url}/forgot`);
    await user.fill('#email', email);
    await user.click('[data-testid=forgot-form] button[type=submit]');
    await expect(user.locator('[data-testid=forgot-answer]').textContent()).resolves.toContain('If an account uses this address');

    // The link opens in a browser without any cookie of the site.
    const resetLink = await mailTo('Reset your password', '/reset-password');
    await userBrowser.context.clearCookies();
    await user.goto(resetLink);
    await user.fill('#newPassword', newPassword);
    await user.fill('#confirmPassword', newPassword);
    await user.click('[data-testid=reset-form] button[type=submit]');
    await expect(user.locator('[data-testid=reset-done]').textContent()).resolves.toContain('your two-factor code is still needed');

    await signInPassword(user, email, firstPassword);
    await expect(user.locator('[role=alert]').first().textContent()).resolves.toContain('The email or password is not right.');
    clock.advance(30_000);
    await signInPassword(user, email, newPassword);
    await user.waitForURL(`${site.url}/signin/code`);
    await user.fill('#code', codeFor(secret));
    await user.click('[data-testid=code-form] button[type=submit]');
    await user.waitForURL(`${site.url}/account`);

    // The reset's notice carries "This wasn't me": one confirmation, then the account is frozen and signed out.
    const notMe = await mailTo('Your password was reset', '/not-me');
    // Opened where the administrator reads the outbox: only the owner's sessions end, the administrator's stays.
    const mailReader = await adminBrowser.context.newPage();
    await mailReader.goto(notMe);
    await mailReader.click('[data-testid=not-me] button[type=submit]');
    await expect(mailReader.locator('[data-testid=frozen]').textContent()).resolves.toContain('Your account is frozen');
    await user.goto(`${site.url}/account`);
    await user.waitForURL(`${site.url}/signin`);
    await signInPassword(user, email, newPassword);
    await expect(user.locator('[role=alert]').first().textContent()).resolves.toContain('This account is frozen');
    await admin.goto(`${site.url}/admin`);
    await expect(admin.locator('body').textContent()).resolves.toContain(email);
    expect(errors).toEqual([]);
  });
});
