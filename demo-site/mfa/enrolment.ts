// TOTP enrolment: a pending secret (the site's TOTP profile, shared/protocol/totp-profile.ts) becomes active once a code
// from it checks out.
import { randomBytes } from 'node:crypto';
import QRCode from 'qrcode';
import { buildOtpauthUri, encodeBase32 } from '#shared/otp/index.ts';
import { SITE_TOTP } from '#shared/protocol/totp-profile.ts';
import { recordAudit } from '../audit';
import type { RequestInfo, SiteContext } from '../context';
import { ConflictError, ValidationError } from '../errors';
import { openSecret, sealSecret } from '../crypto/secret-box';
import { rescopeUserSessions } from '../auth/session';
import { matchTotpCode, totpPurpose } from '../auth/totp-verify';
import type { User } from '../storage/rows';
import { sendNotice } from '../notices/notices';

export interface Enrolment {
  secret: string;
  otpauthUri: string;
  qrDataUrl: string;
}

/** How long the enrolment page keeps showing the same pending secret before making a new one. */
const PENDING_REUSE_MS = 10 * 60_000;

const noPendingSecret = () => new ConflictError('no_pending_secret', 'There is no authenticator being set up: start again from the enrolment page.');

const pendingPurpose = (userId: string) => `pending-totp:${userId}`;

const mfaAlreadyOn = () => new ConflictError('mfa_already_enabled', 'Two-factor authentication is already on: turn it off first to set up another authenticator.');

function assertMfaOff(user: Pick<User, 'totp'>): void {
  if (user.totp) throw mfaAlreadyOn();
}

function buildEnrolmentUri(user: User, secret: string): string {
  const { issuer, algorithm, digits, period } = SITE_TOTP;
  return buildOtpauthUri({ type: 'totp', issuer, account: user.email, secret, algorithm, digits, period, counter: 0 });
}

/** The otpauth URI of the pending secret (handed to a paired extension), or null when nothing is being set up. */
export function buildPendingOtpauthUri(ctx: SiteContext, user: User): string | null {
  if (!user.pendingTotp || user.totp) return null;
  return buildEnrolmentUri(user, openSecret(ctx.key, user.pendingTotp.secretBox, pendingPurpose(user.id)));
}

async function describeEnrolment(user: User, secret: string): Promise<Enrolment> {
  const otpauthUri = buildEnrolmentUri(user, secret);
  return { secret, otpauthUri, qrDataUrl: await QRCode.toDataURL(otpauthUri, { errorCorrectionLevel: 'M', margin: 2, scale: 5 }) };
}

/** A new pending secret; it replaces an earlier pending one, never an active one. */
export async function generatePendingTotp(ctx: SiteContext, user: User): Promise<Enrolment> {
  assertMfaOff(user);
  const secret = encodeBase32(randomBytes(SITE_TOTP.secretBytes));
  const enrolment = await describeEnrolment(user, secret);
  const pending = { secretBox: sealSecret(ctx.key, secret, pendingPurpose(user.id)), createdAt: ctx.now() };
  if (!(await ctx.storage.users.setPendingTotp(user.id, pending, null))) throw mfaAlreadyOn();
  user.pendingTotp = pending;
  return enrolment;
}

/** For the enrolment page: the recent pending secret if there is one, so reloading does not change the QR. */
export async function currentOrNewPendingTotp(ctx: SiteContext, user: User): Promise<Enrolment> {
  const pending = user.pendingTotp;
  if (!pending || ctx.now() - pending.createdAt >= PENDING_REUSE_MS) return generatePendingTotp(ctx, user);
  return describeEnrolment(user, openSecret(ctx.key, pending.secretBox, pendingPurpose(user.id)));
}

export async function activateTotp(ctx: SiteContext, user: User, code: string, request: RequestInfo): Promise<void> {
  assertMfaOff(user);
  const pending = user.pendingTotp;
  if (!pending) throw noPendingSecret();
  const secret = openSecret(ctx.key, pending.secretBox, pendingPurpose(user.id));
  const totpBox = sealSecret(ctx.key, secret, totpPurpose(user.id));
  const step = matchTotpCode(ctx, { secretBox: totpBox, userId: user.id, lastStep: -1 }, code);
  if (step === null) throw new ValidationError('code', `That code is not right: enter the ${SITE_TOTP.digits} digits your authenticator shows now.`, 'invalid_code');
  const totp = { secretBox: totpBox, lastStep: step };
  await ctx.storage.transaction(async (tx) => {
    // Another request may have activated it, or replaced the pending secret, since the user was read.
    if (!(await tx.users.activateTotp(user.id, totp, pending.secretBox))) {
      const now = await tx.users.findById(user.id);
      assertMfaOff(now ?? user);
      throw noPendingSecret();
    }
    await rescopeUserSessions(ctx, { ...user, totp }, tx);
    await recordAudit(ctx, 'mfa_enabled', request, { userId: user.id, details: { method: 'totp' } }, tx);
    await sendNotice(ctx, user, 'mfa_enabled', tx);
  });
  Object.assign(user, { totp, pendingTotp: null, status: 'active' });
}
