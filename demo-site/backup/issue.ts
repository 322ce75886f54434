// Issuing codes hands them out once and keeps only their hashes; a new set revokes the old one.
import { recordAudit } from '../audit';
import type { RequestInfo, SiteContext } from '../context';
import type { User } from '../store/schema';
import { CODES_PER_ISSUE, generateBackupCode, hashBackupCode, normaliseBackupCode } from './codes';

export function codesLeft(user: User): number {
  return user.backupCodes.filter((code) => code.usedAt === null).length;
}

/** Replaces the user's codes; returns the new ones in plaintext, the only time they exist. The caller saves. */
export function issueBackupCodes(ctx: SiteContext, user: User, actorId: string, request: RequestInfo, requestId?: string): string[] {
  const codes = Array.from({ length: CODES_PER_ISSUE }, generateBackupCode);
  const revoked = codesLeft(user);
  user.backupCodes = codes.map((code) => ({ hash: hashBackupCode(ctx.key, normaliseBackupCode(code)), usedAt: null }));
  recordAudit(ctx, 'backup_codes_issued', request, { userId: user.id, actorId, details: { count: codes.length, revoked, requestId } });
  return codes;
}

export function revokeBackupCodes(ctx: SiteContext, user: User, actorId: string, request: RequestInfo): number {
  const revoked = codesLeft(user);
  user.backupCodes = [];
  recordAudit(ctx, 'backup_codes_revoked', request, { userId: user.id, actorId, details: { revoked } });
  return revoked;
}
