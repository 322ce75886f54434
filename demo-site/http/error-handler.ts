// Turns every error into a clear answer: JSON under /api, a page elsewhere. Stack traces stay in the server log.
import type { NextFunction, Request, Response } from 'express';
import { SiteError, UnsupportedRequestError, UnavailableError } from '../errors';
import { statusOf } from './error-status';

function toSiteError(error: unknown): SiteError | null {
  if (error instanceof SiteError) return error;
  const type = (error as { type?: string } | null)?.type;
  if (type === 'entity.too.large') return new UnsupportedRequestError('payload_too_large', 'The request body is larger than 16 KB.');
  if (type === 'entity.parse.failed') return new UnsupportedRequestError('invalid_json', 'The request body is not valid JSON.');
  if (type === 'charset.unsupported' || type === 'encoding.unsupported') return new UnsupportedRequestError('unsupported_encoding', 'Send the request body as UTF-8.');
  return null;
}

export type ErrorPageRenderer = (req: Request, res: Response, error: SiteError, status: number) => void;

let lastOutageLog = 0;

export function createErrorHandler(renderErrorPage: ErrorPageRenderer) {
  return (error: unknown, req: Request, res: Response, _next: NextFunction) => {
    let siteError = toSiteError(error);
    if (!siteError) {
      // Only the error's kind and stack are logged: request bodies (passwords, codes) never are.
      console.error(`[site] ${req.method} ${req.path} failed:`, error instanceof Error ? error.stack : typeof error);
      siteError = new SiteError('internal_error', 'Something went wrong on our side. Try again in a moment.');
    } else if (siteError instanceof UnavailableError && Date.now() - lastOutageLog > 10_000) {
      lastOutageLog = Date.now();
      console.error(`[site] ${siteError.code}: ${String((siteError.cause as Error | undefined)?.message ?? siteError.message)}`);
    }
    if (res.headersSent) return res.end();
    const status = statusOf(siteError);
    const retryAfter = siteError.details.retryAfterSeconds ?? (siteError instanceof UnavailableError ? 5 : undefined);
    if (typeof retryAfter === 'number') res.setHeader('Retry-After', String(retryAfter));
    res.status(status);
    if (req.originalUrl.startsWith('/api')) {
      res.json({ error: { code: siteError.code, message: siteError.message, ...siteError.details } });
      return;
    }
    renderErrorPage(req, res, siteError, status);
  };
}
