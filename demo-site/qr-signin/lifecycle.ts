// Time moves QR sessions on: an unscanned QR dies after 2 minutes, a PIN is replaced after 2 minutes, and nothing
// outlives 10 minutes. Applied on every access and by a periodic sweep (in every process), with the site's clock.
// Every change is made over the version that was read, so of processes racing on one session one makes it.
import { MAX_PIN_ATTEMPTS, PIN_TTL_MS, QR_SESSION_MAX_MS, type ExtensionEvent } from '#shared/protocol/qr-signin.ts';
import { hashToken } from '../crypto/tokens';
import type { QrSession } from '../storage/rows';
import { qrSessionsOf, type QrContext } from './context';
import { generatePin, hashPin, isPinMatch } from './pin';

/**
 * A fresh PIN (with `patch` applied alongside), sent to the extension's channel. Null when the session changed
 * since it was read. The PIN counts as delivered once a process has handed it to the extension's socket.
 */
export async function rotatePin(qr: QrContext, session: QrSession, patch: Partial<QrSession> = {}): Promise<{ session: QrSession; pin: string } | null> {
  let pin = generatePin();
  // A "new" PIN equal to the one it replaces would look to the user like nothing happened.
  while (session.pin && isPinMatch(qr.pinKey, session.id, pin, session.pin.hash)) pin = generatePin();
  const expiresAt = qr.site.now() + PIN_TTL_MS;
  const hash = hashPin(qr.pinKey, session.id, pin);
  const updated = await qrSessionsOf(qr).update(session, { ...patch, pin: { hash, expiresAt, previousHash: session.pin?.hash ?? null, delivered: false } });
  if (!updated) return null;
  if (updated.channelHash) {
    const event: ExtensionEvent = { type: 'pin', pin, pinExpiresAt: expiresAt, attemptsLeft: MAX_PIN_ATTEMPTS - updated.pinFailures };
    await qr.notify.toChannel(updated.channelHash, event, hash);
  }
  return { session: updated, pin };
}

/** Tells the extension how its sign-in ended and closes its socket (the session no longer names the channel). */
export async function endChannel(qr: QrContext, channelHash: string | null, event: ExtensionEvent): Promise<void> {
  if (!channelHash) return;
  await qr.notify.toChannel(channelHash, event);
  await qr.notify.closeChannel(channelHash);
}

/** Brings one session up to date with the clock: the session as it now is, or null when it no longer exists. */
export async function refreshSession(qr: QrContext, session: QrSession): Promise<QrSession | null> {
  const now = qr.site.now();
  const repo = qrSessionsOf(qr);
  if (now >= session.createdAt + QR_SESSION_MAX_MS) {
    if (await repo.remove(session.id)) await endChannel(qr, session.channelHash, { type: 'expired' });
    return null;
  }
  if (session.state === 'waiting' && now >= session.qrExpiresAt) {
    await repo.remove(session.id);
    return null;
  }
  if (session.state === 'scanned' && session.pin && now >= session.pin.expiresAt) {
    const rotated = await rotatePin(qr, session);
    if (rotated) return rotated.session;
    const current = await repo.findByToken(session.tokenHash);
    return current && current.version !== session.version ? refreshSession(qr, current) : null;
  }
  return session;
}

/** The live session behind a token, up to date, or null. One found past its time also tells its page. */
export async function findLiveSession(qr: QrContext, token: string): Promise<QrSession | null> {
  const session = await qrSessionsOf(qr).findByToken(hashToken(token));
  if (!session) return null;
  const live = await refreshSession(qr, session);
  if (!live) await qr.notify.toPage(session.binding, { type: 'expired', qrToken: token });
  return live;
}

export async function sweepQrSessions(qr: QrContext): Promise<void> {
  for (const session of await qrSessionsOf(qr).listDue(qr.site.now(), QR_SESSION_MAX_MS)) await refreshSession(qr, session);
}

/** Applies `patch` to the session behind a channel, reading it again when another request changed it meanwhile. */
async function updateByChannel(qr: QrContext, channelHash: string, patch: (session: QrSession) => Partial<QrSession> | null): Promise<void> {
  const repo = qrSessionsOf(qr);
  for (let attempt = 0; attempt < 5; attempt++) {
    const session = await repo.findByChannel(channelHash);
    const change = session && patch(session);
    if (!session || !change || (await repo.update(session, change))) return;
  }
}

/** The socket holding the channel has sent the PIN whose hash is `pinHash`. */
export async function markPinDelivered(qr: QrContext, channelHash: string, pinHash: string): Promise<void> {
  await updateByChannel(qr, channelHash, (session) => (session.pin?.hash === pinHash && !session.pin.delivered ? { pin: { ...session.pin, delivered: true } } : null));
}

/** The extension's socket (re)joined: a PIN made while it was away (expiry, a wrong guess) never reached it, so it gets a fresh one. */
export async function rejoinChannel(qr: QrContext, channelHash: string): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const session = await qrSessionsOf(qr).findByChannel(channelHash);
    if (!session?.pin || session.pin.delivered || session.state !== 'scanned') return;
    if (await rotatePin(qr, session)) return;
  }
}
