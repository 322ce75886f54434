// Pages of the move to a new device: started from the account page with the password and a code (or a backup code),
// the new key shown as at enrolment (QR, key as text, pairing QR for Tessera), confirmed by a code from the new
// authenticator, or cancelled. The old authenticator works until the new one is confirmed.
import { Router, type Response } from 'express';
import type { SiteContext } from '../context';
import { findUserById } from '../accounts/users';
import { cancelMove, findMove, finishMove, startMove, type MoveUnderWay } from '../mfa/move';
import { statusOf } from '../http/error-status';
import { requestInfo } from '../http/request-info';
import type { SessionAuth } from '../http/session-middleware';
import { parseInput } from '../http/validate';
import { activateSchema, disableSchema } from '../http/schemas';
import { errorsFor, sendPage } from '../pages/render';
import { MfaPage, type SetupTexts } from '../pages/mfa-page';
import type { FieldErrors } from '../pages/form-parts';
import { pageAuth, showAccountPage } from './pages-account';

const time = (ms: number) => `${new Date(ms).toISOString().slice(11, 16)} UTC`;

const textsFor = (move: MoveUnderWay): SetupTexts => ({
  title: 'Move to a new device',
  action: '/account/move/verify',
  submit: 'Use the new device',
  intro: `Your current authenticator keeps working until you enter a code from the new one here (by ${time(move.expiresAt)}).`,
});

/** The account form's fields are named apart from the other forms' on that page. */
const MOVE_FIELDS: Record<string, string> = { password: 'movePassword', code: 'moveCode', backupCode: 'moveBackupCode' };
const toMoveErrors = (errors: FieldErrors): FieldErrors => Object.fromEntries(Object.entries(errors).map(([field, text]) => [MOVE_FIELDS[field] ?? field, text]));

function showMove(res: Response, move: MoveUnderWay, errors?: FieldErrors, status = 200): void {
  sendPage(res, (
    <MfaPage {...move} errors={errors} texts={textsFor(move)}>
      <form method="post" action="/account/move/cancel" data-testid="move-cancel">
        <button type="submit" class="secondary">Cancel: keep my current authenticator</button>
      </form>
    </MfaPage>
  ), status);
}

async function currentUser(ctx: SiteContext, auth: SessionAuth) {
  return (await findUserById(ctx, auth.user.id)) ?? auth.user;
}

export function movePages(ctx: SiteContext): Router {
  const router = Router();
  router.get('/account/move', async (_req, res) => {
    const auth = pageAuth(res, 'full');
    if (!auth) return;
    const move = await findMove(ctx, await currentUser(ctx, auth));
    if (!move) return res.redirect(303, '/account');
    showMove(res, move);
  });
  router.post('/account/move', async (req, res) => {
    const auth = pageAuth(res, 'full');
    if (!auth) return;
    try {
      const { movePassword, moveCode, moveBackupCode } = req.body ?? {};
      const input = parseInput(disableSchema, { password: movePassword, code: moveCode || undefined, backupCode: moveBackupCode || undefined });
      showMove(res, await startMove(ctx, auth.user, input, requestInfo(req)), undefined, 201);
    } catch (error) {
      await showAccountPage(ctx, res, auth, { moveErrors: toMoveErrors(errorsFor(error)), status: statusOf(error) });
    }
  });
  router.post('/account/move/verify', async (req, res) => {
    const auth = pageAuth(res, 'full');
    if (!auth) return;
    try {
      await finishMove(ctx, auth.user, parseInput(activateSchema, req.body).code, requestInfo(req));
      res.redirect(303, '/account');
    } catch (error) {
      const move = await findMove(ctx, await currentUser(ctx, auth));
      if (!move) return showAccountPage(ctx, res, auth, { moveErrors: errorsFor(error), status: statusOf(error) });
      showMove(res, move, errorsFor(error), statusOf(error));
    }
  });
  router.post('/account/move/cancel', async (req, res) => {
    const auth = pageAuth(res, 'full');
    if (!auth) return;
    await cancelMove(ctx, auth.user, requestInfo(req)).catch(() => undefined);
    await showAccountPage(ctx, res, auth, { notice: 'The move was cancelled: your current authenticator stays.' });
  });
  return router;
}
