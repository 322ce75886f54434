// The key journeys' view of Chromium: playwright-core pages, and the real toolbar popup through CDP.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { extensionWorker, launchBrowser } from './browser';
import { browserSession, openActionPopup } from './extension-action';
import type { ExtensionTab, LaunchExtension } from './extension-under-test';

export const launchChromiumExtension: LaunchExtension = async () => {
  // Chromium maps every name to loopback with one rule; no list of hosts needed.
  const browser = await launchBrowser({ args: ['--host-resolver-rules=MAP * 127.0.0.1'] });
  const { extensionId, worker } = await extensionWorker(browser.context);
  const cdp = await browserSession(browser.context);
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  return {
    browserName: 'Chromium',
    webPage: { evaluate: (expression) => page.evaluate(expression) },
    async showPage(url) {
      await page.goto(url);
    },
    openToolbarPopup: () => openActionPopup(cdp, extensionId, page),
    toolbarTitle: () => worker.evaluate('chrome.action.getTitle({})'),
    async openExtensionPage(path) {
      const tab = await browser.context.newPage();
      await tab.goto(`chrome-extension://${extensionId}/${path}`);
      return pageTab(tab);
    },
    close: () => browser.close(),
  };
};

function pageTab(page: Page): ExtensionTab {
  return {
    evaluate: (expression) => page.evaluate(expression),
    click: (x, y) => page.mouse.click(x, y),
    close: () => page.close(),
    reload: async () => { await page.reload(); },
    async downloadDuring(action, timeoutMs = 10_000) {
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: timeoutMs }), action()]);
      return readFileSync((await download.path())!, 'utf8');
    },
  };
}
