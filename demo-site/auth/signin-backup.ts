// The code step with a backup code in place of a TOTP code.
import type { RequestInfo, SiteContext } from '../context';
import type { User } from '../storage/rows';
import { redeemBackupCode } from '../backup/redeem';
import { assertMayTry } from './throttle';
import type { Credential } from './credentials';
import { completeSecondFactor, type CodeStepInput } from './signin-totp';
import { findTicket } from './ticket';

export async function signInWithBackupCode(ctx: SiteContext, input: CodeStepInput, request: RequestInfo): Promise<{ user: User; credential: Credential }> {
  const { ticket, user } = await findTicket(ctx, input.ticket);
  const attempt = await assertMayTry(ctx, { email: user.email, user }, request);
  return completeSecondFactor(ctx, ticket, attempt, request, 'backup_code', input.tokens, (tx) => redeemBackupCode(ctx, user, input.code, request, tx));
}
