// Refuses state-changing requests sent by another site (CSRF): the Origin header, or Sec-Fetch-Site when it is absent.
import type { NextFunction, Request, Response } from 'express';
import { ForbiddenError } from '../errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function refuseCrossOrigin(req: Request, _res: Response, next: NextFunction): void {
  if (SAFE_METHODS.has(req.method)) return next();
  const origin = req.get('origin');
  const own = `${req.protocol}://${req.get('host')}`;
  const crossSite = origin ? origin !== own : req.get('sec-fetch-site') === 'cross-site';
  if (crossSite) return next(new ForbiddenError('cross_origin', 'This request came from another site and was refused.'));
  next();
}
