// Refuses state-changing requests sent by another site (CSRF): the Origin header, or Sec-Fetch-Site when it is absent.
import type { NextFunction, Request, Response } from 'express';
import { ForbiddenError } from '../errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** The one endpoint a browser extension calls: it carries its own proof (QR token and TOTP code) and uses no cookie. */
const EXTENSION_ENDPOINT = '/api/qr/scan';

export function isExtensionOrigin(origin: string): boolean {
  return /^(chrome|moz|safari-web)-extension:\/\/[a-z0-9-]+$/i.test(origin);
}

/**
 * The site's own origin is PUBLIC_ORIGIN when set (behind a proxy that rewrites Host or ends TLS, the request alone
 * does not show it) and always the origin the request itself was addressed to.
 */
export function refuseCrossOrigin(publicOrigin?: string) {
  return (req: Request, _res: Response, next: NextFunction): void => {
    if (SAFE_METHODS.has(req.method)) return next();
    const origin = req.get('origin');
    if (origin && req.path === EXTENSION_ENDPOINT && isExtensionOrigin(origin)) return next();
    const own = [`${req.protocol}://${req.get('host')}`, publicOrigin];
    const crossSite = origin ? !own.includes(origin) : req.get('sec-fetch-site') === 'cross-site';
    if (crossSite) return next(new ForbiddenError('cross_origin', 'This request came from another site and was refused.'));
    next();
  };
}
