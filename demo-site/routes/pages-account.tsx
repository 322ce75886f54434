// Pages for the signed-in user: enrolment (/mfa) and the account page. A session limited to enrolment sees only /mfa.
import { Router, type Request, type Response } from 'express';
import type { ComponentChildren } from 'preact';
import type { SiteContext } from '../context';
import type { SiteError } from '../errors';
import { toPublicUser } from '../accounts/users';
import { activateTotp, currentOrNewPendingTotp } from '../mfa/enrolment';
import { disableTotp } from '../mfa/disable';
import { requestInfo } from '../http/request-info';
import { currentAuth, type Auth } from '../http/session-middleware';
import { parseInput } from '../http/validate';
import { activateSchema, disableSchema } from '../http/schemas';
import { errorsFor, sendPage } from '../pages/render';
import { MfaPage } from '../pages/mfa-page';
import { AccountPage } from '../pages/account-page';
import type { FieldErrors } from '../pages/form-parts';

export type AccountExtra = (auth: Auth, req: Request) => ComponentChildren;

/** The session, or a redirect: to /signin without one, to /mfa when it may only enrol. */
function pageAuth(res: Response, scope: 'any' | 'full'): Auth | null {
  const auth = currentAuth(res);
  if (!auth) {
    res.redirect(303, '/signin');
    return null;
  }
  if (scope === 'full' && auth.session.scope !== 'full') {
    res.redirect(303, '/mfa');
    return null;
  }
  return auth;
}

export function accountPages(ctx: SiteContext, accountExtra?: AccountExtra): Router {
  const router = Router();
  const showMfa = async (res: Response, auth: Auth, errors?: FieldErrors, status = 200) =>
    sendPage(res, <MfaPage {...await currentOrNewPendingTotp(ctx, auth.user)} errors={errors} />, status);
  const showAccount = (req: Request, res: Response, auth: Auth, errors?: FieldErrors, status = 200) =>
    sendPage(res, <AccountPage user={toPublicUser(auth.user)} errors={errors} extra={accountExtra?.(auth, req)} />, status);

  router.get('/mfa', async (_req, res) => {
    const auth = pageAuth(res, 'any');
    if (!auth) return;
    if (auth.user.totp) return res.redirect(303, '/account');
    await showMfa(res, auth);
  });
  router.post('/mfa', async (req, res) => {
    const auth = pageAuth(res, 'any');
    if (!auth) return;
    try {
      const { code } = parseInput(activateSchema, req.body);
      await activateTotp(ctx, auth.user, code, requestInfo(req));
      res.redirect(303, '/account');
    } catch (error) {
      if (auth.user.totp) return res.redirect(303, '/account');
      await showMfa(res, auth, errorsFor(error), (error as SiteError).status);
    }
  });

  router.get('/account', (req, res) => {
    const auth = pageAuth(res, 'full');
    if (auth) showAccount(req, res, auth);
  });
  router.post('/account/disable-mfa', async (req, res) => {
    const auth = pageAuth(res, 'full');
    if (!auth) return;
    try {
      const input = parseInput(disableSchema, req.body);
      await disableTotp(ctx, auth.user, input, requestInfo(req));
      res.redirect(303, auth.session.scope === 'full' ? '/account' : '/mfa');
    } catch (error) {
      showAccount(req, res, auth, errorsFor(error), (error as SiteError).status);
    }
  });
  return router;
}
