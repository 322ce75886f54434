// The one place where the kind of a domain error becomes an HTTP status. Domain code never names a status.
import {
  AuthenticationError, ConflictError, ForbiddenError, GoneError, LockedError, NotFoundError, RateLimitError, SiteError,
  UnavailableError, UnsupportedRequestError, ValidationError,
} from '../errors';

const UNSUPPORTED_STATUS: Record<string, number> = { payload_too_large: 413, unsupported_media_type: 415, unsupported_encoding: 415, invalid_json: 400 };

export function statusOf(error: unknown): number {
  if (!(error instanceof SiteError)) return 500;
  if (error instanceof ValidationError) return 400;
  if (error instanceof UnsupportedRequestError) return UNSUPPORTED_STATUS[error.code] ?? 400;
  if (error instanceof AuthenticationError) return 401;
  if (error instanceof ForbiddenError) return 403;
  if (error instanceof NotFoundError) return 404;
  if (error instanceof ConflictError) return 409;
  if (error instanceof GoneError) return 410;
  if (error instanceof LockedError) return 423;
  if (error instanceof RateLimitError) return 429;
  if (error instanceof UnavailableError) return 503;
  return 500;
}
