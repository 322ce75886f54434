// Looking users up and showing them to clients (never the hash, the TOTP secret or the attempt counters).
import type { SiteContext } from '../context';
import type { Repositories } from '../storage/repositories';
import type { User } from '../storage/rows';
import { LINKS } from '../mail/links';

export interface PublicUser {
  id: string;
  email: string;
  displayName: string;
  mfaEnabled: boolean;
  role: User['role'];
  emailVerified: boolean;
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * When signups count as abandoned: one that never enrolled in time (the window starts again when the address is
 * verified), and, under EMAIL_VERIFICATION=required, one whose address was not verified while its link lived.
 */
export function abandonedSignupCutoffs(ctx: SiteContext): { unenrolledUpTo: number; unverifiedUpTo?: number } {
  const now = ctx.now();
  const verifying = ctx.config.email.verification === 'required';
  return { unenrolledUpTo: now - ctx.config.pendingAccountMs, ...(verifying ? { unverifiedUpTo: now - LINKS.verify_email.lifetimeMs } : {}) };
}

/** A signup that was abandoned counts as gone (the sweep deletes it), so its email is free again. */
export function isAbandonedSignup(ctx: SiteContext, user: User): boolean {
  const { unenrolledUpTo, unverifiedUpTo } = abandonedSignupCutoffs(ctx);
  if (user.status === 'pending' && (user.emailVerifiedAt ?? user.createdAt) <= unenrolledUpTo) return true;
  return unverifiedUpTo !== undefined && user.emailVerifiedAt === null && user.lastSignInAt === null && user.createdAt <= unverifiedUpTo;
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
  return { id: user.id, email: user.email, displayName: user.displayName, mfaEnabled: user.totp !== null, role: user.role, emailVerified: user.emailVerifiedAt !== null };
}

/** Whether this user must enrol before doing anything else. */
export function mustEnrol(ctx: SiteContext, user: Pick<User, 'totp' | 'role'> & { enrolRequired?: boolean }): boolean {
  if (user.totp) return false;
  return ctx.config.mfaPolicy === 'required' || user.role === 'admin' || user.enrolRequired === true;
}
