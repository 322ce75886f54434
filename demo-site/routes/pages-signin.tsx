// Pages for creating an account and signing in. Plain form posts; the ticket between the two steps rides in an
// HttpOnly cookie, never in a URL.
import { Router, type Request, type Response } from 'express';
import type { SiteContext } from '../context';
import { signUp } from '../accounts/signup';
import { mustEnrol } from '../accounts/users';
import { signInWithPassword } from '../auth/signin';
import { signInWithTotp } from '../auth/signin-totp';
import { endSession } from '../auth/session';
import { clearCookie, readCookie, SESSION_COOKIE, setCookie, TICKET_COOKIE } from '../http/cookies';
import { requestInfo } from '../http/request-info';
import { currentSession, replaceSession } from '../http/session-middleware';
import { setDeviceCookie } from '../http/trusted-device';
import { parseInput } from '../http/validate';
import { backupRequestSchema, signinSchema, signupSchema, totpStepSchema } from '../http/schemas';
import { findTicket } from '../auth/ticket';
import { signInWithBackupCode } from '../auth/signin-backup';
import { sessionIdOf, type Credential } from '../auth/credentials';
import { codesLeft } from '../backup/issue';
import { latestRequestOf, requestBackupCodes } from '../backup/requests';
import { errorsFor, sendPage } from '../pages/render';
import { SignupPage } from '../pages/signup-page';
import { SigninPage } from '../pages/signin-page';
import { SigninCodePage, type SigninCodePageProps } from '../pages/signin-code-page';
import type { Limits } from './limits';
import type { User } from '../storage/rows';
import { statusOf } from '../http/error-status';
import { SiteError } from '../errors';
import { CheckEmailPage } from '../pages/email-pages';
import { startRecovery } from '../recovery/start';
import { cancelRecoveryAtCodeStep } from '../recovery/finish';

function homeFor(ctx: SiteContext, user: User): string {
  return mustEnrol(ctx, user) ? '/mfa' : '/account';
}

/** The sign-in succeeded: the new session replaces the old one, the browser is remembered, and the finished ticket goes. */
async function startSession(ctx: SiteContext, req: Request, res: Response, signedIn: { user: User; credential: Credential }): Promise<void> {
  await replaceSession(ctx, req, res, sessionIdOf(signedIn.credential));
  if (signedIn.credential.kind === 'session') setDeviceCookie(ctx, req, res, signedIn.credential.deviceTokens);
  clearCookie(req, res, TICKET_COOKIE);
}

/** The code step for the ticket in the cookie, or the sign-in page when the ticket is gone. */
async function codePage(ctx: SiteContext, req: Request, res: Response, props: Omit<SigninCodePageProps, 'request' | 'hasBackupCodes' | 'recoveryReadyAt'> = {}, status = 200): Promise<void> {
  const token = readCookie(req, TICKET_COOKIE);
  let user: User;
  try {
    user = (await findTicket(ctx, token ?? '')).user;
  } catch (error) {
    const errors = errorsFor(error);
    clearCookie(req, res, TICKET_COOKIE);
    sendPage(res, <SigninPage errors={errors} />, 401);
    return;
  }
  const request = (await latestRequestOf(ctx, user.id)) ?? undefined;
  const recovery = await ctx.storage.recoveries.findOpenForUser(user.id);
  const recoveryReadyAt = recovery?.state === 'waiting' ? recovery.readyAt! : undefined;
  sendPage(res, <SigninCodePage {...props} request={request} hasBackupCodes={(await codesLeft(ctx, user)) > 0} recoveryReadyAt={recoveryReadyAt} />, status);
}

