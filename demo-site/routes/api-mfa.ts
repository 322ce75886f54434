// JSON API for TOTP enrolment, moving it to a new device, and turning it off (a session or an access token).
import { Router } from 'express';
import type { SiteContext } from '../context';
import { activateTotp, generatePendingTotp } from '../mfa/enrolment';
import { disableTotp } from '../mfa/disable';
import { cancelMove, finishMove, startMove } from '../mfa/move';
import { requestInfo } from '../http/request-info';
import { requireUser } from '../http/session-middleware';
import { parseInput } from '../http/validate';
import { activateSchema, disableSchema } from '../http/schemas';

export function mfaApi(ctx: SiteContext): Router {
  const router = Router();

  router.post('/totp/generate', async (_req, res) => {
    const { user } = requireUser(res, 'any');
    res.json(await generatePendingTotp(ctx, user));
  });

  router.post('/totp/activate', async (req, res) => {
    const { user } = requireUser(res, 'any');
    const { code } = parseInput(activateSchema, req.body);
    await activateTotp(ctx, user, code, requestInfo(req));
    res.json({ mfaEnabled: true });
  });

  router.post('/totp/disable', async (req, res) => {
    const { user } = requireUser(res, 'full');
    const input = parseInput(disableSchema, req.body);
    await disableTotp(ctx, user, input, requestInfo(req));
    res.json({ mfaEnabled: false });
  });
  router.post('/totp/move', async (req, res) => {
    const { user } = requireUser(res, 'full');
    res.status(201).json(await startMove(ctx, user, parseInput(disableSchema, req.body), requestInfo(req)));
  });
  router.post('/totp/move/verify', async (req, res) => {
    const { user } = requireUser(res, 'full');
    await finishMove(ctx, user, parseInput(activateSchema, req.body).code, requestInfo(req));
    res.json({ moved: true });
  });
  router.post('/totp/move/cancel', async (req, res) => {
    await cancelMove(ctx, requireUser(res, 'full').user, requestInfo(req));
    res.json({ cancelled: true });
  });
  return router;
}
