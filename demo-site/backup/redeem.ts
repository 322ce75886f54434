// Using a backup code. Marking it used is one conditional change in the storage, so of many simultaneous
// redemptions of one code, in any number of processes, exactly one wins.
import { recordAudit } from '../audit';
import type { RequestInfo, SiteContext } from '../context';
import type { Repositories } from '../storage/repositories';
import type { User } from '../storage/rows';
import { hashBackupCode, isWellFormedBackupCode, normaliseBackupCode } from './codes';

/** Marks the code used and returns true, or returns false for a wrong, malformed or used code. */
export async function redeemBackupCode(ctx: SiteContext, user: User, input: string, request: RequestInfo, repos: Repositories): Promise<boolean> {
  const normalised = normaliseBackupCode(input);
  if (!isWellFormedBackupCode(normalised)) return false;
  if (!(await repos.backupCodes.redeem(user.id, hashBackupCode(ctx.key, normalised), ctx.now()))) return false;
  await recordAudit(ctx, 'backup_code_used', request, { userId: user.id, details: { left: await repos.backupCodes.countUnused(user.id) } }, repos);
  return true;
}
