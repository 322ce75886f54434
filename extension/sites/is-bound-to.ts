// Kept apart from sites.ts and its public suffix list, so the popup's list of codes can load without the list.

/** Whether a page on `pageSite` is one of the account's sites: only then does it get a plain Fill. */
export function isBoundTo(account: { sites: readonly string[] }, pageSite: string | null): boolean {
  return pageSite !== null && account.sites.includes(pageSite);
}
