// The key journeys' view of Firefox: puppeteer-core pages over WebDriver BiDi, and the real toolbar popup driven from
// an extension page in a background tab.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { downloadedFiles, launchFirefox, waitUntil, type LaunchedFirefox } from './firefox';
import { openFirefoxPopup } from './firefox-popup';
import { waitForNewFile, type ExtensionTab, type ExtensionUnderTest } from './extension-under-test';

/** Also gives the launched Firefox itself, for tests of what only Firefox does. */
export async function launchFirefoxExtension(hosts: string[] = []): Promise<ExtensionUnderTest & { firefox: LaunchedFirefox }> {
  const firefox = await launchFirefox({ hosts });
  const controller = await firefox.openExtensionPage('options.html');
  return {
    firefox,
    browserName: 'Firefox',
    webPage: { evaluate: <T>(expression: string) => firefox.page.evaluate(expression) as Promise<T> },
    async showPage(url) {
      await firefox.page.bringToFront();
      await firefox.page.goto(url);
    },
    openToolbarPopup: () => openFirefoxPopup(firefox, controller),
    toolbarTitle: () => controller.evaluate('browser.action.getTitle({})') as Promise<string>,
    async openExtensionPage(path) {
      return pageTab(firefox, await firefox.openExtensionPage(path));
    },
    close: () => firefox.close(),
  };
}

function pageTab(firefox: LaunchedFirefox, page: Page): ExtensionTab {
  return {
    evaluate: <T>(expression: string) => page.evaluate(expression) as Promise<T>,
    async click(x, y) {
      await page.bringToFront();
      await page.mouse.click(x, y);
    },
    close: () => page.close(),
    async reload() {
      // A mark on the old document tells it apart from the new one.
      await page.evaluate('window.reloading = true; location.reload()');
      await waitUntil(() => page.evaluate(`!window.reloading && document.readyState === 'complete'`), 'the page to reload');
    },
    async downloadDuring(action, timeoutMs) {
      const before = downloadedFiles(firefox);
      await action();
      return waitForNewFile(() => downloadedFiles(firefox), (name) => readFileSync(join(firefox.downloadDir, name), 'utf8'), before, timeoutMs);
    },
  };
}
