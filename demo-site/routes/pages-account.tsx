// Pages for the signed-in user: enrolment (/mfa) and the account page. A session limited to enrolment sees only /mfa.
import { Router, type Response } from 'express';
import type { SiteContext } from '../context';
import { findUserById, mustEnrol, toPublicUser } from '../accounts/users';
import { activateTotp, currentOrNewPendingTotp } from '../mfa/enrolment';
import { disableTotp } from '../mfa/disable';
import { lastMovedAt } from '../mfa/move';
import { liveMove, MOVE_TTL_MS } from '../mfa/new-secret';
import { statusOf } from '../http/error-status';
import { requestInfo } from '../http/request-info';
import { currentSession, type SessionAuth } from '../http/session-middleware';
import { parseInput } from '../http/validate';
import { activateSchema, backupRequestSchema, disableSchema, emailChangeSchema, passwordChangeSchema } from '../http/schemas';
import { requestEmailChange } from '../accounts/email-change';
import { changePassword } from '../accounts/password-change';
import { cancelRecoveryOf } from '../recovery/finish';
import { waitingDelivery } from '../backup/delivery';
import { codesLeft } from '../backup/issue';
import { latestRequestOf, requestBackupCodes } from '../backup/requests';
import type { Limits } from './limits';
import { errorsFor, sendPage } from '../pages/render';
import { MfaPage } from '../pages/mfa-page';
import { AccountPage } from '../pages/account-page';
import type { FieldErrors } from '../pages/form-parts';

/** The session, or a redirect: to /signin without one, to /mfa when it may only enrol. */
export function pageAuth(res: Response, scope: 'any' | 'full'): SessionAuth | null {
  const auth = currentSession(res);
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

export interface AccountPageState { errors?: FieldErrors; passwordErrors?: FieldErrors; moveErrors?: FieldErrors; status?: number; notice?: string }

/** The account page, read afresh: what the request just did (or failed to do) may have changed the account. */
export async function showAccountPage(ctx: SiteContext, res: Response, auth: SessionAuth, state: AccountPageState = {}): Promise<void> {
  const user = (await findUserById(ctx, auth.user.id)) ?? auth.user;
  const [left, request, movedAt] = [await codesLeft(ctx, user), await latestRequestOf(ctx, user.id), await lastMovedAt(ctx, user)];
  const recovery = await ctx.storage.recoveries.findOpenForUser(user.id);
  const codesWaiting = (await waitingDelivery(ctx, user.id)) !== null;
  const move = liveMove(ctx, user);
  sendPage(res, <AccountPage user={toPublicUser(user)} verifiesEmail={ctx.config.email.verification !== 'off'} errors={state.errors} passwordErrors={state.passwordErrors}
    moveErrors={state.moveErrors} codesLeft={left} request={request ?? undefined} notice={state.notice}
    recoveryReadyAt={recovery?.state === 'waiting' ? recovery.readyAt! : undefined} codesWaiting={codesWaiting}
    moveUntil={move ? move.createdAt + MOVE_TTL_MS : undefined} movedAt={movedAt ?? undefined} />, state.status ?? 200);
}

export function accountPages(ctx: SiteContext, limits: Limits): Router {
  const router = Router();
  const showMfa = async (res: Response, auth: SessionAuth, errors?: FieldErrors, status = 200) =>
    sendPage(res, <MfaPage {...await currentOrNewPendingTotp(ctx, auth.user)} errors={errors} />, status);
  const showAccount = (res: Response, auth: SessionAuth, errors?: FieldErrors, status = 200, notice?: string, passwordErrors?: FieldErrors) =>
    showAccountPage(ctx, res, auth, { errors, status, notice, passwordErrors });

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
      const errors = errorsFor(error);
      if ((await findUserById(ctx, auth.user.id))?.totp) return res.redirect(303, '/account');
      await showMfa(res, auth, errors, statusOf(error));
    }
  });

  router.get('/account', async (_req, res) => {
    const auth = pageAuth(res, 'full');
    if (auth) await showAccount(res, auth);
  });
  router.post('/account/disable-mfa', async (req, res) => {
    const auth = pageAuth(res, 'full');
    if (!auth) return;
    try {
      // Empty form fields mean "not given": the form has both a code field and a backup-code field.
      const { password, code, backupCode } = req.body ?? {};
      const input = parseInput(disableSchema, { password, code: code || undefined, backupCode: backupCode || undefined });
      await disableTotp(ctx, auth.user, input, requestInfo(req));
      res.redirect(303, mustEnrol(ctx, { ...auth.user, totp: null }) ? '/mfa' : '/account');
    } catch (error) {
      await showAccount(res, auth, errorsFor(error), statusOf(error));
    }
  });
  router.post('/account/recovery/cancel', async (req, res) => {
    const auth = pageAuth(res, 'any');
    if (!auth) return;
    const cancelled = await cancelRecoveryOf(ctx, auth.user, requestInfo(req));
    await showAccount(res, auth, undefined, 200, cancelled ? 'The recovery is cancelled: two-factor authentication stays on.' : 'There was no recovery to cancel.');
  });
  router.post('/account/password', async (req, res) => {
    const auth = pageAuth(res, 'full');
    if (!auth) return;
    try {
      await changePassword(ctx, auth.user, auth.session, parseInput(passwordChangeSchema, req.body), requestInfo(req));
      await showAccount(res, auth, undefined, 200, 'Your password is changed; every other session was signed out.');
    } catch (error) {
      await showAccount(res, auth, undefined, statusOf(error), undefined, errorsFor(error));
    }
  });
  router.post('/account/email', async (req, res) => {
    const auth = pageAuth(res, 'full');
    if (!auth) return;
    try {
      const input = parseInput(emailChangeSchema, { password: req.body?.emailPassword, newEmail: req.body?.newEmail });
      const email = await requestEmailChange(ctx, auth.user, input, requestInfo(req));
      await showAccount(res, auth, undefined, 202, `We sent a link to ${email}: your address changes once it is opened.`);
    } catch (error) {
      const errors = errorsFor(error);
      await showAccount(res, auth, errors.password ? { emailPassword: errors.password } : errors, statusOf(error));
    }
  });
  router.post('/account/backup-codes/request', limits.backupRequests, async (req, res) => {
    const auth = pageAuth(res, 'full');
    if (!auth) return;
    try {
      const { message } = parseInput(backupRequestSchema, { message: req.body?.message });
      await requestBackupCodes(ctx, auth.user, message, requestInfo(req));
      await showAccount(res, auth, undefined, 202, 'Your request was sent to the administrator.');
    } catch (error) {
      await showAccount(res, auth, errorsFor(error), statusOf(error));
    }
  });
  return router;
}
