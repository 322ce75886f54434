// Device cookies (OWASP): a browser that signed in to an account gets a random token for it (only its hash is kept).
// Its failures on that account count apart from everyone else's, so a stranger's guesses neither slow nor lock it;
// it loses that trust after too many failures of its own, or when unused for DEVICE_COOKIE_DAYS. One cookie holds
// the tokens of the last few accounts signed in from the browser.
import type { SiteContext } from '../context';
import { createToken, hashToken } from '../crypto/tokens';
import type { Repositories } from '../storage/repositories';
import type { Device } from '../storage/rows';

export const MAX_DEVICE_TOKENS = 5;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** The tokens a device cookie holds (anything else in it is ignored). */
export function parseDeviceTokens(cookie: string | undefined): string[] {
  return (cookie ?? '').split('.').filter((token) => TOKEN.test(token)).slice(0, MAX_DEVICE_TOKENS);
}

/** The stored devices of the cookie's tokens, in the cookie's order (one read, none without tokens). */
export async function findCookieDevices(tokens: string[] = [], repos: Repositories): Promise<Device[]> {
  if (tokens.length === 0) return [];
  const found = await repos.devices.findMany(tokens.map(hashToken));
  return tokens.map((token) => found.find((device) => device.idHash === hashToken(token))).filter((device) => device !== undefined);
}

/** Among a cookie's devices, the one that `userId` trusts now, or null. */
export function trustedAmong(ctx: SiteContext, userId: string, devices: Device[]): Device | null {
  const { deviceMs, deviceMaxFailures } = ctx.config.throttle;
  return devices.find((device) => device.userId === userId && device.failures < deviceMaxFailures && ctx.now() - device.lastUsedAt < deviceMs) ?? null;
}

/** The device, among the cookie's, that the account trusts now, or null. */
export async function findTrustedDevice(ctx: SiteContext, userId: string, tokens: string[] = [], repos: Repositories = ctx.storage): Promise<Device | null> {
  return trustedAmong(ctx, userId, await findCookieDevices(tokens, repos));
}

/**
 * After a successful sign-in: the browser's token for the account (a new one if it had none); returns the cookie's
 * tokens. `known`: the cookie's devices when this request has read them already.
 */
export async function trustDevice(ctx: SiteContext, userId: string, tokens: string[], repos: Repositories = ctx.storage, known?: Device[]): Promise<string[]> {
  const now = ctx.now();
  const devices = known ?? (await findCookieDevices(tokens, repos));
  const own = tokens.find((token) => devices.some((device) => device.idHash === hashToken(token) && device.userId === userId));
  if (own) {
    await repos.devices.markUsed(hashToken(own), now);
    return [own, ...tokens.filter((other) => other !== own)];
  }
  const token = createToken();
  await repos.devices.insert({ idHash: hashToken(token), userId, createdAt: now, lastUsedAt: now, failures: 0 });
  return [token, ...tokens].slice(0, MAX_DEVICE_TOKENS);
}
