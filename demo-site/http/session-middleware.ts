// Finds the session behind the cookie and guards routes by what the session may do.
import type { NextFunction, Request, Response } from 'express';
import type { SiteContext } from '../context';
import { AuthenticationError, ForbiddenError } from '../errors';
import { endSession, resolveSession } from '../auth/session';
import type { Session, User } from '../storage/rows';
import { readCookie, SESSION_COOKIE, setCookie } from './cookies';

export interface Auth {
  token: string;
  session: Session;
  user: User;
}

export function loadSession(ctx: SiteContext) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const token = readCookie(req, SESSION_COOKIE);
    const found = token ? await resolveSession(ctx, token) : null;
    if (token && found) res.locals.auth = { token, session: found.session, user: found.user } satisfies Auth;
    next();
  };
}

export function currentAuth(res: Response): Auth | null {
  return (res.locals.auth as Auth | undefined) ?? null;
}

/** The signed-in user, or a 401. With `full`, a session limited to enrolment gets a 403. */
export function requireAuth(res: Response, scope: 'any' | 'full' = 'full'): Auth {
  const auth = currentAuth(res);
  if (!auth) throw new AuthenticationError();
  if (scope === 'full' && auth.session.scope !== 'full') {
    throw new ForbiddenError('enrolment_required', 'Set up two-factor authentication first (/mfa).');
  }
  return auth;
}

/**
 * A new sign-in replaces whatever session the browser had (a new id at every sign-in). Called only once the sign-in
 * succeeded, so a mistyped code or a taken email signs no one out; stored, so the old session stays gone after a restart.
 */
export async function replaceSession(ctx: SiteContext, req: Request, res: Response, sessionId: string): Promise<void> {
  const token = readCookie(req, SESSION_COOKIE);
  if (token) await endSession(ctx, token);
  setCookie(req, res, SESSION_COOKIE, sessionId);
}
