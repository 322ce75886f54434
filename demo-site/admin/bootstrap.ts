// The administrator account, made at start from ADMIN_EMAIL / ADMIN_PASSWORD, or (for `npm start` on a fresh data
// folder) with a generated password that is printed once. Administrators always enrol TOTP before anything else.
import { randomBytes } from 'node:crypto';
import type { SiteContext } from '../context';
import { ConfigError, SiteError } from '../errors';
import { recordAudit } from '../audit';
import { hashPassword } from '../accounts/password';
import { assertAcceptablePassword } from '../accounts/password-policy';
import { insertUser, newUser } from '../accounts/signup';
import { findUserByEmail } from '../accounts/users';
import { rescopeUserSessions } from '../auth/session';

export const GENERATED_ADMIN_EMAIL = 'admin@tessera.test';

export interface CreatedAdmin {
  email: string;
  /** Only when the password was generated here: to be shown once. */
  generatedPassword?: string;
}

const STARTUP = { ip: '', userAgent: 'site start' };

/** A password the policy refuses stops the start with a message naming the setting (the password itself is not shown). */
function assertAdminPassword(password: string): void {
  try {
    assertAcceptablePassword(password);
  } catch (error) {
    if (!(error instanceof SiteError)) throw error;
    throw new ConfigError(`Setting ADMIN_PASSWORD is not valid: ${error.message}`);
  }
}

async function createAdmin(ctx: SiteContext, email: string, password: string): Promise<void> {
  assertAdminPassword(password);
  const passwordHash = await hashPassword(password, ctx.config.argon2);
  // Active (never removed as an abandoned signup); the session it gets can still only enrol until TOTP is on.
  // Another process starting at the same moment may have made it: then this insert changes nothing.
  // Its address is the operator's choice, not a claim to verify.
  await insertUser(ctx, { ...newUser(ctx, { email, password, displayName: 'Administrator' }, passwordHash, 'admin'), status: 'active', emailVerifiedAt: ctx.now() });
}

export async function ensureAdmin(ctx: SiteContext, options: { createIfNoAdmin: boolean }): Promise<CreatedAdmin | null> {
  const wanted = ctx.config.admin;
  if (wanted) {
    const existing = await findUserByEmail(ctx, wanted.email);
    if (existing) {
      if (existing.role === 'admin') return null;
      await ctx.storage.transaction(async (tx) => {
        await tx.users.setRole(existing.id, 'admin');
        // Its live sessions now need TOTP too: without it they can only enrol, like any administrator's.
        await rescopeUserSessions(ctx, { ...existing, role: 'admin' }, tx);
        await recordAudit(ctx, 'admin_promoted', STARTUP, { userId: existing.id }, tx);
      });
      return { email: existing.email };
    }
    const generatedPassword = wanted.password ? undefined : randomBytes(15).toString('base64url');
    await createAdmin(ctx, wanted.email, wanted.password ?? generatedPassword!);
    return { email: wanted.email, generatedPassword };
  }
  if (!options.createIfNoAdmin || (await ctx.storage.users.hasAdmin())) return null;
  const generatedPassword = randomBytes(15).toString('base64url');
  await createAdmin(ctx, GENERATED_ADMIN_EMAIL, generatedPassword);
  return { email: GENERATED_ADMIN_EMAIL, generatedPassword };
}
