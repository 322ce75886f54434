// The toolbar button shows whether the vault is locked: the grey icon with a padlock and "(locked)" in its title,
// or the blue one. It follows every change of the session store, where the unlocked key lives.
import { browser } from 'wxt/browser';
import { watchArea } from '../storage/browser-area';
import { getVault } from '../vault/extension-vault';
import { iconSet, type IconState } from './icon-files';

export const TOOLBAR_TITLE: Record<IconState, string> = { unlocked: 'Tessera', locked: 'Tessera (locked)' };

export function registerToolbarIcon(): void {
  // The session store changes at every use (the idle clock): the icon is set again only when the state changed.
  let shown: IconState | null = null;
  const showVaultState = async () => {
    const state: IconState = (await getVault().state().catch(() => 'locked')) === 'unlocked' ? 'unlocked' : 'locked';
    if (state === shown) return;
    shown = state;
    await browser.action.setIcon({ path: iconSet(state, '/') });
    await browser.action.setTitle({ title: TOOLBAR_TITLE[state] });
  };
  // One after the other, so an older reading never lands after a newer one.
  let queue = Promise.resolve();
  const update = () => { queue = queue.then(showVaultState).catch(() => undefined); };
  update();
  watchArea('session', update);
}
