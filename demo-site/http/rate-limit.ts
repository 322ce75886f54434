// Per-IP limits (express-rate-limit, memory store); 429 with Retry-After and the usual error body.
import { rateLimit } from 'express-rate-limit';
import { RateLimitError } from '../errors';

export function createRateLimit(windowMs: number, limit: number) {
  return rateLimit({
    windowMs,
    limit,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    handler: (req, res, next) => {
      const resetTime = (req as { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
      const seconds = resetTime ? Math.max(1, Math.ceil((resetTime.getTime() - Date.now()) / 1000)) : Math.ceil(windowMs / 1000);
      next(new RateLimitError(seconds));
    },
  });
}
