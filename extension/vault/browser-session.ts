// The session store in the extension: chrome.storage.session lives in memory and is cleared when the browser closes.
// Its default access level keeps it away from content scripts; Tessera never widens it.
import { browser } from 'wxt/browser';
import type { SessionStore } from './types';

export function browserSessionStore(): SessionStore {
  const area = browser.storage.session;
  return {
    async get(key) {
      const found = await area.get(key);
      return found[key];
    },
    async set(key, value) {
      await area.set({ [key]: value });
    },
    async remove(key) {
      await area.remove(key);
    },
  };
}
