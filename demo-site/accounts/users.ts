// Looking users up and showing them to clients (never the hash, the TOTP secret or the attempt counters).
import type { SiteContext } from '../context';
import type { User } from '../store/schema';

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

export function findUserByEmail(ctx: SiteContext, email: string): User | undefined {
  const wanted = normaliseEmail(email);
  return ctx.store.data.users.find((user) => user.email === wanted);
}

export function findUserById(ctx: SiteContext, id: string): User | undefined {
  return ctx.store.data.users.find((user) => user.id === id);
}

export function toPublicUser(user: User): PublicUser {
  return { id: user.id, email: user.email, displayName: user.displayName, mfaEnabled: user.totp !== null, role: user.role };
}

/** Whether this user must enrol before doing anything else. */
export function mustEnrol(ctx: SiteContext, user: User): boolean {
  if (user.totp) return false;
  return ctx.config.mfaPolicy === 'required' || user.role === 'admin';
}
