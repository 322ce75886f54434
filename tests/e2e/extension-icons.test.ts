// Account icons in the real popup: a bundled brand mark for a common issuer, a coloured initial for anyone else, and
// nothing fetched from the network for either.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addManually, createVault, launchExtension, rowOf, type Extension } from './extension-helpers';

// Browser starts and Argon2id steps are slow on a shared, loaded CPU: time enough for them, not a failure on time.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 180_000 });

let ext: Extension;
beforeAll(async () => { ext = await launchExtension(); });
afterAll(() => ext?.browser.close());

describe('account icons', () => {
  it('shows GitHub\'s mark for a GitHub account and a coloured initial for Acme Bank, fetching nothing', async () => {
    const popup = await ext.open('popup');
    const requests: string[] = [];
    ext.browser.context.on('request', (request) => { if (!request.url().startsWith('chrome-extension://')) requests.push(request.url()); });
    await createVault(popup);
    await addManually(popup, { secret: 'JBSWY3DPEHPK3PXP', issuer: 'GitHub', account: 'octocat' });
    await addManually(popup, { secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', issuer: 'Acme Bank', account: 'alice' });

    const github = rowOf(popup, 'GitHub: octocat').locator('.account-icon');
    await expect(github.getAttribute('data-icon')).resolves.toBe('github');
    await expect(github.locator('svg path').getAttribute('d')).resolves.toMatch(/^M12 \.297/);
    const bank = rowOf(popup, 'Acme Bank: alice').locator('.account-icon');
    await expect(bank.getAttribute('data-icon')).resolves.toBe('initial');
    await expect(bank.textContent()).resolves.toBe('A');
    // Seen, not just present: the icons have a size and a colour of their own.
    const box = await github.boundingBox();
    expect(box?.width).toBeGreaterThanOrEqual(16);
    expect(await bank.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
    if (process.env.TESSERA_SCREENSHOT) await popup.screenshot({ path: process.env.TESSERA_SCREENSHOT });
    expect(requests).toEqual([]);
    await popup.close();
  });
});
