// The per-IP limits, made once per app so pages and API share the counts.
import type { RequestHandler } from 'express';
import type { SiteConfig } from '../config';
import { createRateLimit } from '../http/rate-limit';

export interface Limits {
  signin: RequestHandler;
  signup: RequestHandler;
  backupRequests: RequestHandler;
  qrGenerate: RequestHandler;
  qrScan: RequestHandler;
  pinVerify: RequestHandler;
}

export function createLimits(config: SiteConfig): Limits {
  const { windowMs, signin, signup, backupRequests, qrGenerate, qrScan, pinVerify } = config.rateLimit;
  return {
    signin: createRateLimit(windowMs, signin),
    signup: createRateLimit(windowMs, signup),
    backupRequests: createRateLimit(windowMs, backupRequests),
    qrGenerate: createRateLimit(windowMs, qrGenerate),
    qrScan: createRateLimit(windowMs, qrScan),
    pinVerify: createRateLimit(windowMs, pinVerify),
  };
}
