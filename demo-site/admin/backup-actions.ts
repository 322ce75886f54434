// Administrator actions on backup codes. Each is one transaction, audited with the administrator's id.
import { recordAudit } from '../audit';
import type { RequestInfo, SiteContext } from '../context';
import type { BackupCodeRequest, BackupRequestStatus, User } from '../storage/rows';
import { issueBackupCodes, revokeBackupCodes } from '../backup/issue';
import { closeRequest, findOpenRequest } from '../backup/requests';
import { requireUser } from './users';

export interface RequestView {
  id: string;
  status: BackupCodeRequest['status'];
  user: { id: string; email: string };
  message: string;
  createdAt: number;
  ip: string;
  reason?: string;
}

/** The queue shows at most this many requests of one status (oldest first). */
const QUEUE_LIMIT = 500;

export async function listRequests(ctx: SiteContext, status: BackupRequestStatus): Promise<RequestView[]> {
  const requests = await ctx.storage.backupRequests.listByStatus(status, QUEUE_LIMIT);
  return requests.map((request) => ({
    id: request.id, status: request.status, user: { id: request.userId, email: request.userEmail ?? '(deleted)' }, message: request.message,
    createdAt: request.createdAt, ip: request.ip, reason: request.reason,
  }));
}

export function issueForRequest(ctx: SiteContext, requestId: string, admin: User, request: RequestInfo): Promise<{ user: User; codes: string[] }> {
  return ctx.storage.transaction(async (tx) => {
    const open = await findOpenRequest(requestId, tx);
    const user = await requireUser(ctx, open.userId, tx);
    await closeRequest(ctx, open, 'issued', tx);
    return { user, codes: await issueBackupCodes(ctx, user, admin.id, request, open.id, tx) };
  });
}

export function denyRequest(ctx: SiteContext, requestId: string, reason: string, admin: User, request: RequestInfo): Promise<BackupCodeRequest> {
  return ctx.storage.transaction(async (tx) => {
    const closed = await closeRequest(ctx, await findOpenRequest(requestId, tx), 'denied', tx, reason);
    await recordAudit(ctx, 'backup_codes_denied', request, { userId: closed.userId, actorId: admin.id, details: { requestId: closed.id } }, tx);
    return closed;
  });
}

export function issueForUser(ctx: SiteContext, userId: string, admin: User, request: RequestInfo): Promise<{ user: User; codes: string[] }> {
  return ctx.storage.transaction(async (tx) => {
    const user = await requireUser(ctx, userId, tx);
    const open = await tx.backupRequests.findOpenForUser(userId);
    if (open) await closeRequest(ctx, open, 'issued', tx);
    return { user, codes: await issueBackupCodes(ctx, user, admin.id, request, open?.id, tx) };
  });
}

export function revokeForUser(ctx: SiteContext, userId: string, admin: User, request: RequestInfo): Promise<number> {
  return ctx.storage.transaction(async (tx) => revokeBackupCodes(ctx, await requireUser(ctx, userId, tx), admin.id, request, tx));
}
