// Turning TOTP off takes the password and a current code (or a backup code). Under MFA_POLICY=required the user must
// then enrol again.
import { recordAudit } from '../audit';
import type { RequestInfo, SiteContext } from '../context';
import { AuthenticationError, ConflictError, ValidationError } from '../errors';
import { verifyPassword } from '../accounts/password';
import { findUserById } from '../accounts/users';
import { assertNotLocked, recordFailedAttempt } from '../auth/lockout';
import { rescopeUserSessions } from '../auth/session';
import { matchTotpCode } from '../auth/totp-verify';
import { redeemBackupCode } from '../backup/redeem';
import type { Repositories } from '../storage/repositories';
import { revokeAllTokens } from '../tokens/refresh';
import type { User } from '../storage/rows';
import { sendNotice } from '../notices/notices';

export interface DisableInput {
  password: string;
  /** A current TOTP code, or else a backup code. */
  code?: string;
  backupCode?: string;
}

const alreadyOff = () => new ConflictError('mfa_not_enabled', 'Two-factor authentication is already off.');

async function refuse(ctx: SiteContext, user: User, request: RequestInfo, error: ValidationError): Promise<never> {
  throw (await ctx.storage.transaction((tx) => recordFailedAttempt(ctx, user, request, 'disable_mfa', tx))) ?? error;
}

export async function disableTotp(ctx: SiteContext, signedIn: User, input: DisableInput, request: RequestInfo): Promise<void> {
  if (!signedIn.totp) throw alreadyOff();
  assertNotLocked(ctx, signedIn);
  const passwordOk = await verifyPassword(signedIn.passwordHash, input.password);
  // Read again after the hash: another request may have locked the account or turned MFA off meanwhile.
  const user = await findUserById(ctx, signedIn.id);
  if (!user) throw new AuthenticationError();
  assertNotLocked(ctx, user);
  const totp = user.totp;
  if (!totp) throw alreadyOff();
  if (!passwordOk) await refuse(ctx, user, request, new ValidationError('password', 'That password is not right.', 'invalid_password'));
  if (input.backupCode !== undefined) {
    const code = input.backupCode;
    const done = await ctx.storage.transaction(async (tx) => (await redeemBackupCode(ctx, user, code, request, tx)) && turnMfaOff(ctx, user, request, 'backup_code', tx));
    if (!done) await refuse(ctx, user, request, new ValidationError('backupCode', 'That backup code is not right or was already used.', 'invalid_backup_code'));
    return;
  }
  const step = matchTotpCode(ctx, { secretBox: totp.secretBox, userId: user.id, lastStep: totp.lastStep }, input.code ?? '');
  if (step === null) await refuse(ctx, user, request, new ValidationError('code', 'That code is not right: enter the code your authenticator shows now.', 'invalid_code'));
  if (!(await ctx.storage.transaction((tx) => turnMfaOff(ctx, user, request, 'totp', tx)))) throw alreadyOff();
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
