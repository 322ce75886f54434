import type { VaultAccount } from '../../vault/index';
import { isBoundTo } from '../../sites/is-bound-to';

/** Accounts whose issuer, account name or sites contain every word of the query (case-insensitive). */
export function filterAccounts(accounts: VaultAccount[], query: string): VaultAccount[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return accounts;
  return accounts.filter((account) => {
    const haystack = `${account.issuer} ${account.account} ${account.sites.join(' ')}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}

/** The full order after moving one account to where another one is: what drag-and-drop saves. */
export function moveAccount(ids: string[], movedId: string, targetId: string): string[] {
  const from = ids.indexOf(movedId);
  const to = ids.indexOf(targetId);
  if (from < 0 || to < 0 || from === to) return ids;
  const next = ids.filter((id) => id !== movedId);
  next.splice(to, 0, movedId);
  return next;
}

/** The accounts of the page the popup was opened on first (what the user came for), then the rest, each in list order. */
export function orderForPage<T extends { sites: readonly string[] }>(accounts: T[], pageSite: string | null): T[] {
  if (!pageSite) return accounts;
  const bound = accounts.filter((account) => isBoundTo(account, pageSite));
  if (bound.length === 0 || bound.length === accounts.length) return accounts;
  return [...bound, ...accounts.filter((account) => !isBoundTo(account, pageSite))];
}
