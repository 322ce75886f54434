// Marks accounts whose key is already in the vault, or earlier in the same file, so the UI can leave them out.
import type { OtpAccount } from '#shared/otp/index.ts';
import { markTwins } from '../vault/twins';
import type { ImportPreview, ImportResult } from './types';

export function markDuplicates(result: ImportResult, existing: OtpAccount[] = []): ImportPreview {
  return { format: result.format, accounts: markTwins(result.accounts, existing), refused: result.refused };
}
