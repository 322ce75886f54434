// Moving the authenticator to a new device without ever turning two-factor authentication off: with the password and
// a current code (or a backup code) the user gets a new secret; the old authenticator keeps working until a code from
// the new one is verified, and then stops. Cancelling, or letting the move run out of time, keeps the old one.
import { recordAudit } from '../audit';
import type { RequestInfo, SiteContext } from '../context';
import { ConflictError } from '../errors';
import { findUserById } from '../accounts/users';
import { sendNotice } from '../notices/notices';
import type { User } from '../storage/rows';
import { confirmPendingSecret, describeSecret, liveMove, makePendingSecret, MOVE_TTL_MS, openPendingSecret, type Enrolment } from './new-secret';
import { changeWithSecondFactor, mfaIsOff, type SecondFactorProof } from './second-factor-proof';

export interface MoveUnderWay extends Enrolment {
  /** When the move runs out: a code from the new authenticator must be verified before then. */
  expiresAt: number;
}

const noMove = () => new ConflictError('no_move_pending', 'There is no move to a new device under way (or it ran out of time): start one again from your account.');

export async function startMove(ctx: SiteContext, signedIn: User, input: SecondFactorProof, request: RequestInfo): Promise<MoveUnderWay> {
  const { secret, pending } = makePendingSecret(ctx, signedIn);
  await changeWithSecondFactor(ctx, signedIn, input, request, 'move_mfa', async (user, proof, tx) => {
    if (!user.totp || !(await tx.users.setPendingTotp(user.id, pending, user.totp.secretBox))) throw mfaIsOff();
    await recordAudit(ctx, 'mfa_move_started', request, { userId: user.id, details: { proof } }, tx);
  });
  return { ...(await describeSecret(signedIn, secret)), expiresAt: pending.createdAt + MOVE_TTL_MS };
}

/** The move under way, to show again (the account page after a reload), or null. */
export async function findMove(ctx: SiteContext, user: User): Promise<MoveUnderWay | null> {
  const pending = liveMove(ctx, user);
  if (!pending) return null;
  return { ...(await describeSecret(user, openPendingSecret(ctx, user, pending))), expiresAt: pending.createdAt + MOVE_TTL_MS };
}

/** A code from the new authenticator: it becomes the account's, and the old one stops working. */
export async function finishMove(ctx: SiteContext, signedIn: User, code: string, request: RequestInfo): Promise<void> {
  const user = (await findUserById(ctx, signedIn.id)) ?? signedIn;
  if (!user.totp) throw mfaIsOff();
  const pending = liveMove(ctx, user);
  if (!pending) throw noMove();
  const totp = confirmPendingSecret(ctx, user, pending, code);
  await ctx.storage.transaction(async (tx) => {
    if (!(await tx.users.replaceTotp(user.id, totp, pending.secretBox))) throw noMove();
    await recordAudit(ctx, 'mfa_moved', request, { userId: user.id }, tx);
    await sendNotice(ctx, user, 'mfa_moved', tx);
  });
}

export async function cancelMove(ctx: SiteContext, signedIn: User, request: RequestInfo): Promise<void> {
  const user = (await findUserById(ctx, signedIn.id)) ?? signedIn;
  const pending = user.totp ? user.pendingTotp : null;
  if (!pending) throw noMove();
  await ctx.storage.transaction(async (tx) => {
    if (!(await tx.users.clearPendingTotp(user.id, pending.secretBox))) throw noMove();
    await recordAudit(ctx, 'mfa_move_cancelled', request, { userId: user.id }, tx);
  });
}

/** When the authenticator last moved to a new device, for the account page; null if it never did. */
export async function lastMovedAt(ctx: SiteContext, user: User): Promise<number | null> {
  const { entries } = await ctx.storage.audit.query({ userId: user.id, type: 'mfa_moved', page: 1, pageSize: 1 });
  return entries[0]?.at ?? null;
}
