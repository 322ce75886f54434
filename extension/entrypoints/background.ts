import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { getVault } from '../ui/vault-instance';
import { registerCapture } from '../capture/register';
import { registerAutofill } from '../autofill/register';
import { registerClipboardClearing } from '../clipboard/register';

export const AUTO_LOCK_ALARM = 'auto-lock';

export default defineBackground(() => {
  registerCapture();
  registerAutofill();
  registerClipboardClearing();
  // Checked every minute: the vault locks once its idle time (counted from the last use) has run out,
  // even when no extension page is open.
  void browser.alarms.create(AUTO_LOCK_ALARM, { periodInMinutes: 1 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== AUTO_LOCK_ALARM) return;
    void getVault().lockIfIdle().catch(() => undefined);
  });
});
