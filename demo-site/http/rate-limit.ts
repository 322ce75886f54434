// Per-IP limits (express-rate-limit) whose counts live in the storage's rate-limit counters: with PostgreSQL every
// process of the site shares them. 429 with Retry-After and the usual error body.
import type { Request } from 'express';
import { rateLimit, type ClientRateLimitInfo, type Options, type Store } from 'express-rate-limit';
import { RateLimitError } from '../errors';
import type { RateLimitRepository } from '../storage/repositories';

class CounterStore implements Store {
  private windowMs = 60_000;
  readonly localKeys = false;

  constructor(private readonly counters: RateLimitRepository, private readonly now: () => number, readonly prefix: string) {}

  init(options: Options): void {
    this.windowMs = options.windowMs;
  }

  async increment(key: string): Promise<ClientRateLimitInfo> {
    const { hits, resetAt } = await this.counters.hit(this.prefix + key, this.windowMs, this.now());
    return { totalHits: hits, resetTime: new Date(resetAt) };
  }

  decrement = (key: string) => this.counters.unhit(this.prefix + key);
  resetKey = (key: string) => this.counters.reset(this.prefix + key);
}

export interface LimitSource { counters: RateLimitRepository; now: () => number }

/** `name` keeps each limit's counts apart; requests `skip` says yes to are neither counted nor refused. */
export function createRateLimit(source: LimitSource, name: string, windowMs: number, limit: number, skip?: (req: Request) => Promise<boolean>) {
  return rateLimit({
    windowMs,
    limit,
    ...(skip ? { skip } : {}),
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    store: new CounterStore(source.counters, source.now, `${name}:`),
    // A database outage is answered 503 by the error handler, not waved through.
    passOnStoreError: false,
    handler: (req, _res, next) => {
      const resetTime = (req as { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
      const seconds = resetTime ? Math.max(1, Math.ceil((resetTime.getTime() - source.now()) / 1000)) : Math.ceil(windowMs / 1000);
      next(new RateLimitError(seconds));
    },
  });
}
