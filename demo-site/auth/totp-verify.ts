// Checks a TOTP code for a user: +-1 step of drift, and a step once accepted is never accepted again (single use).
import { verifyTotp } from '#shared/otp/index.ts';
import type { SiteContext } from '../context';
import { openSecret } from '../crypto/secret-box';

export const TOTP_ISSUER = 'Tessera Demo';

export const totpPurpose = (userId: string) => `totp:${userId}`;

/** The matched time step, or null when the code is wrong, stale or already used. */
export function matchTotpCode(ctx: SiteContext, box: { secretBox: string; userId: string; lastStep: number }, code: string): number | null {
  const digits = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(digits)) return null;
  const secret = openSecret(ctx.key, box.secretBox, totpPurpose(box.userId));
  const step = verifyTotp({ secret, code: digits, time: Math.floor(ctx.now() / 1000), algorithm: 'SHA1', digits: 6, period: 30, window: 1 });
  if (step === null || step <= box.lastStep) return null;
  return step;
}
