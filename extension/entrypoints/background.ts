import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { getVault } from '../vault/extension-vault';
import { registerCapture } from '../capture/register';
import { registerAutofill } from '../autofill/register';
import { registerClipboardClearing } from '../clipboard/register';
import { ALARMS } from '../messaging/commands';
import { registerVaultCreation } from '../vault/create-in-background';
import { browserArea } from '../storage/browser-area';
import { registerToolbarIcon } from '../icon/toolbar-icon';

export default defineBackground(() => {
  registerCapture();
  registerAutofill();
  registerClipboardClearing();
  registerVaultCreation(getVault, browserArea('local'));
  registerToolbarIcon();
  // Checked every minute: the vault locks once its idle time (counted from the last use) has run out,
  // even when no extension page is open.
  void browser.alarms.create(ALARMS.autoLock, { periodInMinutes: 1 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== ALARMS.autoLock) return;
    void getVault().lockIfIdle().catch(() => undefined);
  });
});
