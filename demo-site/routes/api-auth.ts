// JSON API: signup, sign-in (password, then code), sign-out, me. Thin: parse, call the domain, answer.
import { Router } from 'express';
import type { SiteContext } from '../context';
import { signUp } from '../accounts/signup';
import { toPublicUser } from '../accounts/users';
import { signInWithPassword } from '../auth/signin';
import { signInWithTotp } from '../auth/signin-totp';
import { endSession } from '../auth/session';
import { clearCookie, SESSION_COOKIE } from '../http/cookies';
import { requestInfo } from '../http/request-info';
import { replaceSession, requireAuth } from '../http/session-middleware';
import { parseInput } from '../http/validate';
import { ticketSchema, emailChangeSchema, emailOnlySchema, passwordChangeSchema, passwordResetSchema, signinSchema, signupSchema, totpStepSchema } from '../http/schemas';
import { changePassword } from '../accounts/password-change';
import { requestPasswordReset, resetPassword, RESET_ANSWER } from '../accounts/password-reset';
import { startRecovery } from '../recovery/start';
import { cancelRecoveryAtCodeStep, cancelRecoveryOf } from '../recovery/finish';
import { resendVerification } from '../accounts/email-verification';
import { requestEmailChange } from '../accounts/email-change';
import { RESEND_ANSWER } from '../pages/email-pages';
import type { Limits } from './limits';

export function authApi(ctx: SiteContext, limits: Limits): Router {
  const router = Router();
  router.use('/signin', limits.signin);

  router.post('/signup', limits.signup, async (req, res) => {
    const input = parseInput(signupSchema, req.body);
    const { user, sessionId } = await signUp(ctx, input, requestInfo(req));
    if (sessionId === null) {
      res.status(201).json({ user: toPublicUser(user), verificationRequired: true });
      return;
    }
    await replaceSession(ctx, req, res, sessionId);
    res.status(201).json({ user: toPublicUser(user) });
  });

  router.post('/email/verification/resend', limits.mail, async (req, res) => {
    await resendVerification(ctx, parseInput(emailOnlySchema, req.body).email, requestInfo(req));
    res.status(202).json({ sent: true, message: RESEND_ANSWER });
  });

  router.post('/password/change', async (req, res) => {
    const { user, session } = requireAuth(res, 'full');
    await changePassword(ctx, user, session, parseInput(passwordChangeSchema, req.body), requestInfo(req));
    res.json({ changed: true });
  });
  router.post('/password/forgot', limits.mail, async (req, res) => {
    await requestPasswordReset(ctx, parseInput(emailOnlySchema, req.body).email, requestInfo(req));
    res.status(202).json({ sent: true, message: RESET_ANSWER });
  });
  router.post('/password/reset', async (req, res) => {
    const { token, ...input } = parseInput(passwordResetSchema, req.body);
    await resetPassword(ctx, token, input, requestInfo(req));
    res.json({ reset: true });
  });

  router.post('/email/change', async (req, res) => {
    const { user } = requireAuth(res, 'full');
    const email = await requestEmailChange(ctx, user, parseInput(emailChangeSchema, req.body), requestInfo(req));
    res.status(202).json({ pending: email });
  });

  router.post('/signin', async (req, res) => {
    const input = parseInput(signinSchema, req.body);
    const result = await signInWithPassword(ctx, input, requestInfo(req));
    if (result.kind === 'mfa') {
      res.json({ mfaRequired: true, ticket: result.ticket, methods: result.methods, ...(result.recovery ? { recovery: result.recovery } : {}) });
      return;
    }
    await replaceSession(ctx, req, res, result.sessionId);
    res.json({ user: toPublicUser(result.user) });
  });

  router.post('/signin/mfa/totp', async (req, res) => {
    const input = parseInput(totpStepSchema, req.body);
    const { user, sessionId } = await signInWithTotp(ctx, input, requestInfo(req));
    await replaceSession(ctx, req, res, sessionId);
    res.json({ user: toPublicUser(user) });
  });

  router.post('/signin/recovery', limits.mail, async (req, res) => {
    const { ticket } = parseInput(ticketSchema, req.body);
    res.status(202).json({ sentTo: await startRecovery(ctx, ticket, requestInfo(req)) });
  });
  router.post('/signin/recovery/cancel', async (req, res) => {
    const { ticket } = parseInput(ticketSchema, req.body);
    res.json({ cancelled: await cancelRecoveryAtCodeStep(ctx, ticket, requestInfo(req)) });
  });
  router.post('/recovery/cancel', async (req, res) => {
    const { user } = requireAuth(res, 'any');
    res.json({ cancelled: await cancelRecoveryOf(ctx, user, requestInfo(req)) });
  });

  router.post('/signout', async (req, res) => {
    const auth = requireAuth(res, 'any');
    await endSession(ctx, auth.token);
    clearCookie(req, res, SESSION_COOKIE);
    res.json({ signedOut: true });
  });

  router.get('/me', (_req, res) => {
    const auth = requireAuth(res, 'any');
    res.json({ user: toPublicUser(auth.user) });
  });
  return router;
}
