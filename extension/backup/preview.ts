// Marks accounts whose secret is already in the vault, or earlier in the same file, so the UI can leave them out.
import { normalizeSecret, type OtpAccount } from '#shared/otp/index.ts';
import type { ImportPreview, ImportResult } from './types';

export function markDuplicates(result: ImportResult, existing: OtpAccount[] = []): ImportPreview {
  const seen = new Set(existing.map((account) => canonicalSecret(account.secret)));
  const accounts = result.accounts.map((account) => {
    const secret = canonicalSecret(account.secret);
    const duplicate = seen.has(secret);
    seen.add(secret);
    return { ...account, duplicate };
  });
  return { format: result.format, accounts, refused: result.refused };
}

function canonicalSecret(secret: string): string {
  try {
    return normalizeSecret(secret);
  } catch {
    return secret;
  }
}
