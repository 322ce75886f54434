// The service worker's side of filling: the keyboard shortcut, the context-menu item on inputs, automatic-fill requests.
import { browser } from 'wxt/browser';
import { getVault } from '../vault/extension-vault';
import { autoFillSites } from './auto-fill-sites';
import { COMMANDS, MENU_ITEMS } from '../messaging/commands';
import { isMessage } from '../messaging/messages';
import { answerAutoFill, fillBestInTab } from './fill-best';
import { codeClock } from '../clock/correction';
import { browserArea } from '../storage/browser-area';

const clock = () => codeClock(browserArea('local'));

export function registerAutofill(): void {
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create(
      { id: MENU_ITEMS.fillCode.id, title: MENU_ITEMS.fillCode.title, contexts: ['editable'] },
      () => void browser.runtime.lastError, // an item left from before is fine as it is
    );
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_ITEMS.fillCode.id && tab) void fillBestInTab(getVault(), tab, clock);
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === COMMANDS.fillCode.id && tab) void fillBestInTab(getVault(), tab, clock);
  });
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (!isMessage(message, 'autofill-request')) return undefined;
    return autoFillSites().then((sites) => answerAutoFill(getVault(), sites, sender, clock));
  });
}
