// The code step with a backup code in place of a TOTP code.
import type { RequestInfo, SiteContext } from '../context';
import type { User } from '../store/schema';
import { redeemBackupCode } from '../backup/redeem';
import { assertNotLocked } from './lockout';
import { completeSignin } from './signin';
import { rejectSecondFactor } from './signin-totp';
import { consumeTicket, findTicket } from './ticket';

export async function signInWithBackupCode(ctx: SiteContext, input: { ticket: string; code: string }, request: RequestInfo): Promise<{ user: User; sessionId: string }> {
  const { ticket, user } = findTicket(ctx, input.ticket);
  assertNotLocked(ctx, user);
  if (!redeemBackupCode(ctx, user, input.code, request)) throw await rejectSecondFactor(ctx, ticket, user, request, 'backup_code');
  consumeTicket(ctx, ticket);
  return { user, sessionId: await completeSignin(ctx, user, request, 'backup_code') };
}
