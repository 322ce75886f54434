// The extension's scan: a sign-in QR needs the account's current TOTP code (the sign-in rules for replay and lockout
// apply) and answers with a PIN; a pairing QR hands over the pending secret. Either works once.
import { PIN_TTL_MS, type QrScanRequest, type QrScanResponse } from '#shared/protocol/qr-signin.ts';
import { recordAudit } from '../audit';
import type { RequestInfo } from '../context';
import { createToken, hashToken } from '../crypto/tokens';
import { AccountFrozenError, ValidationError } from '../errors';
import { findUserByEmail, findUserById } from '../accounts/users';
import { assertMayTry, recordFailedAttempt, type AccountAttempt } from '../auth/throttle';
import { matchTotpCode } from '../auth/totp-verify';
import { buildPendingOtpauthUri } from '../mfa/new-secret';
import type { QrSession, User } from '../storage/rows';
import { qrSessionsOf, type QrContext } from './context';
import { InvalidProofError, QrAlreadyScannedError, QrExpiredError } from './errors';
import { endChannel, findLiveSession } from './lifecycle';
import { generatePin, hashPin } from './pin';

export async function scanQr(qr: QrContext, input: QrScanRequest, request: RequestInfo): Promise<QrScanResponse> {
  const session = await findLiveSession(qr, input.qrToken);
  if (!session) throw new QrExpiredError();
  if (session.state !== 'waiting') throw await refuseSecondScan(qr, session, input, request);
  try {
    return await (session.kind === 'pair' ? pair(qr, session, input, request) : signIn(qr, session, input, request));
  } catch (error) {
    // Another scan of the same QR got there first.
    if (!(error instanceof QrAlreadyScannedError)) throw error;
    throw await refuseSecondScan(qr, (await qrSessionsOf(qr).findByToken(session.tokenHash)) ?? session, input, request);
  }
}

/** A QR seen by two scanners may have been copied: a sign-in in progress is withdrawn and the page shows a new QR. */
async function refuseSecondScan(qr: QrContext, session: QrSession, input: QrScanRequest, request: RequestInfo): Promise<Error> {
  await recordAudit(qr.site, 'qr_scan_refused', request, { userId: session.userId, details: { qrId: session.id, reason: 'already_scanned', device: input.device } });
  if (session.kind === 'signin' && session.state === 'scanned' && (await qrSessionsOf(qr).remove(session.id))) {
    await endChannel(qr, session.channelHash, { type: 'expired' });
    await qr.notify.toPage(session.binding, { type: 'rescanned', qrToken: input.qrToken });
  }
  return new QrAlreadyScannedError();
}

async function refuseProof(qr: QrContext, attempt: AccountAttempt, request: RequestInfo): Promise<Error> {
  return (await qr.site.storage.transaction((tx) => recordFailedAttempt(qr.site, attempt, request, 'qr_totp', tx))) ?? new InvalidProofError();
}

async function signIn(qr: QrContext, session: QrSession, input: QrScanRequest, request: RequestInfo): Promise<QrScanResponse> {
  if (!input.email) throw new ValidationError('email', 'email: give the account (email) to sign in as');
  if (!input.code) throw new ValidationError('code', "code: give the account's current code");
  const ctx = qr.site;
  const user = await findUserByEmail(ctx, input.email);
  if (!user?.totp) {
    await recordAudit(ctx, 'qr_scan_refused', request, { details: { qrId: session.id, reason: 'unknown_account', device: input.device } });
    throw new InvalidProofError();
  }
  const attempt = await assertMayTry(ctx, { email: user.email, user }, request);
  const step = matchTotpCode(ctx, { secretBox: user.totp.secretBox, userId: user.id, lastStep: user.totp.lastStep }, input.code);
  if (step === null) throw await refuseProof(qr, attempt, request);
  if (user.frozenAt !== null) throw new AccountFrozenError();
  const channelToken = createToken();
  const pin = generatePin();
  const pinExpiresAt = ctx.now() + PIN_TTL_MS;
  const scanned = await ctx.storage.transaction(async (tx) => {
    // The code is used up here, once, whichever process sees it first (the sign-in's replay rule).
    if (!(await tx.users.advanceTotpStep(user.id, step))) return false;
    const updated = await tx.qrSessions.update(session, {
      state: 'scanned', userId: user.id, device: input.device, channelHash: hashToken(channelToken),
      pin: { hash: hashPin(qr.pinKey, session.id, pin), expiresAt: pinExpiresAt, previousHash: null, delivered: true },
    });
    if (!updated) throw new QrAlreadyScannedError();
    await recordAudit(ctx, 'qr_scanned', request, { userId: user.id, details: { qrId: session.id, device: input.device } }, tx);
    return true;
  });
  if (!scanned) throw await refuseProof(qr, attempt, request);
  await qr.notify.toPage(session.binding, { type: 'scanned', qrToken: input.qrToken, device: input.device });
  return { kind: 'signin', pin, pinExpiresAt, channelToken };
}

async function pair(qr: QrContext, session: QrSession, input: QrScanRequest, request: RequestInfo): Promise<QrScanResponse> {
  const ctx = qr.site;
  const user = session.userId ? await findUserById(ctx, session.userId) : null;
  const otpauthUri = user && user.pendingTotp?.secretBox === session.pendingBox ? buildPendingOtpauthUri(ctx, user) : null;
  if (!user || !otpauthUri) {
    await qrSessionsOf(qr).remove(session.id);
    throw new QrExpiredError();
  }
  await ctx.storage.transaction(async (tx) => {
    if (!(await tx.qrSessions.update(session, { state: 'paired', device: input.device }))) throw new QrAlreadyScannedError();
    await recordAudit(ctx, 'qr_paired', request, { userId: user.id, details: { qrId: session.id, device: input.device } }, tx);
  });
  await qr.notify.toPage(session.binding, { type: 'paired', qrToken: input.qrToken, device: input.device });
  return { kind: 'pair', otpauthUri };
}
