// Time moves QR sessions on: an unscanned QR dies after 2 minutes, a PIN is replaced after 2 minutes, and nothing
// outlives 10 minutes. Applied lazily on every access and by a periodic sweep, both with the site's clock.
import { MAX_PIN_ATTEMPTS, PIN_TTL_MS, QR_SESSION_MAX_MS, type ExtensionEvent } from '#shared/protocol/qr-signin.ts';
import type { QrContext } from './context';
import { generatePin, hashPin, isPinMatch } from './pin';
import type { QrSession } from './registry';

/** A fresh PIN, sent to the extension's channel when it is connected. Returns the PIN for the scan's answer. */
export function rotatePin(qr: QrContext, session: QrSession): string {
  let pin = generatePin();
  // A "new" PIN equal to the one it replaces would look to the user like nothing happened.
  while (session.pin && isPinMatch(qr.pinKey, session.id, pin, session.pin.hash)) pin = generatePin();
  const expiresAt = qr.site.now() + PIN_TTL_MS;
  session.pin = { hash: hashPin(qr.pinKey, session.id, pin), expiresAt, previousHash: session.pin?.hash ?? null, delivered: false };
  if (session.channelHash) {
    const event: ExtensionEvent = { type: 'pin', pin, pinExpiresAt: expiresAt, attemptsLeft: MAX_PIN_ATTEMPTS - session.pinFailures };
    session.pin.delivered = qr.notify.toChannel(session.channelHash, event);
  }
  return pin;
}

/** Tells the extension how it ended and closes its channel; the channel token stops working. */
export function endChannel(qr: QrContext, session: QrSession, event: ExtensionEvent): void {
  if (!session.channelHash) return;
  qr.notify.toChannel(session.channelHash, event);
  qr.notify.closeChannel(session.channelHash);
  qr.registry.dropChannel(session);
  session.channelHash = null;
}

/** Brings one session up to date with the clock. Returns false when it no longer exists. */
export function refreshSession(qr: QrContext, session: QrSession): boolean {
  const now = qr.site.now();
  if (now >= session.createdAt + QR_SESSION_MAX_MS) {
    endChannel(qr, session, { type: 'expired' });
    qr.registry.remove(session);
    return false;
  }
  if (session.state === 'waiting' && now >= session.qrExpiresAt) {
    qr.registry.remove(session);
    return false;
  }
  if (session.state === 'scanned' && session.pin && now >= session.pin.expiresAt) rotatePin(qr, session);
  return true;
}

/** The live session behind a token, up to date, or undefined. One found past its time also tells its page. */
export function findLiveSession(qr: QrContext, token: string): QrSession | undefined {
  const session = qr.registry.findByToken(token);
  if (!session) return undefined;
  if (refreshSession(qr, session)) return session;
  qr.notify.toPage(session.binding, { type: 'expired', qrToken: token });
  return undefined;
}

export function sweepQrSessions(qr: QrContext): void {
  for (const session of qr.registry.all()) refreshSession(qr, session);
}
