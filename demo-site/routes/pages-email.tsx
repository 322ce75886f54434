// Pages for links sent by email about the address: verification (a plain GET, no cookies needed) and sending it again.
import { Router } from 'express';
import type { SiteContext } from '../context';
import { resendVerification, verifyEmail } from '../accounts/email-verification';
import { statusOf } from '../http/error-status';
import { requestInfo } from '../http/request-info';
import { currentSession } from '../http/session-middleware';
import { parseInput } from '../http/validate';
import { emailOnlySchema, linkTokenSchema } from '../http/schemas';
import { CheckEmailPage, LinkProblemPage, RESEND_ANSWER, ResendForm, VerifiedPage } from '../pages/email-pages';
import { Layout } from '../pages/layout';
import { errorsFor, sendPage } from '../pages/render';
import type { Limits } from './limits';

export function emailPages(ctx: SiteContext, limits: Limits): Router {
  const router = Router();

  router.get('/verify', async (req, res) => {
    try {
      const { token } = parseInput(linkTokenSchema, req.query);
      const { kind, email } = await verifyEmail(ctx, token, requestInfo(req));
      sendPage(res, <VerifiedPage kind={kind} email={email} signedIn={currentSession(res) !== null} />);
    } catch (error) {
      const message = errorsFor(error);
      sendPage(res, <LinkProblemPage message={message.form ?? Object.values(message)[0]} again={{ href: '/verify/resend', label: 'Send a new link' }} />, statusOf(error));
    }
  });

  router.get('/verify/resend', (_req, res) => sendPage(res, <Layout title="Send the link again"><ResendForm /></Layout>));
  router.post('/verify/resend', limits.mail, async (req, res) => {
    const email = String(req.body?.email ?? '');
    try {
      const input = parseInput(emailOnlySchema, req.body);
      await resendVerification(ctx, input.email, requestInfo(req));
      sendPage(res, <CheckEmailPage email={input.email} notice={RESEND_ANSWER} />, 202);
    } catch (error) {
      sendPage(res, <Layout title="Send the link again"><ResendForm email={email} errors={errorsFor(error)} /></Layout>, statusOf(error));
    }
  });
  return router;
}
