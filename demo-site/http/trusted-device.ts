// Whether a sign-in request comes from a browser the account it names signed in from before: such a request is not
// held by the per-IP sign-in limit, so strangers failing from the same address (an office, a NAT) cannot keep the
// owner out. The account is the one the request names: its email (password step) or its ticket (code step).
import type { Request, Response } from 'express';
import type { SiteContext } from '../context';
import { findTrustedDevice, parseDeviceTokens } from '../auth/devices';
import { findUserByEmail } from '../accounts/users';
import { hashToken } from '../crypto/tokens';
import { DEVICE_COOKIE, readCookie, setCookie, TICKET_COOKIE } from './cookies';

async function namedAccount(ctx: SiteContext, req: Request): Promise<string | null> {
  const body = (req.body ?? {}) as Record<string, unknown>;
  if (typeof body.email === 'string' && body.email.length <= 254) return (await findUserByEmail(ctx, body.email))?.id ?? null;
  const ticket = typeof body.ticket === 'string' ? body.ticket : readCookie(req, TICKET_COOKIE);
  if (!ticket || ticket.length > 128) return null;
  return (await ctx.storage.tickets.find(hashToken(ticket)))?.userId ?? null;
}

export async function comesFromTrustedDevice(ctx: SiteContext, req: Request): Promise<boolean> {
  const tokens = parseDeviceTokens(readCookie(req, DEVICE_COOKIE));
  if (tokens.length === 0) return false;
  const userId = await namedAccount(ctx, req);
  return userId !== null && (await findTrustedDevice(ctx, userId, tokens)) !== null;
}

/** Every sign-in that ends in a session (pages, JSON API, QR): the browser gets or keeps its device cookie, renewed with the session. */
export function setDeviceCookie(ctx: SiteContext, req: Request, res: Response, tokens: string[]): void {
  setCookie(req, res, DEVICE_COOKIE, tokens.join('.'), ctx.config.throttle.deviceMs);
}
