// The browser's extension storage as a KeyValueArea. `session` lives in memory and is cleared when the browser closes;
// its default access level keeps it away from content scripts, and Tessera never widens it. `local` is on disk.
import { browser } from 'wxt/browser';
import type { AreaName, KeyValueArea } from './area';

export function browserArea(name: AreaName): KeyValueArea {
  const area = browser.storage[name];
  return {
    async get(key) {
      return (await area.get(key))[key];
    },
    async set(key, value) {
      await area.set({ [key]: value });
    },
    async remove(key) {
      await area.remove(key);
    },
  };
}

/** Calls `onChange` after any change in the area; returns the function that stops watching. */
export function watchArea(name: AreaName, onChange: () => void): () => void {
  const listener = () => onChange();
  browser.storage[name].onChanged.addListener(listener);
  return () => browser.storage[name].onChanged.removeListener(listener);
}
