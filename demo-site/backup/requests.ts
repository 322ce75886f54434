// A user's request for backup codes: at most one open request per user (asking again updates it).
import { recordAudit } from '../audit';
import type { RequestInfo, SiteContext } from '../context';
import { ConflictError, NotFoundError } from '../errors';
import { createId } from '../crypto/tokens';
import type { BackupCodeRequest, User } from '../store/schema';

export function latestRequestOf(ctx: SiteContext, userId: string): BackupCodeRequest | undefined {
  return ctx.store.data.backupCodeRequests.filter((request) => request.userId === userId).at(-1);
}

export async function requestBackupCodes(ctx: SiteContext, user: User, message: string, request: RequestInfo): Promise<BackupCodeRequest> {
  const now = ctx.now();
  let open = ctx.store.data.backupCodeRequests.find((candidate) => candidate.userId === user.id && candidate.status === 'open');
  if (open) {
    Object.assign(open, { message, updatedAt: now, ip: request.ip });
  } else {
    open = { id: createId(), userId: user.id, status: 'open', message, createdAt: now, updatedAt: now, ip: request.ip };
    ctx.store.data.backupCodeRequests.push(open);
  }
  recordAudit(ctx, 'backup_codes_requested', request, { userId: user.id, details: { requestId: open.id } });
  await ctx.store.save();
  return open;
}

export function findOpenRequest(ctx: SiteContext, id: string): BackupCodeRequest {
  const found = ctx.store.data.backupCodeRequests.find((request) => request.id === id);
  if (!found) throw new NotFoundError('request_not_found', 'There is no backup-code request with this id.');
  if (found.status !== 'open') throw new ConflictError('request_closed', `This request was already ${found.status}.`);
  return found;
}

export function closeRequest(ctx: SiteContext, request: BackupCodeRequest, status: 'issued' | 'denied', reason?: string): void {
  request.status = status;
  request.updatedAt = ctx.now();
  if (reason !== undefined) request.reason = reason;
}
