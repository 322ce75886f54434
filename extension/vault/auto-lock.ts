// The background's side of auto-lock: a one-minute alarm that locks an idle vault.
import { browser } from 'wxt/browser';
import type { Vault } from './types';

export const AUTO_LOCK_ALARM = 'tessera-auto-lock';

/** Call once from the background's main function; alarms survive the service worker going to sleep. */
export function startAutoLock(vault: Vault): void {
  void browser.alarms.create(AUTO_LOCK_ALARM, { periodInMinutes: 1 });
  browser.alarms.onAlarm.addListener((alarm) => {
    // A failed check (e.g. storage busy) is simply retried by the next alarm a minute later.
    if (alarm.name === AUTO_LOCK_ALARM) void vault.lockIfIdle().catch(() => undefined);
  });
}
