// What administrators see of users, and unlocking.
import { recordAudit } from '../audit';
import type { RequestInfo, SiteContext } from '../context';
import { NotFoundError } from '../errors';
import { findUserById } from '../accounts/users';
import { codesLeft } from '../backup/issue';
import type { User } from '../store/schema';

export interface AdminUserView {
  id: string;
  email: string;
  displayName: string;
  role: User['role'];
  mfaEnabled: boolean;
  lockedUntil: number | null;
  codesLeft: number;
  lastSignInAt: number | null;
}

export function toAdminView(ctx: SiteContext, user: User): AdminUserView {
  const locked = user.lockedUntil !== null && user.lockedUntil > ctx.now();
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    mfaEnabled: user.totp !== null,
    lockedUntil: locked ? user.lockedUntil : null,
    codesLeft: codesLeft(user),
    lastSignInAt: user.lastSignInAt,
  };
}

export function listUsers(ctx: SiteContext): AdminUserView[] {
  return ctx.store.data.users.map((user) => toAdminView(ctx, user));
}

export function requireUser(ctx: SiteContext, id: string): User {
  const user = findUserById(ctx, id);
  if (!user) throw new NotFoundError('user_not_found', 'There is no user with this id.');
  return user;
}

export async function unlockUser(ctx: SiteContext, user: User, actorId: string, request: RequestInfo): Promise<void> {
  user.lockedUntil = null;
  user.failedAttempts = 0;
  recordAudit(ctx, 'account_unlocked', request, { userId: user.id, actorId });
  await ctx.store.save();
}
