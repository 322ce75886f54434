// The secret of a new authenticator being set up, kept sealed as the account's pending secret until a code from it is
// verified: at enrolment (TOTP off) or when moving to a new device (TOTP on, the old secret still working meanwhile).
import { randomBytes } from 'node:crypto';
import QRCode from 'qrcode';
import { buildOtpauthUri, encodeBase32 } from '#shared/otp/index.ts';
import { SITE_TOTP } from '#shared/protocol/totp-profile.ts';
import type { SiteContext } from '../context';
import { openSecret, sealSecret } from '../crypto/secret-box';
import { matchTotpCode, totpPurpose } from '../auth/totp-verify';
import { ValidationError } from '../errors';
import type { PendingTotp, TotpState, User } from '../storage/rows';

export interface Enrolment {
  secret: string;
  otpauthUri: string;
  qrDataUrl: string;
}

/** How long a move to a new device may take from proving the old factor to verifying the new one. */
export const MOVE_TTL_MS = 15 * 60_000;

const pendingPurpose = (userId: string) => `pending-totp:${userId}`;

export function makePendingSecret(ctx: SiteContext, user: User): { secret: string; pending: PendingTotp } {
  const secret = encodeBase32(randomBytes(SITE_TOTP.secretBytes));
  return { secret, pending: { secretBox: sealSecret(ctx.key, secret, pendingPurpose(user.id)), createdAt: ctx.now() } };
}

export function openPendingSecret(ctx: SiteContext, user: User, pending: PendingTotp): string {
  return openSecret(ctx.key, pending.secretBox, pendingPurpose(user.id));
}

function buildEnrolmentUri(user: User, secret: string): string {
  const { issuer, algorithm, digits, period } = SITE_TOTP;
  return buildOtpauthUri({ type: 'totp', issuer, account: user.email, secret, algorithm, digits, period, counter: 0 });
}

/** The QR code, the key as text and the otpauth URI of a secret, for the user to add to an authenticator. */
export async function describeSecret(user: User, secret: string): Promise<Enrolment> {
  const otpauthUri = buildEnrolmentUri(user, secret);
  return { secret, otpauthUri, qrDataUrl: await QRCode.toDataURL(otpauthUri, { errorCorrectionLevel: 'M', margin: 2, scale: 5 }) };
}

/** What the pending secret becomes once `code`, from the new authenticator, checks out; an invalid_code error otherwise. */
export function confirmPendingSecret(ctx: SiteContext, user: User, pending: PendingTotp, code: string): TotpState {
  const totpBox = sealSecret(ctx.key, openPendingSecret(ctx, user, pending), totpPurpose(user.id));
  const step = matchTotpCode(ctx, { secretBox: totpBox, userId: user.id, lastStep: -1 }, code);
  if (step === null) throw new ValidationError('code', `That code is not right: enter the ${SITE_TOTP.digits} digits your authenticator shows now.`, 'invalid_code');
  return { secretBox: totpBox, lastStep: step };
}

/** A move to a new device under way and still in time, or null. */
export function liveMove(ctx: SiteContext, user: User): PendingTotp | null {
  const pending = user.pendingTotp;
  if (!user.totp || !pending || ctx.now() - pending.createdAt >= MOVE_TTL_MS) return null;
  return pending;
}

/** The secret being set up that a pairing QR may hand out: an enrolment's, or a live move's. */
export function pairablePendingTotp(ctx: SiteContext, user: User): PendingTotp | null {
  return user.totp ? liveMove(ctx, user) : user.pendingTotp;
}

/** The otpauth URI of the pending secret (handed to a paired extension), or null when nothing is being set up. */
export function buildPendingOtpauthUri(ctx: SiteContext, user: User): string | null {
  const pending = pairablePendingTotp(ctx, user);
  return pending ? buildEnrolmentUri(user, openPendingSecret(ctx, user, pending)) : null;
}
