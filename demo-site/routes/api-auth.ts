// JSON API: signup, sign-in (password, then code), tokens, sign-out, me. Thin: parse, call the domain, answer.
// A request that completes a sign-in with "tokens": true gets tokens in the body instead of a session cookie.
import { Router } from 'express';
import type { SiteContext } from '../context';
import { signUp } from '../accounts/signup';
import { toPublicUser } from '../accounts/users';
import { deliveryFor } from '../auth/credentials';
import { signInWithPassword } from '../auth/signin';
import { signInWithTotp } from '../auth/signin-totp';
import { endSession } from '../auth/session';
import { clearCookie, SESSION_COOKIE } from '../http/cookies';
import { requestInfo } from '../http/request-info';
import { currentAuth, requireAuth, requireUser } from '../http/session-middleware';
import { answerSignedIn } from '../http/signin-answer';
import { computeSiteOrigin } from '../http/site-origin';
import { parseInput } from '../http/validate';
import {
  emailChangeSchema, emailOnlySchema, passwordChangeSchema, passwordResetSchema, refreshSchema, signinSchema, signoutSchema, signupSchema, ticketSchema,
  totpStepSchema,
} from '../http/schemas';
import { changePassword } from '../accounts/password-change';
import { requestPasswordReset, resetPassword, RESET_ANSWER } from '../accounts/password-reset';
import { startRecovery } from '../recovery/start';
import { cancelRecoveryAtCodeStep, cancelRecoveryOf } from '../recovery/finish';
import { resendVerification } from '../accounts/email-verification';
import { requestEmailChange } from '../accounts/email-change';
import { RESEND_ANSWER } from '../pages/email-pages';
import { refreshTokens, signOutFamily, signOutRefreshToken } from '../tokens/refresh';
import type { Limits } from './limits';

export function authApi(ctx: SiteContext, limits: Limits): Router {
  const router = Router();
  router.use('/signin', limits.signin);

  router.post('/signup', limits.signup, async (req, res) => {
    const input = parseInput(signupSchema, req.body);
    const { user, credential } = await signUp(ctx, input, requestInfo(req), deliveryFor(input.tokens));
    if (credential === null) {
      res.status(201).json({ user: toPublicUser(user), verificationRequired: true });
      return;
    }
    await answerSignedIn(ctx, req, res, { user, credential }, {}, 201);
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
    await answerSignedIn(ctx, req, res, result);
  });

  router.post('/signin/mfa/totp', async (req, res) => {
    await answerSignedIn(ctx, req, res, await signInWithTotp(ctx, parseInput(totpStepSchema, req.body), requestInfo(req)));
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

  router.post('/token', limits.signin, async (req, res) => {
    const { refreshToken } = parseInput(refreshSchema, req.body);
    res.json(await refreshTokens(ctx, refreshToken, computeSiteOrigin(ctx.config, req), requestInfo(req)));
  });

  // Ends what the request names: a refresh token's sign-in, the access token's sign-in, the cookie session.
  router.post('/signout', async (req, res) => {
    const { refreshToken } = parseInput(signoutSchema, req.body);
    const auth = currentAuth(res);
    if (!refreshToken && !auth) requireUser(res, 'any');
    if (refreshToken) await signOutRefreshToken(ctx, refreshToken, requestInfo(req));
    if (auth?.kind === 'token') await signOutFamily(ctx, auth.familyId, requestInfo(req));
    if (auth?.kind === 'session') {
      await endSession(ctx, auth.token);
      clearCookie(req, res, SESSION_COOKIE);
    }
    res.json({ signedOut: true });
  });

  router.get('/me', (_req, res) => {
    const auth = requireUser(res, 'any');
    res.json({ user: toPublicUser(auth.user) });
  });
  return router;
}
