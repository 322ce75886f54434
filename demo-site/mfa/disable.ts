// Turning TOTP off takes the password and a current code (or a backup code). Under MFA_POLICY=required the user must
// then enrol again.
import { recordAudit } from '../audit';
import type { RequestInfo, SiteContext } from '../context';
import { ConflictError } from '../errors';
import { rescopeUserSessions } from '../auth/session';
import type { Repositories } from '../storage/repositories';
import { revokeAllTokens } from '../tokens/refresh';
import type { User } from '../storage/rows';
import { sendNotice } from '../notices/notices';
import { changeWithSecondFactor, type SecondFactorProof } from './second-factor-proof';

export type DisableInput = SecondFactorProof;

const alreadyOff = () => new ConflictError('mfa_not_enabled', 'Two-factor authentication is already off.');

export async function disableTotp(ctx: SiteContext, signedIn: User, input: DisableInput, request: RequestInfo): Promise<void> {
  if (!signedIn.totp) throw alreadyOff();
  await changeWithSecondFactor(ctx, signedIn, input, request, 'disable_mfa', async (user, proof, tx) => {
    if (!(await turnMfaOff(ctx, user, request, proof, tx))) throw alreadyOff();
  });
}

/** Shared by every way of turning MFA off; false when it was off already (another request was first). */
export async function turnMfaOff(ctx: SiteContext, user: User, request: RequestInfo, proof: string, tx: Repositories): Promise<boolean> {
  if (!(await tx.users.disableTotp(user.id))) return false;
  await rescopeUserSessions(ctx, { ...user, totp: null }, tx);
  // Apps signed in with the second factor no longer have one behind them.
  await revokeAllTokens(ctx, user.id, 'mfa_disabled', request, tx);
  await recordAudit(ctx, 'mfa_disabled', request, { userId: user.id, details: { proof } }, tx);
  await sendNotice(ctx, user, 'mfa_disabled', tx);
  return true;
}
