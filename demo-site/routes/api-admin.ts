// JSON API for administrators: 401 without a session, 403 for anyone else.
import { Router, type Response } from 'express';
import type { SiteContext } from '../context';
import { ForbiddenError } from '../errors';
import { denyRequest, handOverForUser, issueForRequest, issueForUser, listRequests, revokeForUser } from '../admin/backup-actions';
import { describeDelivery } from '../backup/delivery';
import type { BackupDelivery } from '../storage/rows';
import { listUsers, unlockUser } from '../admin/users';
import { queryAudit } from '../admin/audit-query';
import { listSigningKeys, rotateSigningKey } from '../admin/signing-keys';
import { requestInfo } from '../http/request-info';
import { requireAuth, type Auth } from '../http/session-middleware';
import { parseInput } from '../http/validate';
import { auditQuerySchema, denySchema, handOverSchema, pageSchema, requestStatusSchema, userListSchema } from '../http/schemas';
import { listOutbox } from '../admin/outbox';
import { freezeByAdmin, listFrozen, unfreezeAccount } from '../notices/freeze';
import { approveRecovery, cancelRecoveryByAdmin, listRecoveries } from '../recovery/finish';

export function requireAdmin(res: Response): Auth {
  const auth = requireAuth(res, 'full');
  if (auth.user.role !== 'admin') throw new ForbiddenError('admin_only', 'Only an administrator can do this.');
  return auth;
}

const describeIssued = (ctx: SiteContext, delivery: BackupDelivery) => ({ id: delivery.id, method: delivery.method, ...describeDelivery(ctx, delivery) });

export function adminApi(ctx: SiteContext): Router {
  const router = Router();
  router.use((_req, res, next) => {
    requireAdmin(res);
    next();
  });

  router.get('/backup-code-requests', async (req, res) => {
    const { status } = parseInput(requestStatusSchema, req.query);
    res.json({ requests: await listRequests(ctx, status) });
  });
  // Approving sends the user a link to the codes: the answer holds none.
  router.post('/backup-code-requests/:id/issue', async (req, res) => {
    const { delivery } = await issueForRequest(ctx, req.params.id, requireAdmin(res).user, requestInfo(req));
    res.json({ delivery: describeIssued(ctx, delivery) });
  });
  router.post('/backup-code-requests/:id/hand-over', async (req, res) => {
    parseInput(handOverSchema, req.body);
    res.json({ codes: (await handOverForUser(ctx, { requestId: req.params.id }, requireAdmin(res).user, requestInfo(req))).codes });
  });
  router.post('/backup-code-requests/:id/deny', async (req, res) => {
    const { reason } = parseInput(denySchema, req.body);
    const request = await denyRequest(ctx, req.params.id, reason, requireAdmin(res).user, requestInfo(req));
    res.json({ request: { id: request.id, status: request.status, reason: request.reason } });
  });

  router.get('/users', async (req, res) => res.json(await listUsers(ctx, parseInput(userListSchema, req.query))));
  router.post('/users/:id/unlock', async (req, res) => {
    res.json({ user: await unlockUser(ctx, req.params.id, requireAdmin(res).user.id, requestInfo(req)) });
  });
  router.post('/users/:id/backup-codes', async (req, res) => {
    const { delivery } = await issueForUser(ctx, req.params.id, requireAdmin(res).user, requestInfo(req));
    res.json({ delivery: describeIssued(ctx, delivery) });
  });
  router.post('/users/:id/backup-codes/hand-over', async (req, res) => {
    parseInput(handOverSchema, req.body);
    res.json({ codes: (await handOverForUser(ctx, { userId: req.params.id }, requireAdmin(res).user, requestInfo(req))).codes });
  });
  router.delete('/users/:id/backup-codes', async (req, res) => {
    const revoked = await revokeForUser(ctx, req.params.id, requireAdmin(res).user, requestInfo(req));
    res.json({ revoked });
  });

  router.get('/frozen', async (_req, res) => res.json({ users: await listFrozen(ctx) }));
  router.post('/users/:id/freeze', async (req, res) => {
    await freezeByAdmin(ctx, req.params.id, requireAdmin(res).user, requestInfo(req));
    res.json({ frozen: true });
  });
  router.post('/users/:id/unfreeze', async (req, res) => {
    res.json({ unfrozen: await unfreezeAccount(ctx, req.params.id, requireAdmin(res).user, requestInfo(req)) });
  });

  router.get('/recoveries', async (_req, res) => res.json({ recoveries: await listRecoveries(ctx) }));
  router.post('/recoveries/:id/approve', async (req, res) => {
    await approveRecovery(ctx, req.params.id, requireAdmin(res).user, requestInfo(req));
    res.json({ approved: true });
  });
  router.post('/recoveries/:id/cancel', async (req, res) => {
    await cancelRecoveryByAdmin(ctx, req.params.id, requireAdmin(res).user, requestInfo(req));
    res.json({ cancelled: true });
  });

  router.get('/outbox', async (req, res) => res.json(await listOutbox(ctx, parseInput(pageSchema, req.query))));
  router.get('/signing-keys', async (_req, res) => res.json({ keys: await listSigningKeys(ctx) }));
  router.post('/signing-keys/rotate', async (req, res) => {
    res.json(await rotateSigningKey(ctx, requireAdmin(res).user, requestInfo(req)));
  });

  router.get('/audit', async (req, res) => res.json(await queryAudit(ctx, parseInput(auditQuerySchema, req.query))));
  return router;
}
