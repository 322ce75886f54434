// Which accounts belong to the page in front of the user: pinned first, then in the user's order.
import type { VaultAccount } from '../vault/index';
import { isAllowedOn, siteOf } from '../sites/sites';

export function accountsForPage(accounts: readonly VaultAccount[], pageUrl: string): VaultAccount[] {
  return accounts.filter((account) => isAllowedOn(account.sites, pageUrl));
}

/** The account a shortcut or automatic fill uses: the first match that can make a code without user action (TOTP). */
export function bestAccountForPage(accounts: readonly VaultAccount[], pageUrl: string): VaultAccount | null {
  return accountsForPage(accounts, pageUrl).find((account) => account.type === 'totp') ?? null;
}

/** What the fill shortcut or context menu does on a page: fill with an account, or leave the popup a reason why not. */
export function chooseShortcutFill(accounts: readonly VaultAccount[], pageUrl: string): { account: VaultAccount } | { message: string } {
  const account = bestAccountForPage(accounts, pageUrl);
  if (account) return { account };
  const site = siteOf(pageUrl) ?? 'this page';
  // A counter-based code is used up when it is shown: it is filled from the popup, where the counter is in view.
  if (accountsForPage(accounts, pageUrl).length > 0) {
    return { message: `The accounts for ${site} are counter-based (HOTP): fill them from the list with their Fill button.` };
  }
  return { message: `No account is set to fill on ${site}. Choose one in the list.` };
}
