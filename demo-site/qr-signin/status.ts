// Where a QR stands, for the page that showed it (after its WebSocket reconnects it may have missed an event).
import { MAX_PIN_ATTEMPTS, type QrStatusAnswer } from '#shared/protocol/qr-signin.ts';
import type { QrContext } from './context';
import { findLiveSession } from './lifecycle';

/** Only the browser that owns the QR learns anything; to anyone else it looks expired. */
export async function describeQr(qr: QrContext, token: string, bindings: readonly string[]): Promise<QrStatusAnswer> {
  const session = await findLiveSession(qr, token);
  if (!session || !bindings.includes(session.binding)) return { state: 'expired' };
  if (session.state === 'waiting') return { state: 'waiting' };
  return { state: session.state, device: session.device ?? undefined, attemptsLeft: session.kind === 'signin' ? MAX_PIN_ATTEMPTS - session.pinFailures : undefined };
}
