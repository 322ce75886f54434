// Marks accounts whose secret is already in the vault, or earlier in the same file, so the UI can leave them out.
import { secretIdentity, type OtpAccount } from '#shared/otp/index.ts';
import type { ImportPreview, ImportResult } from './types';

export function markDuplicates(result: ImportResult, existing: OtpAccount[] = []): ImportPreview {
  // An unreadable secret counts as its own text: it can still only be a duplicate of the very same text.
  const identity = (secret: string) => secretIdentity(secret) ?? secret;
  const seen = new Set(existing.map((account) => identity(account.secret)));
  const accounts = result.accounts.map((account) => {
    const secret = identity(account.secret);
    const duplicate = seen.has(secret);
    seen.add(secret);
    return { ...account, duplicate };
  });
  return { format: result.format, accounts, refused: result.refused };
}
