// Finds who is making the request, and guards routes by what they may do. Browsers carry a session cookie; API
// clients carry an access token (Authorization: Bearer), accepted only where a route asks for `requireUser`. A request
// with an Authorization header is judged by it alone.
import type { NextFunction, Request, Response } from 'express';
import type { SiteContext } from '../context';
import { AuthenticationError, ForbiddenError, SiteError } from '../errors';
import { mustEnrol } from '../accounts/users';
import { endSession, resolveSession } from '../auth/session';
import type { Session, SessionScope, User } from '../storage/rows';
import { invalidAccessToken } from '../tokens/errors';
import { verifyAccessToken } from '../tokens/access-token';
import { readCookie, SESSION_COOKIE, setCookie } from './cookies';
import { computeSiteOrigin } from './site-origin';

export interface SessionAuth { kind: 'session'; token: string; session: Session; user: User; scope: SessionScope }
/** An access token's user; `familyId` is the sign-in it belongs to. */
export interface TokenAuth { kind: 'token'; familyId: string; user: User; scope: SessionScope }
export type Auth = SessionAuth | TokenAuth;

/** The access token of an `Authorization: Bearer` header; '' for another scheme; undefined without the header. */
function readBearer(req: Request): string | undefined {
  const header = req.get('authorization');
  if (header === undefined) return undefined;
  return /^Bearer +([A-Za-z0-9._~+/-]+=*) *$/i.exec(header)?.[1] ?? '';
}

export function loadSession(ctx: SiteContext) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const bearer = readBearer(req);
    if (bearer !== undefined) {
      try {
        if (!bearer) throw invalidAccessToken();
        const { user, family } = await verifyAccessToken(ctx, bearer, computeSiteOrigin(ctx.config, req));
        res.locals.auth = { kind: 'token', familyId: family.id, user, scope: mustEnrol(ctx, user) ? 'enrol' : 'full' } satisfies TokenAuth;
      } catch (error) {
        if (!(error instanceof SiteError)) throw error;
        res.locals.bearerError = error;
      }
      return next();
    }
    const token = readCookie(req, SESSION_COOKIE);
    const found = token ? await resolveSession(ctx, token) : null;
    if (token && found) res.locals.auth = { kind: 'session', token, session: found.session, user: found.user, scope: found.session.scope } satisfies SessionAuth;
    next();
  };
}

export function currentAuth(res: Response): Auth | null {
  return (res.locals.auth as Auth | undefined) ?? null;
}

/** The browser's session (pages, and the API endpoints that take no token). */
export function currentSession(res: Response): SessionAuth | null {
  const auth = currentAuth(res);
  return auth?.kind === 'session' ? auth : null;
}

function assertScope(auth: Auth, scope: 'any' | 'full'): void {
  if (scope === 'full' && auth.scope !== 'full') throw new ForbiddenError('enrolment_required', 'Set up two-factor authentication first (/mfa).');
}

/** The signed-in user by session cookie only, or a 401. With `full`, a session limited to enrolment gets a 403. */
export function requireAuth(res: Response, scope: 'any' | 'full' = 'full'): SessionAuth {
  const auth = currentSession(res);
  if (!auth && (currentAuth(res) || res.locals.bearerError)) {
    throw new AuthenticationError('session_required', 'This needs a browser session: access tokens work on /api/me, /api/mfa/... and /api/backup-codes/requests.');
  }
  if (!auth) throw new AuthenticationError();
  assertScope(auth, scope);
  return auth;
}

/** The signed-in user by session cookie or access token, or a 401 saying what is wrong with the token. */
export function requireUser(res: Response, scope: 'any' | 'full' = 'full'): Auth {
  const bearerError = res.locals.bearerError as SiteError | undefined;
  if (bearerError) {
    res.set('WWW-Authenticate', `Bearer error="invalid_token", error_description="${bearerError.message.replace(/"/g, "'")}"`);
    throw bearerError;
  }
  const auth = currentAuth(res);
  if (!auth) throw new AuthenticationError();
  assertScope(auth, scope);
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
