// The toolbar button shows whether the vault is locked: the grey icon with a padlock and "(locked)" in its title,
// or the blue one. It follows every change of the session store, where the unlocked key lives.
import { browser } from 'wxt/browser';
import { getVault } from '../vault/extension-vault';
import { iconSet, type IconState } from './icon-files';

export const TOOLBAR_TITLE: Record<IconState, string> = { unlocked: 'Tessera', locked: 'Tessera (locked)' };

export function registerToolbarIcon(): void {
  void showVaultState();
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'session') void showVaultState();
  });
}

async function showVaultState(): Promise<void> {
  const state: IconState = (await getVault().state().catch(() => 'locked')) === 'unlocked' ? 'unlocked' : 'locked';
  await browser.action.setIcon({ path: iconSet(state, '/') });
  await browser.action.setTitle({ title: TOOLBAR_TITLE[state] });
}
