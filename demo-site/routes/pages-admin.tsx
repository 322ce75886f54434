// The /admin pages: the request queue, the users table, the audit log. Thin shells over admin/*.
import { Router, type Request, type Response } from 'express';
import type { SiteContext } from '../context';
import { ForbiddenError, NotFoundError } from '../errors';
import { approveRecovery, cancelRecoveryByAdmin, listRecoveries } from '../recovery/finish';
import { AdminRecoveriesPage } from '../pages/admin-recoveries-page';
import { denyRequest, handOverForUser, issueForRequest, issueForUser, listRequests, revokeForUser, type RequestView } from '../admin/backup-actions';
import { listUsers, unlockUser } from '../admin/users';
import { queryAudit } from '../admin/audit-query';
import { requestInfo } from '../http/request-info';
import { currentSession, type SessionAuth } from '../http/session-middleware';
import { parseInput } from '../http/validate';
import { auditQuerySchema, denySchema, handOverSchema, pageSchema, requestStatusSchema, userListSchema } from '../http/schemas';
import { listOutbox } from '../admin/outbox';
import { freezeByAdmin, listFrozen, unfreezeAccount } from '../notices/freeze';
import { AdminOutboxPage } from '../pages/admin-outbox-page';
import { sendPage } from '../pages/render';
import { AdminRequestsPage } from '../pages/admin-requests-page';
import { AdminUsersPage } from '../pages/admin-users-page';
import { AdminAuditPage } from '../pages/admin-audit-page';
import { IssuedCodesPage } from '../pages/issued-codes-page';

/** The administrator, or a redirect (no session, or enrolment pending), or a 403 for anyone else. */
function pageAdmin(res: Response): SessionAuth | null {
  const auth = currentSession(res);
  if (!auth) return res.redirect(303, '/signin'), null;
  if (auth.session.scope !== 'full') return res.redirect(303, '/mfa'), null;
  if (auth.user.role !== 'admin') throw new ForbiddenError('admin_only', 'Only an administrator can see this page.');
  return auth;
}

export function adminPages(ctx: SiteContext): Router {
  const router = Router();
  const showCodes = (res: Response, email: string, codes: string[]) => sendPage(res, <IssuedCodesPage email={email} codes={codes} />);

  const showQueue = async (res: Response, status: RequestView['status'], notice?: string) =>
    sendPage(res, <AdminRequestsPage requests={await listRequests(ctx, status)} status={status} frozen={await listFrozen(ctx)} notice={notice} />);
  const sentNotice = (email: string) => `New backup codes for ${email} are issued: a link to them is on its way to that address. You will see here whether they were fetched.`;

  router.get('/admin', async (req, res) => {
    if (!pageAdmin(res)) return;
    await showQueue(res, parseInput(requestStatusSchema, req.query).status);
  });
  router.post('/admin/requests/:id/issue', async (req, res) => {
    const auth = pageAdmin(res);
    if (!auth) return;
    const { user } = await issueForRequest(ctx, req.params.id, auth.user, requestInfo(req));
    await showQueue(res, 'open', sentNotice(user.email));
  });
  router.post('/admin/requests/:id/hand-over', async (req, res) => {
    const auth = pageAdmin(res);
    if (!auth) return;
    parseInput(handOverSchema, req.body);
    const { user, codes } = await handOverForUser(ctx, { requestId: req.params.id }, auth.user, requestInfo(req));
    showCodes(res, user.email, codes);
  });
  router.post('/admin/requests/:id/deny', async (req, res) => {
    const auth = pageAdmin(res);
    if (!auth) return;
    const { reason } = parseInput(denySchema, req.body);
    await denyRequest(ctx, req.params.id, reason, auth.user, requestInfo(req));
    res.redirect(303, '/admin');
  });

  const userQuery = (req: Request) => parseInput(userListSchema, { ...req.query, email: req.query.email || undefined });
  router.get('/admin/users', async (req, res) => {
    if (pageAdmin(res)) sendPage(res, <AdminUsersPage result={await listUsers(ctx, userQuery(req))} />);
  });
  router.post('/admin/users/:id/unlock', async (req, res) => {
    const auth = pageAdmin(res);
    if (!auth) return;
    await unlockUser(ctx, req.params.id, auth.user.id, requestInfo(req));
    res.redirect(303, '/admin/users');
  });
  router.post('/admin/users/:id/backup-codes', async (req, res) => {
    const auth = pageAdmin(res);
    if (!auth) return;
    const { user } = await issueForUser(ctx, req.params.id, auth.user, requestInfo(req));
    sendPage(res, <AdminUsersPage result={await listUsers(ctx, userQuery(req))} notice={sentNotice(user.email)} />);
  });
  router.post('/admin/users/:id/backup-codes/hand-over', async (req, res) => {
    const auth = pageAdmin(res);
    if (!auth) return;
    parseInput(handOverSchema, req.body);
    const { user, codes } = await handOverForUser(ctx, { userId: req.params.id }, auth.user, requestInfo(req));
    showCodes(res, user.email, codes);
  });
  router.post('/admin/users/:id/freeze', async (req, res) => {
    const auth = pageAdmin(res);
    if (!auth) return;
    await freezeByAdmin(ctx, req.params.id, auth.user, requestInfo(req));
    res.redirect(303, '/admin/users');
  });
  router.post('/admin/users/:id/unfreeze', async (req, res) => {
    const auth = pageAdmin(res);
    if (!auth) return;
    await unfreezeAccount(ctx, req.params.id, auth.user, requestInfo(req));
    res.redirect(303, String(req.body?.back ?? '') === 'users' ? '/admin/users' : '/admin');
  });
  router.post('/admin/users/:id/backup-codes/revoke', async (req, res) => {
    const auth = pageAdmin(res);
    if (!auth) return;
    const revoked = await revokeForUser(ctx, req.params.id, auth.user, requestInfo(req));
    sendPage(res, <AdminUsersPage result={await listUsers(ctx, userQuery(req))} notice={`${revoked} backup code${revoked === 1 ? '' : 's'} revoked.`} />);
  });

  router.get('/admin/recoveries', async (_req, res) => {
    if (pageAdmin(res)) sendPage(res, <AdminRecoveriesPage recoveries={await listRecoveries(ctx)} now={ctx.now()} />);
  });
  router.post('/admin/recoveries/:id/:action', async (req, res) => {
    const auth = pageAdmin(res);
    if (!auth) return;
    if (req.params.action === 'approve') await approveRecovery(ctx, req.params.id, auth.user, requestInfo(req));
    else if (req.params.action === 'cancel') await cancelRecoveryByAdmin(ctx, req.params.id, auth.user, requestInfo(req));
    else throw new NotFoundError('not_found', 'There is no page at this address.');
    res.redirect(303, '/admin/recoveries');
  });

  router.get('/admin/outbox', async (req, res) => {
    if (!pageAdmin(res)) return;
    const result = await listOutbox(ctx, parseInput(pageSchema, req.query));
    sendPage(res, <AdminOutboxPage result={result} smtp={ctx.config.email.smtpUrl !== undefined} />);
  });

  router.get('/admin/audit', async (req, res) => {
    if (!pageAdmin(res)) return;
    const query = parseInput(auditQuerySchema, { ...req.query, userId: req.query.userId || undefined, type: req.query.type || undefined });
    sendPage(res, <AdminAuditPage result={await queryAudit(ctx, query)} userId={query.userId} type={query.type} />);
  });
  return router;
}
