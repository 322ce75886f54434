// Checks a TOTP code for a user: +-1 step of drift, and a step once accepted is never accepted again (single use).
import { verifyTotp } from '#shared/otp/index.ts';
import { SITE_TOTP } from '#shared/protocol/totp-profile.ts';
import type { SiteContext } from '../context';
import { openSecret } from '../crypto/secret-box';

export const totpPurpose = (userId: string) => `totp:${userId}`;

/** The matched time step, or null when the code is wrong, stale or already used. */
export function matchTotpCode(ctx: SiteContext, box: { secretBox: string; userId: string; lastStep: number }, code: string): number | null {
  const typed = code.replace(/\s/g, '');
  const { algorithm, digits, period, driftSteps } = SITE_TOTP;
  if (typed.length !== digits || !/^\d+$/.test(typed)) return null;
  const secret = openSecret(ctx.key, box.secretBox, totpPurpose(box.userId));
  const step = verifyTotp({ secret, code: typed, time: Math.floor(ctx.now() / 1000), algorithm, digits, period, window: driftSteps });
  if (step === null || step <= box.lastStep) return null;
  return step;
}
