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

/** The device, among the cookie's, that the account trusts now, or null. */
export async function findTrustedDevice(ctx: SiteContext, userId: string, tokens: string[] = [], repos: Repositories = ctx.storage): Promise<Device | null> {
  const { deviceMs, deviceMaxFailures } = ctx.config.throttle;
  for (const token of tokens) {
    const device = await repos.devices.find(hashToken(token));
    if (device && device.userId === userId && device.failures < deviceMaxFailures && ctx.now() - device.lastUsedAt < deviceMs) return device;
  }
  return null;
}

/** After a successful sign-in: the browser's token for the account (a new one if it had none); returns the cookie's tokens. */
export async function trustDevice(ctx: SiteContext, userId: string, tokens: string[]): Promise<string[]> {
  const now = ctx.now();
  for (const token of tokens) {
    const device = await ctx.storage.devices.find(hashToken(token));
    if (device?.userId !== userId) continue;
    await ctx.storage.devices.markUsed(device.idHash, now);
    return [token, ...tokens.filter((other) => other !== token)];
  }
  const token = createToken();
  await ctx.storage.devices.insert({ idHash: hashToken(token), userId, createdAt: now, lastUsedAt: now, failures: 0 });
  return [token, ...tokens].slice(0, MAX_DEVICE_TOKENS);
}
