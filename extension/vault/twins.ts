// One key, one account: two accounts are twins when their secrets are the same bytes, whatever the case, spacing or
// padding of the Base32. A secret that is not Base32 at all holds no key and is nobody's twin. Every place that asks
// "is this key already in Tessera?" (scan, pairing, manual add, import preview) asks it here.
import { secretIdentity } from '#shared/otp/index.ts';

/** The account of `existing` holding the same key, or undefined. */
export function findTwin<T extends { secret: string }>(account: { secret: string }, existing: readonly T[]): T | undefined {
  const key = secretIdentity(account.secret);
  if (key === null) return undefined;
  return existing.find((candidate) => secretIdentity(candidate.secret) === key);
}

/** Each account, marked `duplicate` when its key is in `existing` or earlier in the list itself. */
export function markTwins<T extends { secret: string }>(accounts: readonly T[], existing: readonly { secret: string }[]): (T & { duplicate: boolean })[] {
  const seen = new Set(existing.map((account) => secretIdentity(account.secret)));
  return accounts.map((account) => {
    const key = secretIdentity(account.secret);
    const duplicate = key !== null && seen.has(key);
    seen.add(key);
    return { ...account, duplicate };
  });
}
