// Automatic filling: the built watcher script on a page where a code field appears late, and the service worker's answer.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { resolve } from 'node:path';
import { unlockedHarness } from '../extension/support/vault-fixture';
import { launchBrowser, type LaunchedBrowser } from '../support/browser';
import { serveStatic, type StaticServer } from '../support/static-server';
import type { Vault } from '../../extension/vault/index';
import { answerAutoFill } from '../../extension/autofill/fill-best';
import { accountsForPage, bestAccountForPage, chooseShortcutFill } from '../../extension/autofill/match-accounts';
import { generateCode, parseOtpauthUri } from '#shared/otp/index.ts';

const WATCHER = resolve(import.meta.dirname, '../../.output/chrome-mv3/autofill-watch.js');
const LATE_FIELD = `<!doctype html><body><p>Checking your password...</p><script>
setTimeout(() => { document.body.insertAdjacentHTML('beforeend', '<input id="otp" autocomplete="one-time-code">'); }, 300);
</script></body>`;

const github = parseOtpauthUri('otpauth://totp/GitHub:alice?secret=JBSWY3DPEHPK3PXP');
const hotp = parseOtpauthUri('otpauth://hotp/GitHub:bot?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&counter=1');
const other = parseOtpauthUri('otpauth://totp/Bank:alice?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');

async function unlockedVault(): Promise<Vault> {
  const { vault } = await unlockedHarness();
  await vault.add([{ ...hotp, sites: ['github.com'] }, { ...github, sites: ['github.com'] }, { ...other, sites: ['bank.example'] }]);
  return vault;
}

describe('choosing the account for a page', () => {
  it('matches on the registrable domain, and picks a TOTP account for filling without a click', async () => {
    const accounts = await (await unlockedVault()).list();
    expect(accountsForPage(accounts, 'https://github.com/sessions/two-factor').map((a) => a.account).sort()).toEqual(['alice', 'bot']);
    expect(bestAccountForPage(accounts, 'https://github.com/login')?.account).toBe('alice');
    expect(bestAccountForPage(accounts, 'https://github.com.evil.example/login')).toBeNull();
  });

  it('tells the fill shortcut which account fills, or what to tell the user instead', async () => {
    const accounts = await (await unlockedVault()).list();
    const chosen = chooseShortcutFill(accounts, 'https://github.com/login');
    expect('account' in chosen && chosen.account.account).toBe('alice');
    expect(chooseShortcutFill(accounts, 'https://github.com.evil.example/login')).toEqual({ message: 'No account is set to fill on evil.example. Choose one in the list.' });
    const onlyCounter = accounts.filter((account) => account.type === 'hotp');
    expect(chooseShortcutFill(onlyCounter, 'https://github.com/login')).toEqual({
      message: 'The accounts for github.com are counter-based (HOTP): fill them from the list with their Fill button.' });
  });

  it('answers an automatic-fill request only for an enabled, bound site, in every frame, while unlocked', async () => {
    const vault = await unlockedVault();
    const sender = { tab: { url: 'https://github.com/sessions/two-factor' }, url: 'https://github.com/sessions/two-factor' };
    const answer = await answerAutoFill(vault, ['github.com'], sender);
    expect(answer?.code).toBe(generateCode(github, Date.now() / 1000));
    expect(await answerAutoFill(vault, [], sender)).toBeNull();
    expect(await answerAutoFill(vault, ['github.com'], { ...sender, url: 'https://evil.example/frame' })).toBeNull();
    expect(await answerAutoFill(vault, ['evil.example'], { tab: { url: 'https://evil.example/' }, url: 'https://evil.example/' })).toBeNull();
    await vault.lock();
    expect(await answerAutoFill(vault, ['github.com'], sender)).toBeNull();
  });
});

describe('the watcher script', () => {
  let browser: LaunchedBrowser;
  let server: StaticServer;
  beforeAll(async () => {
    server = await serveStatic({ '/late': LATE_FIELD });
    browser = await launchBrowser({ extension: false });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('fills a code field that appears after the page loaded, once, asking the extension for the code', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('/late'));
    // Stands in for the extension messaging API, which only exists inside an extension.
    await page.evaluate(() => {
      (window as any).asked = 0;
      (window as any).chrome = { runtime: { id: 'test', sendMessage: async () => { (window as any).asked++; return { code: '314159', sites: ['127.0.0.1'] }; } } };
    });
    await page.addScriptTag({ path: WATCHER });
    await page.waitForFunction(() => (document.getElementById('otp') as HTMLInputElement | null)?.value === '314159');
    await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<p>more content</p>'));
    await page.waitForTimeout(400);
    expect(await page.evaluate(() => (window as any).asked)).toBe(1);
  });
});
