// Making a QR: a random token (256 bits) the page shows inside a Tessera link, bound to the browser that asked.
import QRCode from 'qrcode';
import { buildQrLink } from '#shared/protocol/qr-link.ts';
import { QR_TTL_MS, type QrIssued } from '#shared/protocol/qr-signin.ts';
import { recordAudit } from '../audit';
import type { RequestInfo } from '../context';
import { createId, createToken, hashToken } from '../crypto/tokens';
import type { Repositories } from '../storage/repositories';
import type { QrKind, QrSession } from '../storage/rows';
import { qrSessionsOf, type QrContext } from './context';
import { QrBusyError } from './errors';

/** Bounds storage whatever the traffic; the per-IP limits keep one client far below it. */
const MAX_LIVE_SESSIONS = 10_000;
/** A browser may show a few QR codes at once (several tabs); older ones are withdrawn. */
const MAX_WAITING_PER_BROWSER = 5;

export interface IssueInput {
  kind: QrKind;
  binding: string;
  origin: string;
  userId?: string;
  pendingBox?: string;
}

export async function issueQr(qr: QrContext, input: IssueInput, request: RequestInfo): Promise<QrIssued> {
  if ((await qrSessionsOf(qr).countLive()) >= MAX_LIVE_SESSIONS) throw new QrBusyError();
  const token = createToken();
  const qrLink = buildQrLink({ kind: input.kind, origin: input.origin, token });
  const qrDataUrl = await QRCode.toDataURL(qrLink, { errorCorrectionLevel: 'M', margin: 2, scale: 5 });
  const now = qr.site.now();
  const session: QrSession = {
    id: createId(),
    kind: input.kind,
    tokenHash: hashToken(token),
    binding: input.binding,
    createdAt: now,
    qrExpiresAt: now + QR_TTL_MS,
    state: 'waiting',
    userId: input.userId ?? null,
    pendingBox: input.pendingBox ?? null,
    device: null,
    pin: null,
    pinFailures: 0,
    channelHash: null,
    version: 0,
  };
  await qr.site.storage.transaction(async (tx) => {
    await withdrawOldest(tx, input);
    await tx.qrSessions.insert(session);
    const type = input.kind === 'signin' ? 'qr_signin_issued' : 'qr_pairing_issued';
    await recordAudit(qr.site, type, request, { userId: input.userId, details: { qrId: session.id } }, tx);
  });
  return { qrToken: token, qrLink, qrDataUrl, expiresAt: now + QR_TTL_MS };
}

async function withdrawOldest(tx: Repositories, input: IssueInput): Promise<void> {
  const waiting = (await tx.qrSessions.listWaiting(input.binding, input.kind)).sort((a, b) => a.createdAt - b.createdAt);
  for (const session of waiting.slice(0, Math.max(0, waiting.length - MAX_WAITING_PER_BROWSER + 1))) await tx.qrSessions.remove(session.id);
}
