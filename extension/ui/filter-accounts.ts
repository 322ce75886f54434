import type { VaultAccount } from '../vault/index';

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
