// Using a backup code. Finding the code and marking it used happen with no await between them, so of many
// simultaneous redemptions of one code exactly one wins.
import { recordAudit } from '../audit';
import type { RequestInfo, SiteContext } from '../context';
import type { User } from '../store/schema';
import { hashBackupCode, isWellFormedBackupCode, normaliseBackupCode, sameHash } from './codes';
import { codesLeft } from './issue';

/** Marks the code used and returns true, or returns false for a wrong, malformed or used code. The caller saves. */
export function redeemBackupCode(ctx: SiteContext, user: User, input: string, request: RequestInfo): boolean {
  const normalised = normaliseBackupCode(input);
  if (!isWellFormedBackupCode(normalised)) return false;
  const hash = hashBackupCode(ctx.key, normalised);
  const code = user.backupCodes.find((candidate) => candidate.usedAt === null && sameHash(candidate.hash, hash));
  if (!code) return false;
  code.usedAt = ctx.now();
  recordAudit(ctx, 'backup_code_used', request, { userId: user.id, details: { left: codesLeft(user) } });
  return true;
}
