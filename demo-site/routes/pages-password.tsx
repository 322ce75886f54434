// Pages for a forgotten password: asking for a link, and the page the link opens.
import { Router } from 'express';
import type { SiteContext } from '../context';
import { checkResetLink, requestPasswordReset, resetPassword, RESET_ANSWER } from '../accounts/password-reset';
import { LinkError } from '../mail/links';
import { statusOf } from '../http/error-status';
import { requestInfo } from '../http/request-info';
import { parseInput } from '../http/validate';
import { emailOnlySchema, linkTokenSchema, passwordResetSchema } from '../http/schemas';
import { LinkProblemPage } from '../pages/email-pages';
import { ForgotPage, PasswordResetDonePage, ResetPasswordPage } from '../pages/password-pages';
import { errorsFor, sendPage } from '../pages/render';
import type { Limits } from './limits';

const askAgain = { href: '/forgot', label: 'Ask for a new link' };

export function passwordPages(ctx: SiteContext, limits: Limits): Router {
  const router = Router();
  const linkProblem = (error: unknown) => <LinkProblemPage message={Object.values(errorsFor(error))[0]} again={askAgain} />;

  router.get('/forgot', (_req, res) => sendPage(res, <ForgotPage />));
  router.post('/forgot', limits.mail, async (req, res) => {
    const email = String(req.body?.email ?? '');
    try {
      await requestPasswordReset(ctx, parseInput(emailOnlySchema, req.body).email, requestInfo(req));
      sendPage(res, <ForgotPage email={email} notice={RESET_ANSWER} />, 202);
    } catch (error) {
      sendPage(res, <ForgotPage email={email} errors={errorsFor(error)} />, statusOf(error));
    }
  });

  router.get('/reset-password', async (req, res) => {
    try {
      const { token } = parseInput(linkTokenSchema, req.query);
      await checkResetLink(ctx, token);
      sendPage(res, <ResetPasswordPage token={token} />);
    } catch (error) {
      sendPage(res, linkProblem(error), statusOf(error));
    }
  });
  router.post('/reset-password', async (req, res) => {
    const token = String(req.body?.token ?? '');
    try {
      await resetPassword(ctx, token, parseInput(passwordResetSchema, req.body), requestInfo(req));
      sendPage(res, <PasswordResetDonePage />);
    } catch (error) {
      if (error instanceof LinkError || (error as { details?: { field?: string } }).details?.field === 'token') return sendPage(res, linkProblem(error), statusOf(error));
      sendPage(res, <ResetPasswordPage token={token} errors={errorsFor(error)} />, statusOf(error));
    }
  });
  return router;
}
