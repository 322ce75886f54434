// The extension's scan: a sign-in QR needs the account's current TOTP code (the sign-in rules for replay and lockout
// apply) and answers with a PIN; a pairing QR hands over the pending secret. Either works once.
import type { QrScanRequest, QrScanResponse } from '#shared/protocol/qr-signin.ts';
import { recordAudit } from '../audit';
import type { RequestInfo } from '../context';
import { createToken, hashToken } from '../crypto/tokens';
import { ValidationError } from '../errors';
import { findUserByEmail, findUserById } from '../accounts/users';
import { assertNotLocked, recordFailedAttempt } from '../auth/lockout';
import { matchTotpCode } from '../auth/totp-verify';
import { buildPendingOtpauthUri } from '../mfa/enrolment';
import type { QrContext } from './context';
import { InvalidProofError, QrAlreadyScannedError, QrExpiredError } from './errors';
import { endChannel, findLiveSession, rotatePin } from './lifecycle';
import type { QrSession } from './registry';

export async function scanQr(qr: QrContext, input: QrScanRequest, request: RequestInfo): Promise<QrScanResponse> {
  const session = findLiveSession(qr, input.qrToken);
  if (!session) throw new QrExpiredError();
  if (session.state !== 'waiting') throw await refuseSecondScan(qr, session, input, request);
  return session.kind === 'pair' ? pair(qr, session, input, request) : signIn(qr, session, input, request);
}

/** A QR seen by two scanners may have been copied: a sign-in in progress is withdrawn and the page shows a new QR. */
async function refuseSecondScan(qr: QrContext, session: QrSession, input: QrScanRequest, request: RequestInfo): Promise<Error> {
  recordAudit(qr.site, 'qr_scan_refused', request, { userId: session.userId, details: { qrId: session.id, reason: 'already_scanned', device: input.device } });
  if (session.kind === 'signin' && session.state === 'scanned') {
    endChannel(qr, session, { type: 'expired' });
    qr.registry.remove(session);
    qr.notify.toPage(session.binding, { type: 'rescanned', qrToken: input.qrToken });
  }
  await qr.site.store.save();
  return new QrAlreadyScannedError();
}

async function signIn(qr: QrContext, session: QrSession, input: QrScanRequest, request: RequestInfo): Promise<QrScanResponse> {
  if (!input.email) throw new ValidationError('email', 'email: give the account (email) to sign in as');
  if (!input.code) throw new ValidationError('code', "code: give the account's current code");
  const ctx = qr.site;
  const user = findUserByEmail(ctx, input.email);
  if (!user?.totp) {
    recordAudit(ctx, 'qr_scan_refused', request, { details: { qrId: session.id, reason: 'unknown_account', device: input.device } });
    await ctx.store.save();
    throw new InvalidProofError();
  }
  assertNotLocked(ctx, user);
  const step = matchTotpCode(ctx, { secretBox: user.totp.secretBox, userId: user.id, lastStep: user.totp.lastStep }, input.code);
  if (step === null) {
    const locked = recordFailedAttempt(ctx, user, request, 'qr_totp');
    await ctx.store.save();
    throw locked ?? new InvalidProofError();
  }
  // From the lookup to here nothing awaited: a concurrent scan of the same QR finds it scanned.
  user.totp.lastStep = step;
  session.state = 'scanned';
  session.userId = user.id;
  session.device = input.device;
  const channelToken = createToken();
  qr.registry.setChannel(session, hashToken(channelToken));
  const pin = rotatePin(qr, session);
  session.pin!.delivered = true;
  recordAudit(ctx, 'qr_scanned', request, { userId: user.id, details: { qrId: session.id, device: input.device } });
  await ctx.store.save();
  qr.notify.toPage(session.binding, { type: 'scanned', qrToken: input.qrToken, device: input.device });
  return { kind: 'signin', pin, pinExpiresAt: session.pin!.expiresAt, channelToken };
}

async function pair(qr: QrContext, session: QrSession, input: QrScanRequest, request: RequestInfo): Promise<QrScanResponse> {
  const ctx = qr.site;
  const user = session.userId ? findUserById(ctx, session.userId) : undefined;
  const otpauthUri = user && user.pendingTotp?.secretBox === session.pendingBox ? buildPendingOtpauthUri(ctx, user) : null;
  if (!otpauthUri) {
    qr.registry.remove(session);
    throw new QrExpiredError();
  }
  session.state = 'paired';
  session.device = input.device;
  recordAudit(ctx, 'qr_paired', request, { userId: user!.id, details: { qrId: session.id, device: input.device } });
  await ctx.store.save();
  qr.notify.toPage(session.binding, { type: 'paired', qrToken: input.qrToken, device: input.device });
  return { kind: 'pair', otpauthUri };
}
