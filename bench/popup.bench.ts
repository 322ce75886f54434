// The popup with 500 accounts in the real extension (headless Chromium): time from opening the unlocked toolbar popup
// over a web page (as a click on the button does) to every code on screen, and the cost of one per-second refresh; unlock time reported apart from the KDF.
// Baselines, measured in the same run: the same popup with 1 account (another profile), and the floor every extension
// page pays on this machine before any of its own work: an almost empty page of the extension (the clipboard helper)
// running its script.
import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { encodeBase32 } from '#shared/otp/index.ts';
import { launchBrowser, extensionWorker } from '../tests/support/browser';
import { browserSession, openActionPopup } from '../tests/support/extension-action';
import { waitInPopup } from '../tests/support/popup-driver';
import { serveStatic } from '../tests/support/static-server';

const PASSWORD = 'bench vault password 2024';
const OPENINGS = 9;
const TICKS = 8;
const TARGET_FIRST_CODES_MS = 150;
const TARGET_TICK_MS = 4;

interface Figures { emptyPage: number; firstCodes: number; rows: number; icons: number; tick: number; tickMax: number; unlock: number; kdf: number }

export async function run(): Promise<void> {
  const baseline = await measure(1);
  const full = await measure(500);
  const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}x baseline`;
  console.log(`accounts: 1 (baseline) | 500`);
  console.log(`an almost empty extension page, its script run (median of ${OPENINGS} openings): ${baseline.emptyPage.toFixed(1)} ms | ${full.emptyPage.toFixed(1)} ms`);
  console.log(`first screen of codes (median of ${OPENINGS} openings): ${baseline.firstCodes.toFixed(1)} ms | ${full.firstCodes.toFixed(1)} ms = ${ratio(full.firstCodes, baseline.firstCodes)}, ${(full.firstCodes / full.emptyPage).toFixed(2)}x the empty page  (target < ${TARGET_FIRST_CODES_MS} ms: ${verdict(full.firstCodes < TARGET_FIRST_CODES_MS)})`);
  console.log(`rows rendered: ${baseline.rows} | ${full.rows} (only the visible rows and a few more), icons drawn: ${baseline.icons} | ${full.icons} (brand marks and initials)`);
  console.log(`per-second refresh (median of ${TICKS} ticks): ${baseline.tick.toFixed(2)} ms | ${full.tick.toFixed(2)} ms = ${ratio(full.tick, baseline.tick)}, max ${full.tickMax.toFixed(2)} ms  (target < ${TARGET_TICK_MS} ms: ${verdict(full.tick < TARGET_TICK_MS)})`);
  console.log(`unlock to codes on screen: ${baseline.unlock.toFixed(0)} ms | ${full.unlock.toFixed(0)} ms, of which the KDF (a wrong-password attempt) ${baseline.kdf.toFixed(0)} ms | ${full.kdf.toFixed(0)} ms; after the KDF: ${(baseline.unlock - baseline.kdf).toFixed(0)} ms | ${(full.unlock - full.kdf).toFixed(0)} ms`);
}

function verdict(ok: boolean): string {
  return ok ? 'met' : 'NOT met';
}

async function measure(count: number): Promise<Figures> {
  // Any host name reaches the loopback server: the popup opens over a page of a real-looking site, whose site it works out.
  const browser = await launchBrowser({ args: ['--host-resolver-rules=MAP * 127.0.0.1'] });
  const server = await serveStatic({ '/login': '<!doctype html><title>Sign in</title><label>Code <input autocomplete="one-time-code"></label>' });
  try {
    const { extensionId } = await extensionWorker(browser.context);
    const cdp = await browserSession(browser.context);
    const webPage = await browser.context.newPage();
    await webPage.goto(server.url('/login', 'login.example.com'));
    const open = async (name: string) => {
      const page = await browser.context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${name}.html`);
      return page;
    };
    await createVault(await open('popup'));
    await importAccounts(await open('options'), count);
    const firsts: number[] = [];
    const empties: number[] = [];
    let rows = 0;
    let icons = 0;
    for (let i = 0; i < OPENINGS; i++) {
      // Taken in turns with the popup, so both see the same load on a shared machine.
      const empty = await open('clipboard-offscreen');
      empties.push(await empty.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd));
      await empty.close();
      const popup = await openActionPopup(cdp, extensionId, webPage);
      await waitInPopup(popup, `performance.getEntriesByName('tessera:codes-shown').length > 0`, 'the first codes', 20_000);
      firsts.push(await popup.evaluate<number>(`performance.getEntriesByName('tessera:codes-shown')[0].startTime`));
      rows = await popup.evaluate<number>(`document.querySelectorAll('li').length`);
      icons = await popup.evaluate<number>(`document.querySelectorAll('.account-icon').length`);
      await popup.close();
    }
    const popup = await open('popup');
    await popup.waitForTimeout((TICKS + 1.5) * 1000);
    const ticks = await popup.evaluate(() => performance.getEntriesByName('tessera:tick').map((entry) => entry.duration));
    const { unlock, kdf } = await measureUnlock(popup);
    return { emptyPage: median(empties), firstCodes: median(firsts), rows, icons, tick: median(ticks), tickMax: Math.max(...ticks), unlock, kdf };
  } finally {
    await browser.close();
    await server.close();
  }
}

async function createVault(page: Page): Promise<void> {
  await page.getByLabel('Master password', { exact: true }).fill(PASSWORD);
  await page.getByLabel('Type it again').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create vault' }).click();
  await page.getByRole('button', { name: 'Lock now' }).waitFor({ timeout: 20_000 });
  await page.close();
}

// Two of three accounts are of issuers with a bundled brand mark, the rest get a coloured initial: the list draws both.
const BRANDS = ['GitHub', 'Google', 'Dropbox', 'Discord', 'PayPal', 'Cloudflare', 'Reddit', 'Steam', 'Coinbase', 'Proton'];

// Through the options page, as a person would: paste an otpauth list, preview, import (one vault transaction).
async function importAccounts(page: Page, count: number): Promise<void> {
  const lines = Array.from({ length: count }, (_, i) => {
    const issuer = i % 3 === 2 ? `Service ${String(i + 1).padStart(3, '0')}` : BRANDS[i % BRANDS.length];
    return `otpauth://totp/${encodeURIComponent(issuer)}:user${i}%40example.com?secret=${encodeBase32(randomBytes(20))}&issuer=${encodeURIComponent(issuer)}`;
  });
  const form = page.getByRole('form', { name: 'Import accounts' });
  await form.getByLabel('Or paste the exported text').fill(lines.join('\n'));
  await form.getByRole('button', { name: 'Preview import' }).click();
  await page.getByRole('button', { name: `Import ${count} ${count === 1 ? 'account' : 'accounts'}` }).click();
  await page.getByText(/^Imported \d+ account/).waitFor({ timeout: 30_000 });
  await page.close();
}

async function measureUnlock(popup: Page): Promise<{ unlock: number; kdf: number }> {
  await popup.getByRole('button', { name: 'Lock now' }).click();
  const field = popup.getByLabel('Master password');
  const button = popup.getByRole('button', { name: 'Unlock' });
  // A wrong password costs one KDF run and nothing else: that is the KDF's share.
  await field.fill('not the password at all');
  let start = Date.now();
  await button.click();
  await popup.getByText('Wrong password').waitFor({ timeout: 20_000 });
  const kdf = Date.now() - start;
  await field.fill(PASSWORD);
  start = Date.now();
  await button.click();
  await popup.getByRole('listitem').first().waitFor({ timeout: 20_000 });
  return { unlock: Date.now() - start, kdf };
}

function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
