// JSON API for users: asking for backup codes (from the code step with a ticket, or signed in) and signing in with one.
import { Router } from 'express';
import type { SiteContext } from '../context';
import { findTicket } from '../auth/ticket';
import { signInWithBackupCode } from '../auth/signin-backup';
import { requestBackupCodes } from '../backup/requests';
import { requestInfo } from '../http/request-info';
import { requireUser } from '../http/session-middleware';
import { answerSignedIn } from '../http/signin-answer';
import { parseInput } from '../http/validate';
import { backupRequestSchema, backupStepSchema } from '../http/schemas';
import type { Limits } from './limits';

export function backupApi(ctx: SiteContext, limits: Limits): Router {
  const router = Router();

  router.post('/signin/mfa/backup-code', async (req, res) => {
    await answerSignedIn(ctx, req, res, await signInWithBackupCode(ctx, parseInput(backupStepSchema, req.body), requestInfo(req)));
  });

  router.post('/backup-codes/requests', limits.backupRequests, async (req, res) => {
    const input = parseInput(backupRequestSchema, req.body);
    // Signed in, only with a full session: an account still to enrol has no second factor for codes to stand in for.
    const user = input.ticket ? (await findTicket(ctx, input.ticket)).user : requireUser(res, 'full').user;
    const request = await requestBackupCodes(ctx, user, input.message, requestInfo(req));
    res.status(202).json({ request: { id: request.id, status: request.status, createdAt: request.createdAt } });
  });
  return router;
}
