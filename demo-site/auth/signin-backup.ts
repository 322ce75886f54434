// The code step with a backup code in place of a TOTP code.
import type { RequestInfo, SiteContext } from '../context';
import type { User } from '../storage/rows';
import { redeemBackupCode } from '../backup/redeem';
import { assertNotLocked } from './lockout';
import { completeSecondFactor } from './signin-totp';
import { findTicket } from './ticket';

export async function signInWithBackupCode(ctx: SiteContext, input: { ticket: string; code: string }, request: RequestInfo): Promise<{ user: User; sessionId: string }> {
  const { ticket, user } = await findTicket(ctx, input.ticket);
  assertNotLocked(ctx, user);
  return completeSecondFactor(ctx, ticket, user, request, 'backup_code', (tx) => redeemBackupCode(ctx, user, input.code, request, tx));
}
