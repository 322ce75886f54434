// chrome.storage.session as the small key-value store the capture modules take (memory only, this browser run).
import { browser } from 'wxt/browser';
import type { PendingStore } from './pending-scan';

export function sessionStore(): PendingStore {
  const area = browser.storage.session;
  return {
    async get(key) {
      return (await area.get(key))[key];
    },
    set: (key, value) => area.set({ [key]: value }),
    remove: (key) => area.remove(key),
  };
}
