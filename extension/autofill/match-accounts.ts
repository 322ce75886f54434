// Which accounts belong to the page in front of the user: pinned first, then in the user's order.
import type { VaultAccount } from '../vault/index';
import { siteOf } from './site-match';

export function accountsForPage(accounts: readonly VaultAccount[], pageUrl: string): VaultAccount[] {
  const site = siteOf(pageUrl);
  if (!site) return [];
  return accounts.filter((account) => account.sites.includes(site));
}

/** The account a shortcut or automatic fill uses: the first match that can make a code without user action (TOTP). */
export function bestAccountForPage(accounts: readonly VaultAccount[], pageUrl: string): VaultAccount | null {
  return accountsForPage(accounts, pageUrl).find((account) => account.type === 'totp') ?? null;
}
