// A user's request for backup codes: at most one open request per user (asking again updates it).
import { recordAudit } from '../audit';
import type { RequestInfo, SiteContext } from '../context';
import { ConflictError, NotFoundError } from '../errors';
import { createId } from '../crypto/tokens';
import type { Repositories } from '../storage/repositories';
import type { BackupCodeRequest, User } from '../storage/rows';

export function latestRequestOf(ctx: SiteContext, userId: string): Promise<BackupCodeRequest | null> {
  return ctx.storage.backupRequests.latestForUser(userId);
}

export function requestBackupCodes(ctx: SiteContext, user: User, message: string, request: RequestInfo): Promise<BackupCodeRequest> {
  return ctx.storage.transaction(async (tx) => {
    const open = await tx.backupRequests.openOrUpdate({ id: createId(), userId: user.id, message, ip: request.ip, now: ctx.now() });
    await recordAudit(ctx, 'backup_codes_requested', request, { userId: user.id, details: { requestId: open.id } }, tx);
    return open;
  });
}

const alreadyClosed = (status: string) => new ConflictError('request_closed', `This request was already ${status}.`);

export async function findOpenRequest(id: string, repos: Repositories): Promise<BackupCodeRequest> {
  const found = await repos.backupRequests.find(id);
  if (!found) throw new NotFoundError('request_not_found', 'There is no backup-code request with this id.');
  if (found.status !== 'open') throw alreadyClosed(found.status);
  return found;
}

/** Closes an open request; another administrator who closed it first wins, and this one hears so. */
export async function closeRequest(ctx: SiteContext, request: BackupCodeRequest, status: 'issued' | 'denied', repos: Repositories, reason?: string): Promise<BackupCodeRequest> {
  const closed = await repos.backupRequests.close(request.id, { status, now: ctx.now(), reason });
  if (!closed) throw alreadyClosed((await repos.backupRequests.find(request.id))?.status ?? 'closed');
  return closed;
}
