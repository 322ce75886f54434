// The pages a recovery's email links open (no cookies needed): confirm the recovery, or cancel it.
import { Router } from 'express';
import type { SiteContext } from '../context';
import { checkLink } from '../mail/links';
import { describeTime } from '../mail/messages';
import { confirmRecovery } from '../recovery/start';
import { cancelRecoveryByLink, checkCancelLink } from '../recovery/finish';
import { statusOf } from '../http/error-status';
import { requestInfo } from '../http/request-info';
import { parseInput } from '../http/validate';
import { linkTokenSchema } from '../http/schemas';
import { LinkProblemPage } from '../pages/email-pages';
import { LinkActionPage, MessagePage } from '../pages/recovery-pages';
import { errorsFor, sendPage } from '../pages/render';

export function recoveryPages(ctx: SiteContext): Router {
  const router = Router();
  const problem = (error: unknown) => <LinkProblemPage message={Object.values(errorsFor(error))[0]} />;
  const hours = ctx.config.recoveryDelayMs / 3_600_000;

  router.get('/recovery/confirm', async (req, res) => {
    try {
      const { token } = parseInput(linkTokenSchema, req.query);
      await checkLink(ctx, token, ['recovery_confirm']);
      sendPage(res, <LinkActionPage title="Recover your account" action="/recovery/confirm" token={token} button="Start the recovery"
        text={`Two-factor authentication goes off in ${hours} hours, unless the recovery is cancelled meanwhile (from the email we send now, or at any sign-in). Then sign in and set up a new authenticator.`} />);
    } catch (error) {
      sendPage(res, problem(error), statusOf(error));
    }
  });
  router.post('/recovery/confirm', async (req, res) => {
    try {
      const recovery = await confirmRecovery(ctx, parseInput(linkTokenSchema, req.body).token, requestInfo(req));
      sendPage(res, <MessagePage title="Recovery started" message={`The recovery started: two-factor authentication goes off at ${describeTime(recovery.readyAt!)}, unless it is cancelled before. Sign in after that time to set up a new authenticator.`} />);
    } catch (error) {
      sendPage(res, problem(error), statusOf(error));
    }
  });

  router.get('/recovery/cancel', async (req, res) => {
    try {
      const { token } = parseInput(linkTokenSchema, req.query);
      await checkCancelLink(ctx, token);
      sendPage(res, <LinkActionPage title="Cancel the recovery" action="/recovery/cancel" token={token} button="Cancel this recovery"
        text="Cancel the recovery of your account? Two-factor authentication then stays on. If you did not start it, someone knows your password: change it." />);
    } catch (error) {
      sendPage(res, problem(error), statusOf(error));
    }
  });
  router.post('/recovery/cancel', async (req, res) => {
    try {
      await cancelRecoveryByLink(ctx, parseInput(linkTokenSchema, req.body).token, requestInfo(req));
      sendPage(res, <MessagePage title="Recovery cancelled" message="The recovery is cancelled: two-factor authentication stays on." />);
    } catch (error) {
      sendPage(res, problem(error), statusOf(error));
    }
  });
  return router;
}
