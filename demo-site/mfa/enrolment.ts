// TOTP enrolment: a pending secret (the site's TOTP profile, shared/protocol/totp-profile.ts) becomes active once a code
// from it checks out.
import { recordAudit } from '../audit';
import type { RequestInfo, SiteContext } from '../context';
import { ConflictError } from '../errors';
import { rescopeUserSessions } from '../auth/session';
import type { User } from '../storage/rows';
import { sendNotice } from '../notices/notices';
import { confirmPendingSecret, describeSecret, makePendingSecret, openPendingSecret, type Enrolment } from './new-secret';

export type { Enrolment } from './new-secret';

/** How long the enrolment page keeps showing the same pending secret before making a new one. */
const PENDING_REUSE_MS = 10 * 60_000;

const noPendingSecret = () => new ConflictError('no_pending_secret', 'There is no authenticator being set up: start again from the enrolment page.');

const mfaAlreadyOn = () => new ConflictError('mfa_already_enabled', 'Two-factor authentication is already on: turn it off first to set up another authenticator.');

function assertMfaOff(user: Pick<User, 'totp'>): void {
  if (user.totp) throw mfaAlreadyOn();
}

export async function generatePendingTotp(ctx: SiteContext, user: User): Promise<Enrolment> {
  assertMfaOff(user);
  const { secret, pending } = makePendingSecret(ctx, user);
  const enrolment = await describeSecret(user, secret);
  if (!(await ctx.storage.users.setPendingTotp(user.id, pending, null))) throw mfaAlreadyOn();
  user.pendingTotp = pending;
  return enrolment;
}

/** For the enrolment page: the recent pending secret if there is one, so reloading does not change the QR. */
export async function currentOrNewPendingTotp(ctx: SiteContext, user: User): Promise<Enrolment> {
  const pending = user.pendingTotp;
  if (!pending || ctx.now() - pending.createdAt >= PENDING_REUSE_MS) return generatePendingTotp(ctx, user);
  return describeSecret(user, openPendingSecret(ctx, user, pending));
}

export async function activateTotp(ctx: SiteContext, user: User, code: string, request: RequestInfo): Promise<void> {
  assertMfaOff(user);
  const pending = user.pendingTotp;
  if (!pending) throw noPendingSecret();
  const totp = confirmPendingSecret(ctx, user, pending, code);
  await ctx.storage.transaction(async (tx) => {
    // Another request may have activated it, or replaced the pending secret, since the user was read.
    if (!(await tx.users.activateTotp(user.id, totp, pending.secretBox))) {
      const now = await tx.users.findById(user.id);
      assertMfaOff(now ?? user);
      throw noPendingSecret();
    }
    await rescopeUserSessions(ctx, { ...user, totp }, tx);
    await recordAudit(ctx, 'mfa_enabled', request, { userId: user.id, details: { method: 'totp' } }, tx);
    await sendNotice(ctx, user, 'mfa_enabled', tx);
  });
  Object.assign(user, { totp, pendingTotp: null, status: 'active' });
}
