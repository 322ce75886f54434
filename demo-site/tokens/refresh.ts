// Refresh tokens: opaque, random, stored as hashes. Each sign-in of an API client starts a family; trading a refresh
// token (POST /api/token) retires it and hands out the next. A retired token presented again means two holders (a
// copy), so the whole family is revoked and the event audited. Signing out revokes the family too.
import { recordAudit } from '../audit';
import type { RequestInfo, SiteContext } from '../context';
import { createId, createToken, hashToken } from '../crypto/tokens';
import { findUserById } from '../accounts/users';
import type { Repositories } from '../storage/repositories';
import type { AuthMethod, RefreshFamily, User } from '../storage/rows';
import { signAccessToken, type AccessToken } from './access-token';
import { invalidRefreshToken, refreshTokenExpired, refreshTokenReused, refreshTokenRevoked, type RevocationReason } from './errors';

/** A sign-in's refresh token, before its access token is signed. */
export interface TokenGrant { userId: string; familyId: string; amr: AuthMethod[]; refreshToken: string }
export interface TokenSet extends AccessToken { refreshToken: string }

function nextRefreshToken(ctx: SiteContext): { token: string; row: { hash: string; createdAt: number; expiresAt: number } } {
  const token = createToken();
  const now = ctx.now();
  return { token, row: { hash: hashToken(token), createdAt: now, expiresAt: now + ctx.config.tokens.refreshTtlMs } };
}

/** The last step of a sign-in that ends in tokens, inside its transaction. */
export async function startTokenFamily(ctx: SiteContext, user: User, amr: AuthMethod[], tx: Repositories): Promise<TokenGrant> {
  const familyId = createId();
  const { token, row } = nextRefreshToken(ctx);
  await tx.refreshTokens.insertFamily({ id: familyId, userId: user.id, amr, createdAt: row.createdAt, revokedAt: null, revokedReason: null }, { ...row, familyId, retiredAt: null });
  return { userId: user.id, familyId, amr, refreshToken: token };
}

export async function issueTokenSet(ctx: SiteContext, grant: TokenGrant, issuer: string): Promise<TokenSet> {
  return { ...(await signAccessToken(ctx, grant, issuer)), refreshToken: grant.refreshToken };
}

async function revokeForReuse(ctx: SiteContext, family: RefreshFamily, request: RequestInfo): Promise<Error> {
  await ctx.storage.transaction(async (tx) => {
    if (!(await tx.refreshTokens.revokeFamily(family.id, { now: ctx.now(), reason: 'reuse' }))) return;
    await recordAudit(ctx, 'refresh_token_reused', request, { userId: family.userId, details: { familyId: family.id } }, tx);
  });
  return refreshTokenReused();
}

/** POST /api/token: the next refresh token and a new access token, or an error saying why not. */
export async function refreshTokens(ctx: SiteContext, refreshToken: string, issuer: string, request: RequestInfo): Promise<TokenSet> {
  const hash = hashToken(refreshToken);
  const found = await ctx.storage.refreshTokens.find(hash);
  if (!found) throw invalidRefreshToken();
  const { token, family } = found;
  if (family.revokedAt !== null) throw refreshTokenRevoked(family.revokedReason);
  if (token.retiredAt !== null) throw await revokeForReuse(ctx, family, request);
  if (token.expiresAt <= ctx.now()) throw refreshTokenExpired();
  if (!(await findUserById(ctx, family.userId))) throw invalidRefreshToken();
  const next = nextRefreshToken(ctx);
  if (!(await ctx.storage.refreshTokens.rotate(hash, next.row, ctx.now()))) {
    // Another request traded the same token a moment ago (a copy, or a client racing itself), or the family ended.
    const now = await ctx.storage.refreshTokens.find(hash);
    if (now && now.family.revokedAt !== null) throw refreshTokenRevoked(now.family.revokedReason);
    throw await revokeForReuse(ctx, family, request);
  }
  return issueTokenSet(ctx, { userId: family.userId, familyId: family.id, amr: family.amr, refreshToken: next.token }, issuer);
}

/** Ends the sign-in a refresh token belongs to. An unknown or ended one is not an error (RFC 7009): it is ended either way. */
export async function signOutFamily(ctx: SiteContext, familyId: string, request: RequestInfo): Promise<void> {
  await ctx.storage.transaction(async (tx) => {
    const family = await tx.refreshTokens.findFamily(familyId);
    if (!family || !(await tx.refreshTokens.revokeFamily(familyId, { now: ctx.now(), reason: 'signout' }))) return;
    await recordAudit(ctx, 'signout', request, { userId: family.userId, details: { familyId } }, tx);
  });
}

export async function signOutRefreshToken(ctx: SiteContext, refreshToken: string, request: RequestInfo): Promise<void> {
  const found = await ctx.storage.refreshTokens.find(hashToken(refreshToken));
  if (found) await signOutFamily(ctx, found.family.id, request);
}

/** Every token of the account stops working: turning MFA off, a password change, a freeze. Inside the change's transaction. */
export async function revokeAllTokens(ctx: SiteContext, userId: string, reason: RevocationReason, request: RequestInfo, tx: Repositories): Promise<number> {
  const families = await tx.refreshTokens.revokeAllForUser(userId, { now: ctx.now(), reason });
  if (families > 0) await recordAudit(ctx, 'tokens_revoked', request, { userId, details: { reason, families } }, tx);
  return families;
}
