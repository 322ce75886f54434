// Which browser (or client) owns a QR. Sign-in: the random QR cookie the page's browser got. Pairing: the signed-in
// session, or an API client's sign-in (its refresh-token family). Prefixed so a value of one kind can never stand for another.
import { hashToken } from '../crypto/tokens';
import type { Auth } from '../http/session-middleware';

export const toQrCookieBinding = (cookie: string): string => `qr:${hashToken(cookie)}`;

export const toSessionBinding = (sessionIdHash: string): string => `session:${sessionIdHash}`;

export const bindingOf = (auth: Auth): string => (auth.kind === 'session' ? toSessionBinding(hashToken(auth.token)) : `tokens:${auth.familyId}`);
