import { openVault, browserSessionStore, type Vault } from '../vault/index';

let vault: Vault | undefined;

/** The one vault an extension page talks to; the unlocked key lives in storage.session, shared by all pages. */
export function getVault(): Vault {
  vault ??= openVault({ session: browserSessionStore() });
  return vault;
}
