// Changing the second factor itself (turning it off, moving it to a new device) takes the password and a current code,
// or a backup code. Wrong ones count toward the lockout. The code is used up in the transaction that makes the change,
// so it can be replayed nowhere, and is not lost when the change does not happen.
import type { RequestInfo, SiteContext } from '../context';
import { ConflictError, ValidationError } from '../errors';
import { confirmPassword } from '../accounts/confirm-password';
import { recordFailedAttempt } from '../auth/throttle';
import { matchTotpCode } from '../auth/totp-verify';
import { redeemBackupCode } from '../backup/redeem';
import type { Repositories } from '../storage/repositories';
import type { User } from '../storage/rows';

export interface SecondFactorProof {
  password: string;
  /** A current TOTP code, or else a backup code. */
  code?: string;
  backupCode?: string;
}

export type ProofKind = 'totp' | 'backup_code';

export const mfaIsOff = () => new ConflictError('mfa_not_enabled', 'Two-factor authentication is off.');

/**
 * Checks the proof and runs `change` in the transaction that uses the code up (it throws to undo both). `action` names
 * the failures in the audit log.
 */
export async function changeWithSecondFactor<T>(
  ctx: SiteContext, signedIn: User, input: SecondFactorProof, request: RequestInfo, action: string,
  change: (user: User, proof: ProofKind, tx: Repositories) => Promise<T>,
): Promise<T> {
  if (!signedIn.totp) throw mfaIsOff();
  const attempt = await confirmPassword(ctx, signedIn, input.password, request, action);
  const { user } = attempt;
  const totp = user.totp;
  if (!totp) throw mfaIsOff();
  const proof: ProofKind = input.backupCode !== undefined ? 'backup_code' : 'totp';
  const step = proof === 'totp' ? matchTotpCode(ctx, { secretBox: totp.secretBox, userId: user.id, lastStep: totp.lastStep }, input.code ?? '') : null;
  const spend = (tx: Repositories) =>
    proof === 'backup_code' ? redeemBackupCode(ctx, user, input.backupCode ?? '', request, tx) : step !== null && tx.users.advanceTotpStep(user.id, step);
  const done = await ctx.storage.transaction(async (tx) => ((await spend(tx)) ? { value: await change(user, proof, tx) } : null));
  if (done) return done.value;
  const wrong = proof === 'backup_code'
    ? new ValidationError('backupCode', 'That backup code is not right or was already used.', 'invalid_backup_code')
    : new ValidationError('code', 'That code is not right: enter the code your authenticator shows now.', 'invalid_code');
  throw (await ctx.storage.transaction((tx) => recordFailedAttempt(ctx, attempt, request, action, tx))) ?? wrong;
}
