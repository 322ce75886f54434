// Issuing codes hands them out once and keeps only their hashes; a new set revokes the old one.
import { recordAudit } from '../audit';
import type { RequestInfo, SiteContext } from '../context';
import type { Repositories } from '../storage/repositories';
import type { User } from '../storage/rows';
import { sendNotice } from '../notices/notices';
import { CODES_PER_ISSUE, generateBackupCode, hashBackupCode, normaliseBackupCode } from './codes';

/** Codes still waiting to be fetched no longer work once replaced or revoked: they are dropped, and their link with them. */
async function dropWaitingCodes(userId: string, tx: Repositories): Promise<void> {
  await tx.backupDeliveries.dropForUser(userId);
  await tx.linkTokens.deleteUnused(userId, 'backup_codes');
}

export function codesLeft(ctx: SiteContext, user: User): Promise<number> {
  return ctx.storage.backupCodes.countUnused(user.id);
}

/**
 * Replaces the user's codes; returns the new ones in plaintext, the only time they exist here. How they reach the user
 * (`method`) is backup/delivery.ts's concern, which also tells the user.
 */
export async function issueBackupCodes(
  ctx: SiteContext, user: User, actorId: string, request: RequestInfo, issue: { requestId?: string; method: 'mail' | 'hand_over' }, tx: Repositories,
): Promise<string[]> {
  const codes = Array.from({ length: CODES_PER_ISSUE }, generateBackupCode);
  const revoked = await tx.backupCodes.replaceForUser(user.id, codes.map((code) => hashBackupCode(ctx.key, normaliseBackupCode(code))));
  await dropWaitingCodes(user.id, tx);
  await recordAudit(ctx, 'backup_codes_issued', request, { userId: user.id, actorId, details: { count: codes.length, revoked, requestId: issue.requestId, method: issue.method } }, tx);
  return codes;
}

export async function revokeBackupCodes(ctx: SiteContext, user: User, actorId: string, request: RequestInfo, tx: Repositories): Promise<number> {
  const revoked = await tx.backupCodes.replaceForUser(user.id, []);
  await dropWaitingCodes(user.id, tx);
  await recordAudit(ctx, 'backup_codes_revoked', request, { userId: user.id, actorId, details: { revoked } }, tx);
  await sendNotice(ctx, user, 'backup_codes_revoked', tx);
  return revoked;
}
