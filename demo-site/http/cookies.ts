// Cookies without a library: HttpOnly, SameSite=Lax, Secure when the request came over HTTPS.
import type { Request, Response } from 'express';

export const SESSION_COOKIE = 'tessera_session';
export const TICKET_COOKIE = 'tessera_ticket';
/** Binds QR sign-ins to the browser that asked for them (the page's WebSocket proves the same). */
export const QR_COOKIE = 'tessera_qr';
/** Browsers accounts signed in from before (auth/devices.ts): their failures count apart from strangers'. */
export const DEVICE_COOKIE = 'tessera_device';

/** Works on an Express request or a bare upgrade request (WebSocket). */
export function readCookie(req: { headers: { cookie?: string } }, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index < 0 || part.slice(0, index).trim() !== name) continue;
    const value = part.slice(index + 1).trim();
    return value || undefined;
  }
  return undefined;
}

export function setCookie(req: Request, res: Response, name: string, value: string, maxAgeMs?: number): void {
  res.cookie(name, value, { httpOnly: true, sameSite: 'lax', secure: req.secure, path: '/', maxAge: maxAgeMs, encode: String });
}

export function clearCookie(req: Request, res: Response, name: string): void {
  res.clearCookie(name, { httpOnly: true, sameSite: 'lax', secure: req.secure, path: '/' });
}