export function signinPages(ctx: SiteContext, limits: Limits): Router {
  const router = Router();

  router.get('/', (_req, res) => res.redirect(currentSession(res) ? '/account' : '/signin'));
  router.get('/signup', (_req, res) => sendPage(res, <SignupPage />));
  router.post('/signup', limits.signup, async (req, res) => {
    const values = { email: String(req.body?.email ?? ''), displayName: String(req.body?.displayName ?? '') };
    try {
      const input = parseInput(signupSchema, req.body);
      const { user, credential } = await signUp(ctx, input, requestInfo(req));
      if (credential === null) return sendPage(res, <CheckEmailPage email={user.email} />, 201);
      await startSession(ctx, req, res, { user, credential });
      res.redirect(303, homeFor(ctx, user));
    } catch (error) {
      sendPage(res, <SignupPage values={values} errors={errorsFor(error)} />, statusOf(error));
    }
  });

  router.get('/signin', (_req, res) => sendPage(res, <SigninPage />));
  router.post('/signin', limits.signin, async (req, res) => {
    const email = String(req.body?.email ?? '');
    try {
      const input = parseInput(signinSchema, { email: req.body?.email, password: req.body?.password });
      const result = await signInWithPassword(ctx, input, requestInfo(req));
      if (result.kind === 'mfa') {
        setCookie(req, res, TICKET_COOKIE, result.ticket, ctx.config.ticket.ttlMs);
        res.redirect(303, '/signin/code');
        return;
      }
      await startSession(ctx, req, res, result);
      res.redirect(303, homeFor(ctx, result.user));
    } catch (error) {
      const unverified = error instanceof SiteError && error.code === 'email_not_verified';
      sendPage(res, <SigninPage email={email} errors={errorsFor(error)} resend={unverified} />, statusOf(error));
    }
  });

  router.get('/signin/code', async (req, res) => {
    if (!readCookie(req, TICKET_COOKIE)) return res.redirect('/signin');
    await codePage(ctx, req, res);
  });
  const secondFactor = (field: 'code' | 'backupCode', complete: typeof signInWithTotp) => async (req: Request, res: Response) => {
    const ticket = readCookie(req, TICKET_COOKIE);
    if (!ticket) return res.redirect(303, '/signin');
    try {
      const input = parseInput(totpStepSchema, { ticket, code: req.body?.[field] });
      const { user, credential } = await complete(ctx, input, requestInfo(req));
      await startSession(ctx, req, res, { user, credential });
      res.redirect(303, homeFor(ctx, user));
    } catch (error) {
      const errors = errorsFor(error);
      const shown = 'form' in errors || 'code' in errors ? { [field]: errors.form ?? errors.code } : errors;
      await codePage(ctx, req, res, { errors: shown, useBackupCode: field === 'backupCode' }, statusOf(error));
    }
  };
  router.post('/signin/code', limits.signin, secondFactor('code', signInWithTotp));
  router.post('/signin/backup-code', limits.signin, secondFactor('backupCode', signInWithBackupCode));
  router.post('/signin/backup-codes/request', limits.backupRequests, async (req, res) => {
    try {
      const { message } = parseInput(backupRequestSchema, { message: req.body?.message });
      const { user } = await findTicket(ctx, readCookie(req, TICKET_COOKIE) ?? '');
      await requestBackupCodes(ctx, user, message, requestInfo(req));
      await codePage(ctx, req, res, { notice: 'Your request was sent to the administrator.' }, 202);
    } catch (error) {
      await codePage(ctx, req, res, { errors: errorsFor(error) }, statusOf(error));
    }
  });

  router.post('/signin/recovery', limits.mail, async (req, res) => {
    try {
      const email = await startRecovery(ctx, readCookie(req, TICKET_COOKIE) ?? '', requestInfo(req));
      await codePage(ctx, req, res, { notice: `We sent a link to ${email}: open it to start the recovery.` }, 202);
    } catch (error) {
      await codePage(ctx, req, res, { errors: errorsFor(error) }, statusOf(error));
    }
  });
  router.post('/signin/recovery/cancel', async (req, res) => {
    try {
      const cancelled = await cancelRecoveryAtCodeStep(ctx, readCookie(req, TICKET_COOKIE) ?? '', requestInfo(req));
      await codePage(ctx, req, res, { notice: cancelled ? 'The recovery is cancelled: two-factor authentication stays on.' : 'There was no recovery to cancel.' });
    } catch (error) {
      await codePage(ctx, req, res, { errors: errorsFor(error) }, statusOf(error));
    }
  });

  router.post('/signout', async (req, res) => {
    const auth = currentSession(res);
    if (auth) await endSession(ctx, auth.token);
    clearCookie(req, res, SESSION_COOKIE);
    res.redirect(303, '/signin');
  });
  return router;
}
