import { CodedError } from '#shared/coded-error.ts';

// Every failure a client can see is a SiteError: a stable `code` and a message a person can act on. The subclass says
// what kind of failure it is; http/error-status.ts is the one place that turns kinds into HTTP statuses.
export class SiteError extends CodedError {
  override readonly name: string = 'SiteError';

  constructor(code: string, message: string, readonly details: Record<string, unknown> = {}) {
    super(code, message);
  }
}

/** Bad input: names the field to fix. */
export class ValidationError extends SiteError {
  constructor(readonly field: string, message: string, code = 'invalid_input') {
    super(code, message, { field });
  }
}

/** The request is not of a kind the site takes (wrong body type, encoding, size). */
export class UnsupportedRequestError extends SiteError {
  constructor(code: 'unsupported_media_type' | 'unsupported_encoding' | 'payload_too_large' | 'invalid_json', message: string) {
    super(code, message);
  }
}

export class AuthenticationError extends SiteError {
  constructor(code = 'unauthenticated', message = 'Sign in first.', details: Record<string, unknown> = {}) {
    super(code, message, details);
  }
}

export class ForbiddenError extends SiteError {
  constructor(code = 'forbidden', message = 'You are not allowed to do this.') {
    super(code, message);
  }
}

export class NotFoundError extends SiteError {
  constructor(code = 'not_found', message = 'Nothing is here.') {
    super(code, message);
  }
}

export class ConflictError extends SiteError {
  constructor(code: string, message: string, details: Record<string, unknown> = {}) {
    super(code, message, details);
  }
}

/** Something that existed for a while and has run out (an expired QR code). */
export class GoneError extends SiteError {}

/** Too many failures: the thing (an account, a QR sign-in) is locked for a while or for good. */
export class LockedError extends SiteError {}

/** A count of hours or minutes in words. */
function describeWait(seconds: number): string {
  const minutes = Math.ceil(seconds / 60);
  if (minutes <= 120) return `${minutes} more minute${minutes === 1 ? '' : 's'}`;
  return `${Math.ceil(minutes / 60)} more hours`;
}

/** The hard lock, far past any guessing budget; browsers the account signed in from before are not held by it. */
export class AccountLockedError extends LockedError {
  constructor(readonly retryAfterSeconds: number) {
    super('account_locked', `Too many failed attempts: this account is locked for ${describeWait(retryAfterSeconds)} on browsers it has not signed in from before. Sign in from one it has, or reset your password.`, {
      retryAfterSeconds,
    });
  }
}

/** "This wasn't me" froze the account (or an administrator did): no sign-in until an administrator unfreezes it. */
export class AccountFrozenError extends LockedError {
  constructor() {
    super('account_frozen', 'This account is frozen: someone reported activity on it that they did not do. The administrator has been told and will check it before unfreezing it.');
  }
}

export class RateLimitError extends SiteError {
  constructor(readonly retryAfterSeconds: number, code = 'rate_limited', message = `Too many requests: try again in ${retryAfterSeconds} seconds.`) {
    super(code, message, { retryAfterSeconds });
  }
}

/** One client kept failing on one account: it waits longer after each failure (others are not held up). */
export class AttemptsThrottledError extends RateLimitError {
  constructor(retryAfterSeconds: number) {
    super(retryAfterSeconds, 'too_many_attempts', `Too many failed attempts from here: wait ${retryAfterSeconds} second${retryAfterSeconds === 1 ? '' : 's'} before trying again.`);
  }
}

/** The site cannot serve this now (the database is unreachable, too much is under way): try again later. */
export class UnavailableError extends SiteError {}

/** Settings that cannot be used: raised at start, before anything listens. */
export class ConfigError extends Error {
  readonly code = 'invalid_config';
}
