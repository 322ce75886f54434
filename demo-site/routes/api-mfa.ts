// JSON API for TOTP enrolment and turning it off.
import { Router } from 'express';
import type { SiteContext } from '../context';
import { activateTotp, generatePendingTotp } from '../mfa/enrolment';
import { disableTotp } from '../mfa/disable';
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
  return router;
}
