// One secret, one account: a scanned code whose secret the vault already holds updates that account instead.
import { secretIdentity } from '#shared/otp/index.ts';
import type { CapturedAccount } from './types';

interface HasSecret { id: string; secret: string }

/** The existing account with the same secret bytes (whatever its name or spelling of the Base32), or undefined. */
export function findSameSecret<T extends { secret: string }>(account: { secret: string }, existing: readonly T[]): T | undefined {
  const wanted = secretIdentity(account.secret);
  if (wanted === null) return undefined;
  return existing.find((candidate) => secretIdentity(candidate.secret) === wanted);
}

/** Marks the account with the id of its twin in the vault, if there is one. */
export function markSameSecret(account: CapturedAccount, existing: readonly HasSecret[]): CapturedAccount {
  const twin = findSameSecret(account, existing);
  return twin ? { ...account, existingId: twin.id } : account;
}
