// Looking users up and showing them to clients (never the hash, the TOTP secret or the attempt counters).
import type { SiteContext } from '../context';
import type { Repositories } from '../storage/repositories';
import type { User } from '../storage/rows';

export interface PublicUser {
  id: string;
  email: string;
  displayName: string;
  mfaEnabled: boolean;
  role: User['role'];
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** A signup that never activated in time: it counts as gone (the sweep deletes it), so its email is free again. */
export function isAbandonedSignup(ctx: SiteContext, user: User): boolean {
  return user.status === 'pending' && ctx.now() - user.createdAt >= ctx.config.pendingAccountMs;
}

/** The account with this email, unless it is an abandoned signup. */
export async function findUserByEmail(ctx: SiteContext, email: string, repos: Repositories = ctx.storage): Promise<User | null> {
  const user = await repos.users.findByEmail(normaliseEmail(email));
  return user && !isAbandonedSignup(ctx, user) ? user : null;
}

export async function findUserById(ctx: SiteContext, id: string, repos: Repositories = ctx.storage): Promise<User | null> {
  const user = await repos.users.findById(id);
  return user && !isAbandonedSignup(ctx, user) ? user : null;
}

export function toPublicUser(user: User): PublicUser {
  return { id: user.id, email: user.email, displayName: user.displayName, mfaEnabled: user.totp !== null, role: user.role };
}

/** Whether this user must enrol before doing anything else. */
export function mustEnrol(ctx: SiteContext, user: Pick<User, 'totp' | 'role'>): boolean {
  if (user.totp) return false;
  return ctx.config.mfaPolicy === 'required' || user.role === 'admin';
}
