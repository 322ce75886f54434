// Turning TOTP off takes the password and a current code. Under MFA_POLICY=required the user must then enrol again.
import { recordAudit } from '../audit';
import type { RequestInfo, SiteContext } from '../context';
import { ConflictError, ValidationError } from '../errors';
import { verifyPassword } from '../accounts/password';
import { assertNotLocked, recordFailedAttempt } from '../auth/lockout';
import { rescopeUserSessions } from '../auth/session';
import { matchTotpCode } from '../auth/totp-verify';
import { redeemBackupCode } from '../backup/redeem';
import type { User } from '../store/schema';

export interface DisableInput {
  password: string;
  /** A current TOTP code, or else a backup code. */
  code?: string;
  backupCode?: string;
}

async function refuse(ctx: SiteContext, user: User, request: RequestInfo, error: ValidationError): Promise<never> {
  const locked = recordFailedAttempt(ctx, user, request, 'disable_mfa');
  await ctx.store.save();
  throw locked ?? error;
}

export async function disableTotp(ctx: SiteContext, user: User, input: DisableInput, request: RequestInfo): Promise<void> {
  if (!user.totp) throw new ConflictError('mfa_not_enabled', 'Two-factor authentication is already off.');
  assertNotLocked(ctx, user);
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    await refuse(ctx, user, request, new ValidationError('password', 'That password is not right.', 'invalid_password'));
  }
  // Checked again after the hash: another request may have locked the account or turned MFA off meanwhile.
  assertNotLocked(ctx, user);
  const totp = user.totp;
  if (!totp) throw new ConflictError('mfa_not_enabled', 'Two-factor authentication is already off.');
  if (input.backupCode !== undefined) {
    if (!redeemBackupCode(ctx, user, input.backupCode, request)) {
      await refuse(ctx, user, request, new ValidationError('backupCode', 'That backup code is not right or was already used.', 'invalid_backup_code'));
    }
    turnMfaOff(ctx, user, request, 'backup_code');
    await ctx.store.save();
    return;
  }
  const step = matchTotpCode(ctx, { secretBox: totp.secretBox, userId: user.id, lastStep: totp.lastStep }, input.code ?? '');
  if (step === null) await refuse(ctx, user, request, new ValidationError('code', 'That code is not right: enter the code your authenticator shows now.', 'invalid_code'));
  turnMfaOff(ctx, user, request, 'totp');
  await ctx.store.save();
}

/** Shared by every way of turning MFA off. */
export function turnMfaOff(ctx: SiteContext, user: User, request: RequestInfo, proof: string): void {
  user.totp = null;
  user.pendingTotp = null;
  user.failedAttempts = 0;
  rescopeUserSessions(ctx, user);
  recordAudit(ctx, 'mfa_disabled', request, { userId: user.id, details: { proof } });
}
