// The per-IP limits, made once per app so pages and API share the counts (and, on PostgreSQL, every process does).
import type { RequestHandler } from 'express';
import type { SiteContext } from '../context';
import { createRateLimit } from '../http/rate-limit';
import { comesFromTrustedDevice } from '../http/trusted-device';

export interface Limits {
  signin: RequestHandler;
  signup: RequestHandler;
  backupRequests: RequestHandler;
  qrGenerate: RequestHandler;
  qrScan: RequestHandler;
  pinVerify: RequestHandler;
  /** Requests that send mail to an address someone typed (password reset, verification again). */
  mail: RequestHandler;
}

export function createLimits(ctx: SiteContext): Limits {
  const { windowMs, signin, signup, backupRequests, qrGenerate, qrScan, pinVerify, mail } = ctx.config.rateLimit;
  const source = { counters: ctx.storage.rateLimits, now: ctx.now };
  return {
    // A browser the named account signed in from before is not held by what others do from its address.
    signin: createRateLimit(source, 'signin', windowMs, signin, (req) => comesFromTrustedDevice(ctx, req)),
    signup: createRateLimit(source, 'signup', windowMs, signup),
    backupRequests: createRateLimit(source, 'backup-requests', windowMs, backupRequests),
    qrGenerate: createRateLimit(source, 'qr-generate', windowMs, qrGenerate),
    qrScan: createRateLimit(source, 'qr-scan', windowMs, qrScan),
    pinVerify: createRateLimit(source, 'pin-verify', windowMs, pinVerify),
    mail: createRateLimit(source, 'mail', windowMs, mail),
  };
}
