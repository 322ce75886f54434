// How a recovery ends: cancelled (by the owner's link, at a sign-in, by an administrator), or completed once its wait
// is over (at the next sign-in or the site's sweep) or when an administrator approves it early. Completing turns MFA
// off, revokes backup codes, ends every session, and makes the next sign-in enrol a new authenticator.
import { recordAudit } from '../audit';
import type { RequestInfo, SiteContext } from '../context';
import { ConflictError, NotFoundError } from '../errors';
import { endAccountSessions } from '../auth/end-sessions';
import { findTicket } from '../auth/ticket';
import { checkLink, LinkError, useLink } from '../mail/links';
import { sendNotice } from '../notices/notices';
import type { Repositories } from '../storage/repositories';
import type { Recovery, User } from '../storage/rows';

const OPEN = ['awaiting_email', 'waiting'] as const;
const SYSTEM = { ip: '', userAgent: 'site' };

async function cancel(ctx: SiteContext, recovery: Recovery, by: { actorId: string; via: string }, request: RequestInfo, tx: Repositories): Promise<boolean> {
  const closed = await tx.recoveries.transition(recovery.id, [...OPEN], { state: 'cancelled', closedAt: ctx.now(), closedBy: by.actorId });
  if (!closed) return false;
  await tx.linkTokens.deleteUnused(recovery.userId, 'recovery_confirm');
  await recordAudit(ctx, 'recovery_cancelled', request, { userId: recovery.userId, actorId: by.actorId, details: { recoveryId: recovery.id, via: by.via } }, tx);
  return true;
}

export function checkCancelLink(ctx: SiteContext, token: string) {
  return checkLink(ctx, token, ['recovery_cancel']);
}

/** "Cancel this recovery" from the notice email. */
export async function cancelRecoveryByLink(ctx: SiteContext, token: string, request: RequestInfo): Promise<void> {
  await ctx.storage.transaction(async (tx) => {
    const link = await useLink(ctx, token, 'recovery_cancel', tx);
    const recovery = await tx.recoveries.find(link.subject ?? '');
    if (!recovery || !(await cancel(ctx, recovery, { actorId: link.userId, via: 'email' }, request, tx))) {
      throw new LinkError('recovery_closed', 'This recovery had already ended: nothing was changed.');
    }
  });
}

/** "Cancel this recovery" at a sign-in: from the code step (the password proven) or signed in. */
export async function cancelRecoveryOf(ctx: SiteContext, user: Pick<User, 'id'>, request: RequestInfo): Promise<boolean> {
  return ctx.storage.transaction(async (tx) => {
    const recovery = await tx.recoveries.findOpenForUser(user.id);
    return recovery !== null && cancel(ctx, recovery, { actorId: user.id, via: 'signin' }, request, tx);
  });
}

export async function cancelRecoveryAtCodeStep(ctx: SiteContext, ticketToken: string, request: RequestInfo): Promise<boolean> {
  return cancelRecoveryOf(ctx, (await findTicket(ctx, ticketToken)).user, request);
}

async function complete(ctx: SiteContext, recovery: Recovery, by: string | null, request: RequestInfo, tx: Repositories): Promise<User | null> {
  const done = await tx.recoveries.transition(recovery.id, ['waiting'], { state: 'completed', closedAt: ctx.now(), closedBy: by });
  const user = done && (await tx.users.findById(recovery.userId));
  if (!user) return null;
  await tx.users.disableTotp(user.id, { enrolAgain: true });
  const revoked = await tx.backupCodes.replaceForUser(user.id, []);
  await tx.backupDeliveries.dropForUser(user.id);
  await endAccountSessions(ctx, user.id, { reason: 'recovery_completed' }, request, tx);
  await sendNotice(ctx, user, 'recovery_completed', tx);
  await recordAudit(ctx, 'recovery_completed', request, { userId: user.id, actorId: by, details: { recoveryId: recovery.id, early: by !== null, backupCodesRevoked: revoked } }, tx);
  return { ...user, totp: null, pendingTotp: null, enrolRequired: true };
}

/** At the password step, in its transaction, with the user's open recovery: one whose wait is over completes now; the user as it then is. */
export async function completeIfDue(ctx: SiteContext, user: User, recovery: Recovery | null, request: RequestInfo, tx: Repositories): Promise<User> {
  if (recovery?.state !== 'waiting' || recovery.readyAt! > ctx.now()) return user;
  return (await complete(ctx, recovery, null, request, tx)) ?? (await tx.users.findById(user.id)) ?? user;
}

/** The sweep: every recovery whose wait is over. */
export async function completeDueRecoveries(ctx: SiteContext): Promise<number> {
  const due = (await ctx.storage.recoveries.listOpen(500)).filter((r) => r.state === 'waiting' && r.readyAt! <= ctx.now());
  let done = 0;
  for (const recovery of due) if (await ctx.storage.transaction((tx) => complete(ctx, recovery, null, SYSTEM, tx))) done++;
  return done;
}

export async function approveRecovery(ctx: SiteContext, recoveryId: string, admin: User, request: RequestInfo): Promise<void> {
  const recovery = await ctx.storage.recoveries.find(recoveryId);
  if (!recovery) throw new NotFoundError('recovery_not_found', 'There is no recovery with this id.');
  if (recovery.state !== 'waiting') throw new ConflictError('recovery_not_waiting', 'Only a recovery confirmed from its email can be approved; this one is not.');
  if (!(await ctx.storage.transaction((tx) => complete(ctx, recovery, admin.id, request, tx)))) throw new ConflictError('recovery_closed', 'This recovery has already ended.');
}

export async function cancelRecoveryByAdmin(ctx: SiteContext, recoveryId: string, admin: User, request: RequestInfo): Promise<void> {
  const recovery = await ctx.storage.recoveries.find(recoveryId);
  if (!recovery) throw new NotFoundError('recovery_not_found', 'There is no recovery with this id.');
  const cancelled = await ctx.storage.transaction((tx) => cancel(ctx, recovery, { actorId: admin.id, via: 'admin' }, request, tx));
  if (!cancelled) throw new ConflictError('recovery_closed', 'This recovery has already ended.');
}

export interface RecoveryView { id: string; user: { id: string; email: string }; state: Recovery['state']; createdAt: number; readyAt: number | null; ip: string }

export async function listRecoveries(ctx: SiteContext): Promise<RecoveryView[]> {
  return (await ctx.storage.recoveries.listOpen(500)).map((r) => ({
    id: r.id, user: { id: r.userId, email: r.userEmail ?? '(deleted)' }, state: r.state, createdAt: r.createdAt, readyAt: r.readyAt, ip: r.ip,
  }));
}
