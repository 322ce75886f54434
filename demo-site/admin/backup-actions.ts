// Administrator actions on backup codes. Each is one transaction, audited with the administrator's id. Approving
// sends the user a link to the codes (backup/delivery.ts); being shown the codes is a separate, explicit choice.
import { recordAudit } from '../audit';
import type { RequestInfo, SiteContext } from '../context';
import type { BackupCodeRequest, BackupDelivery, BackupRequestStatus, User } from '../storage/rows';
import { revokeBackupCodes } from '../backup/issue';
import { deliverBackupCodes, describeDelivery, handOverBackupCodes, type DeliveryState } from '../backup/delivery';
import { closeRequest, findOpenRequest } from '../backup/requests';
import type { Repositories } from '../storage/repositories';
import { requireUser } from './users';

export interface RequestView {
  id: string;
  status: BackupCodeRequest['status'];
  user: { id: string; email: string };
  message: string;
  createdAt: number;
  ip: string;
  reason?: string;
  /** For an issued request: whether the user fetched the codes (never the codes). */
  delivery?: { state: DeliveryState; fetchedAt: number | null };
}

/** The queue shows at most this many requests of one status (oldest first). */
const QUEUE_LIMIT = 500;

export async function listRequests(ctx: SiteContext, status: BackupRequestStatus): Promise<RequestView[]> {
  const requests = await ctx.storage.backupRequests.listByStatus(status, QUEUE_LIMIT);
  return Promise.all(requests.map(async (request) => {
    const delivery = status === 'issued' ? await ctx.storage.backupDeliveries.findByRequest(request.id) : null;
    return {
      id: request.id, status: request.status, user: { id: request.userId, email: request.userEmail ?? '(deleted)' }, message: request.message,
      createdAt: request.createdAt, ip: request.ip, reason: request.reason, ...(delivery ? { delivery: describeDelivery(ctx, delivery) } : {}),
    };
  }));
}

type Issue<T> = (ctx: SiteContext, user: User, admin: User, request: RequestInfo, requestId: string | null, tx: Repositories) => Promise<T>;

/** Closes the open request (by id, or the user's if any) and issues the codes the chosen way. */
function issueFor<T>(ctx: SiteContext, target: { requestId: string } | { userId: string }, admin: User, request: RequestInfo, issue: Issue<T>) {
  return ctx.storage.transaction(async (tx) => {
    const open = 'requestId' in target ? await findOpenRequest(target.requestId, tx) : await tx.backupRequests.findOpenForUser(target.userId);
    const user = await requireUser(ctx, 'requestId' in target ? open!.userId : target.userId, tx);
    if (open) await closeRequest(ctx, open, 'issued', tx);
    return { user, result: await issue(ctx, user, admin, request, open?.id ?? null, tx) };
  });
}

/** Approves: the user gets a link to the codes by email. */
export async function issueForRequest(ctx: SiteContext, requestId: string, admin: User, request: RequestInfo): Promise<{ user: User; delivery: BackupDelivery }> {
  const { user, result } = await issueFor(ctx, { requestId }, admin, request, deliverBackupCodes);
  return { user, delivery: result };
}

export async function issueForUser(ctx: SiteContext, userId: string, admin: User, request: RequestInfo): Promise<{ user: User; delivery: BackupDelivery }> {
  const { user, result } = await issueFor(ctx, { userId }, admin, request, deliverBackupCodes);
  return { user, delivery: result };
}

/** The explicit, audited hand-over: the administrator is shown the codes. */
export async function handOverForUser(ctx: SiteContext, target: { requestId: string } | { userId: string }, admin: User, request: RequestInfo): Promise<{ user: User; codes: string[] }> {
  const { user, result } = await issueFor(ctx, target, admin, request, handOverBackupCodes);
  return { user, codes: result };
}

export function denyRequest(ctx: SiteContext, requestId: string, reason: string, admin: User, request: RequestInfo): Promise<BackupCodeRequest> {
  return ctx.storage.transaction(async (tx) => {
    const closed = await closeRequest(ctx, await findOpenRequest(requestId, tx), 'denied', tx, reason);
    await recordAudit(ctx, 'backup_codes_denied', request, { userId: closed.userId, actorId: admin.id, details: { requestId: closed.id } }, tx);
    return closed;
  });
}

export function revokeForUser(ctx: SiteContext, userId: string, admin: User, request: RequestInfo): Promise<number> {
  return ctx.storage.transaction(async (tx) => revokeBackupCodes(ctx, await requireUser(ctx, userId, tx), admin.id, request, tx));
}
