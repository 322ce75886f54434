// POST /api/mfa/totp/pairing: a single-use pairing QR for the signed-in user's pending secret (the one the enrolment
// page shows, or the new device's during a move), bound to this session (or API sign-in). The extension that scans it
// receives the secret; the page is told at once.
import { Router } from 'express';
import { ConflictError } from '../errors';
import { requestInfo } from '../http/request-info';
import { requireUser } from '../http/session-middleware';
import { computeSiteOrigin } from '../http/site-origin';
import { bindingOf } from '../qr-signin/binding';
import type { QrContext } from '../qr-signin/context';
import { issueQr } from '../qr-signin/issue';
import { pairablePendingTotp } from '../mfa/new-secret';
import type { Limits } from './limits';

export function pairingApi(qr: QrContext, limits: Limits): Router {
  const router = Router();
  router.post('/totp/pairing', limits.qrGenerate, async (req, res) => {
    const auth = requireUser(res, 'any');
    const { user } = auth;
    const pending = pairablePendingTotp(qr.site, user);
    if (!pending && user.totp) {
      throw new ConflictError('mfa_already_enabled', 'Two-factor authentication is already on: to set up another authenticator, move to a new device from your account.');
    }
    if (!pending) throw new ConflictError('no_pending_secret', 'There is no authenticator being set up: open the enrolment page (/mfa) first.');
    const issued = await issueQr(
      qr,
      { kind: 'pair', binding: bindingOf(auth), origin: computeSiteOrigin(qr.site.config, req), userId: user.id, pendingBox: pending.secretBox },
      requestInfo(req),
    );
    res.status(201).json(issued);
  });
  return router;
}
