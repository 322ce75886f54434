// Drives the built extension's pages in headless Chromium the way a person would: by role and accessible name.
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { generateCode, type OtpAccount } from '#shared/otp/index.ts';
import { launchBrowser, extensionWorker, type LaunchedBrowser } from '../support/browser';

export const MASTER_PASSWORD = 'amber tiger ladder 42';

export interface Extension { browser: LaunchedBrowser; id: string; open(page: 'popup' | 'options'): Promise<Page> }

export async function launchExtension(options: { profileDir?: string } = {}): Promise<Extension> {
  const browser = await launchBrowser(options);
  const { extensionId } = await extensionWorker(browser.context);
  return {
    browser,
    id: extensionId,
    async open(name) {
      const page = await browser.context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${name}.html`);
      return page;
    },
  };
}

export async function createVault(page: Page, password = MASTER_PASSWORD): Promise<void> {
  await page.getByLabel('Master password', { exact: true }).fill(password);
  await page.getByLabel('Type it again').fill(password);
  await page.getByRole('button', { name: 'Create vault' }).click();
  await page.getByRole('button', { name: 'Lock now' }).waitFor({ timeout: 10_000 });
}

export async function unlock(page: Page, password = MASTER_PASSWORD): Promise<void> {
  await page.getByLabel('Master password').fill(password);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
}

export interface ManualEntry {
  secret: string; issuer: string; account: string;
  type?: 'totp' | 'hotp'; algorithm?: string; digits?: string; period?: string; counter?: string;
}

/** Fills "Add manually" and submits; waits for the row unless the form is expected to refuse. */
export async function addManually(page: Page, entry: ManualEntry, options: { expectError?: boolean } = {}): Promise<void> {
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  const form = page.getByRole('form', { name: 'Add with a setup key' });
  await form.getByLabel('Secret key').fill(entry.secret);
  await form.getByLabel('Issuer').fill(entry.issuer);
  await form.getByLabel('Account name').fill(entry.account);
  if (entry.type || entry.algorithm || entry.digits || entry.period || entry.counter) {
    await form.getByText('Advanced').click();
    if (entry.type) await form.getByLabel('Type').selectOption(entry.type);
    if (entry.algorithm) await form.getByLabel('Algorithm').selectOption(entry.algorithm);
    if (entry.digits) await form.getByLabel('Digits').selectOption(entry.digits);
    if (entry.period) await form.getByLabel('Period (seconds)').fill(entry.period);
    if (entry.counter) await form.getByLabel('Counter').fill(entry.counter);
  }
  await form.getByRole('button', { name: 'Add account' }).click();
  if (options.expectError) return;
  await rowOf(page, `${entry.issuer}: ${entry.account}`).waitFor();
}

export function rowOf(page: Page, label: string) {
  return page.getByRole('listitem', { name: label, exact: true });
}

/** The code a row shows, without the grouping space. */
export async function readCode(page: Page, label: string): Promise<string> {
  const text = await page.getByRole('button', { name: `Copy code for ${label}`, exact: true }).textContent();
  return (text ?? '').replace(/\s/g, '');
}

/** A code read at "now" matches the shared core at now, or one step earlier if a step boundary passed meanwhile. */
export function expectCurrentCode(code: string, account: OtpAccount, readAtMs: number): void {
  const now = readAtMs / 1000;
  const candidates = [generateCode(account, now), generateCode(account, now - account.period)];
  expect(candidates).toContain(code);
}

export function totp(secret: string, issuer: string, account: string, extra: Partial<OtpAccount> = {}): OtpAccount {
  return { type: 'totp', issuer, account, secret, algorithm: 'SHA1', digits: 6, period: 30, counter: 0, ...extra };
}

/** What a paste into a scratch field of the page gives: the clipboard's text as the page would get it. */
export async function pasteClipboard(page: Page): Promise<string> {
  await page.evaluate(() => {
    const field = document.createElement('textarea');
    field.id = 'paste-probe';
    document.body.append(field);
    field.focus();
  });
  await page.keyboard.press('Control+V');
  return page.evaluate(() => {
    const field = document.getElementById('paste-probe') as HTMLTextAreaElement;
    field.remove();
    return field.value;
  });
}
