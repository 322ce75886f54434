// The page a notice's "This wasn't me" link opens (no cookies needed), and its confirmation.
import { Router } from 'express';
import type { SiteContext } from '../context';
import { checkNotMeLink, freezeByOwner } from '../notices/freeze';
import { statusOf } from '../http/error-status';
import { requestInfo } from '../http/request-info';
import { currentSession } from '../http/session-middleware';
import { clearCookie, SESSION_COOKIE } from '../http/cookies';
import { parseInput } from '../http/validate';
import { linkTokenSchema } from '../http/schemas';
import { LinkProblemPage } from '../pages/email-pages';
import { FrozenPage, NotMePage } from '../pages/freeze-pages';
import { errorsFor, sendPage } from '../pages/render';

export function noticePages(ctx: SiteContext): Router {
  const router = Router();
  const problem = (error: unknown) => <LinkProblemPage message={Object.values(errorsFor(error))[0]} />;

  router.get('/not-me', async (req, res) => {
    try {
      const { token } = parseInput(linkTokenSchema, req.query);
      await checkNotMeLink(ctx, token);
      sendPage(res, <NotMePage token={token} />);
    } catch (error) {
      sendPage(res, problem(error), statusOf(error));
    }
  });
  router.post('/not-me', async (req, res) => {
    try {
      const { token } = parseInput(linkTokenSchema, req.body);
      const frozen = await freezeByOwner(ctx, token, requestInfo(req));
      // The frozen account's session here ended with the others; another account's (an administrator reading the
      // mail, a shared computer) stays signed in.
      if (currentSession(res)?.user.id === frozen.id) clearCookie(req, res, SESSION_COOKIE);
      sendPage(res, <FrozenPage />);
    } catch (error) {
      sendPage(res, problem(error), statusOf(error));
    }
  });
  return router;
}
