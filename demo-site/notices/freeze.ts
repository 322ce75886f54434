// "This wasn't me": the link in every notice freezes the account (after one confirmation on its page): no sign-in,
// every session and sign-in under way ended, device cookies and pending recovery dropped, and the account waits in
// the administrator's queue (/admin). Only an administrator unfreezes it; that is audited, and the owner is told
// with a link to choose a new password.
import { recordAudit } from '../audit';
import type { RequestInfo, SiteContext } from '../context';
import { NotFoundError } from '../errors';
import { findUserById } from '../accounts/users';
import { endAccountSessions } from '../auth/end-sessions';
import { checkLink, createLink, useLink } from '../mail/links';
import { MESSAGES } from '../mail/messages';
import { enqueueMail } from '../mail/queue';
import type { Repositories } from '../storage/repositories';
import type { User } from '../storage/rows';

export function checkNotMeLink(ctx: SiteContext, token: string) {
  return checkLink(ctx, token, ['not_me']);
}

async function freeze(ctx: SiteContext, user: User, by: { actorId: string | null; notice?: string | null }, request: RequestInfo, tx: Repositories): Promise<void> {
  const frozenNow = await tx.users.freeze(user.id, ctx.now());
  await endAccountSessions(ctx, user.id, { reason: 'account_frozen' }, request, tx);
  await tx.devices.deleteForUser(user.id);
  for (const purpose of ['reset_password', 'recovery_confirm', 'backup_codes'] as const) await tx.linkTokens.deleteUnused(user.id, purpose);
  const recovery = await tx.recoveries.findOpenForUser(user.id);
  if (recovery) await tx.recoveries.transition(recovery.id, ['awaiting_email', 'waiting'], { state: 'cancelled', closedAt: ctx.now(), closedBy: by.actorId ?? user.id });
  await recordAudit(ctx, 'account_frozen', request, {
    userId: user.id, actorId: by.actorId, details: { by: by.actorId ? 'admin' : 'owner', notice: by.notice ?? null, already: !frozenNow, recoveryCancelled: recovery?.id ?? null },
  }, tx);
}

/** The owner's confirmation on the "This wasn't me" page. */
export async function freezeByOwner(ctx: SiteContext, token: string, request: RequestInfo): Promise<User> {
  return ctx.storage.transaction(async (tx) => {
    const link = await useLink(ctx, token, 'not_me', tx);
    const user = await findUserById(ctx, link.userId, tx);
    if (!user) throw new NotFoundError('user_not_found', 'This account no longer exists.');
    await freeze(ctx, user, { actorId: null, notice: link.subject }, request, tx);
    return user;
  });
}

export async function freezeByAdmin(ctx: SiteContext, userId: string, admin: User, request: RequestInfo): Promise<void> {
  await ctx.storage.transaction(async (tx) => {
    const user = await findUserById(ctx, userId, tx);
    if (!user) throw new NotFoundError('user_not_found', 'There is no user with this id.');
    await freeze(ctx, user, { actorId: admin.id }, request, tx);
  });
}

export async function unfreezeAccount(ctx: SiteContext, userId: string, admin: User, request: RequestInfo): Promise<boolean> {
  return ctx.storage.transaction(async (tx) => {
    const user = await findUserById(ctx, userId, tx);
    if (!user) throw new NotFoundError('user_not_found', 'There is no user with this id.');
    if (!(await tx.users.unfreeze(user.id))) return false;
    const reset = await createLink(ctx, { purpose: 'reset_password', userId: user.id, subject: user.email }, tx);
    await enqueueMail(ctx, { kind: 'account_unfrozen', to: user.email, userId: user.id, content: MESSAGES.accountUnfrozen(reset) }, tx);
    await recordAudit(ctx, 'account_unfrozen', request, { userId: user.id, actorId: admin.id, details: { frozenAt: user.frozenAt } }, tx);
    return true;
  });
}

export interface FrozenView { id: string; email: string; frozenAt: number }

export async function listFrozen(ctx: SiteContext): Promise<FrozenView[]> {
  return (await ctx.storage.users.listFrozen(500)).map((user) => ({ id: user.id, email: user.email, frozenAt: user.frozenAt! }));
}
