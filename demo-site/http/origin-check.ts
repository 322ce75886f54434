// Refuses state-changing requests sent by another site (CSRF): the Origin header, or Sec-Fetch-Site when it is absent.
// What such a request abuses is the browser's ambient credential, its cookies. An API client's token flows need none:
// a request that carries no cookie may reach them from anywhere (a sign-in step only when it asks for tokens, so that
// no other site's page can get a session cookie set).
import type { NextFunction, Request, Response } from 'express';
import { ForbiddenError } from '../errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** The one endpoint a browser extension calls: it carries its own proof (QR token and TOTP code) and uses no cookie. */
const EXTENSION_ENDPOINT = '/api/qr/scan';
/** Token flows: the credential is in the body or the Authorization header. */
const TOKEN_ENDPOINTS = new Set(['/api/token', '/api/signout']);
/** Sign-in steps, which end in a cookie unless the body asks for tokens. */
const SIGNIN_STEPS = new Set(['/api/signup', '/api/signin', '/api/signin/mfa/totp', '/api/signin/mfa/backup-code']);

const crossOrigin = () => new ForbiddenError('cross_origin', 'This request came from another site and was refused.');

export function isExtensionOrigin(origin: string): boolean {
  return /^(chrome|moz|safari-web)-extension:\/\/[a-z0-9-]+$/i.test(origin);
}

function isTokenFlow(req: Request): boolean {
  return TOKEN_ENDPOINTS.has(req.path) || SIGNIN_STEPS.has(req.path) || /^Bearer /i.test(req.get('authorization') ?? '');
}

/**
 * The site's own origin is PUBLIC_ORIGIN when set (behind a proxy that rewrites Host or ends TLS, the request alone
 * does not show it) and always the origin the request itself was addressed to.
 */
export function refuseCrossOrigin(publicOrigin?: string) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (SAFE_METHODS.has(req.method)) return next();
    const origin = req.get('origin');
    if (origin && req.path === EXTENSION_ENDPOINT && isExtensionOrigin(origin)) return next();
    const own = [`${req.protocol}://${req.get('host')}`, publicOrigin];
    const crossSite = origin ? !own.includes(origin) : req.get('sec-fetch-site') === 'cross-site';
    if (!crossSite) return next();
    if (req.headers.cookie === undefined && isTokenFlow(req)) {
      res.locals.crossSiteTokenClient = true;
      return next();
    }
    next(crossOrigin());
  };
}

/** After the body is read: a cookie-less request from another site completes a sign-in only for tokens. */
export function requireTokensAcrossSites(req: Request, res: Response, next: NextFunction): void {
  if (!res.locals.crossSiteTokenClient || !SIGNIN_STEPS.has(req.baseUrl + req.path) || req.body?.tokens === true) return next();
  next(new ForbiddenError('cross_origin', 'A request from another site can sign in only for tokens: add "tokens": true to the body.'));
}
