// What administrators see of users (in pages, searchable by email), and unlocking.
import { recordAudit } from '../audit';
import type { RequestInfo, SiteContext } from '../context';
import { NotFoundError } from '../errors';
import { findUserById } from '../accounts/users';
import type { Repositories, UserListQuery, UserSummary } from '../storage/repositories';
import type { User } from '../storage/rows';

export interface AdminUserView {
  id: string;
  email: string;
  displayName: string;
  role: User['role'];
  mfaEnabled: boolean;
  lockedUntil: number | null;
  frozenAt: number | null;
  emailVerified: boolean;
  codesLeft: number;
  lastSignInAt: number | null;
}

export interface AdminUserPage { users: AdminUserView[]; page: number; pageSize: number; total: number; email?: string }

export function toAdminView(ctx: SiteContext, user: UserSummary): AdminUserView {
  const locked = user.lockedUntil !== null && user.lockedUntil > ctx.now();
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    mfaEnabled: user.totp !== null,
    lockedUntil: locked ? user.lockedUntil : null,
    frozenAt: user.frozenAt,
    emailVerified: user.emailVerifiedAt !== null,
    codesLeft: user.codesLeft,
    lastSignInAt: user.lastSignInAt,
  };
}

export async function listUsers(ctx: SiteContext, query: UserListQuery): Promise<AdminUserPage> {
  const { users, total } = await ctx.storage.users.list(query);
  return { users: users.map((user) => toAdminView(ctx, user)), page: query.page, pageSize: query.pageSize, total, email: query.email };
}

export async function requireUser(ctx: SiteContext, id: string, repos: Repositories = ctx.storage): Promise<User> {
  const user = await findUserById(ctx, id, repos);
  if (!user) throw new NotFoundError('user_not_found', 'There is no user with this id.');
  return user;
}

/** Unlocks and returns the user as the administrator now sees it. */
export async function unlockUser(ctx: SiteContext, userId: string, actorId: string, request: RequestInfo): Promise<AdminUserView> {
  return ctx.storage.transaction(async (tx) => {
    const user = await requireUser(ctx, userId, tx);
    await tx.users.unlock(user.id);
    await recordAudit(ctx, 'account_unlocked', request, { userId: user.id, actorId }, tx);
    const codesLeft = await tx.backupCodes.countUnused(user.id);
    return toAdminView(ctx, { ...user, lockedUntil: null, failedAttempts: 0, codesLeft });
  });
}
