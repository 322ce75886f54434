// Access tokens: short-lived JWTs (RFC 9068 shape) signed with the keyring's current key. Claims: sub (the user id),
// iat, exp, iss (the site's origin), aud, amr (how the user signed in) and sid (the sign-in, i.e. the refresh-token
// family), so that revoking a sign-in stops its access tokens at once, not only when they expire.
import { errors, jwtVerify, SignJWT } from 'jose';
import type { SiteContext } from '../context';
import { findUserById } from '../accounts/users';
import type { AuthMethod, RefreshFamily, User } from '../storage/rows';
import { SIGNING_ALGORITHM } from './keyring';
import { accessTokenExpired, accessTokenRevoked, invalidAccessToken } from './errors';

export const ACCESS_TOKEN_AUDIENCE = 'tessera-demo';
const TOKEN_TYPE = 'at+jwt';

export interface AccessToken { accessToken: string; accessTokenExpiresIn: number }

export async function signAccessToken(ctx: SiteContext, grant: { userId: string; familyId: string; amr: AuthMethod[] }, issuer: string): Promise<AccessToken> {
  const { id, privateKey } = await ctx.keyring.signingKey();
  const issuedAt = Math.floor(ctx.now() / 1000);
  const lifetime = Math.floor(ctx.config.tokens.accessTtlMs / 1000);
  const accessToken = await new SignJWT({ amr: grant.amr, sid: grant.familyId })
    .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid: id, typ: TOKEN_TYPE })
    .setSubject(grant.userId)
    .setIssuer(issuer)
    .setAudience(ACCESS_TOKEN_AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + lifetime)
    .sign(privateKey);
  return { accessToken, accessTokenExpiresIn: lifetime };
}

/** The user and the live sign-in behind an access token; throws a token error saying what is wrong. */
export async function verifyAccessToken(ctx: SiteContext, token: string, issuer: string): Promise<{ user: User; family: RefreshFamily }> {
  let subject: string | undefined;
  let familyId: unknown;
  try {
    const { payload } = await jwtVerify(
      token,
      async (header) => (header.kid && (await ctx.keyring.verificationKey(header.kid))) || Promise.reject(invalidAccessToken()),
      { issuer, audience: ACCESS_TOKEN_AUDIENCE, algorithms: [SIGNING_ALGORITHM], typ: TOKEN_TYPE, currentDate: new Date(ctx.now()), requiredClaims: ['sub', 'exp', 'sid'] },
    );
    subject = payload.sub;
    familyId = payload.sid;
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw accessTokenExpired();
    throw invalidAccessToken();
  }
  const family = typeof familyId === 'string' ? await ctx.storage.refreshTokens.findFamily(familyId) : null;
  if (!family || family.userId !== subject) throw invalidAccessToken();
  if (family.revokedAt !== null) throw accessTokenRevoked(family.revokedReason);
  const user = await findUserById(ctx, family.userId);
  if (!user) throw invalidAccessToken();
  return { user, family };
}
