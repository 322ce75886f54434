// The PIN step, in the browser that showed the QR: the right PIN signs that browser in as the account that scanned.
// A wrong or late PIN is replaced at once (pushed to the extension); the fifth wrong one locks the QR sign-in.
import { MAX_PIN_ATTEMPTS, type PinVerifyRequest } from '#shared/protocol/qr-signin.ts';
import { recordAudit } from '../audit';
import type { RequestInfo } from '../context';
import { findUserById } from '../accounts/users';
import { assertNotLocked } from '../auth/lockout';
import { completeSignin } from '../auth/signin';
import type { User } from '../store/schema';
import type { QrContext } from './context';
import { PinExpiredError, QrExpiredError, QrLockedError, QrNotScannedError, QrOtherBrowserError, WrongPinError } from './errors';
import { endChannel, findLiveSession, rotatePin } from './lifecycle';
import { isPinMatch } from './pin';
import type { QrSession } from './registry';

/** `binding` is the hash of the QR cookie the request carried, or null without one. */
export async function verifyPin(qr: QrContext, input: PinVerifyRequest, binding: string | null, request: RequestInfo): Promise<{ user: User; sessionId: string }> {
  const ctx = qr.site;
  const session = findLiveSession(qr, input.qrToken);
  if (!session || session.kind !== 'signin' || session.state === 'done') throw new QrExpiredError();
  if (session.binding !== binding) {
    recordAudit(ctx, 'qr_pin_refused', request, { userId: session.userId, details: { qrId: session.id, reason: 'other_browser' } });
    await ctx.store.save();
    throw new QrOtherBrowserError();
  }
  if (session.state === 'waiting') throw new QrNotScannedError();
  if (session.state === 'locked') throw new QrLockedError();
  const user = session.userId ? findUserById(ctx, session.userId) : undefined;
  if (!user || !session.pin) throw new QrExpiredError();
  assertNotLocked(ctx, user);
  const pin = input.pin.replace(/\s/g, '');
  if (!isPinMatch(qr.pinKey, session.id, pin, session.pin.hash)) throw await refusePin(qr, session, input, pin, request);
  session.state = 'done';
  endChannel(qr, session, { type: 'signed-in' });
  return { user, sessionId: await completeSignin(ctx, user, request, 'qr') };
}

async function refusePin(qr: QrContext, session: QrSession, input: PinVerifyRequest, pin: string, request: RequestInfo): Promise<Error> {
  const ctx = qr.site;
  const previous = session.pin?.previousHash;
  if (previous && isPinMatch(qr.pinKey, session.id, pin, previous)) {
    // The PIN that was shown, entered after it was replaced: a late entry, not a guess.
    recordAudit(ctx, 'qr_pin_expired', request, { userId: session.userId, details: { qrId: session.id } });
    await ctx.store.save();
    return new PinExpiredError();
  }
  session.pinFailures += 1;
  const attemptsLeft = MAX_PIN_ATTEMPTS - session.pinFailures;
  recordAudit(ctx, 'qr_pin_failure', request, { userId: session.userId, details: { qrId: session.id, attemptsLeft } });
  if (attemptsLeft > 0) {
    rotatePin(qr, session);
    await ctx.store.save();
    return new WrongPinError(attemptsLeft);
  }
  session.state = 'locked';
  session.pin = null;
  endChannel(qr, session, { type: 'locked' });
  qr.notify.toPage(session.binding, { type: 'locked', qrToken: input.qrToken });
  recordAudit(ctx, 'qr_locked', request, { userId: session.userId, details: { qrId: session.id } });
  await ctx.store.save();
  return new QrLockedError();
}
