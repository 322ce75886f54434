// The one vault of this extension: every page and the service worker open the same IndexedDB, and the unlocked key
// lives in the browser's session area, so unlocking in one page unlocks them all.
import { openVault } from './vault';
import type { Vault } from './types';

let vault: Vault | undefined;

export function getVault(): Vault {
  vault ??= openVault();
  return vault;
}
