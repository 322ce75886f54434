// The service worker's side of filling: the keyboard shortcut, the context-menu item on inputs, automatic-fill requests.
import { browser } from 'wxt/browser';
import { getVault } from '../ui/vault-instance';
import { autoFillSites } from './auto-fill-sites';
import { answerAutoFill, fillBestInTab } from './fill-best';

export const FILL_COMMAND = 'fill-code';
const FILL_MENU_ID = 'fill-code';

export function registerAutofill(): void {
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create(
      { id: FILL_MENU_ID, title: 'Fill one-time code', contexts: ['editable'] },
      () => void browser.runtime.lastError, // an item left from before is fine as it is
    );
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === FILL_MENU_ID && tab) void fillBestInTab(getVault(), tab);
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === FILL_COMMAND && tab) void fillBestInTab(getVault(), tab);
  });
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if ((message as { type?: string } | null)?.type !== 'autofill-request') return undefined;
    return autoFillSites().then((sites) => answerAutoFill(getVault(), sites, sender));
  });
}
