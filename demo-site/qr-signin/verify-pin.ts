// The PIN step, in the browser that showed the QR: the right PIN signs that browser in as the account that scanned.
// A wrong or late PIN is replaced at once (pushed to the extension); the fifth wrong one locks the QR sign-in.
import { MAX_PIN_ATTEMPTS, type PinVerifyRequest } from '#shared/protocol/qr-signin.ts';
import { recordAudit } from '../audit';
import type { RequestInfo } from '../context';
import { findUserById } from '../accounts/users';
import { assertMayTry } from '../auth/throttle';
import type { Credential, Delivery } from '../auth/credentials';
import { completeSignin } from '../auth/signin';
import type { QrSession, User } from '../storage/rows';
import { sendNotice } from '../notices/notices';
import { qrSessionsOf, type QrContext } from './context';
import { PinExpiredError, QrExpiredError, QrLockedError, QrNotScannedError, QrOtherBrowserError, WrongPinError } from './errors';
import { endChannel, findLiveSession, rotatePin } from './lifecycle';
import { isPinMatch } from './pin';

/** Another request changed the session between reading and writing it: read it again and decide again. */
const CHANGED = Symbol('changed');
const MAX_TRIES = 5;

type SignedIn = { user: User; credential: Credential };

/** `binding` is the hash of the QR cookie the request carried, or null without one. */
export async function verifyPin(qr: QrContext, input: PinVerifyRequest, binding: string | null, request: RequestInfo, delivery: Delivery = 'session'): Promise<SignedIn> {
  for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
    const outcome = await tryPin(qr, input, binding, request, delivery);
    if (outcome !== CHANGED) return outcome;
  }
  throw new QrExpiredError();
}

async function tryPin(qr: QrContext, input: PinVerifyRequest, binding: string | null, request: RequestInfo, delivery: Delivery): Promise<SignedIn | typeof CHANGED> {
  const ctx = qr.site;
  const session = await findLiveSession(qr, input.qrToken);
  if (!session || session.kind !== 'signin' || session.state === 'done') throw new QrExpiredError();
  if (session.binding !== binding) {
    await recordAudit(ctx, 'qr_pin_refused', request, { userId: session.userId, details: { qrId: session.id, reason: 'other_browser' } });
    throw new QrOtherBrowserError();
  }
  if (session.state === 'waiting') throw new QrNotScannedError();
  if (session.state === 'locked') throw new QrLockedError();
  const user = session.userId ? await findUserById(ctx, session.userId) : null;
  if (!user || !session.pin) throw new QrExpiredError();
  const attempt = await assertMayTry(ctx, { email: user.email, user }, request);
  const pin = input.pin.replace(/\s/g, '');
  if (!isPinMatch(qr.pinKey, session.id, pin, session.pin.hash)) return refusePin(qr, session, input, pin, request);
  const credential = await ctx.storage.transaction(async (tx) => {
    const [done, current] = await Promise.all([tx.qrSessions.update(session, { state: 'done', channelHash: null }), tx.users.findById(user.id)]);
    if (!done) return CHANGED;
    const made = await completeSignin(ctx, { user: current, attempt, method: 'qr', delivery }, request, tx);
    await sendNotice(ctx, user, 'qr_signin', tx, { detail: { device: session.device ?? 'an unnamed device' } });
    return made;
  });
  if (credential === CHANGED) return CHANGED;
  await endChannel(qr, session.channelHash, { type: 'signed-in' });
  return { user, credential };
}

async function refusePin(qr: QrContext, session: QrSession, input: PinVerifyRequest, pin: string, request: RequestInfo): Promise<typeof CHANGED> {
  const ctx = qr.site;
  const subject = { userId: session.userId, details: { qrId: session.id } };
  const previous = session.pin?.previousHash;
  if (previous && isPinMatch(qr.pinKey, session.id, pin, previous)) {
    // The PIN that was shown, entered after it was replaced: a late entry, not a guess.
    await recordAudit(ctx, 'qr_pin_expired', request, subject);
    throw new PinExpiredError();
  }
  const pinFailures = session.pinFailures + 1;
  const attemptsLeft = MAX_PIN_ATTEMPTS - pinFailures;
  if (attemptsLeft > 0) {
    if (!(await rotatePin(qr, session, { pinFailures }))) return CHANGED;
    await recordAudit(ctx, 'qr_pin_failure', request, { ...subject, details: { ...subject.details, attemptsLeft } });
    throw new WrongPinError(attemptsLeft);
  }
  const locked = await qrSessionsOf(qr).update(session, { state: 'locked', pin: null, pinFailures, channelHash: null });
  if (!locked) return CHANGED;
  await recordAudit(ctx, 'qr_pin_failure', request, { ...subject, details: { ...subject.details, attemptsLeft } });
  await endChannel(qr, session.channelHash, { type: 'locked' });
  await qr.notify.toPage(session.binding, { type: 'locked', qrToken: input.qrToken });
  await recordAudit(ctx, 'qr_locked', request, subject);
  throw new QrLockedError();
}
