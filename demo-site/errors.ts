import { CodedError } from '#shared/coded-error.ts';

// Every failure a client can see is a SiteError: a stable `code`, an HTTP status and a message a person can act on.
export class SiteError extends CodedError {
  override readonly name: string = 'SiteError';

  constructor(
    code: string,
    message: string,
    readonly status: number,
    readonly details: Record<string, unknown> = {},
  ) {
    super(code, message);
  }
}

/** Bad input: names the field to fix. */
export class ValidationError extends SiteError {
  constructor(readonly field: string, message: string, code = 'invalid_input') {
    super(code, message, 400, { field });
  }
}

export class AuthenticationError extends SiteError {
  constructor(code = 'unauthenticated', message = 'Sign in first.') {
    super(code, message, 401);
  }
}

export class ForbiddenError extends SiteError {
  constructor(code = 'forbidden', message = 'You are not allowed to do this.') {
    super(code, message, 403);
  }
}

export class NotFoundError extends SiteError {
  constructor(code = 'not_found', message = 'Nothing is here.') {
    super(code, message, 404);
  }
}

export class ConflictError extends SiteError {
  constructor(code: string, message: string, details: Record<string, unknown> = {}) {
    super(code, message, 409, details);
  }
}

export class LockedError extends SiteError {
  constructor(readonly retryAfterSeconds: number) {
    const minutes = Math.ceil(retryAfterSeconds / 60);
    super('account_locked', `Too many failed attempts: this account is locked for ${minutes} more minute${minutes === 1 ? '' : 's'}.`, 423, {
      retryAfterSeconds,
    });
  }
}

export class RateLimitError extends SiteError {
  constructor(readonly retryAfterSeconds: number) {
    super('rate_limited', `Too many requests: try again in ${retryAfterSeconds} seconds.`, 429, { retryAfterSeconds });
  }
}

/** Settings that cannot be used: raised at start, before anything listens. */
export class ConfigError extends Error {
  readonly code = 'invalid_config';
}
