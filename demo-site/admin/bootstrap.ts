// The administrator account, made at start from ADMIN_EMAIL / ADMIN_PASSWORD, or (for `npm start` on a fresh data
// folder) with a generated password that is printed once. Administrators always enrol TOTP before anything else.
import { randomBytes } from 'node:crypto';
import type { SiteContext } from '../context';
import { hashPassword } from '../accounts/password';
import { assertAcceptablePassword } from '../accounts/password-policy';
import { newUser } from '../accounts/signup';
import { findUserByEmail } from '../accounts/users';

export const GENERATED_ADMIN_EMAIL = 'admin@tessera.test';

export interface CreatedAdmin {
  email: string;
  /** Only when the password was generated here: to be shown once. */
  generatedPassword?: string;
}

async function createAdmin(ctx: SiteContext, email: string, password: string): Promise<void> {
  assertAcceptablePassword(password);
  const passwordHash = await hashPassword(password, ctx.config.argon2);
  if (findUserByEmail(ctx, email)) return;
  const admin = newUser(ctx, { email, password, displayName: 'Administrator' }, passwordHash, 'admin');
  // Active (never removed as an abandoned signup); the session it gets can still only enrol until TOTP is on.
  admin.status = 'active';
  ctx.store.data.users.push(admin);
  await ctx.store.save();
}

export async function ensureAdmin(ctx: SiteContext, options: { createIfNoAdmin: boolean }): Promise<CreatedAdmin | null> {
  const wanted = ctx.config.admin;
  if (wanted) {
    const existing = findUserByEmail(ctx, wanted.email);
    if (existing) {
      if (existing.role === 'admin') return null;
      existing.role = 'admin';
      await ctx.store.save();
      return { email: existing.email };
    }
    const generatedPassword = wanted.password ? undefined : randomBytes(15).toString('base64url');
    await createAdmin(ctx, wanted.email, wanted.password ?? generatedPassword!);
    return { email: wanted.email, generatedPassword };
  }
  if (!options.createIfNoAdmin || ctx.store.data.users.some((user) => user.role === 'admin')) return null;
  const generatedPassword = randomBytes(15).toString('base64url');
  await createAdmin(ctx, GENERATED_ADMIN_EMAIL, generatedPassword);
  return { email: GENERATED_ADMIN_EMAIL, generatedPassword };
}
