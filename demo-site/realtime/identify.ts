// Who is opening a WebSocket at /ws. The extension: subprotocols `tessera.channel, <token>` of a sign-in at its PIN
// step (the token is the credential, whatever its Origin; it never travels in the URL). A page: the site's own Origin and a cookie that owns something (QR cookie or session).
import type { IncomingMessage } from 'node:http';
import type { QrContext } from '../qr-signin/context';
import { toQrCookieBinding, toSessionBinding } from '../qr-signin/binding';
import { refreshSession } from '../qr-signin/lifecycle';
import { qrSessionsOf } from '../qr-signin/context';
import type { QrSession } from '../storage/rows';
import { resolveSession } from '../auth/session';
import { hashToken } from '../crypto/tokens';
import { QR_COOKIE, readCookie, SESSION_COOKIE } from '../http/cookies';
import { computeUpgradeOrigin } from '../http/site-origin';
import { CHANNEL_PROTOCOL } from '#shared/protocol/qr-signin.ts';

export type SocketIdentity =
  | { kind: 'page'; bindings: string[] }
  | { kind: 'channel'; session: QrSession }
  | { kind: 'refused'; status: 401 | 403 | 404; code: string; message: string };

const refuse = (status: 401 | 403 | 404, code: string, message: string): SocketIdentity => ({ kind: 'refused', status, code, message });

export async function identifySocket(qr: QrContext, req: IncomingMessage): Promise<SocketIdentity> {
  const url = new URL(req.url ?? '/', 'http://site.invalid');
  if (url.pathname !== '/ws') return refuse(404, 'not_found', 'There is no WebSocket at this address.');
  const channel = readChannelToken(req);
  if (channel !== null) return identifyChannel(qr, channel);
  if (req.headers.origin !== computeUpgradeOrigin(qr.site.config, req)) {
    return refuse(403, 'cross_origin', 'This connection came from another site and was refused.');
  }
  const bindings = await findPageBindings(qr, req);
  if (bindings.length === 0) return refuse(401, 'unauthenticated', 'Nothing to follow here: generate a QR code or sign in first.');
  return { kind: 'page', bindings };
}

/** The token offered beside CHANNEL_PROTOCOL in Sec-WebSocket-Protocol, '' when it is missing, null for a page. */
function readChannelToken(req: IncomingMessage): string | null {
  const offered = (req.headers['sec-websocket-protocol'] ?? '').split(',').map((part) => part.trim()).filter(Boolean);
  if (!offered.includes(CHANNEL_PROTOCOL)) return null;
  return offered.find((part) => part !== CHANNEL_PROTOCOL) ?? '';
}

async function identifyChannel(qr: QrContext, channelToken: string): Promise<SocketIdentity> {
  const found = channelToken ? await qrSessionsOf(qr).findByChannel(hashToken(channelToken)) : null;
  const session = found && (await refreshSession(qr, found));
  if (!session || session.state !== 'scanned') {
    return refuse(401, 'channel_closed', 'This sign-in has ended or expired: scan the QR code again.');
  }
  return { kind: 'channel', session };
}

async function findPageBindings(qr: QrContext, req: IncomingMessage): Promise<string[]> {
  const bindings: string[] = [];
  const qrCookie = readCookie(req, QR_COOKIE);
  if (qrCookie && (await qrSessionsOf(qr).hasBinding(toQrCookieBinding(qrCookie)))) bindings.push(toQrCookieBinding(qrCookie));
  const sessionToken = readCookie(req, SESSION_COOKIE);
  if (sessionToken && (await resolveSession(qr.site, sessionToken))) bindings.push(toSessionBinding(hashToken(sessionToken)));
  return bindings;
}
