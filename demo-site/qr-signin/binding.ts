// Which browser owns a QR. Sign-in: the random QR cookie the page's browser got. Pairing: the signed-in session.
// Prefixed so a value of one kind can never stand for the other.
import { hashToken } from '../crypto/tokens';

export const toQrCookieBinding = (cookie: string): string => `qr:${hashToken(cookie)}`;

export const toSessionBinding = (sessionIdHash: string): string => `session:${sessionIdHash}`;
