import { describe, it, expect } from 'vitest';
import { launchBrowser, extensionWorker } from '../support/browser';

describe('browser smoke', () => {
  it('launches headless Chromium with the built extension and opens its popup page', async () => {
    const browser = await launchBrowser();
    try {
      const { extensionId } = await extensionWorker(browser.context);
      expect(extensionId).toMatch(/^[a-p]{32}$/);
      const page = await browser.context.newPage();
      await page.goto(`chrome-extension://${extensionId}/popup.html`);
      await expect(page.locator('h1').first().textContent()).resolves.toContain('Tessera');
    } finally {
      await browser.close();
    }
  });
});
