// Moving up: every account (sealed TOTP secrets as they are), backup code, request, session, signing key (sealed),
// refresh-token family and audit entry of one store copied into another, in batches. Rows already there (same key) are
// kept, so a second run adds nothing.
import type { Storage, TransferTable } from '../storage/storage';

/** Sign-in tickets live five minutes: they are left behind. */
export const COPIED_TABLES: readonly TransferTable[] = [
  'users', 'backupCodes', 'backupRequests', 'sessions', 'signingKeys', 'refreshFamilies', 'refreshTokens', 'audit',
];

export interface CopyCount { table: TransferTable; read: number; added: number }

export async function copyStore(source: Storage, target: Storage, onBatch?: (count: CopyCount) => void): Promise<CopyCount[]> {
  const counts: CopyCount[] = [];
  for (const table of COPIED_TABLES) {
    const count: CopyCount = { table, read: 0, added: 0 };
    for await (const rows of source.transfer.export(table)) {
      count.read += rows.length;
      count.added += await target.transfer.import(table, rows);
      onBatch?.(count);
    }
    counts.push(count);
  }
  return counts;
}
