// Turns one entry of a foreign file into a checked account, or into a reason a person can act on.
import { OtpError } from '#shared/otp/index.ts';
import { validateAccount } from '../vault/validate';
import { VaultError } from '../vault/errors';
import type { ImportedAccount, ImportResult } from './types';

/** Fields as found in the file: unchecked until validateAccount has seen them. */
export type Candidate = Record<string, unknown>;

export function acceptEntry(result: ImportResult, entry: string, candidate: Candidate): void {
  try {
    const valid = validateAccount(candidate);
    const account: ImportedAccount = { ...valid.otp };
    if (candidate.sites !== undefined) account.sites = valid.sites;
    if (candidate.pinned !== undefined) account.pinned = valid.pinned;
    result.accounts.push(account);
  } catch (error) {
    if (!(error instanceof VaultError) && !(error instanceof OtpError)) throw error;
    result.refused.push({ entry, reason: error.message });
  }
}

/** "entry 'GitHub: bob'" — how a person finds an entry again in the app it came from. */
export function describeEntry(issuer: unknown, name: unknown, position: number): string {
  const parts = [issuer, name].filter((p): p is string => typeof p === 'string' && p.trim() !== '');
  return parts.length > 0 ? `entry '${parts.join(': ')}'` : `entry ${position}`;
}

export function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

export function asText(value: unknown, fallback = ''): string {
  return typeof value === 'string' ? value : fallback;
}
