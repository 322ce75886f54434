// Administrator actions on backup codes. Each is audited with the administrator's id and saved before answering.
import { recordAudit } from '../audit';
import type { RequestInfo, SiteContext } from '../context';
import type { BackupCodeRequest, User } from '../store/schema';
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

export function listRequests(ctx: SiteContext, status: BackupCodeRequest['status']): RequestView[] {
  return ctx.store.data.backupCodeRequests
    .filter((request) => request.status === status)
    .map((request) => {
      const user = ctx.store.data.users.find((candidate) => candidate.id === request.userId);
      return { id: request.id, status: request.status, user: { id: request.userId, email: user?.email ?? '(deleted)' }, message: request.message, createdAt: request.createdAt, ip: request.ip, reason: request.reason };
    });
}

export async function issueForRequest(ctx: SiteContext, requestId: string, admin: User, request: RequestInfo): Promise<{ user: User; codes: string[] }> {
  const open = findOpenRequest(ctx, requestId);
  const user = requireUser(ctx, open.userId);
  const codes = issueBackupCodes(ctx, user, admin.id, request, open.id);
  closeRequest(ctx, open, 'issued');
  await ctx.store.save();
  return { user, codes };
}

export async function denyRequest(ctx: SiteContext, requestId: string, reason: string, admin: User, request: RequestInfo): Promise<BackupCodeRequest> {
  const open = findOpenRequest(ctx, requestId);
  closeRequest(ctx, open, 'denied', reason);
  recordAudit(ctx, 'backup_codes_denied', request, { userId: open.userId, actorId: admin.id, details: { requestId: open.id } });
  await ctx.store.save();
  return open;
}

export async function issueForUser(ctx: SiteContext, userId: string, admin: User, request: RequestInfo): Promise<{ user: User; codes: string[] }> {
  const user = requireUser(ctx, userId);
  const open = ctx.store.data.backupCodeRequests.find((candidate) => candidate.userId === userId && candidate.status === 'open');
  const codes = issueBackupCodes(ctx, user, admin.id, request, open?.id);
  if (open) closeRequest(ctx, open, 'issued');
  await ctx.store.save();
  return { user, codes };
}

export async function revokeForUser(ctx: SiteContext, userId: string, admin: User, request: RequestInfo): Promise<number> {
  const user = requireUser(ctx, userId);
  const revoked = revokeBackupCodes(ctx, user, admin.id, request);
  await ctx.store.save();
  return revoked;
}
