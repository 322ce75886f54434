// Steps on the demo site's pages in a real browser, shared by the site's Chromium tests.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { generateTotp } from '#shared/otp/index.ts';
import type { TestClock } from '../site/support/site';

export async function passwordStep(page: Page, siteUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${siteUrl}/signin`);
  await page.fill('#email', email);
  await page.fill('#password', password);
  await page.click('[data-testid=signin-form] button[type=submit]');
}

/** Enrolment on /mfa by typing the code the page's key gives now; returns the key. */
export async function enrolOnPage(page: Page, siteUrl: string, clock: TestClock): Promise<string> {
  await page.waitForURL(`${siteUrl}/mfa`);
  const secret = ((await page.locator('[data-testid=totp-secret]').textContent()) ?? '').replace(/\s/g, '');
  await page.fill('#code', generateTotp({ secret, time: Math.floor(clock.now() / 1000) }));
  await page.click('[data-testid=mfa-form] button[type=submit]');
  await page.waitForURL(`${siteUrl}/account`);
  return secret;
}

/**
 * The link to `path` in the newest mail to `to` with `subject`, as an administrator reads it on /admin/outbox (where
 * mail goes without a mail server, as with `npm start`), once the mail is delivered there.
 */
export async function linkFromOutbox(admin: Page, siteUrl: string, mail: { to: string; subject: string }, path: string): Promise<string> {
  const row = admin.locator('[data-testid=outbox] tbody tr', { hasText: mail.subject }).filter({ hasText: mail.to }).first();
  await expect.poll(async () => {
    await admin.goto(`${siteUrl}/admin/outbox`);
    return (await row.count()) > 0 ? row.getAttribute('data-status') : 'not there yet';
  }, { timeout: 20_000 }).toBe('sent');
  await row.locator('summary').click();
  const href = await row.locator(`a[href^="${siteUrl}${path}?token="]`).first().getAttribute('href', { timeout: 5_000 });
  if (!href) throw new Error(`No ${path} link in "${mail.subject}"`);
  return href;
}
