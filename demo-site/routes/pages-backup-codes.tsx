// Fetching delivered backup codes, once: from the link in the email (no cookies needed) or from /account.
import { Router, type Request, type Response } from 'express';
import type { SiteContext } from '../context';
import { checkCodesLink, fetchCodesByLink, fetchCodesSignedIn } from '../backup/delivery';
import { findUserById } from '../accounts/users';
import { statusOf } from '../http/error-status';
import { requestInfo } from '../http/request-info';
import { currentSession } from '../http/session-middleware';
import { parseInput } from '../http/validate';
import { linkTokenSchema } from '../http/schemas';
import { LinkProblemPage } from '../pages/email-pages';
import { codesText, FetchCodesPage, IssuedCodesPage } from '../pages/issued-codes-page';
import { errorsFor, sendPage } from '../pages/render';
import type { User } from '../storage/rows';

function answer(req: Request, res: Response, user: Pick<User, 'email'>, codes: string[]): void {
  if (!req.path.endsWith('/download')) return sendPage(res, <IssuedCodesPage email={user.email} codes={codes} forUser />);
  res.set({ 'Cache-Control': 'no-store', 'Content-Disposition': 'attachment; filename="tessera-backup-codes.txt"' }).type('text/plain').send(codesText(user.email, codes));
}

export function backupCodePages(ctx: SiteContext): Router {
  const router = Router();
  const problem = (res: Response, error: unknown) => sendPage(res, <LinkProblemPage message={Object.values(errorsFor(error))[0]} />, statusOf(error));

  router.get('/backup-codes', async (req, res) => {
    try {
      const { token } = parseInput(linkTokenSchema, req.query);
      await checkCodesLink(ctx, token);
      sendPage(res, <FetchCodesPage token={token} />);
    } catch (error) {
      problem(res, error);
    }
  });
  router.post(['/backup-codes/show', '/backup-codes/download'], async (req, res) => {
    try {
      const { token } = parseInput(linkTokenSchema, req.body);
      const link = await checkCodesLink(ctx, token);
      const codes = await fetchCodesByLink(ctx, token, requestInfo(req));
      answer(req, res, (await findUserById(ctx, link.userId)) ?? { email: '' }, codes);
    } catch (error) {
      problem(res, error);
    }
  });

  router.post(['/account/backup-codes/show', '/account/backup-codes/download'], async (req, res) => {
    const auth = currentSession(res);
    if (!auth || auth.session.scope !== 'full') return res.redirect(303, '/signin');
    try {
      answer(req, res, auth.user, await fetchCodesSignedIn(ctx, auth.user, requestInfo(req)));
    } catch (error) {
      problem(res, error);
    }
  });
  return router;
}
